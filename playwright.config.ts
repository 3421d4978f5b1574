import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download cannot run on CI machines here. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
/** The browser to drive: the one `npm test` picked (SYNCLENS_CHROMIUM), else Debian's, else Playwright's own. */
const CHROMIUM = [process.env.SYNCLENS_CHROMIUM, SYSTEM_CHROMIUM].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== '' && fs.existsSync(candidate),
)
/**
 * Port for `vite preview` over the built renderer (dist/renderer); `npm test` builds it first. Fixed,
 * unless SYNCLENS_E2E_PORT names another (two checkouts testing at once on one machine).
 */
const PORT = Number(process.env.SYNCLENS_E2E_PORT ?? '') || 4317
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // Baselines of the layout screenshots, without the platform in the name: the fonts are bundled and the
  // browser is the system Chromium, so one baseline serves every machine that runs the suite.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'electron/**',
      use: {
        baseURL: BASE_URL,
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
})
