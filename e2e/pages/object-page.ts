import type { Locator, Page } from '@playwright/test'

/** The object view: header, tabs, the aligned attribute flow, rule pane and diagnosis panel. */
export class ObjectPage {
  public readonly root: Locator
  public readonly title: Locator
  public readonly rulePane: Locator
  public readonly diagnosis: Locator
  /** The title of the diagnosis panel ("Why isn't X syncing?" or "How X flows"). */
  public readonly diagnosisTitle: Locator
  /** The breaks after the verdict in the diagnosis panel. */
  public readonly diagnosisAlso: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('object-view')
    this.title = page.getByTestId('object-title')
    this.rulePane = page.getByTestId('rule-pane')
    this.diagnosis = page.getByTestId('diagnosis-panel')
    this.diagnosisTitle = page.getByTestId('diagnosis-title')
    this.diagnosisAlso = page.getByTestId('diagnosis-also')
  }

  /** The header's count of findings of one severity, as a number. */
  public async findingCount(severity: 'blocking' | 'unmapped' | 'by-design'): Promise<number> {
    const text = (await this.root.getByTestId(`count-${severity}`).textContent()) ?? ''
    return Number(text.replace(/\D/g, ''))
  }

  /** Every red (blocking) mark in the object view. */
  public blockingMarks(): Locator {
    return this.root.locator('[data-testid="diagnosis-chip"][data-tone="blocking"]')
  }

  public async openTab(
    name: 'Attributes' | 'Connectors' | 'Attribute Flow' | 'Connector space object' | 'Preview',
  ): Promise<void> {
    await this.root.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
  }

  /** Unfolds the rows under an attribute's flow line (no-op when already open). */
  public async expand(attribute: string): Promise<void> {
    const expander = this.expander(attribute)
    if ((await expander.count()) > 0 && (await expander.getAttribute('aria-expanded')) === 'false')
      await expander.click()
  }

  /** The button folding and unfolding the other rules of an attribute's flow line (`aria-expanded` on it). */
  public expander(attribute: string): Locator {
    return this.flowLine(attribute).locator('.flow__expander')
  }

  /** Every row shown (winner and, when unfolded, the others) of an attribute's flow line. */
  public flowRows(attribute: string): Locator {
    return this.root.locator(`tr[data-attribute="${attribute}"]`)
  }

  /** The first row of an attribute's flow line. */
  public flowLine(attribute: string): Locator {
    return this.root.locator(`tr[data-testid="flow-line"][data-attribute="${attribute}"]`)
  }
}
