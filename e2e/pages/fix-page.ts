import { expect, type Locator, type Page } from '@playwright/test'

/** "Draft a fix": the proposed changes, the object before and after, the impact and Save script. */
export class FixPage {
  public readonly root: Locator
  public readonly title: Locator
  public readonly changes: Locator
  public readonly preview: Locator
  public readonly impact: Locator
  public readonly saveScript: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('fix-view')
    this.title = page.getByTestId('fix-title')
    this.changes = page.getByTestId('fix-change')
    this.preview = page.getByTestId('fix-preview')
    this.impact = page.getByTestId('fix-impact')
    this.saveScript = page.getByTestId('fix-save-script')
  }

  /** The verdict chip before (the snapshot) or after the change, in the side-by-side preview. */
  public verdict(side: 'before' | 'after'): Locator {
    return this.preview.getByTestId(`fix-verdict-${side}`).getByTestId('diagnosis-chip')
  }

  /** Waits until the draft is shown and its preview has answered. */
  public async expectPreviewed(): Promise<void> {
    await expect(this.root).toBeVisible()
    await expect(this.preview).toBeVisible({ timeout: 30_000 })
  }

  /** The change cards of one kind (`add-rule`, `clone-rule`, `edit-rule`, `select-attribute`). */
  public changesOfKind(kind: string): Locator {
    return this.root.locator(`[data-testid="fix-change"][data-kind="${kind}"]`)
  }

  /** Counts the impact on the snapshot and waits for the summary. */
  public async countImpact(): Promise<void> {
    await this.impact.getByTestId('fix-count-impact').click()
    await expect(this.impact.getByTestId('fix-impact-summary')).toBeVisible({ timeout: 60_000 })
  }
}
