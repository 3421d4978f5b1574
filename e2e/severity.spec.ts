import { attachScreenshot, expect, test } from './app-test'
import { MetaverseSearchPage } from './pages/metaverse-search-page'
import { ObjectPage } from './pages/object-page'
import { StartPage } from './pages/start-page'
import { SyncRulesPage } from './pages/sync-rules-page'
import { TrainingPage } from './pages/training-page'
import { writeTrainingSnapshot } from './training-files'

let folder = ''

test.beforeAll(() => {
  folder = writeTrainingSnapshot()
})

test.describe('severity: red means act on this', () => {
  test.beforeEach(async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(folder)
  })

  test('a healthy user shows no red anywhere, and the header counts her findings by severity', async ({
    page,
  }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Ana Trujillo')

    await expect(object.root.getByTestId('finding-counts')).toBeVisible()
    expect(await object.findingCount('blocking')).toBe(0)
    expect(await object.findingCount('by-design')).toBeGreaterThan(0)
    await object.openTab('Attributes')
    await expect(
      object.root.locator('[data-testid="diagnosis-chip"][data-tone="by-design"]').first(),
    ).toBeVisible()
    await expect(object.blockingMarks()).toHaveCount(0)
    await object.openTab('Attribute Flow')
    await expect(object.blockingMarks()).toHaveCount(0)
    await attachScreenshot(page, testInfo, 'healthy-user-flow')
  })

  test('an attribute selected and used by no rule is one finding of the connector, not a mark per user', async ({
    page,
  }, testInfo) => {
    const rules = new SyncRulesPage(page)
    await page.getByTestId('nav-rail').getByRole('button', { name: 'Sync Rules' }).click()
    await rules.connectorFindings.locator('summary').click()
    const accountExpires = rules.connectorFindings.getByRole('row').filter({ hasText: 'accountExpires' })
    await expect(accountExpires).toHaveCount(1)
    await expect(accountExpires.getByTestId('diagnosis-chip')).toHaveAttribute('data-tone', 'unmapped')
    await attachScreenshot(page, testInfo, 'connector-findings')

    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Ana Trujillo')
    expect(await object.findingCount('unmapped')).toBe(0)
  })

  test('a seeded case shows exactly its own red line', async ({ page }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Sofia Marchetti')

    expect(await object.findingCount('blocking')).toBe(1)
    await object.openTab('Attribute Flow')
    await expect(object.flowLine('mobile')).toHaveClass(/flow__row--problem/)
    await expect(object.root.locator('tr.flow__row--problem')).toHaveCount(1)
    await attachScreenshot(page, testInfo, 'seeded-case-red-line')
  })

  test('the Why panel walks the whole path: also blocking and what to do', async ({ page }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Kwame Okafor')
    await object.openTab('Attribute Flow')
    await object.flowLine('employeeID').focus()
    await page.keyboard.press('w')

    await expect(object.diagnosisTitle).toHaveText("Why isn't employeeID syncing?")
    await expect(object.diagnosisAlso.getByTestId('diagnosis-chip')).toHaveAttribute(
      'data-code',
      'NO_OUTBOUND_FLOW',
    )
    await expect(object.diagnosis.getByTestId('diagnosis-fix').locator('li')).toHaveCount(2)
    await attachScreenshot(page, testInfo, 'why-also-blocking')

    await object.diagnosis.getByRole('button', { name: /close/i }).click()
    await object.flowLine('title').focus()
    await page.keyboard.press('w')
    await expect(object.diagnosisTitle).toHaveText('How title flows')
    await expect(object.diagnosisAlso).toHaveCount(0)
  })
})

test.describe('severity in the training view', () => {
  test.setTimeout(90_000)

  test('the Concepts panel explains the three severities', async ({ page }, testInfo) => {
    const training = new TrainingPage(page)
    await training.gotoDefault()
    await training.open()
    await training.showConcepts()

    const concept = page.getByTestId('concept-severity')
    await concept.scrollIntoViewIfNeeded()
    await expect(concept.getByRole('heading', { name: 'How findings are marked' })).toBeVisible()
    await expect(concept.locator('dt')).toHaveText(['Blocking', 'Unmapped', 'By design'])
    await attachScreenshot(page, testInfo, 'concepts-severity')
  })
})
