import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../test-support/samples'
import { attachScreenshot, expect, test } from './app-test'
import { StartPage } from './pages/start-page'
import { SyncRulesPage } from './pages/sync-rules-page'

test.describe('the real Contoso-2016 export', () => {
  test.skip(!samplesAvailable, SAMPLES_SKIP_REASON)

  test.beforeEach(async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(CONTOSO_SERVERCONFIG)
    await new SyncRulesPage(page).open()
  })

  test('loads all 62 rules with the server and build from MV.xml', async ({ page }, testInfo) => {
    const rules = new SyncRulesPage(page)

    await expect(page).toHaveTitle('SyncLens - Contoso-2016')
    await expect(page.getByTestId('snapshot-server')).toHaveText('CONTOSO-SYNC01')
    await expect(page.getByTestId('snapshot-version')).toHaveText('1.1.130.0')
    await expect(page.getByTestId('snapshot-connectors')).toHaveText('2')
    await expect(rules.directionButton('Inbound')).toContainText('28')
    await expect(rules.directionButton('Outbound')).toContainText('34')
    const inbound = Number((await rules.directionButton('Inbound').textContent())?.replace(/\D+/g, ''))
    const outbound = Number((await rules.directionButton('Outbound').textContent())?.replace(/\D+/g, ''))
    expect(inbound + outbound).toBe(62)
    await expect(rules.grid).toHaveAttribute('aria-rowcount', String(inbound + 1))
    await attachScreenshot(page, testInfo, 'contoso-inbound')
  })

  test('shows "In from AD - User Join" at precedence 100 with its five join groups', async ({
    page,
  }, testInfo) => {
    const rules = new SyncRulesPage(page)

    await rules.attributeFilter.fill('msRTCSIP-OriginatorSid')
    await rules.selectRule('In from AD - User Join')

    await expect(rules.row('In from AD - User Join').locator('.cell--precedence')).toHaveText('100')
    await expect(rules.tab('Join rules')).toHaveText('Join rules5')
    await rules.openTab('Join rules')
    const joins = await rules.tableCells('join-table')
    expect(joins.map((row) => row[0])).toEqual(['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Group 5'])
    expect(joins[3]).toEqual(['Group 4', 'msRTCSIP-OriginatorSid', 'objectSid', 'No'])
    await rules.openTab('Transformations')
    await expect(rules.detail.locator('code.expression')).toContainText('SUPPORT_388945a0')
    await attachScreenshot(page, testInfo, 'contoso-user-join')
  })

  test('keyboard navigation scrolls the virtualized grid to the last and first rule', async ({ page }) => {
    const rules = new SyncRulesPage(page)
    await rules.showDirection('Outbound')
    // 34 outbound rules plus the header row: waiting for it keeps the count from being read before the switch.
    await expect(rules.grid).toHaveAttribute('aria-rowcount', '35')
    const count = 34
    await rules.grid.focus()

    await page.keyboard.press('End')

    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', String(count + 1))
    await expect(rules.selectedRow()).toBeInViewport()
    await page.keyboard.press('PageUp')
    await expect(rules.selectedRow()).toBeInViewport()
    await page.keyboard.press('Home')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '2')
    await expect(rules.selectedRow()).toBeInViewport()
  })
})
