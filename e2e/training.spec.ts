import { TRAINING_CASES, type TrainingCase } from '../shared/training/index'
import { attachScreenshot, expect, test } from './app-test'
import { ObjectPage } from './pages/object-page'
import { StartPage } from './pages/start-page'
import { TrainingPage } from './pages/training-page'

function trainingCase(id: string): TrainingCase {
  const found = TRAINING_CASES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No training case ${id}.`)
  return found
}

/** Two cases whose objects and verdicts differ: an attribute out of the connector's selection, and precedence. */
const OPENED_CASES = [trainingCase('employee-id-not-selected'), trainingCase('department-from-hr')]

test.describe('the training snapshot', () => {
  // The browser build generates 2,000 users in its worker at startup: allow it more than the default.
  test.setTimeout(90_000)

  test.beforeEach(async ({ page }) => {
    await new TrainingPage(page).gotoDefault()
  })

  test('the app starts on the training snapshot, marked as such', async ({ page }, testInfo) => {
    const training = new TrainingPage(page)

    await expect(page.getByTestId('snapshot-bar')).toContainText('Contoso training snapshot')
    await expect(training.trainingBadge).toHaveText('Training snapshot')
    await training.open()
    await expect(page.getByRole('list', { name: 'Training cases' }).getByRole('listitem')).toHaveCount(
      TRAINING_CASES.length,
    )
    await attachScreenshot(page, testInfo, 'training-cases')
  })

  for (const opened of OPENED_CASES) {
    test(`the case "${opened.title}" opens its object with ${opened.attribute} diagnosed`, async ({
      page,
    }, testInfo) => {
      const training = new TrainingPage(page)
      const object = new ObjectPage(page)
      await training.open()

      await training.chooseCase(opened.id)

      await expect(object.root).toBeVisible()
      await expect(training.caseNote).toContainText(opened.title)
      await expect(training.caseNote).toContainText(opened.explanation)
      await expect(object.diagnosis).toBeVisible()
      await expect(object.diagnosis).toContainText(opened.attribute)
      await expect(
        object.diagnosis.getByTestId('diagnosis-verdict').getByTestId('diagnosis-chip'),
      ).toHaveAttribute('data-code', opened.code)
      await attachScreenshot(page, testInfo, `training-case-${opened.id}`)
    })
  }

  test('the Concepts diagram opens the Metaverse Search from its metaverse box', async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    await training.open()
    await training.showConcepts()
    await expect(page.getByRole('heading', { name: 'Precedence' })).toBeVisible()
    await attachScreenshot(page, testInfo, 'training-concepts')

    await training.stage('metaverse').click()

    await expect(page.locator('[data-route="search"]')).toBeVisible()
    await expect(
      page.getByTestId('nav-rail').getByRole('button', { name: 'Metaverse Search' }),
    ).toHaveAttribute('aria-current', 'page')
  })

  test('the Concepts panel reads in the dark theme', async ({ page }, testInfo) => {
    const training = new TrainingPage(page)
    await page.getByTestId('theme-toggle').click()
    await training.open()
    await training.showConcepts()

    await expect(training.diagram).toBeVisible()
    await attachScreenshot(page, testInfo, 'training-concepts-dark')
  })
})

test('the start page opens the training snapshot when asked', async ({ page }) => {
  test.setTimeout(90_000)
  const start = new StartPage(page)
  await start.goto()

  await page.getByRole('button', { name: 'Open the training snapshot' }).click()

  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 })
  await expect(new TrainingPage(page).trainingBadge).toBeVisible()
})
