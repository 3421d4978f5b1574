/**
 * The grid scrolling measurement in Chromium: builds the standalone grid page (bench/grid-page)
 * with Vite, serves it with `vite preview`, and drives it with Playwright.
 *
 * Chromium runs without its frame-rate limit and vsync, so that a frame lasts as long as its work
 * (scroll handling, React render, layout, paint) rather than the display's 16.7 ms refresh.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import type { BrowserResult } from './results'
import { median, percentile } from './stats'

const PAGE_ROOT = fileURLToPath(new URL('./grid-page', import.meta.url))
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
/** Rows in the grid, as the issue asks. */
export const GRID_ROWS = 300_000
/** Frames scrolled before measuring (JIT warm-up), then measured. */
const WARM_UP_FRAMES = 10
const MEASURED_FRAMES = 300
/** Pixels per frame: a fast fling, so that every frame brings a screenful of new rows. */
const SCROLL_STEP_PX = 1200

function chromiumPath(): string | null {
  return (
    [process.env.SYNCLENS_CHROMIUM, SYSTEM_CHROMIUM].find(
      (candidate): candidate is string =>
        candidate !== undefined && candidate !== '' && fs.existsSync(candidate),
    ) ?? null
  )
}

/** Scrolls the 300k-row grid in Chromium; a skip reason when Chromium is not installed. */
export async function measureGridInChromium(
  outDir: string,
): Promise<BrowserResult | { readonly skipped: string }> {
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
    build: { outDir: pageDir, emptyOutDir: true, reportCompressedSize: false },
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${base}?rows=${GRID_ROWS}`)
    await page.waitForFunction(() => window.gridBench?.firstRowsMs != null, undefined, { timeout: 120_000 })
    const firstRowsMs = await page.evaluate(() => window.gridBench?.firstRowsMs ?? Number.NaN)
    await page.evaluate((frames) => window.gridBench?.scroll(frames, 1200), WARM_UP_FRAMES)
    const frames = await page.evaluate(
      ([count, step]) => window.gridBench?.scroll(count, step) ?? Promise.resolve([]),
      [MEASURED_FRAMES, SCROLL_STEP_PX] as const,
    )
    return {
      subject: `standalone page of the Sync Rules grid component (RuleGrid), ${SCROLL_STEP_PX} px per frame`,
      rows: GRID_ROWS,
      firstRowsMs,
      frames: frames.length,
      medianFrameMs: median(frames),
      p95FrameMs: percentile(frames, 0.95),
      maxFrameMs: Math.max(...frames),
    }
  } finally {
    await browser.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}
