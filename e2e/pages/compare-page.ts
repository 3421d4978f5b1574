import { expect, type Locator, type Page } from '@playwright/test'

/** The Compare view: picking the snapshot to compare, the difference tree and rule pages, the impact. */
export class ComparePage {
  public readonly root: Locator
  public readonly tree: Locator
  public readonly rulePair: Locator
  public readonly impactGrid: Locator
  public readonly objectComparison: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('compare-view')
    this.tree = page.getByTestId('difference-tree')
    this.rulePair = page.getByTestId('rule-pair')
    this.impactGrid = page.getByTestId('impact-grid')
    this.objectComparison = page.getByTestId('object-comparison')
  }

  /** Opens the view from the navigation rail. */
  public async open(): Promise<void> {
    await this.page.getByTestId('nav-rail').getByRole('button', { name: 'Compare' }).click()
    await expect(this.root).toBeVisible()
  }

  /** Waits until the comparison reaches a phase (`none`, `loading`, `ready`, `failed`). */
  public async expectPhase(phase: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-comparison', phase)
  }

  /** Compares the open snapshot with a folder, as the "Compare with…" picker would, and waits for it. */
  public async compareWith(folder: string): Promise<void> {
    await this.page.getByTestId('compare-folder-input').setInputFiles(folder)
    await this.expectPhase('ready')
  }

  /** A branch of the difference tree, by its heading. */
  public branch(label: string): Locator {
    return this.tree.locator('section').filter({ has: this.page.getByRole('heading', { name: label }) })
  }

  /** Selects an entry of the tree by its name. */
  public async select(name: string): Promise<void> {
    await this.tree.getByRole('button', { name }).click()
  }

  /** A row of the side-by-side pages (Description field or transformation target), by its header. */
  public pairRow(header: string): Locator {
    return this.rulePair
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) })
  }

  /** Switches to a tab of the comparison. */
  public async showTab(name: 'Differences' | 'Impact'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
  }

  /** Computes the impact and waits for its summary. */
  public async computeImpact(): Promise<void> {
    await this.page.getByTestId('compute-impact').click()
    await expect(this.page.getByTestId('impact-done')).toBeVisible({ timeout: 60_000 })
  }

  /** The impact's counts line. */
  public counts(): Locator {
    return this.page.getByTestId('impact-counts')
  }

  /** The rendered rows of the impact grid. */
  public impactRows(): Locator {
    return this.impactGrid.locator('[role="rowgroup"]').nth(1).getByRole('row')
  }
}
