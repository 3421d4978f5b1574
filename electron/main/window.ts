import fs from 'node:fs'
import { app, BrowserWindow, nativeTheme, screen } from 'electron'
import { APP_ENTRY_URL, APP_NOTICES_URL } from './url-policy'
import { MIN_SIZE, parseWindowState, placeWindow, type WindowState } from './window-state'

/** What the main window needs from the boot code. */
export interface MainWindowOptions {
  /** The bundled preload, `dist/electron/preload.cjs`. */
  readonly preload: string
  /** Where the window's size and position are remembered, in user data. */
  readonly stateFile: string
}

/**
 * Creates the main window: sandboxed, context-isolated, no Node in the page, and the app loaded from
 * `app://synclens/`. It reopens at its last size and position and remembers them when it closes.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    parseWindowState(readText(options.stateFile)),
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'SyncLens',
    show: false,
    // Matches the page's first paint, so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  })
  if (placement.maximized) window.maximize()
  // The title follows the snapshot (set by the main process), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  window.on('close', () => rememberState(options.stateFile, window))
  void window.loadURL(APP_ENTRY_URL)
  return window
}

/**
 * A window showing the third-party license notices the build collected (plain text served by the app
 * protocol): as locked down as the main window, and with no preload, since the page needs no API at all.
 */
export function createNoticesWindow(parent: BrowserWindow | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 760,
    height: 640,
    title: 'SyncLens: Third-Party Licenses',
    ...(parent === null ? {} : { parent }),
    autoHideMenuBar: true,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  })
  window.on('page-title-updated', (event) => event.preventDefault())
  void window.loadURL(APP_NOTICES_URL)
  return window
}

function rememberState(file: string, window: BrowserWindow): void {
  const bounds = window.getNormalBounds()
  const state: WindowState = { ...bounds, maximized: window.isMaximized() }
  try {
    fs.writeFileSync(file, JSON.stringify(state))
  } catch (error) {
    console.warn(`SyncLens could not remember the window size in ${file}:`, error)
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
