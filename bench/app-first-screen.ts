/**
 * The app's first screen, from page navigation: the browser build (the renderer with its snapshot Web Worker,
 * built as `npm run build:renderer` builds it and served by `vite preview`) in Chromium opens a snapshot folder
 * through its folder input, as the "Open snapshot folder" picker hands it over, and shows Metaverse Search with
 * rows. Each round also times the built CLI's `summary` on the same folder from process start, so that the two
 * figures are taken under the same load. The Electron app cannot run on the benchmark machine (no Electron
 * binary), so the browser build stands for it: the same renderer and the same session code, in a Web Worker.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { build, preview } from 'vite'
import { medianByWall, timed } from './first-screen'
import type { ProcessFigures } from './processes'
import { median } from './stats'
import { chromiumPath, SYSTEM_CHROMIUM } from './chromium'

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
/** The longest a load may take before the round is abandoned (a 10k snapshot takes seconds to a minute). */
const LOAD_TIMEOUT_MS = 15 * 60_000

/** One round of the app, in milliseconds from the navigation. */
export interface AppRound {
  /** The start page shown (the app's code loaded and rendered). */
  readonly startPageMs: number
  /** The snapshot loaded: the app shows its first view (the summary's equivalent). */
  readonly readyMs: number
  /** Metaverse Search shows its first rows after Search is pressed at once. */
  readonly rowsMs: number
}

/** The app's rounds beside the CLI's, interleaved. */
export interface AppFirstScreenResult {
  readonly rounds: number
  readonly app: readonly AppRound[]
  /** Medians of each field over the rounds. */
  readonly appMedian: AppRound
  readonly cli: readonly ProcessFigures[]
  readonly cliMedian: ProcessFigures
}

async function appRound(browser: Browser, base: string, folder: string): Promise<AppRound> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    const started = Date.now()
    await page.goto(`${base}?start=empty`)
    const html = page.locator('html[data-app-state="empty"]')
    await html.waitFor({ state: 'attached', timeout: 60_000 })
    const startPageMs = Date.now() - started
    await page.getByTestId('open-folder-input').setInputFiles(folder)
    await page
      .locator('html[data-app-state="ready"], html[data-app-state="failed"]')
      .waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS })
    if ((await page.locator('html').getAttribute('data-app-state')) !== 'ready')
      throw new Error(`The app could not open ${folder}: ${errors.join('; ')}`)
    const readyMs = Date.now() - started
    const view = page.getByTestId('mv-search')
    if (!(await view.isVisible())) {
      await page.getByTestId('nav-rail').getByRole('button', { name: 'Metaverse Search' }).click()
    }
    await view.getByTestId('search-button').click()
    await page
      .getByTestId('mv-results')
      .locator('[role="rowgroup"]')
      .nth(1)
      .getByRole('row')
      .first()
      .waitFor({ timeout: 120_000 })
    const rowsMs = Date.now() - started
    if (errors.length > 0) throw new Error(`The app failed: ${errors.join('; ')}`)
    return { startPageMs, readyMs, rowsMs }
  } finally {
    await context.close()
  }
}

/**
 * Builds the browser build into `workFolder`, serves it, and measures `rounds` interleaved rounds of the app
 * and of the CLI (`cli`) on `folder`; a skip reason when Chromium is not installed.
 */
export async function measureAppFirstScreen(
  cli: string,
  folder: string,
  rounds: number,
  workFolder: string,
): Promise<AppFirstScreenResult | { readonly skipped: string }> {
  const executablePath = chromiumPath()
  if (executablePath === null)
    return { skipped: `Chromium is not installed at ${SYSTEM_CHROMIUM}: no app first-screen figures.` }
  const outDir = path.join(workFolder, `bench-app-${process.pid}`)
  await build({
    configFile: path.join(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  })
  const server = await preview({
    configFile: path.join(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  try {
    const base = server.resolvedUrls?.local[0]
    if (base === undefined) throw new Error('vite preview did not report its address.')
    const env = { ...process.env, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: '1' }
    const app: AppRound[] = []
    const cliRuns: ProcessFigures[] = []
    for (let round = 0; round < rounds; round += 1) {
      cliRuns.push(timed(process.execPath, [cli, 'summary', folder, '--json'], env))
      app.push(await appRound(browser, base, folder))
    }
    const field = (name: keyof AppRound): number => median(app.map((entry) => entry[name]))
    return {
      rounds,
      app,
      appMedian: { startPageMs: field('startPageMs'), readyMs: field('readyMs'), rowsMs: field('rowsMs') },
      cli: cliRuns,
      cliMedian: medianByWall(cliRuns),
    }
  } finally {
    await browser.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    fs.rmSync(outDir, { recursive: true, force: true })
  }
}
