import type { Locator, Page } from '@playwright/test'

/** The Metaverse Search view: scope, clause groups, result grid. */
export class MetaverseSearchPage {
  public readonly root: Locator
  public readonly results: Locator
  public readonly count: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('mv-search')
    this.results = page.getByTestId('mv-results')
    this.count = this.root.getByTestId('result-count')
  }

  /** Opens the view from the navigation rail. */
  public async open(): Promise<void> {
    await this.page.getByTestId('nav-rail').getByRole('button', { name: 'Metaverse Search' }).click()
  }

  /** Fills clause `index` (0-based, over all groups). */
  public async setClause(index: number, attribute: string, operator: string, value?: string): Promise<void> {
    const clause = this.root.getByTestId('clause').nth(index)
    await clause.locator('input').first().fill(attribute)
    await clause.locator('select').selectOption({ label: operator })
    if (value !== undefined) await clause.locator('input').nth(1).fill(value)
  }

  public async addGroup(): Promise<void> {
    await this.root.getByRole('button', { name: '+ Add OR group' }).click()
  }

  public async search(): Promise<void> {
    await this.root.getByTestId('search-button').click()
  }

  /** The rendered result rows. */
  public rows(): Locator {
    return this.results.locator('[role="rowgroup"]').nth(1).getByRole('row')
  }

  /** Opens a result by its display name. */
  public async openResult(name: string): Promise<void> {
    await this.rows().filter({ hasText: name }).first().dblclick()
  }

  /** Searches the open view for the object with this display name and opens it. */
  public async findAndOpen(displayName: string): Promise<void> {
    await this.setClause(0, 'displayName', 'Equals', displayName)
    await this.search()
    await this.openResult(displayName)
  }
}
