import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { attachScreenshot, expect, SMALL_FIXTURE, test } from './app-test'
import { ClassroomControls } from './pages/classroom'
import { MetaverseSearchPage } from './pages/metaverse-search-page'
import { ObjectPage } from './pages/object-page'
import { StartPage } from './pages/start-page'
import { TrainingPage } from './pages/training-page'
import { writeTrainingSnapshot } from './training-files'

// Issue 13: the Service Manager's views as admins know them, room to read, incomplete snapshots, classroom mode.

let folder = ''

test.beforeAll(() => {
  folder = writeTrainingSnapshot()
})

test.describe('faithful to the Service Manager', () => {
  test.beforeEach(async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(folder)
    await new MetaverseSearchPage(page).open()
  })

  test('a snapshot opens on Metaverse Search', async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(writeTrainingSnapshot(10, 'Contoso-export'))
    await expect(page.getByTestId('mv-search')).toBeVisible()
    await expect(
      page.getByTestId('nav-rail').getByRole('button', { name: 'Metaverse Search' }),
    ).toHaveAttribute('aria-current', 'page')
  })

  test('Preview shows Import and Export Attribute Flow with the Service Manager columns', async ({
    page,
  }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.findAndOpen('Maria Lindqvist')
    await object.openTab('Connectors')
    await page.getByTestId('connectors-grid').getByRole('row').filter({ hasText: 'AAD' }).dblclick()
    await object.openTab('Preview')

    const preview = page.getByTestId('preview-tab')
    await expect(preview.getByRole('heading', { name: 'Import Attribute Flow' })).toBeVisible()
    await expect(preview.getByRole('heading', { name: 'Export Attribute Flow' })).toBeVisible()
    const exported = page.getByTestId('preview-export-grid')
    for (const column of [
      'Sync Rule',
      'Data Source',
      'Mapping Type',
      'Target Attribute',
      'Initial Value',
      'Final Value',
      'Status',
    ])
      await expect(exported.getByRole('columnheader', { name: column })).toBeVisible()
    await expect(exported.getByRole('row').filter({ hasText: 'Seattle' }).first()).toContainText('In sync')
    await attachScreenshot(page, testInfo, 'preview-tab')
  })

  test('the Attributes tab names the sync rule and connector of every value a rule wrote', async ({
    page,
  }) => {
    const search = new MetaverseSearchPage(page)
    await search.findAndOpen('Ana Trujillo')
    const department = page
      .getByTestId('attributes-grid')
      .getByRole('row')
      .filter({ hasText: /^department/ })
    await expect(department.locator('.cell--rule')).toHaveText(
      /Contoso - In from AD - User Department from HR/,
    )
    await expect(department.locator('.cell--connector')).toHaveText('contoso.com')
  })

  test("a connector-space object's lineage agrees with its header", async ({ page }) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    await training.open()
    await training.chooseCase('department-from-hr')
    await object.openTab('Connector space object')

    const link = await page.getByTestId('cs-object').locator('.facts .link-button.mono').textContent()
    const lineage = page.getByTestId('cs-lineage')
    await expect(lineage).toContainText(`Linked to metaverse object ${link ?? ''}`)
    await expect(lineage).not.toContainText('never projected')
    await expect(lineage.getByRole('button').nth(1)).toBeVisible()
  })

  test('the target value column shows what the target holds, the computed value beside it', async ({
    page,
  }) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.findAndOpen('Ana Trujillo')
    await object.openTab('Attribute Flow')
    const title = object.flowLine('title').getByTestId('target-value')
    await expect(title).toHaveText('Sales Representative')
    await expect(object.flowLine('title').getByTestId('computed-value')).toHaveCount(0)
  })

  test('Search Connector Space shows displayName and userPrincipalName, and Column Settings adds more', async ({
    page,
  }) => {
    await page
      .getByTestId('nav-rail')
      .getByRole('button', { name: /contoso\.onmicrosoft\.com/ })
      .click()
    const view = page.getByTestId('cs-search')
    await view.getByRole('button', { name: 'Search' }).click()
    const grid = page.getByTestId('cs-results')
    await expect(grid.getByRole('columnheader', { name: 'displayName' })).toBeVisible()
    await expect(grid.getByRole('columnheader', { name: 'userPrincipalName' })).toBeVisible()
    await expect(grid.getByRole('row').filter({ hasText: 'Ana Trujillo' }).first()).toContainText('@')

    await view.getByTestId('column-settings').locator('summary').click()
    await view.getByLabel('Attribute column to add').fill('department')
    await view.getByRole('button', { name: 'Add column' }).click()
    await expect(grid.getByRole('columnheader', { name: 'department' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(view.getByTestId('column-settings')).not.toHaveAttribute('open', '')
  })

  test('Sync Rules: Scoping and Join columns, transformations grid, and the rule scope in Metaverse Search', async ({
    page,
  }) => {
    await page.getByTestId('nav-rail').getByRole('button', { name: 'Sync Rules' }).click()
    const grid = page.getByTestId('rule-grid')
    await expect(grid.getByRole('columnheader', { name: /Scoping/ })).toBeVisible()
    await expect(grid.getByRole('columnheader', { name: /Join/ })).toBeVisible()
    await grid.getByRole('row').filter({ hasText: 'In from AD - User Exchange' }).first().click()
    const detail = page.getByTestId('rule-detail')
    await detail.getByRole('tab', { name: /^Transformations/ }).click()
    await expect(
      page.getByTestId('flow-table').getByRole('columnheader', { name: 'Merge type' }),
    ).toBeVisible()
    const tabs = detail.getByRole('tablist')
    const box = await tabs.boundingBox()
    const last = await detail.getByRole('tab', { name: /^Transformations/ }).boundingBox()
    expect(box && last && last.x + last.width <= box.x + box.width + 1).toBe(true)

    await detail.getByTestId('find-objects-in-scope').click()
    const search = new MetaverseSearchPage(page)
    await expect(page.getByTestId('rule-scope-filter')).toContainText('In from AD - User Exchange')
    await expect(search.count).toContainText('matching')
    const scoped = Number((await search.count.textContent())?.replace(/\D.*$/, ''))
    await page.getByTestId('rule-scope-filter').getByRole('button', { name: 'Remove this filter' }).click()
    await expect(page.getByTestId('rule-scope-filter')).toHaveCount(0)
    await expect(search.count).not.toHaveText(new RegExp(`^${scoped} matching`))
  })
})

test.describe('snapshots that are not complete', () => {
  test('a lone csexport shows its connector space and says the configuration is missing', async ({
    page,
  }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.pickFiles([path.join(folder, 'ConnectorSpaces', 'contoso.com.xml')])
    await start.expectState('ready')

    await expect(page.getByTestId('snapshot-connectors')).toHaveText('1')
    await expect(page.getByTestId('snapshot-gaps')).toContainText('No configuration')
    await expect(page.getByTestId('snapshot-gaps')).toContainText('Metaverse computed')
    await page
      .getByTestId('nav-rail')
      .getByRole('button', { name: /contoso\.com/ })
      .click()
    await page.getByTestId('cs-search').getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('cs-search').getByTestId('result-count')).toContainText(
      /Total retrieved: [1-9]/,
    )
    await page.getByTestId('nav-rail').getByRole('button', { name: 'Sync Rules' }).click()
    await expect(page.getByTestId('rule-grid')).toContainText('no server configuration')
  })

  test('Metaverse Search on a computed metaverse matches values computed from the rules', async ({
    page,
  }) => {
    // The training snapshot without its metaverse export, as customers' exports often come.
    const computed = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-computed-'))
    fs.cpSync(folder, computed, {
      recursive: true,
      filter: (source) => path.basename(source) !== 'Metaverse',
    })
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(computed)
    await expect(page.getByTestId('snapshot-gaps')).toContainText('Metaverse computed')
    const search = new MetaverseSearchPage(page)
    await search.open()

    // The form opens with no clause here, so Search lists the objects by type at once.
    await search.search()
    await expect(search.count).toContainText(/^[1-9][\d,]* matching \(/)

    // A clause on a value is answered from the values the inbound rules compute, as the object view shows them.
    await search.root.getByRole('button', { name: '+ Add clause' }).click()
    await search.setClause(0, 'displayName', 'Starts with', 'Ad')
    await search.search()
    await expect(search.count).toContainText(/^[1-9][\d,]* matching \(/, { timeout: 30_000 })
    const first = search.rows().first()
    const name = ((await first.getByRole('gridcell').first().textContent()) ?? '').trim()
    expect(name).toMatch(/^Ad/)
    await first.dblclick()
    await expect(new ObjectPage(page).root).toContainText(name)
    fs.rmSync(computed, { recursive: true, force: true })
  })

  test('a configuration-only folder says its searches have nothing to find', async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await start.openSnapshot(SMALL_FIXTURE)

    await expect(page.getByTestId('snapshot-gaps')).toContainText('No objects')
    await expect(page.getByTestId('mv-results')).toContainText('searches have nothing to find')
    await expect(page.getByTestId('mv-results')).not.toContainText('Loosen a clause')
  })

  test('an empty folder says it is empty', async ({ page, pageErrors }) => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-empty-'))
    const start = new StartPage(page)
    await start.goto()
    await start.pickFolder(empty)
    await start.expectState('failed')
    await expect(page.getByRole('main')).toContainText('is empty: it holds no file')
    pageErrors.length = 0
  })

  test('the start page points at the collector script', async ({ page }) => {
    const start = new StartPage(page)
    await start.goto()
    await expect(start.root).toContainText('Export-SyncLensSnapshot.ps1')
    await expect(start.root).not.toContainText('is coming')
  })
})

