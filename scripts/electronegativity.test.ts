import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  findingKey,
  readExplanations,
  scanElectronSecurity,
  type SecurityFinding,
  unexplained,
} from './electronegativity-scan.mjs'

const ROOT = path.resolve(__dirname, '..')

const SAFE_WINDOW = `import { BrowserWindow } from 'electron'
export const w = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } })
`
const SAFE_SECURITY = `import { app, shell } from 'electron'
import { externalLink } from './url-policy'
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url)
    if (link !== null) void shell.openExternal(link)
    return { action: 'deny' }
  })
})
app.on('session-created', (session) => {
  session.setPermissionRequestHandler((_c, _p, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
})
export const headers = { 'Content-Security-Policy': "default-src 'none'" }
`
const SAFE_PRELOAD = `import { contextBridge, ipcRenderer } from 'electron'
const api = { ping: () => ipcRenderer.invoke('ping') }
contextBridge.exposeInMainWorld('host', api)
`
const SAFE_HTML = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />`

let roots: string[] = []

afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
  roots = []
})

/** A throw-away app tree: the safe baseline with some files replaced. */
function appTree(overrides: Readonly<Record<string, string>> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-scan-'))
  roots.push(root)
  const files: Record<string, string> = {
    'electron/main/window.ts': SAFE_WINDOW,
    'electron/main/security.ts': SAFE_SECURITY,
    'electron/preload/preload.ts': SAFE_PRELOAD,
    'renderer/index.html': SAFE_HTML,
    ...overrides,
  }
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return root
}

const checks = (findings: readonly SecurityFinding[]): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.check}`)

describe('the Electron security scan of SyncLens', () => {
  it('finds nothing above low that is not explained in scripts/electronegativity.config.json', () => {
    const findings = scanElectronSecurity(ROOT)

    const failing = unexplained(findings, readExplanations(ROOT))

    expect(failing.map((finding) => `${findingKey(finding)}: ${finding.message}`)).toEqual([])
  })

  it('explains only findings that still occur', () => {
    const keys = new Set(scanElectronSecurity(ROOT).map(findingKey))

    expect([...readExplanations(ROOT).keys()].filter((key) => !keys.has(key))).toEqual([])
  })
})

describe('scanElectronSecurity', () => {
  it('finds nothing in a safe app', () => {
    expect(scanElectronSecurity(appTree())).toEqual([])
  })

  it.each([
    [
      'nodeIntegration on',
      { 'electron/main/window.ts': SAFE_WINDOW.replace('nodeIntegration: false', 'nodeIntegration: true') },
      'high NODE_INTEGRATION_JS_CHECK',
    ],
    [
      'contextIsolation off',
      { 'electron/main/window.ts': SAFE_WINDOW.replace('contextIsolation: true', 'contextIsolation: false') },
      'high CONTEXT_ISOLATION_JS_CHECK',
    ],
    [
      'no sandbox',
      { 'electron/main/window.ts': SAFE_WINDOW.replace('sandbox: true, ', '') },
      'medium SANDBOX_JS_CHECK',
    ],
    [
      'webSecurity off',
      {
        'electron/main/window.ts': SAFE_WINDOW.replace('sandbox: true', 'sandbox: true, webSecurity: false'),
      },
      'high WEB_SECURITY_JS_CHECK',
    ],
    [
      'the webview tag',
      { 'electron/main/window.ts': SAFE_WINDOW.replace('sandbox: true', 'sandbox: true, webviewTag: true') },
      'medium WEBVIEW_TAG_JS_CHECK',
    ],
    [
      'no window-open handler',
      { 'electron/main/security.ts': SAFE_SECURITY.replace('setWindowOpenHandler', 'setWindowOpenHandlerX') },
      'medium AUXCLICK_JS_CHECK',
    ],
    [
      'no will-navigate handler',
      { 'electron/main/security.ts': SAFE_SECURITY.replace("'will-navigate'", "'did-navigate'") },
      'medium NAVIGATION_JS_CHECK',
    ],
    [
      'no permission handler',
      {
        'electron/main/security.ts': SAFE_SECURITY.replace(
          'setPermissionRequestHandler',
          'setPermissionRequestHandlerX',
        ),
      },
      'medium PERMISSION_REQUEST_HANDLER_JS_CHECK',
    ],
    [
      'openExternal on an unchecked URL',
      {
        'electron/main/security.ts': SAFE_SECURITY.replace(
          'shell.openExternal(link)',
          'shell.openExternal(url)',
        ),
      },
      'medium OPEN_EXTERNAL_JS_CHECK',
    ],
    [
      'the remote module',
      { 'electron/main/remote.ts': "import { initialize } from '@electron/remote'\ninitialize()\n" },
      'high REMOTE_MODULE_JS_CHECK',
    ],
    [
      'ipcRenderer exposed',
      {
        'electron/preload/preload.ts': SAFE_PRELOAD.replace(
          "ping: () => ipcRenderer.invoke('ping')",
          'ipc: ipcRenderer',
        ),
      },
      'high PRELOAD_IPC_EXPOSURE_JS_CHECK',
    ],
    [
      'a generic invoke exposed',
      {
        'electron/preload/preload.ts': SAFE_PRELOAD.replace(
          "ping: () => ipcRenderer.invoke('ping')",
          'invoke: ipcRenderer.invoke',
        ),
      },
      'high PRELOAD_IPC_EXPOSURE_JS_CHECK',
    ],
    [
      'no CSP anywhere',
      {
        'renderer/index.html': '<title>x</title>',
        'electron/main/security.ts': SAFE_SECURITY.replace('Content-Security-Policy', 'X-Nothing'),
      },
      'high CSP_GLOBAL_CHECK',
    ],
    [
      'a CSP allowing inline scripts',
      { 'renderer/index.html': SAFE_HTML.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") },
      'medium CSP_GLOBAL_CHECK',
    ],
  ])('reports %s', (_label, overrides, expected) => {
    const findings = scanElectronSecurity(appTree(overrides))

    expect(checks(findings)).toContain(expected)
  })
})
