import type { Locator, Page } from '@playwright/test'

/** Classroom mode's controls and what it hides: the Present switch, Reveal, the step-through. */
export class ClassroomControls {
  public readonly present: Locator
  public readonly reveal: Locator
  public readonly stepper: Locator
  public readonly stage: Locator
  public readonly nextStage: Locator

  public constructor(public readonly page: Page) {
    this.present = page.getByTestId('present-toggle')
    this.reveal = page.getByTestId('reveal-toggle')
    this.stepper = page.getByTestId('path-stepper')
    this.stage = page.getByTestId('path-stage')
    this.nextStage = page.getByTestId('next-stage')
  }

  /** The box of the step-through's diagram standing for a stage of the path (`source`, `inbound`, ...). */
  public diagramStage(pathStage: string): Locator {
    return this.stepper.locator(`[data-path-stage="${pathStage}"]`)
  }
}
