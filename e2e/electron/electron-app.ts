import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import type { HostApi } from '../../shared/app/host-api'
import { SMALL_FIXTURE } from '../app-test'
import { findElectronBinary } from '../electron-binary'

export { expect } from '@playwright/test'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The built main process; `npm run build` writes it. */
const MAIN_BUNDLE = path.join(ROOT, 'dist', 'electron', 'main.cjs')

/** The Electron executable, or null on a machine where it could not be downloaded. */
export const electronPath = findElectronBinary()

declare global {
  interface Window {
    /** The HostApi the preload exposes; declared as renderer/host/host.ts does, for specs that call it directly. */
    readonly synclens?: HostApi
  }
}

/** What a spec may choose about the app it launches. */
interface Options {
  /** The snapshot given on the command line; null starts the app empty. */
  readonly snapshotPath: string | null
}

interface Fixtures {
  /** The running app, with its own throw-away user-data folder. */
  readonly electronApp: ElectronApplication
  /** The app's window. */
  readonly appPage: Page
}

/**
 * Playwright's `test` for the Electron app: each test launches the built app with a fresh profile
 * (`SYNCLENS_USER_DATA_DIR`), so no test sees another's recent list or window size.
 */
export const test = base.extend<Options & Fixtures>({
  snapshotPath: [SMALL_FIXTURE, { option: true }],
  electronApp: async ({ snapshotPath }, use) => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-e2e-'))
    const env = Object.fromEntries(
      Object.entries({ ...process.env, SYNCLENS_USER_DATA_DIR: userData }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    )
    const app = await _electron.launch({
      executablePath: electronPath ?? 'electron-binary-missing',
      // Chromium refuses to run sandboxed as root (CI containers); everything else keeps the sandbox.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        MAIN_BUNDLE,
        // Without a snapshot the app opens the training one; these tests start on the empty page instead.
        ...(snapshotPath ? [snapshotPath] : ['--start-empty']),
      ],
      cwd: ROOT,
      env,
    })
    try {
      await use(app)
    } finally {
      await app.close()
      fs.rmSync(userData, { recursive: true, force: true })
    }
  },
  appPage: async ({ electronApp }, use) => {
    await use(await electronApp.firstWindow())
  },
})

/** The title of the app's main window, as the OS shows it (the BrowserWindow's, not the page's). */
export function windowTitle(app: ElectronApplication): Promise<string> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '')
}
