import { attachScreenshot, expect, SMALL_FIXTURE, test } from './app-test'
import { StartPage } from './pages/start-page'
import { SyncRulesPage } from './pages/sync-rules-page'

const INBOUND_IN_PRECEDENCE_ORDER = [
  'In from AD - User Department (Custom)',
  'In from AD - Contact Legacy (Custom)',
  'In from AD - User Join',
  'In from AD - User Common',
  'In from AD - Group Join',
  'In from AAD - User Join',
]

test.describe('sync rules of a small server-configuration export', () => {
  test.beforeEach(async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(SMALL_FIXTURE)
    await new SyncRulesPage(page).open()
  })

  test('shows the snapshot header and the window title', async ({ page }, testInfo) => {
    await expect(page).toHaveTitle('SyncLens - serverconfig-small')
    const bar = page.getByTestId('snapshot-bar')
    await expect(bar.getByRole('heading', { level: 1 })).toHaveText('serverconfig-small')
    await expect(page.getByTestId('snapshot-server')).toHaveText('FABRIKAM-SYNC01')
    await expect(page.getByTestId('snapshot-version')).toHaveText('2.3.20.0')
    await expect(page.getByTestId('snapshot-connectors')).toHaveText('2')
    await expect(page.getByTestId('issues-badge')).toHaveCount(0)
    await attachScreenshot(page, testInfo, 'rules-ready')
  })

  test('lists inbound rules in precedence order and switches to outbound', async ({ page }) => {
    const rules = new SyncRulesPage(page)

    await expect(rules.directionButton('Inbound')).toHaveText(/Inbound\s*6/)
    await expect(rules.directionButton('Outbound')).toHaveText(/Outbound\s*3/)
    await expect(rules.grid).toHaveAttribute('aria-rowcount', '7')
    await expect(rules.nameCells()).toHaveText(INBOUND_IN_PRECEDENCE_ORDER)
    await expect(rules.precedenceCells()).toHaveText(['50', '60', '100', '104', '105', '115'])

    await rules.showDirection('Outbound')

    await expect(rules.ruleCount).toHaveText('3 rules')
    await expect(rules.nameCells()).toHaveText([
      'Out to AD - User Writeback (Custom)',
      'Out to AAD - User Join',
      'Out to AAD - Group Join',
    ])
    await expect(rules.grid).toHaveAttribute('aria-label', 'Outbound synchronization rules')

    await page.keyboard.press('ArrowLeft')
    await expect(rules.directionButton('Inbound')).toBeFocused()
    await expect(rules.directionButton('Inbound')).toHaveAttribute('aria-checked', 'true')
    await expect(rules.nameCells()).toHaveCount(6)
  })

  test('dims the disabled rule and marks standard rules', async ({ page }) => {
    const rules = new SyncRulesPage(page)

    const disabled = rules.row('In from AD - Contact Legacy (Custom)')
    await expect(disabled).toHaveClass(/data-grid__row--disabled/)
    await expect(disabled.locator('.cell--disabled')).toHaveText('Yes')
    await expect(rules.row('In from AD - User Join').locator('.standard-mark')).toHaveText('MS')
    await expect(rules.row('In from AD - User Department (Custom)').locator('.standard-mark')).toHaveCount(0)
    const dimmed = await disabled
      .locator('.cell--name .cell-text')
      .evaluate((cell) => getComputedStyle(cell).color)
    const normal = await rules
      .row('In from AD - User Join')
      .locator('.cell--name .cell-text')
      .evaluate((cell) => getComputedStyle(cell).color)
    expect(dimmed).not.toBe(normal)
  })

  test('filters by connector, object types and attribute through the host', async ({ page }) => {
    const rules = new SyncRulesPage(page)

    await rules.connectorFilter.selectOption({ label: 'fabrikam.onmicrosoft.com - AAD (1)' })
    await expect(rules.nameCells()).toHaveText(['In from AAD - User Join'])

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await rules.connectedTypeFilter.selectOption('group')
    await expect(rules.nameCells()).toHaveText(['In from AD - Group Join'])

    await rules.connectedTypeFilter.selectOption('')
    await rules.attributeFilter.fill('objectsid')
    await expect(rules.ruleCount).toHaveText('2 rules')
    await expect(rules.nameCells()).toHaveText(['In from AD - User Join', 'In from AD - Group Join'])

    await rules.attributeFilter.fill('noSuchAttribute')
    await expect(rules.grid).toContainText('No inbound rules match these filters.')
  })

  test('shows the description and the OR-ed scoping groups of a rule', async ({ page }, testInfo) => {
    const rules = new SyncRulesPage(page)

    await rules.selectRule('In from AD - User Department (Custom)')

    await expect(rules.detail.getByRole('heading', { level: 2 })).toHaveText(
      'In from AD - User Department (Custom)',
    )
    await expect(rules.descriptionValue('Connected System')).toHaveText('fabrikam.local')
    await expect(rules.descriptionValue('Precedence')).toHaveText('50')
    await expect(rules.descriptionValue('Link Type')).toHaveText('Join')
    await expect(rules.descriptionValue('Disabled')).toHaveText('No')
    await expect(rules.descriptionValue('Id')).toHaveText('3c9d0b7e-1f2a-4b3c-8d4e-5f6a7b8c9d04')
    await expect(rules.tab('Scoping filter')).toHaveText('Scoping filter3')

    await rules.openTab('Scoping filter')

    await expect
      .poll(() => rules.tableCells('scope-table'))
      .toEqual([
        ['Group 1', 'department', 'EQUAL', 'Sales'],
        ['ANDcompany', 'EQUAL', 'Fabrikam'],
        ['OR'],
        ['Group 2', 'extensionAttribute1', 'STARTSWITH', 'SYNC_'],
      ])
    await attachScreenshot(page, testInfo, 'rule-scoping')
  })

  test('shows join groups in order and says when a rule has no scoping filter', async ({ page }) => {
    const rules = new SyncRulesPage(page)
    await rules.selectRule('In from AD - Contact Legacy (Custom)')
    await rules.openTab('Scoping filter')
    await expect(rules.detail).toContainText('No scoping filter: the rule applies to every object.')

    await rules.selectRule('In from AD - User Join')
    await rules.openTab('Join rules')

    await expect
      .poll(() => rules.tableCells('join-table'))
      .toEqual([
        ['Group 1', 'objectSid', 'objectSid', 'No'],
        ['Group 2', 'msExchMasterAccountSid', 'objectSid', 'No'],
      ])
    await expect(rules.detail).toContainText('Join groups are tried in order')
  })

  test('shows direct, constant and expression transformations with apply once', async ({
    page,
  }, testInfo) => {
    const rules = new SyncRulesPage(page)
    await rules.selectRule('In from AD - User Common')
    await rules.openTab('Transformations')

    await expect
      .poll(() => rules.tableCells('flow-table'))
      .toContainEqual(['Direct', 'displayName', 'displayName', 'No', 'Update'])
    const cells = await rules.tableCells('flow-table')
    expect(cells).toContainEqual(['Direct', 'proxyAddresses', 'proxyAddresses', 'No', 'MergeCaseInsensitive'])
    expect(cells).toContainEqual(['Constant', 'sourceObjectType', '"User"', 'No', 'Update'])
    expect(cells).toContainEqual([
      'Expression',
      'userPrincipalName',
      'IIF(IsPresent([userPrincipalName]), [userPrincipalName], [sAMAccountName] & "@fabrikam.local")',
      'No',
      'Update',
    ])
    await expect(rules.detail.locator('code.expression').first()).toHaveCSS('white-space', 'pre-wrap')
    await attachScreenshot(page, testInfo, 'rule-transformations')

    await rules.selectRule('In from AAD - User Join')
    await expect
      .poll(() => rules.tableCells('flow-table'))
      .toContainEqual(['Constant', 'cloudCreated', '"False"', 'Yes', 'Update'])
  })

  test('moves the selection with the keyboard and hands focus to the detail pane', async ({ page }) => {
    const rules = new SyncRulesPage(page)
    await rules.grid.focus()

    await page.keyboard.press('ArrowDown')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '2')
    await expect(rules.selectedRow().locator('.cell--name')).toHaveText(INBOUND_IN_PRECEDENCE_ORDER[0] ?? '')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '4')
    await page.keyboard.press('End')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '7')
    await page.keyboard.press('PageUp')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '2')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowUp')
    await expect(rules.selectedRow()).toHaveAttribute('aria-rowindex', '2')
    const selectedId = await rules.selectedRow().getAttribute('id')
    await expect(rules.grid).toHaveAttribute('aria-activedescendant', selectedId ?? '')

    await page.keyboard.press('Enter')
    await expect(rules.tab('Description')).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(rules.tab('Scoping filter')).toBeFocused()
    await expect(rules.tab('Scoping filter')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tabpanel')).toHaveAttribute(
      'aria-labelledby',
      'rule-detail-tab-scoping-filter',
    )
    await page.keyboard.press('F6')
    await expect(rules.grid).toBeFocused()
    await page.keyboard.press('F6')
    await expect(rules.tab('Scoping filter')).toBeFocused()
  })

  test('sorts by a header and returns to precedence order on the third click', async ({ page }) => {
    const rules = new SyncRulesPage(page)
    const nameHeader = rules.grid.getByRole('columnheader', { name: 'Name' })

    await nameHeader.getByRole('button').click()
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    await expect(rules.nameCells()).toHaveText(
      [...INBOUND_IN_PRECEDENCE_ORDER].sort((a, b) => a.localeCompare(b)),
    )
    await nameHeader.getByRole('button').click()
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    await nameHeader.getByRole('button').click()

    await expect(nameHeader).toHaveAttribute('aria-sort', 'none')
    await expect(rules.nameCells()).toHaveText(INBOUND_IN_PRECEDENCE_ORDER)
    await rules.grid.focus()
    await nameHeader.getByRole('button').click()
    await expect(rules.grid).toBeFocused()
    await page.keyboard.press('Home')
    await expect(rules.selectedRow().locator('.cell--name .cell-text')).toHaveText('In from AAD - User Join')
  })

  test('resizes the split between the grid and the detail with the keyboard', async ({ page }) => {
    const rules = new SyncRulesPage(page)
    const splitter = page.getByRole('separator', { name: 'Resize the rule list' })
    const before = (await rules.grid.boundingBox())?.width ?? 0

    await splitter.focus()
    await page.keyboard.press('Shift+ArrowLeft')

    await expect.poll(async () => (await rules.grid.boundingBox())?.width ?? 0).toBeCloseTo(before - 80, 0)
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await rules.grid.boundingBox())?.width ?? 0).toBeCloseTo(before - 64, 0)
  })

  test('renders the rules in the dark theme', async ({ page }, testInfo) => {
    const start = new StartPage(page)
    const rules = new SyncRulesPage(page)
    await start.themeToggle.click()
    await rules.selectRule('In from AD - User Join')
    await rules.openTab('Transformations')

    await expect.poll(() => start.theme()).toBe('dark')
    await attachScreenshot(page, testInfo, 'rules-dark')
  })

  test('closes the snapshot and returns to the start page', async ({ page }) => {
    const start = new StartPage(page)

    await page.getByTestId('snapshot-bar').getByRole('button', { name: 'Close' }).click()

    await start.expectState('empty')
    await expect(page).toHaveTitle('SyncLens')
  })
})
