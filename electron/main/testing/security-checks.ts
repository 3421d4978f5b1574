import { CONTENT_SECURITY_POLICY } from '../app-files'
import { APP_ENTRY_URL, APP_SCHEME } from '../url-policy'
import { FakeBrowserWindow, FakeSession, FakeWebContents, recording } from './fake-electron'

// The security baseline, checked against what the boot code actually did to the (fake) electron module:
// the settings it passed, and the behaviour of every handler it installed when called as Electron would.

/** Exactly these webPreferences (and nothing that loosens them) on every window. */
const REQUIRED_PREFERENCES: Readonly<Record<string, unknown>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
}

/** webPreferences that may only ever be absent (their secure default) in SyncLens. */
const FORBIDDEN_PREFERENCES: readonly string[] = [
  'webSecurity',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'enableBlinkFeatures',
  'nodeIntegrationInSubFrames',
  'additionalArguments',
]

/** Command-line switches that switch a protection off. */
const INSECURE_SWITCHES: readonly string[] = [
  'disable-web-security',
  'ignore-certificate-errors',
  'allow-running-insecure-content',
  'disable-site-isolation-trials',
  'no-sandbox',
  'remote-debugging-port',
  'allow-insecure-localhost',
]

const ELSEWHERE = [
  'https://example.com/',
  'file:///etc/passwd',
  'app://synclens.evil/',
  'http://127.0.0.1:1/',
]
const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']

/** Every way the recorded boot falls short of the baseline, in words; empty when it holds. */
export async function securityViolations(): Promise<string[]> {
  const found: string[] = []
  if (!recording.app.sandboxEnabled) found.push('app.enableSandbox() was not called')
  for (const args of recording.app.switches) {
    if (INSECURE_SWITCHES.includes(String(args[0]))) found.push(`insecure switch --${String(args[0])}`)
  }
  if (process.env.ELECTRON_DISABLE_SECURITY_WARNINGS !== undefined) {
    found.push('ELECTRON_DISABLE_SECURITY_WARNINGS is set')
  }
  for (const window of windows()) found.push(...windowViolations(window))
  found.push(...(await navigationViolations()))
  found.push(...permissionViolations())
  found.push(...certificateViolations())
  found.push(...(await protocolViolations()))
  found.push(...(await ipcViolations()))
  return found
}

function windows(): readonly FakeBrowserWindow[] {
  return FakeBrowserWindow.created
}

function windowViolations(window: FakeBrowserWindow): string[] {
  const found: string[] = []
  const preferences = (window.options.webPreferences ?? {}) as Record<string, unknown>
  for (const [name, value] of Object.entries(REQUIRED_PREFERENCES)) {
    if (preferences[name] !== value)
      found.push(`window webPreferences.${name} is ${String(preferences[name])}`)
  }
  for (const name of FORBIDDEN_PREFERENCES) {
    if (name in preferences) found.push(`window webPreferences.${name} is set`)
  }
  if (typeof preferences.preload !== 'string' || !preferences.preload.endsWith('preload.cjs')) {
    found.push('window preload is not the bundled preload.cjs')
  }
  if (window.webContents.loadedUrl !== APP_ENTRY_URL) {
    found.push(`window loads ${window.webContents.loadedUrl || 'nothing'}, not ${APP_ENTRY_URL}`)
  }
  return found
}

/** A fresh web contents, as Electron announces one: the app's guards must attach to it. */
async function navigationViolations(): Promise<string[]> {
  const found: string[] = []
  const contents = new FakeWebContents()
  recording.app.emit('web-contents-created', {}, contents)
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    for (const url of ELSEWHERE) {
      if (!prevented(contents, event, { url })) found.push(`${event} to ${url} is allowed`)
    }
  }
  if (!prevented(contents, 'will-attach-webview', {})) found.push('a <webview> may attach')
  const open = contents.windowOpenHandler
  if (open === null) found.push('no window-open handler: window.open is allowed')
  else {
    for (const url of [...ELSEWHERE, APP_ENTRY_URL, 'javascript:alert(1)']) {
      if (open({ url }).action !== 'deny') found.push(`window.open(${url}) is allowed`)
    }
    const external = recording.openedExternally.filter((url) => !url.startsWith('http'))
    if (external.length > 0) found.push(`openExternal was given ${external.join(', ')}`)
  }
  return found
}

