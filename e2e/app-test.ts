import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'

/** Playwright's `expect`, re-exported so specs import everything from here. */
export { expect }

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url))

/** Folder of the hand-written server-configuration export used by the specs. */
export const SMALL_FIXTURE = path.join(E2E_DIR, 'fixtures', 'serverconfig-small')

/** Where screenshots are copied for people to look at (Playwright's attachments live in its report). */
const SCREENS_DIR = path.resolve(E2E_DIR, '..', 'test-results', 'screens')

/** Takes a screenshot, attaches it to the test, and keeps a copy under test-results/screens/. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: false })
  await testInfo.attach(name, { body, contentType: 'image/png' })
  fs.mkdirSync(SCREENS_DIR, { recursive: true })
  fs.writeFileSync(path.join(SCREENS_DIR, `${testInfo.project.name}-${name}.png`), body)
}

/**
 * The Playwright `test`, failing any test whose page logs an error: a CSP violation, an uncaught exception, or
 * a failed worker all show up there first.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use(errors)
      expect(errors, 'errors logged by the page').toEqual([])
    },
    { auto: true },
  ],
})
