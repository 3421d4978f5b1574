import type { Locator, Page } from '@playwright/test'

/** The Sync Rules view: filters, the virtualized grid, and the rule detail pane. */
export class SyncRulesPage {
  public readonly root: Locator
  public readonly grid: Locator
  public readonly detail: Locator
  public readonly ruleCount: Locator
  public readonly connectorFilter: Locator
  public readonly connectedTypeFilter: Locator
  public readonly metaverseTypeFilter: Locator
  public readonly attributeFilter: Locator
  /** Findings about connectors' attribute lists, once per connector. */
  public readonly connectorFindings: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('sync-rules')
    this.grid = page.getByRole('grid')
    this.detail = page.getByTestId('rule-detail')
    this.ruleCount = page.getByTestId('rule-count')
    this.connectorFilter = page.getByTestId('filter-connector')
    this.connectedTypeFilter = page.getByTestId('filter-connected-type')
    this.metaverseTypeFilter = page.getByTestId('filter-metaverse-type')
    this.attributeFilter = page.getByTestId('filter-attribute')
    this.connectorFindings = page.getByTestId('connector-findings')
  }

  /**
   * Opens the view from the navigation rail (a snapshot opens on Metaverse Search) and waits for its rows, so that
   * what follows acts on this view's grid rather than on the Metaverse Search grid it replaces.
   */
  public async open(): Promise<void> {
    await this.page.getByTestId('nav-rail').getByRole('button', { name: 'Sync Rules' }).click()
    await this.root.waitFor()
    await this.bodyRows().first().waitFor()
  }

  /** Switches between inbound and outbound rules. */
  public async showDirection(direction: 'Inbound' | 'Outbound'): Promise<void> {
    await this.page.getByTestId(`direction-${direction.toLowerCase()}`).click()
  }

  /** The direction switch button (its name carries the count). */
  public directionButton(direction: 'Inbound' | 'Outbound'): Locator {
    return this.page.getByTestId(`direction-${direction.toLowerCase()}`)
  }

  /** The rendered body rows (the grid is virtualized: only rows near the viewport exist). */
  public bodyRows(): Locator {
    return this.grid.locator('[role="rowgroup"]').nth(1).getByRole('row')
  }

  /** The row of a rule, by its exact name. */
  public row(name: string): Locator {
    return this.bodyRows().filter({
      has: this.page.locator('.cell--name .cell-text').getByText(name, { exact: true }),
    })
  }

  /** The name cells of the rendered rows, top to bottom (assert with `toHaveText([...])`, which retries). */
  public nameCells(): Locator {
    return this.bodyRows().locator('.cell--name .cell-text')
  }

  /** The precedence cells of the rendered rows, top to bottom. */
  public precedenceCells(): Locator {
    return this.bodyRows().locator('.cell--precedence')
  }

  /** The selected row. */
  public selectedRow(): Locator {
    return this.grid.locator('[role="row"][aria-selected="true"]')
  }

  /** Selects a rule by clicking its name (the row's middle may lie beyond the pane's right edge). */
  public async selectRule(name: string): Promise<void> {
    await this.row(name).getByRole('gridcell').first().click()
  }

  /** A tab of the detail pane. */
  public tab(name: 'Description' | 'Scoping filter' | 'Join rules' | 'Transformations'): Locator {
    return this.detail.getByRole('tab', { name: new RegExp(`^${name}`) })
  }

  /** Opens a page of the selected rule. */
  public async openTab(
    name: 'Description' | 'Scoping filter' | 'Join rules' | 'Transformations',
  ): Promise<void> {
    await this.tab(name).click()
  }

  /** The cells of a detail table, row by row (header excluded), as trimmed text. */
  public async tableCells(testId: 'scope-table' | 'join-table' | 'flow-table'): Promise<string[][]> {
    return this.detail
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
        ),
      )
  }

  /** A field of the Description page, by label. */
  public descriptionValue(label: string): Locator {
    return this.detail
      .getByTestId('rule-description')
      .locator('.fields__row')
      .filter({ has: this.page.locator('dt').getByText(label, { exact: true }) })
      .locator('dd')
  }
}
