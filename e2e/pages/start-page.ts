import { expect, type Locator, type Page } from '@playwright/test'

/** The value of `data-app-state` on <html>. */
export type AppState = 'empty' | 'loading' | 'ready' | 'failed'

/** The start page and the app-wide controls around it (pickers, theme, readiness marker). */
export class StartPage {
  public readonly root: Locator
  public readonly openFolderButton: Locator
  public readonly openFilesButton: Locator
  public readonly themeToggle: Locator

  public constructor(public readonly page: Page) {
    this.root = page.getByTestId('start-page')
    this.openFolderButton = page.getByRole('button', { name: 'Open snapshot folder' })
    this.openFilesButton = page.getByRole('button', { name: 'Open files' })
    this.themeToggle = page.getByTestId('theme-toggle')
  }

  /** Loads the app on its start page (`?start=empty`: without it the training snapshot opens) and waits for it. */
  public async goto(): Promise<void> {
    await this.page.goto('/?start=empty')
    await this.expectState('empty')
  }

  /** Waits for the app's readiness marker to reach a state. */
  public async expectState(state: AppState): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', state)
  }

  /** Picks a folder through the folder input, as the "Open snapshot folder" picker would. */
  public async pickFolder(folder: string): Promise<void> {
    await this.page.getByTestId('open-folder-input').setInputFiles(folder)
  }

  /** Picks loose files through the files input. */
  public async pickFiles(files: readonly string[]): Promise<void> {
    await this.page.getByTestId('open-files-input').setInputFiles([...files])
  }

  /** Opens a folder and waits until the snapshot is ready. */
  public async openSnapshot(folder: string): Promise<void> {
    await this.pickFolder(folder)
    await this.expectState('ready')
  }

  /** The applied theme (`light` or `dark`). */
  public async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme')
  }
}
