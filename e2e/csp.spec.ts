import { expect, SMALL_FIXTURE, test } from './app-test'
import { StartPage } from './pages/start-page'
import { SyncRulesPage } from './pages/sync-rules-page'

declare global {
  interface Window {
    /** CSP violations the page reported, collected by an init script. */
    cspViolations?: string[]
    /** Set only if an injected inline script ran (it must not). */
    injectedScriptRan?: boolean
  }
}

test.describe('content security policy', () => {
  test.beforeEach(async ({ page }) => {
    // Init scripts come from the test driver, not the page, so the policy does not apply to this one.
    await page.addInitScript(() => {
      window.cspViolations = []
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`),
      )
    })
  })

  test('the built app runs under its deny-by-default policy without a violation', async ({ page }) => {
    const start = new StartPage(page)
    const rules = new SyncRulesPage(page)
    await start.goto()

    await start.openSnapshot(SMALL_FIXTURE)
    await rules.open()
    await rules.selectRule('In from AD - User Join')
    await rules.openTab('Transformations')
    await start.themeToggle.click()
    await rules.showDirection('Outbound')

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("worker-src 'self';")
    expect(await page.evaluate(() => window.cspViolations)).toEqual([])
  })

  test("the server sends the policy as a header, with frame-ancestors 'none'", async ({ page }) => {
    const response = await page.request.get('./')
    const header = response.headers()['content-security-policy'] ?? ''

    expect(header).toContain("frame-ancestors 'none'")
    expect(header).toContain("worker-src 'self';")
    expect(header.replace("; frame-ancestors 'none'", '')).toBe(
      await page
        .goto('./')
        .then(() => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')),
    )
  })

  test('the policy is enforced: an injected inline script does not run', async ({ page, pageErrors }) => {
    const start = new StartPage(page)
    await start.goto()

    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injectedScriptRan = true'
      document.head.append(script)
    })

    expect(await page.evaluate(() => window.injectedScriptRan)).toBeUndefined()
    // The header and the page's meta tag each enforce the policy, so each may report the refusal.
    await expect.poll(() => page.evaluate(() => window.cspViolations?.length ?? 0)).toBeGreaterThan(0)
    expect(new Set(await page.evaluate(() => window.cspViolations))).toEqual(
      new Set(['script-src-elem inline']),
    )
    // The refusal is logged as a console error on purpose; it is this test's expected outcome.
    pageErrors.splice(0, pageErrors.length)
  })
})