test.describe('keyboard', () => {
  test.beforeEach(async ({ page }) => {
    const training = new TrainingPage(page)
    await training.gotoDefault()
  })

  test('the training snapshot opens on its cases; an opened object takes the focus; Escape closes the Why panel', async ({
    page,
  }) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    await expect(training.root).toBeVisible()
    await training.chooseCase('department-from-hr')
    await expect(object.diagnosis).toBeVisible()
    await expect(object.title).toBeFocused()

    await page.keyboard.press('Escape')
    await expect(object.diagnosis).toHaveCount(0)
    await object.flowLine('department').focus()
    await page.keyboard.press('w')
    await expect(object.diagnosis).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(object.diagnosis).toHaveCount(0)
  })
})

test.describe('classroom mode', () => {
  test('Present hides verdicts and explanations, steps through the path, and Reveal shows them', async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    const classroom = new ClassroomControls(page)
    await training.gotoDefault()
    await classroom.present.click()
    await expect(page.locator('html')).toHaveAttribute('data-present', 'hidden')
    await training.chooseCase('department-from-hr')

    await expect(training.caseNote.getByTestId('case-explanation')).toHaveCount(0)
    await expect(page.getByTestId('case-explanation-hidden')).toBeVisible()
    await expect(object.diagnosis).toHaveCount(0)
    await expect(classroom.stepper).toBeVisible()
    const chips = object.root.getByTestId('diagnosis-chip')
    await expect(chips.first()).toHaveAttribute('data-masked', 'true')
    expect(await object.root.locator('[data-testid="diagnosis-chip"][data-code]').count()).toBe(0)
    await expect(object.root.getByTestId('count-blocking')).toHaveCount(0)

    await expect(classroom.stage).toContainText('Stage 1 of 6')
    await expect(classroom.diagramStage('source')).toHaveAttribute('aria-current', 'step')
    await classroom.nextStage.click()
    await classroom.nextStage.click()
    await expect(classroom.stage).toContainText('Stage 3 of 6: Inbound rules')
    await expect(classroom.diagramStage('inbound')).toHaveAttribute('aria-current', 'step')
    await attachScreenshot(page, testInfo, 'classroom-step')

    await training.open()
    await training.showConcepts()
    await expect(training.diagram.locator('[aria-current="step"]')).toHaveCount(0)

    await classroom.reveal.click()
    await page.getByTestId('history-back').click()
    await expect(object.diagnosis).toBeVisible()
    await expect(training.caseNote.getByTestId('case-explanation')).toBeVisible()
    await expect(object.root.locator('[data-testid="diagnosis-chip"][data-code]').first()).toBeVisible()
    await classroom.present.click()
    await expect(page.locator('html')).not.toHaveAttribute('data-present', /.*/)
  })

  test('every box of the Concepts diagram opens its view', async ({ page }) => {
    const training = new TrainingPage(page)
    await training.gotoDefault()
    await training.showConcepts()
    const expectations: readonly (readonly [string, string])[] = [
      ['import', 'cs-search'],
      ['source-space', 'cs-search'],
      ['inbound', 'sync-rules'],
      ['metaverse', 'mv-search'],
      ['outbound', 'sync-rules'],
      ['target-space', 'cs-search'],
      ['export', 'cs-search'],
    ]
    for (const [stage, view] of expectations) {
      await training.open()
      await training.showConcepts()
      await training.stage(stage).click()
      await expect(page.locator(`[data-testid="${view}"]:visible`)).toBeVisible()
      if (stage === 'outbound')
        await expect(page.getByTestId('direction-outbound')).toHaveAttribute('aria-checked', 'true')
      if (stage === 'import' || stage === 'export')
        await expect(page.locator('[data-testid="cs-search"]:visible').getByTestId('cs-scope')).toHaveValue(
          stage === 'import' ? 'pending-import' : 'pending-export',
        )
    }
  })
})
