import { attachScreenshot, expect, test } from './app-test'
import { MetaverseSearchPage } from './pages/metaverse-search-page'
import { ObjectPage } from './pages/object-page'
import { StartPage } from './pages/start-page'
import { TrainingPage } from './pages/training-page'
import { writeTrainingSnapshot } from './training-files'

let folder = ''

test.beforeAll(() => {
  folder = writeTrainingSnapshot()
})

test.beforeEach(async ({ page }) => {
  const start = new StartPage(page)
  await start.goto()
  await start.openSnapshot(folder)
})

test.describe('Service Manager views on the training snapshot', () => {
  test('searches with Equals, Starts with and an OR group, adds a column, exports CSV', async ({
    page,
  }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    await search.open()
    await search.setClause(0, 'displayName', 'Equals', 'Ana Trujillo')
    await search.search()
    await expect(search.count).toContainText(/^1 matching/)

    await search.addGroup()
    await search.setClause(1, 'displayName', 'Starts with', 'Carlos M')
    await search.search()
    await expect(search.count).toContainText(/^2 matching/)
    await expect(search.rows()).toHaveCount(2)

    await page.getByTestId('column-settings').locator('summary').click()
    await page.getByLabel('Attribute column to add').fill('department')
    await page.getByRole('button', { name: 'Add column' }).click()
    await expect(search.results.getByRole('columnheader', { name: 'department' })).toBeVisible()
    await expect(search.rows().filter({ hasText: 'Ana Trujillo' })).toContainText('Inside Sales')
    await attachScreenshot(page, testInfo, 'mv-search')

    const download = page.waitForEvent('download')
    await search.root.getByTestId('export-csv').click()
    expect((await download).suggestedFilename()).toBe('metaverse-search-results.csv')
  })

  test('filters to objects with unmapped attributes', async ({ page }) => {
    const search = new MetaverseSearchPage(page)
    await search.open()
    await search.setClause(0, 'displayName', 'Is present')
    await search.search()
    await expect(search.count).toContainText('matching')
    const all = Number((await search.count.textContent())?.split(' ')[0]?.replace(/\D/g, ''))
    await page.getByTestId('unmapped-only').check()
    await search.search()
    // While the session checks each object's flows the count reads "matching so far"; then the final count.
    await expect(search.count).toHaveText(/^[\d,]+ matching \(/, { timeout: 60_000 })
    const unmapped = Number((await search.count.textContent())?.split(' ')[0]?.replace(/\D/g, ''))
    expect(unmapped).toBeGreaterThan(0)
    expect(unmapped).toBeLessThanOrEqual(all)
  })

  test('opens an object: attributes, connectors, the aligned flow with overridden and out-of-scope rows', async ({
    page,
  }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Ana Trujillo')

    await expect(object.title).toHaveText('Ana Trujillo')
    await expect(page.getByTestId('object-type')).toHaveText('person')
    await expect(page.getByTestId('attributes-grid')).toContainText('department')
    await object.openTab('Connectors')
    await expect(
      page.getByTestId('connectors-grid').locator('[role="rowgroup"]').nth(1).getByRole('row'),
    ).toHaveCount(2)

    await object.openTab('Attribute Flow')
    const department = object.flowRows('department')
    await expect(department).toHaveCount(1)
    await expect(department.first().getByTestId('diagnosis-chip').first()).toHaveText('Contributes')
    await object.expand('department')
    const overridden = department.nth(1).getByTestId('diagnosis-chip').first()
    await expect(overridden).toHaveText('Overridden')
    await expect(overridden).toHaveAttribute('title', /by Contoso - In from AD - User Department from HR/)
    await expect(department.nth(1)).toHaveClass(/flow__row--losing/)
    await attachScreenshot(page, testInfo, 'object-flow')

    await page.keyboard.press('Alt+ArrowLeft')
    await expect(search.root).toBeVisible()
    await expect(search.count).toContainText(/^1 matching/)
    await page.getByTestId('history-forward').click()
    await expect(object.title).toHaveText('Ana Trujillo')
  })

  test('shows the failing clause, the rule pane and the diagnosis of an unselected attribute', async ({
    page,
  }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    const object = new ObjectPage(page)
    await search.open()
    await search.findAndOpen('Carlos Mendoza')
    await object.openTab('Attribute Flow')

    await object.expand('proxyAddresses')
    const proxy = object.flowRows('proxyAddresses')
    await expect(proxy.getByTestId('failing-clause').first()).toContainText('mailNickname')
    await proxy
      .filter({ has: page.getByTestId('failing-clause') })
      .first()
      .locator('td[data-side="import"]')
      .first()
      .click()
    await expect(object.rulePane.getByTestId('scope-results')).toContainText('false')
    await attachScreenshot(page, testInfo, 'rule-pane')

    await page.getByTestId('history-back').click()
    await search.findAndOpen('Kwame Okafor')
    await object.openTab('Attribute Flow')
    await object.flowLine('employeeID').focus()
    await page.keyboard.press('w')
    await expect(
      object.diagnosis.getByTestId('diagnosis-verdict').getByTestId('diagnosis-chip'),
    ).toHaveAttribute('data-code', 'NOT_SELECTED_ON_CONNECTOR')
    await expect(object.diagnosis.locator('.step--first-blocking')).toHaveCount(1)
    await page.getByTestId('theme-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await attachScreenshot(page, testInfo, 'diagnosis-dark')
  })
})

test.describe('Service Manager views: routes, rule trace, connector space, copy', () => {
  test('a case route opens the Attribute Flow with its attribute highlighted, unfolded and on screen', async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    await training.open()

    await training.chooseCase('department-from-hr')

    const line = object.flowLine('department')
    await expect(object.root.getByRole('tab', { name: /^Attribute Flow/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expect(line).toHaveAttribute('aria-selected', 'true')
    await expect(line).toHaveClass(/flow__row--selected/)
    await expect(object.expander('department')).toHaveAttribute('aria-expanded', 'true')
    await expect(line).toBeInViewport()
    await expect(object.flowRows('department').nth(1).getByTestId('diagnosis-chip').first()).toHaveText(
      'Overridden',
    )
    await expect(object.diagnosis).toBeVisible()
    await attachScreenshot(page, testInfo, 'case-route-flow')
  })

  test('clicking the inbound side of an Expression line opens the rule pane with its trace', async ({
    page,
  }, testInfo) => {
    const training = new TrainingPage(page)
    const object = new ObjectPage(page)
    await training.open()
    await training.chooseCase('department-from-hr')
    await object.diagnosis.getByRole('button', { name: /close/i }).click()

    // The cell's corner, not its middle: the rule's name (a link to Sync Rules) fills the middle.
    const ruleCell = object.flowLine('department').locator('td[data-side="import"]').nth(1)
    const cellBox = await ruleCell.boundingBox()
    await ruleCell.click({ position: { x: (cellBox?.width ?? 8) - 4, y: (cellBox?.height ?? 8) - 4 } })

    await expect(object.rulePane).toContainText('Contoso - In from AD - User Department from HR')
    await expect(object.rulePane.getByTestId('flow-outcome')).toHaveText('Inside Sales')
    const trace = object.rulePane.getByTestId('trace')
    await expect(trace.locator('li').first()).toBeVisible()
    await expect(trace).toContainText('extensionAttribute2')
    await attachScreenshot(page, testInfo, 'rule-pane-trace')
  })

  test('searches a connector space (All, then Pending export) and opens an object with its pending export', async ({
    page,
  }, testInfo) => {
    const cs = page.getByTestId('cs-search')
    await page
      .getByTestId('nav-rail')
      .getByRole('button', { name: /onmicrosoft/ })
      .click()
    await cs.getByTestId('cs-scope').selectOption({ label: 'All' })
    await cs.getByRole('button', { name: 'Search', exact: true }).click()
    await expect(cs.getByTestId('result-count')).toContainText('matching records')
    await attachScreenshot(page, testInfo, 'cs-search-all')

    await cs.getByTestId('cs-scope').selectOption({ label: 'Pending export' })
    await cs.getByRole('button', { name: 'Search', exact: true }).click()
    const rows = cs.getByTestId('cs-results').locator('[role="rowgroup"]').nth(1).getByRole('row')
    await expect(rows.first()).toBeVisible()
    await rows.first().dblclick()

    const changes = page.getByTestId('cs-changes-grid')
    await expect(changes).toContainText('export')
    await expect(changes).toContainText('Bob Fischer')
    await attachScreenshot(page, testInfo, 'cs-object-pending-export')
  })

  test('Ctrl+C on a result cell copies its text through the hidden textarea', async ({ page }, testInfo) => {
    const search = new MetaverseSearchPage(page)
    await search.open()
    await search.setClause(0, 'displayName', 'Starts with', 'A')
    await search.search()
    // The first row is the grid's placeholder until the results arrive: wait for a result before reading its text.
    await expect(search.rows().first().getByRole('gridcell').first()).toHaveText(/^A/)
    await page.evaluate(() => {
      document.addEventListener(
        'copy',
        (event) => {
          if (event.target instanceof HTMLTextAreaElement)
            document.documentElement.dataset.copied = event.target.value
        },
        true,
      )
    })
    const cell = search.rows().first().getByRole('gridcell').first()
    const text = (await cell.textContent()) ?? ''

    await cell.click()
    await page.keyboard.press('Control+C')

    await expect(page.locator('html')).toHaveAttribute('data-copied', text)
    expect(text).toMatch(/^A/)
    await attachScreenshot(page, testInfo, 'mv-search-copy')
  })
})
