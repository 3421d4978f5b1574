import fs from 'node:fs'
import { TRAINING_CASES, type TrainingCase } from '../shared/training/index'
import { attachScreenshot, expect, test } from './app-test'
import { FixPage } from './pages/fix-page'
import { ObjectPage } from './pages/object-page'
import { TrainingPage } from './pages/training-page'

function trainingCase(id: string): TrainingCase {
  const found = TRAINING_CASES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No training case ${id}.`)
  return found
}

const KWAME = trainingCase('employee-id-not-selected')
const ANA = trainingCase('department-from-hr')
const SOFIA = trainingCase('parked-account-ou-filtered')

test.describe('Draft a fix', () => {
  // The browser build generates 2,000 users in its worker at startup: allow it more than the default.
  test.setTimeout(120_000)

  test.beforeEach(async ({ page }) => {
    const training = new TrainingPage(page)
    await training.gotoDefault()
    await training.open()
  })

  test("Kwame's employeeID: both breaks drafted from the Why panel, and the preview turns OK", async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    const fix = new FixPage(page)
    await training.chooseCase(KWAME.id)
    await expect(object.diagnosis).toBeVisible()

    await object.diagnosis.getByTestId('diagnosis-draft-fix').click()
    await fix.expectPreviewed()

    await expect(fix.title).toContainText(`${KWAME.attribute} of ${KWAME.dn}`)
    await expect(fix.changesOfKind('select-attribute')).toHaveCount(2)
    await expect(fix.changesOfKind('add-rule')).toHaveCount(1)
    await expect(fix.changesOfKind('add-rule').getByTestId('fix-rule-name')).toContainText('Out to AAD')
    await expect(fix.verdict('before')).toHaveAttribute('data-code', 'NOT_SELECTED_ON_CONNECTOR')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')
    await expect(fix.preview.getByTestId('fix-moved')).toContainText('<employeeID from contoso.com>')
    await attachScreenshot(page, testInfo, 'fix-kwame-employee-id')

    // The value the directory holds replaces the stand-in, and the preview follows.
    await fix.changesOfKind('select-attribute').first().getByTestId('fix-stand-in').fill('E-10422')
    await expect(fix.preview.getByTestId('fix-moved')).toContainText('E-10422')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')

    // The outbound mapping as an expression: what it computes for Kwame shows as the user types.
    const mapping = fix.changesOfKind('add-rule').getByTestId('fix-flow').first()
    await mapping.getByTestId('fix-flow-type').selectOption('Expression')
    await mapping.getByTestId('fix-flow-expression').fill('"EMP-" & Mid([employeeID], 3, 5)')
    await expect(mapping.getByTestId('fix-flow-outcome')).toContainText('EMP-10422')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')
    await mapping.getByTestId('fix-flow-expression').fill('"EMP-" & Mid([employeeID], 3')
    await expect(fix.changesOfKind('add-rule').getByTestId('fix-problems')).toContainText('does not parse')
    await expect(fix.saveScript).toBeDisabled()
    await mapping.getByTestId('fix-flow-expression').fill('[employeeID]')
    await expect(mapping.getByTestId('fix-flow-outcome')).toContainText('E-10422')
    await expect(fix.saveScript).toBeEnabled()

    await fix.countImpact()
    await expect(fix.impact).toContainText('employeeID')
    await expect(fix.impact).toContainText('next full import')
  })

  test("Sofia's parked account: the container filter change, previewed OK and counted", async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    const fix = new FixPage(page)
    await training.chooseCase(SOFIA.id)
    await expect(object.diagnosis).toBeVisible()

    await object.diagnosis.getByTestId('diagnosis-draft-fix').click()
    await fix.expectPreviewed()

    await expect(fix.verdict('before')).toHaveAttribute('data-code', 'OU_FILTERED')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')
    await expect(fix.changes).toHaveCount(1)
    await expect(fix.changesOfKind('include-container').getByTestId('fix-container-edits')).toContainText(
      'Clear the exclusion of OU=Parked Accounts',
    )
    await fix.countImpact()
    await expect(fix.impact.getByTestId('fix-impact-kept')).toContainText(
      'instead of leaving at the next full import',
    )
    await attachScreenshot(page, testInfo, 'fix-sofia-ou-filtered')
  })

  test("Ana's department: drafted from the Attribute Flow line, edited, counted and saved as a script", async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    const fix = new FixPage(page)
    await training.chooseCase(ANA.id)
    await object.openTab('Attribute Flow')

    // The line has no problem of its own (the HR rule's value flows); the case selected it, which offers the draft.
    await object.flowLine(ANA.attribute).getByTestId('draft-fix-button').click()
    await fix.expectPreviewed()

    await expect(fix.verdict('before')).toHaveAttribute('data-code', 'OVERRIDDEN_BY_PRECEDENCE')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')
    const compared = fix.preview.locator(
      `[data-testid="fix-compare-line"][data-attribute="${ANA.attribute}"]`,
    )
    await expect(compared).toContainText('Inside Sales')
    await expect(compared).toContainText('Sales')

    // Putting the HR rule back before the Contoso copy brings the verdict back.
    const precedence = fix.changes.first().getByTestId('fix-precedence')
    await precedence.fill('49')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OVERRIDDEN_BY_PRECEDENCE')
    await precedence.fill('91')
    await expect(fix.verdict('after')).toHaveAttribute('data-code', 'OK')

    await fix.countImpact()
    await expect(fix.impact.getByTestId('fix-impact-summary')).toContainText('objects change')
    await expect(fix.impact.getByTestId('fix-impact-list')).toContainText('Ana Trujillo')
    await attachScreenshot(page, testInfo, 'fix-ana-department')

    const download = page.waitForEvent('download')
    await fix.saveScript.click()
    const saved = await download
    await expect(page.getByTestId('fix-saved')).toContainText('staging server first')
    const script = fs.readFileSync(await saved.path(), 'utf8')
    expect(saved.suggestedFilename()).toBe('synclens-fix-department-Ana-Trujillo.ps1')
    expect(script).toContain('-Precedence 91')
    expect(script).toContain('Add-ADSyncRule')
  })
})