function prevented(contents: FakeWebContents, event: string, details: object): boolean {
  let stopped = false
  contents.emit(event, { ...details, preventDefault: () => (stopped = true) }, ...Object.values(details))
  return stopped
}

function permissionViolations(): string[] {
  const found: string[] = []
  const created = new FakeSession()
  recording.app.emit('session-created', created)
  for (const [label, session] of [
    ['default session', recording.defaultSession],
    ['a new session', created],
  ] as const) {
    if (session.permissionRequest === null) found.push(`${label}: permission requests are not handled`)
    for (const permission of PERMISSIONS) {
      let granted: boolean | null = null
      session.permissionRequest?.(null, permission, (answer) => (granted = answer))
      if (granted !== false) found.push(`${label}: ${permission} is not refused`)
      if (session.permissionCheck?.(null, permission) !== false)
        found.push(`${label}: ${permission} check passes`)
    }
    if (session.devicePermission?.({}) !== false) found.push(`${label}: device permissions are not refused`)
  }
  return found
}

function certificateViolations(): string[] {
  const found: string[] = []
  for (const listener of recording.app.listeners('certificate-error')) {
    let prevented = false
    let trusted = false
    const event = { preventDefault: () => (prevented = true) }
    ;(listener as (...args: unknown[]) => void)(
      event,
      null,
      'https://x',
      'net::ERR_CERT_INVALID',
      {},
      (ok: boolean) => {
        trusted = ok
      },
    )
    if (prevented && trusted) found.push('a certificate error is accepted')
  }
  return found
}

async function protocolViolations(): Promise<string[]> {
  const found: string[] = []
  for (const scheme of recording.schemes as { scheme: string; privileges: Record<string, unknown> }[]) {
    for (const [privilege, value] of Object.entries(scheme.privileges)) {
      if (value === true && !['standard', 'secure', 'supportFetchAPI'].includes(privilege)) {
        found.push(`scheme ${scheme.scheme}: ${privilege}`)
      }
    }
  }
  const handler = recording.protocolHandlers.get(APP_SCHEME)
  if (handler === undefined) return [...found, `${APP_SCHEME}: is not served`]
  const page = await handler(new Request(APP_ENTRY_URL))
  const policy = page.headers.get('Content-Security-Policy') ?? ''
  if (policy !== CONTENT_SECURITY_POLICY) found.push(`the page's CSP is ${policy || 'missing'}`)
  found.push(...policyViolations(policy))
  for (const url of [
    'app://synclens/../../etc/passwd',
    'app://synclens/%2e%2e/%2e%2e/etc/passwd',
    'app://other/index.html',
  ]) {
    const answer = await handler(new Request(url))
    if (answer.status < 400) found.push(`${url} is served`)
  }
  return found
}

async function ipcViolations(): Promise<string[]> {
  const found: string[] = []
  if (recording.ipcListeners.length > 0) found.push(`bare ipcMain.on: ${recording.ipcListeners.join(', ')}`)
  const trusted = windows()[0]?.webContents
  const stranger = { sender: { id: 9_999 }, senderFrame: { url: APP_ENTRY_URL, parent: null } }
  for (const [channel, handler] of recording.ipcHandlers) {
    const fromStranger = await settle(() => handler(stranger))
    if (!/sender is not a SyncLens window/.test(fromStranger)) found.push(`${channel} answers another sender`)
    if (trusted !== undefined) {
      const event = { sender: { id: trusted.id }, senderFrame: { url: APP_ENTRY_URL, parent: null } }
      const junk = await settle(() => handler(event, { __proto__: { polluted: true } }, 7, 'x', [], null))
      if (!/unexpected arguments/.test(junk)) found.push(`${channel} takes arguments it does not check`)
    }
  }
  return found
}

/** What a Content-Security-Policy allows that SyncLens never needs. */
export function policyViolations(policy: string): string[] {
  const found: string[] = []
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map((words) => [words[0] ?? '', words.slice(1)] as const),
  )
  if (directives.get('default-src')?.join(' ') !== "'none'") found.push("the CSP's default-src is not 'none'")
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'")
    found.push("the CSP lacks frame-ancestors 'none'")
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const loose =
        ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:'].includes(source) ||
        (source === 'data:' && name !== 'img-src')
      if (loose) found.push(`the CSP's ${name} allows ${source}`)
    }
  }
  return found
}

async function settle(run: () => unknown): Promise<string> {
  try {
    await run()
    return 'answered'
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
