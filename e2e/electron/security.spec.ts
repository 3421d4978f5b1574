import { ELECTRON_MISSING_REASON } from '../electron-binary'
import { StartPage } from '../pages/start-page'
import { electronPath, expect, test } from './electron-app'
import { HOST_API_KEYS } from '../../shared/app/host-api'

/** Exactly what shared/app/host-api.ts declares; the preload must expose these and nothing else. */

test.describe('Electron security', () => {
  test.skip(!electronPath, ELECTRON_MISSING_REASON)
  test.use({ snapshotPath: null })

  test('gives the page no Node: no require, no process, no module', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')

    const globals = await appPage.evaluate(() => ({
      require: typeof Reflect.get(window, 'require'),
      process: typeof Reflect.get(window, 'process'),
      module: typeof Reflect.get(window, 'module'),
      buffer: typeof Reflect.get(window, 'Buffer'),
    }))

    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
    })
  })

  test('exposes exactly the HostApi, with no raw IPC', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')

    const exposed = await appPage.evaluate(() => {
      const host: object = window.synclens ?? {}
      return { keys: Object.keys(host).sort(), platform: window.synclens?.platform }
    })

    expect(exposed).toEqual({ keys: HOST_API_KEYS, platform: 'electron' })
  })

  test('refuses malformed requests in the main process', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')

    const error = await appPage.evaluate(() =>
      Promise.resolve(window.synclens?.openRecent('../../etc/passwd')).then(
        () => 'resolved',
        (reason: unknown) => String(reason),
      ),
    )

    expect(error).toMatch(/Refused snapshot:open-recent: unexpected arguments/)
  })

  test('blocks navigation away from the app', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')
    const before = appPage.url()

    const navigated = appPage.waitForEvent('framenavigated', { timeout: 1_000 }).then(
      (frame) => frame.url(),
      () => null,
    )
    await appPage.evaluate(() => {
      window.location.href = 'https://example.com/'
    })

    expect(await navigated).toBeNull()

    expect(appPage.url()).toBe(before)
    expect(before).toBe('app://synclens/index.html')
  })

  test('denies window.open and hands http(s) links to the system browser only', async ({
    electronApp,
    appPage,
  }) => {
    await new StartPage(appPage).expectState('empty')
    const opened = await electronApp.evaluateHandle(({ shell }) => {
      const urls: string[] = []
      // Capture browser handoffs without launching real OS handlers.
      shell.openExternal = async (url: string) => {
        urls.push(url)
      }
      return urls
    })

    const results = await appPage.evaluate(() => [
      window.open('https://example.com/docs') === null,
      window.open('file:///etc/passwd') === null,
      window.open('app://synclens/index.html') === null,
    ])

    expect(results).toEqual([true, true, true])
    await expect.poll(() => opened.jsonValue()).toEqual(['https://example.com/docs'])
    expect(electronApp.windows()).toHaveLength(1)
  })

  test('serves the app with a strict Content-Security-Policy header', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')

    const response = await appPage.reload()

    const policy = (await response?.allHeaders())?.['content-security-policy'] ?? ''
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  })

  test('refuses to serve files outside the renderer build', async ({ appPage }) => {
    await new StartPage(appPage).expectState('empty')

    const statuses = await appPage.evaluate(async () => {
      const probe = async (url: string): Promise<string> => {
        try {
          return String((await fetch(url)).status)
        } catch {
          return 'blocked'
        }
      }
      return [
        await probe('app://synclens/%2e%2e/electron/main.cjs'),
        await probe('app://synclens/..%5c..%5cpackage.json'),
      ]
    })

    expect(statuses.every((status) => status === '403' || status === '404' || status === 'blocked')).toBe(
      true,
    )
  })
})
