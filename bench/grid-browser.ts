/**
 * The grid scrolling measurement in Chromium: builds the benchmark page (bench/grid-page) with Vite, serves it
 * with `vite preview`, and drives it with Playwright. The measured grid is the real app's Metaverse Search
 * result grid over 300,000 synthetic objects paged from a worker; the Sync Rules grid over 300,000 synthetic rules
 * held in memory can be measured too (`subject: 'rules'`).
 *
 * Chromium runs without its frame-rate limit and vsync, so that a frame lasts as long as its work
 * (scroll handling, React render, layout, paint) rather than the display's 16.7 ms refresh.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import { frameThreadTimes, traceEvents } from './frame-threads'
import { FRAME_MARK } from './grid-page/frames'
import type { BrowserResult } from './results'
import { median, percentile } from './stats'
import { chromiumPath, SYSTEM_CHROMIUM } from './chromium'

const PAGE_ROOT = fileURLToPath(new URL('./grid-page', import.meta.url))
/** Rows in the grid, as the issue asks. */
export const GRID_ROWS = 300_000
/** Frames scrolled before measuring (JIT warm-up), then measured. */
const WARM_UP_FRAMES = 10
const MEASURED_FRAMES = 300
/** Pixels per frame: a fast fling, so that every frame brings a screenful of new rows. */
const SCROLL_STEP_PX = 1200
/** Attribute columns added through Column Settings before searching, as an admin would. */
const SEARCH_COLUMNS = ['accountName', 'department']

/** Which grid to scroll: the Metaverse Search results in the app, or the Sync Rules grid component alone. */
export type GridSubject = 'metaverse-search' | 'rules'

/** Options of the grid measurements. */
export interface GridMeasureOptions {
  /**
   * Writes, per grid, a Chromium performance trace (`<subject>.trace.json`, for Perfetto or chrome://tracing) and
   * a V8 CPU profile (`<subject>.cpuprofile`, for Chrome DevTools or speedscope) of the measured frames here.
   */
  readonly profileDir?: string
}

const SUBJECTS: Readonly<Record<GridSubject, string>> = {
  'metaverse-search': `Metaverse Search results in the app (DataGrid, pages of 200 rows from a worker, ${2 + SEARCH_COLUMNS.length} columns), ${SCROLL_STEP_PX} px per frame`,
  rules: `standalone page of the Sync Rules grid (RuleGrid: DataGrid with the rule columns), ${SCROLL_STEP_PX} px per frame`,
}

/** Opens Metaverse Search from the navigation rail and adds the attribute columns, through the UI. */
async function openMetaverseSearch(page: Page): Promise<void> {
  await page
    .getByTestId('nav-rail')
    .getByRole('button', { name: 'Metaverse Search' })
    .click({ timeout: 60_000 })
  const settings = page.getByTestId('column-settings')
  await settings.locator('summary').click()
  for (const column of SEARCH_COLUMNS) {
    await settings.getByLabel('Attribute column to add').fill(column)
    await settings.getByRole('button', { name: 'Add column' }).click()
  }
  await settings.locator('summary').click()
}

/**
 * Scrolls each grid's 300k rows in Chromium, one fresh page per grid, building and serving the page once; a skip
 * reason when Chromium is not installed.
 */
export async function measureGridsInChromium(
  outDir: string,
  subjects: readonly GridSubject[],
  options: GridMeasureOptions = {},
): Promise<readonly BrowserResult[] | { readonly skipped: string }> {
  const executablePath = chromiumPath()
  if (executablePath === null) {
    return {
      skipped: `Chromium is not installed at ${SYSTEM_CHROMIUM} (apt-get install chromium): no grid figures.`,
    }
  }
  const pageDir = path.join(outDir, 'grid-page')
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: pageDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 4096,
    },
  })
  const server = await preview({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'warn',
    build: { outDir: pageDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
  })
  try {
    const base = server.resolvedUrls?.local[0]
    if (base === undefined) throw new Error('vite preview did not report its address.')
    const results: BrowserResult[] = []
    for (const subject of subjects) results.push(await measureGrid(browser, base, subject, options))
    return results
  } finally {
    await browser.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}

async function measureGrid(
  browser: Browser,
  base: string,
  subject: GridSubject,
  options: GridMeasureOptions,
): Promise<BrowserResult> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  try {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${base}?subject=${subject}&rows=${GRID_ROWS}`)
    await page.waitForFunction(() => window.gridBench !== undefined, undefined, { timeout: 60_000 })
    if (subject === 'metaverse-search') await openMetaverseSearch(page)
    const firstRowsMs = await page.evaluate(() => window.gridBench?.firstRows() ?? Number.NaN)
    await page.evaluate(([count, step]) => window.gridBench?.scroll(count, step), [
      WARM_UP_FRAMES,
      SCROLL_STEP_PX,
    ] as const)
    const profileDir = options.profileDir
    // Always traced, for each frame's main-thread time; only the scheduler's tasks and the page's marks unless a
    // full trace is asked for, so that tracing itself costs the frames little.
    await browser.startTracing(
      page,
      profileDir === undefined
        ? { categories: ['toplevel', 'blink.user_timing'] }
        : { path: path.join(profileDir, `${subject}.trace.json`) },
    )
    const profiler = profileDir === undefined ? null : await page.context().newCDPSession(page)
    if (profiler !== null) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 })
      await profiler.send('Profiler.start')
    }
    const frames = await page.evaluate(
      ([count, step]) => window.gridBench?.scroll(count, step) ?? Promise.resolve([]),
      [MEASURED_FRAMES, SCROLL_STEP_PX] as const,
    )
    if (profiler !== null && profileDir !== undefined) {
      const { profile } = await profiler.send('Profiler.stop')
      fs.writeFileSync(path.join(profileDir, `${subject}.cpuprofile`), JSON.stringify(profile))
    }
    const trace = await browser.stopTracing()
    const threadTimes = frameThreadTimes(traceEvents(JSON.parse(trace.toString('utf8'))), FRAME_MARK)
    if (pageErrors.length > 0) throw new Error(`The ${subject} grid page failed: ${pageErrors.join('; ')}`)
    return {
      subject: SUBJECTS[subject],
      rows: GRID_ROWS,
      firstRowsMs,
      frames: frames.length,
      medianFrameMs: median(frames),
      p95FrameMs: percentile(frames, 0.95),
      maxFrameMs: Math.max(...frames),
      frameThread:
        threadTimes === null
          ? null
          : {
              medianMs: median(threadTimes),
              p95Ms: percentile(threadTimes, 0.95),
              maxMs: Math.max(...threadTimes),
            },
    }
  } finally {
    await page.close()
  }
}
