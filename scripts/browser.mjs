// Finds a Chromium for Playwright: Debian's /usr/bin/chromium when present (machines without
// internet), else Playwright's own browser, downloading it on first use (users' machines).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

/** Debian's Chromium, used when installed. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** The Chromium path the e2e tests should use, or null to let Playwright use its own. */
export function systemChromium() {
  const fromEnv = process.env.SYNCLENS_CHROMIUM
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv
  return fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null
}

/** Makes sure some Chromium exists; returns the system one, or null when Playwright's own is ready. */
export async function ensureBrowser() {
  const system = systemChromium()
  if (system) return system
  const { chromium } = await import('playwright')
  if (fs.existsSync(chromium.executablePath())) return null
  process.stdout.write("No Chromium found: downloading Playwright's (one time, about 150 MB)...\n")
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stdout.write(
      'Could not download a browser for the end-to-end tests. Install Chromium (Debian/Ubuntu: apt-get install chromium) ' +
        'or run "npx playwright install chromium" when online, then run npm test again.\n',
    )
  }
  return null
}
