import fs from 'node:fs'
import path from 'node:path'
import { attachScreenshot, expect, test } from './app-test'
import { COMPARE_EDITS, STAGING_EDITS, writeConfigurationOnlyCopy, writeStagingCopy } from './compare-files'
import { ComparePage } from './pages/compare-page'
import { StartPage } from './pages/start-page'
import { writeTrainingSnapshot } from './training-files'

test.describe('Compare with another snapshot', () => {
  let active = ''
  let staging = ''
  let configurationOnly = ''

  test.beforeAll(() => {
    active = writeTrainingSnapshot(40)
    staging = writeStagingCopy(active)
    configurationOnly = writeConfigurationOnlyCopy(active)
  })

  test.afterAll(() => {
    fs.rmSync(path.dirname(active), { recursive: true, force: true })
  })

  test.beforeEach(async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(active)
  })

  test('lists the two rule changes and shows each rule side by side', async ({ page }, testInfo) => {
    const compare = new ComparePage(page)
    await compare.open()
    await compare.expectPhase('none')

    await compare.compareWith(staging)

    await expect(page.getByRole('tab', { name: /^Differences/ })).toContainText('2')
    await expect(compare.branch('Inbound rules').getByRole('button')).toHaveText([
      new RegExp(`^${COMPARE_EDITS.editedRule}1 difference`),
      new RegExp(`^${COMPARE_EDITS.movedRule}1 difference`),
    ])
    await expect(compare.branch('Connectors')).toContainText('No differences')

    await compare.select(COMPARE_EDITS.movedRule)
    await expect(compare.pairRow('Precedence')).toHaveClass(/mark--changed/)
    await expect(compare.pairRow('Precedence')).toContainText('50')
    await expect(compare.pairRow('Precedence')).toContainText('95')
    await expect(compare.pairRow('Name')).not.toHaveClass(/mark--changed/)

    await compare.select(COMPARE_EDITS.editedRule)
    await expect(compare.pairRow('displayName')).toHaveClass(/mark--changed/)
    await expect(compare.pairRow('displayName')).toContainText('(Contoso)')
    await attachScreenshot(page, testInfo, 'compare-differences')
  })

  test("computes the impact and opens an object's attributes under both configurations", async ({
    page,
  }, testInfo) => {
    const compare = new ComparePage(page)
    await compare.open()
    await compare.compareWith(staging)
    await compare.showTab('Impact')

    await compare.computeImpact()

    await expect(compare.counts()).toContainText('0 provisioned, 0 deleted, 0 disconnected')
    await page.getByTestId('impact-attribute').selectOption('department')
    await expect(compare.impactRows().first()).toContainText('department')
    await compare.impactRows().first().click()
    const changed = compare.objectComparison.locator('tr.mark--changed')
    // The HR rule's users: their department moves to the AD value, and every user's displayName changes.
    await expect(changed.getByRole('rowheader')).toHaveText(['department', 'displayName'])
    await attachScreenshot(page, testInfo, 'compare-impact')

    await page.getByTestId('close-comparison').click()
    await compare.expectPhase('none')
  })

  test("applies a staging server's configuration to the active server's objects", async ({
    page,
  }, testInfo) => {
    const compare = new ComparePage(page)
    await compare.open()
    await compare.compareWith(configurationOnly)

    // The renamed connector is one connector: its rules pair, and only the disabled one differs.
    await expect(compare.branch('Connectors')).toContainText(STAGING_EDITS.connectorName)
    await compare.select(STAGING_EDITS.connectorName)
    await expect(compare.root).toContainText('they are compared as one because both are AD connectors')
    await expect(compare.branch('Inbound rules').getByRole('button')).toHaveText([
      new RegExp(`^${STAGING_EDITS.disabledRule}1 difference`),
    ])

    await compare.showTab('Impact')
    await compare.computeImpact()
    await expect(compare.root).toContainText("both configurations are applied to A's objects")
    // Department falls back to the AD value for the HR rule's users; nobody is disconnected by the rename.
    await expect(compare.counts()).toContainText('0 provisioned, 0 deleted, 0 disconnected')
    await page.getByTestId('impact-attribute').selectOption('department')
    await expect(compare.impactRows().first()).toContainText('department')
    await compare.impactRows().first().click()
    const changed = compare.objectComparison.locator('tr.mark--changed')
    await expect(changed.getByRole('rowheader')).toHaveText(['department'])
    await attachScreenshot(page, testInfo, 'compare-staging-configuration')
  })

  test('warns about a configuration file of B it could not read', async ({ page }, testInfo) => {
    const broken = `${configurationOnly}-broken`
    fs.cpSync(configurationOnly, broken, { recursive: true })
    const rules = path.join(broken, 'SynchronizationRules')
    const [first] = fs.readdirSync(rules)
    if (first === undefined) throw new Error(`No rule files in ${rules}`)
    const file = path.join(rules, first)
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 300))

    const compare = new ComparePage(page)
    await compare.open()
    await compare.compareWith(broken)
    const warning = page.getByTestId('configuration-warnings-B')
    await expect(warning).toContainText('B has 1 problem in its configuration files')
    await warning.locator('summary').click()
    await expect(warning).toContainText(`SynchronizationRules/${first}`)
    await expect(page.getByTestId('configuration-warnings-A')).toHaveCount(0)
    await attachScreenshot(page, testInfo, 'compare-configuration-warning')
  })
})
