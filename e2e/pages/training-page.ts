import { expect, type Locator, type Page } from '@playwright/test'

/** The training view (Cases and Concepts) and the training marks around it. */
export class TrainingPage {
  public readonly root: Locator
  public readonly casesTab: Locator
  public readonly conceptsTab: Locator
  public readonly diagram: Locator
  public readonly caseNote: Locator
  public readonly trainingBadge: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('training-view')
    this.casesTab = page.getByRole('tab', { name: 'Cases' })
    this.conceptsTab = page.getByRole('tab', { name: 'Concepts' })
    this.diagram = page.getByTestId('pipeline-diagram')
    this.caseNote = page.getByTestId('training-case-note')
    this.trainingBadge = page.getByTestId('training-badge')
  }

  /** Loads the app as `npm run web` starts it, and waits until the training snapshot is ready. */
  public async gotoDefault(): Promise<void> {
    await this.page.goto('/')
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 })
  }

  /** Opens the training view from the navigation. */
  public async open(): Promise<void> {
    await this.page.getByTestId('nav-rail').getByRole('button', { name: 'Cases and Concepts' }).click()
    await expect(this.root).toBeVisible()
  }

  /** The list item of one case, by its id. */
  public caseItem(caseId: string): Locator {
    return this.page.getByTestId(`case-${caseId}`)
  }

  /** Chooses a case by its one-line symptom. */
  public async chooseCase(caseId: string): Promise<void> {
    await this.caseItem(caseId).locator('.case__open').click()
  }

  /** Shows the Concepts panel. */
  public async showConcepts(): Promise<void> {
    await this.conceptsTab.click()
    await expect(this.diagram).toBeVisible()
  }

  /** One box of the pipeline diagram (`import`, `source-space`, `inbound`, `metaverse`, ...). */
  public stage(id: string): Locator {
    return this.page.getByTestId(`pipeline-stage-${id}`)
  }
}
