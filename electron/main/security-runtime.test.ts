import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as FakeModule from './testing/fake-electron'
import type * as ChecksModule from './testing/security-checks'

// The main process's real boot (main.ts: security, protocol, window, IPC, menu, log) runs against a recording
// fake of the electron module, and the security baseline is checked against what it did. Then insecure variants
// are planted, one at a time, to show the same checks catch them.

const FAKE_LOG = {
  default: {
    transports: {
      file: { level: 'info', getFile: () => ({ path: '/tmp/synclens-main.log' }) },
      console: { level: 'warn' },
    },
    errorHandler: { startCatching: () => undefined },
    error: () => undefined,
    warn: () => undefined,
  },
}

type Fake = typeof FakeModule
type Checks = typeof ChecksModule

let userData: string
const argv = process.argv

beforeEach(() => {
  vi.resetModules()
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-security-'))
})

afterEach(() => {
  process.argv = argv
  fs.rmSync(userData, { recursive: true, force: true })
})

/** A fresh fake electron (what `electron` resolves to from now on) and checks, with nothing recorded yet. */
async function fresh(): Promise<{ fake: Fake; checks: Checks }> {
  const fake = await import('./testing/fake-electron')
  vi.doMock('electron', () => fake.fakeElectron)
  vi.doMock('electron-log/main', () => FAKE_LOG)
  fake.recording.app.paths.set('userData', userData)
  return { fake, checks: await import('./testing/security-checks') }
}

/** Boots the real main process against the fake and waits for its ready work. */
async function bootMain(): Promise<void> {
  process.argv = ['electron', '--start-empty']
  await import('./main')
  await new Promise((resolve) => setImmediate(resolve))
}

describe('the main process at run time', () => {
  it('holds the whole security baseline: window, navigation, permissions, protocol, CSP, IPC', async () => {
    const { fake, checks } = await fresh()

    await bootMain()

    expect(fake.FakeBrowserWindow.created).toHaveLength(1)
    expect(fake.recording.ipcHandlers.size).toBeGreaterThan(20)
    expect(await checks.securityViolations()).toEqual([])
  })

  it('passes the exact webPreferences to the window', async () => {
    const { fake } = await fresh()

    await bootMain()

    const [window] = fake.FakeBrowserWindow.created
    expect(window?.options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    })
  })

  it('checks the sender and the arguments on every channel it registers, queries included', async () => {
    const { fake } = await fresh()

    await bootMain()

    const channels = [...fake.recording.ipcHandlers.keys()]
    expect(channels).toEqual(expect.arrayContaining(['snapshot:open-dialog', 'query:diagnose', 'log:error']))
    const [window] = fake.FakeBrowserWindow.created
    const trusted = {
      sender: { id: window?.webContents.id ?? 0 },
      senderFrame: { url: 'app://synclens/index.html', parent: null },
    }
    const handler = fake.recording.ipcHandlers.get('query:rules')
    await expect(Promise.resolve(handler?.(trusted, { direction: 'Sideways' }))).rejects.toThrow(
      'Refused query:rules: unexpected arguments.',
    )
    await expect(Promise.resolve(handler?.(trusted, {}))).resolves.toEqual([])
  })
})

describe('the security checks catch planted insecure variants', () => {
  /** Runs the checks after the real boot plus one planted change made through the fake electron. */
  async function plant(change: (fake: Fake) => void | Promise<void>): Promise<string[]> {
    const { fake, checks } = await fresh()
    await bootMain()
    await change(fake)
    return checks.securityViolations()
  }

  it('a window whose webPreferences spread in nodeIntegration', async () => {
    const found = await plant(({ FakeBrowserWindow }) => {
      const loose = { contextIsolation: true, sandbox: true }
      new FakeBrowserWindow({
        webPreferences: { ...loose, ['node' + 'Integration']: true, webSecurity: false },
      })
    })

    expect(found).toEqual(
      expect.arrayContaining([
        'window webPreferences.nodeIntegration is true',
        'window webPreferences.webSecurity is set',
      ]),
    )
  })

  it('an allow-all window-open handler and navigation anywhere', async () => {
    const found = await plant(({ recording }) => {
      recording.app.on(
        'web-contents-created',
        (
          _event: unknown,
          contents: { setWindowOpenHandler(h: unknown): void; removeAllListeners(name: string): void },
        ) => {
          contents.removeAllListeners('will-navigate')
          contents.setWindowOpenHandler(() => ({ action: 'allow' }))
        },
      )
    })

    expect(found).toEqual(
      expect.arrayContaining([
        'will-navigate to https://example.com/ is allowed',
        'window.open(https://example.com/) is allowed',
      ]),
    )
  })

  it('a permission handler that grants, and an accept-all certificate handler', async () => {
    const found = await plant(({ recording }) => {
      recording.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(true),
      )
      recording.app.on('certificate-error', (event: { preventDefault(): void }, ...rest: unknown[]) => {
        event.preventDefault()
        ;(rest.at(-1) as (ok: boolean) => void)(true)
      })
    })

    expect(found).toEqual(
      expect.arrayContaining(['default session: media is not refused', 'a certificate error is accepted']),
    )
  })

  it('a CSP with unsafe-inline and a scheme that bypasses it', async () => {
    const found = await plant(({ recording }) => {
      recording.schemes.push({
        scheme: 'app',
        privileges: { standard: true, bypassCSP: true, corsEnabled: true },
      })
      recording.protocolHandlers.set(
        'app',
        async () =>
          new Response('', {
            headers: { 'Content-Security-Policy': "default-src * 'unsafe-inline' 'unsafe-eval'" },
          }),
      )
    })

    expect(found).toEqual(
      expect.arrayContaining([
        'scheme app: bypassCSP',
        'scheme app: corsEnabled',
        "the CSP's default-src allows 'unsafe-inline'",
        "the CSP lacks frame-ancestors 'none'",
        'app://synclens/../../etc/passwd is served',
      ]),
    )
  })

  it('security-weakening switches, a bare ipcMain.on and a handler that trusts every sender', async () => {
    const found = await plant(({ fakeElectron }) => {
      fakeElectron.app.commandLine.appendSwitch('ignore-certificate-errors')
      fakeElectron.app.commandLine.appendSwitch('disable-web-security')
      fakeElectron.ipcMain.on('generic-invoke')
      fakeElectron.ipcMain.handle('files:read', () => 'contents')
    })

    expect(found).toEqual(
      expect.arrayContaining([
        'insecure switch --ignore-certificate-errors',
        'insecure switch --disable-web-security',
        'bare ipcMain.on: generic-invoke',
        'files:read answers another sender',
        'files:read takes arguments it does not check',
      ]),
    )
  })
})
