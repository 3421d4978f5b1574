#!/usr/bin/env node
// A small Electron security scanner over SyncLens's own sources, in the spirit of @doyensec/electronegativity
// (whose TypeScript 4.2 parser cannot read this code base: `satisfies`, and whose dependency tree includes
// ESLint 7 and node-pre-gyp). It parses with the project's TypeScript and reports the same families of
// checks. `node scripts/electronegativity-scan.mjs [root]` prints findings and exits 1 when one above
// low is not explained in scripts/electronegativity.config.json.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** Severity order; findings above `low` fail the scan unless explained. */
export const SEVERITIES = ['info', 'low', 'medium', 'high']

const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView'])
const DANGEROUS_PREFERENCES = new Map([
  ['nodeIntegration', { bad: true, severity: 'high', check: 'NODE_INTEGRATION_JS_CHECK' }],
  ['nodeIntegrationInWorker', { bad: true, severity: 'high', check: 'NODE_INTEGRATION_JS_CHECK' }],
  ['nodeIntegrationInSubFrames', { bad: true, severity: 'high', check: 'NODE_INTEGRATION_JS_CHECK' }],
  ['contextIsolation', { bad: false, severity: 'high', check: 'CONTEXT_ISOLATION_JS_CHECK' }],
  ['sandbox', { bad: false, severity: 'medium', check: 'SANDBOX_JS_CHECK' }],
  ['webSecurity', { bad: false, severity: 'high', check: 'WEB_SECURITY_JS_CHECK' }],
  [
    'allowRunningInsecureContent',
    { bad: true, severity: 'high', check: 'ALLOW_RUNNING_INSECURE_CONTENT_JS_CHECK' },
  ],
  ['experimentalFeatures', { bad: true, severity: 'medium', check: 'EXPERIMENTAL_FEATURES_JS_CHECK' }],
  ['enableBlinkFeatures', { bad: 'any', severity: 'medium', check: 'BLINK_FEATURES_JS_CHECK' }],
  ['webviewTag', { bad: true, severity: 'medium', check: 'WEBVIEW_TAG_JS_CHECK' }],
  ['enableRemoteModule', { bad: true, severity: 'high', check: 'REMOTE_MODULE_JS_CHECK' }],
])
/** Functions that return a parsed http(s) URL or null; openExternal may take only their result. */
const LINK_VALIDATORS = new Set(['externalLink'])

function walkSources(root, folders) {
  const files = []
  const walk = (folder) => {
    if (!fs.existsSync(folder)) return
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !/\.test\.|\.d\.ts$/.test(entry.name))
        files.push(full)
    }
  }
  for (const folder of folders) walk(path.join(root, folder))
  return files
}

function propertyName(node) {
  if (!node.name) return null
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) return node.name.text
  return null
}

function literalValue(node) {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false
  if (ts.isStringLiteralLike(node)) return node.text
  return undefined
}

function calleeText(call) {
  return call.expression.getText()
}

/** Scans one file's syntax; `facts` collects what must exist somewhere in the app. */
function scanFile(file, root, findings, facts) {
  const text = fs.readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const relative = path.relative(root, file).split(path.sep).join('/')
  const report = (check, severity, node, message) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source))
    findings.push({ check, severity, file: relative, line: line + 1, column: character + 1, message })
  }
  const isPreload = /(^|\/)preload\//.test(relative)
  const visit = (node) => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      WINDOW_CLASSES.has(node.expression.text)
    ) {
      checkWindow(node, report)
    }
    if (ts.isCallExpression(node)) checkCall(node, report, facts, isPreload)
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.moduleSpecifier.text === '@electron/remote') {
        report('REMOTE_MODULE_JS_CHECK', 'high', node, 'The remote module gives the page the main process.')
      }
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'remote' &&
      /\belectron\b/.test(node.expression.getText())
    ) {
      report('REMOTE_MODULE_JS_CHECK', 'high', node, 'electron.remote gives the page the main process.')
    }
    if (ts.isStringLiteralLike(node) && /^Content-Security-Policy$/i.test(node.text)) facts.cspHeader = true
    ts.forEachChild(node, visit)
  }
  visit(source)
}

function checkWindow(node, report) {
  const options = node.arguments?.[0]
  const preferences =
    options && ts.isObjectLiteralExpression(options)
      ? options.properties.find(
          (property) => ts.isPropertyAssignment(property) && propertyName(property) === 'webPreferences',
        )
      : undefined
  if (!preferences || !ts.isObjectLiteralExpression(preferences.initializer)) {
    report(
      'CONTEXT_ISOLATION_JS_CHECK',
      'high',
      node,
      'A window without literal webPreferences: contextIsolation, sandbox and nodeIntegration cannot be checked.',
    )
    return
  }
  const seen = new Map()
  for (const property of preferences.initializer.properties) {
    if (!ts.isPropertyAssignment(property)) continue
    const name = propertyName(property)
    if (name !== null) seen.set(name, { value: literalValue(property.initializer), node: property })
  }
  for (const [name, rule] of DANGEROUS_PREFERENCES) {
    const found = seen.get(name)
    if (rule.bad === 'any') {
      if (found)
        report(
          rule.check,
          rule.severity,
          found.node,
          `${name} turns on Blink features the app does not need.`,
        )
    } else if (rule.bad === true) {
      if (found && found.value !== false)
        report(rule.check, rule.severity, found.node, `${name} must be false.`)
    } else if (found?.value !== true && !(name === 'webSecurity' && found === undefined)) {
      report(rule.check, rule.severity, found?.node ?? node, `${name} must be set to true explicitly.`)
    }
  }
}

function checkCall(node, report, facts, isPreload) {
  const callee = calleeText(node)
  const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : callee
  if (method === 'setWindowOpenHandler') facts.windowOpenHandler = true
  if (method === 'setPermissionRequestHandler') facts.permissionRequestHandler = true
  if (method === 'setPermissionCheckHandler') facts.permissionCheckHandler = true
  if (method === 'enableSandbox') facts.enableSandbox = true
  if (method === 'on' || method === 'once') {
    const event = node.arguments[0] && literalValue(node.arguments[0])
    if (event === 'will-navigate') facts.willNavigate = true
    if (event === 'certificate-error') {
      report(
        'CERTIFICATE_ERROR_EVENT_JS_CHECK',
        'medium',
        node,
        'A certificate-error handler can accept bad certificates.',
      )
    }
  }
  if (method === 'setCertificateVerifyProc') {
    report(
      'CERTIFICATE_VERIFY_PROC_JS_CHECK',
      'medium',
      node,
      'A custom certificate verifier can accept bad certificates.',
    )
  }
  if (method === 'openExternal') checkOpenExternal(node, report)
  if (method === 'loadURL' && node.arguments[0] && /^['"`]http:/.test(node.arguments[0].getText())) {
    report('INSECURE_CONTENT_JS_CHECK', 'medium', node, 'Content loaded over plain http.')
  }
  if (
    (method === 'executeJavaScript' || method === 'insertCSS') &&
    node.arguments[0] &&
    literalValue(node.arguments[0]) === undefined
  ) {
    report('DANGEROUS_FUNCTIONS_JS_CHECK', 'low', node, `${method} with a computed argument.`)
  }
  if (method === 'exposeInMainWorld') checkExposure(node, report, isPreload)
}

function checkOpenExternal(node, report) {
  const argument = node.arguments[0]
  if (!argument) return
  if (ts.isStringLiteralLike(argument) && /^https:\/\//.test(argument.text)) return
  if (ts.isIdentifier(argument)) {
    const declaration = findDeclaration(argument)
    if (declaration?.initializer && ts.isCallExpression(declaration.initializer)) {
      const validator = declaration.initializer.expression.getText()
      if (LINK_VALIDATORS.has(validator)) return
    }
  }
  report(
    'OPEN_EXTERNAL_JS_CHECK',
    'medium',
    node,
    'openExternal with a value that is not a parsed http(s) link.',
  )
}

/** The `const x = ...` that declares an identifier, searched in the enclosing blocks. */
function findDeclaration(identifier) {
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    let found = null
    const look = (node) => {
      if (found) return
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === identifier.text)
        found = node
      else if (!ts.isFunctionLike(node)) ts.forEachChild(node, look)
    }
    ts.forEachChild(scope, look)
    if (found) return found
  }
  return null
}

function checkExposure(node, report, isPreload) {
  const exposed = node.arguments[1]
  if (!exposed) return
  if (!isPreload) report('PRELOAD_JS_CHECK', 'medium', node, 'exposeInMainWorld outside the preload.')
  const leak = (candidate) => {
    if (ts.isIdentifier(candidate) && candidate.text === 'ipcRenderer') {
      const parent = candidate.parent
      const called =
        ts.isPropertyAccessExpression(parent) &&
        ts.isCallExpression(parent.parent) &&
        parent.parent.expression === parent
      if (!called)
        report(
          'PRELOAD_IPC_EXPOSURE_JS_CHECK',
          'high',
          candidate,
          'ipcRenderer (or one of its methods) is handed to the page.',
        )
    }
    ts.forEachChild(candidate, leak)
  }
  const target = ts.isIdentifier(exposed) ? (findDeclaration(exposed)?.initializer ?? exposed) : exposed
  leak(target)
}

function checkCsp(root, findings, facts) {
  const html = path.join(root, 'renderer', 'index.html')
  const text = fs.existsSync(html) ? fs.readFileSync(html, 'utf8') : ''
  const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*content=(["'])(.*?)\1/is.exec(text)
  if (!meta && !facts.cspHeader) {
    findings.push({
      check: 'CSP_GLOBAL_CHECK',
      severity: 'high',
      file: 'renderer/index.html',
      line: null,
      column: null,
      message: 'No Content-Security-Policy, neither in the page nor as a header.',
    })
    return
  }
  const policy = meta?.[2] ?? ''
  const scripts =
    /(?:^|;)\s*script-src([^;]*)/.exec(policy)?.[1] ??
    /(?:^|;)\s*default-src([^;]*)/.exec(policy)?.[1] ??
    null
  if (meta && scripts === null) {
    findings.push({
      check: 'CSP_GLOBAL_CHECK',
      severity: 'medium',
      file: 'renderer/index.html',
      line: null,
      column: null,
      message: 'The CSP sets neither script-src nor default-src.',
    })
  } else if (scripts !== null && /'unsafe-inline'|'unsafe-eval'|\*|data:|https?:/.test(scripts)) {
    findings.push({
      check: 'CSP_GLOBAL_CHECK',
      severity: 'medium',
      file: 'renderer/index.html',
      line: null,
      column: null,
      message: `script-src allows more than the app's own files: ${scripts.trim()}.`,
    })
  }
  if (!facts.cspHeader) {
    findings.push({
      check: 'CSP_GLOBAL_CHECK',
      severity: 'low',
      file: 'electron/main',
      line: null,
      column: null,
      message: 'The CSP is only in a <meta> tag; the main process sends no header.',
    })
  }
}

const GLOBAL_FACTS = [
  [
    'windowOpenHandler',
    'AUXCLICK_JS_CHECK',
    'medium',
    'No setWindowOpenHandler: a link or window.open can create a window.',
  ],
  [
    'willNavigate',
    'NAVIGATION_JS_CHECK',
    'medium',
    'No will-navigate handler: the window can be navigated away from the app.',
  ],
  [
    'permissionRequestHandler',
    'PERMISSION_REQUEST_HANDLER_JS_CHECK',
    'medium',
    'No permission request handler: the default grants permissions.',
  ],
  ['permissionCheckHandler', 'PERMISSION_REQUEST_HANDLER_JS_CHECK', 'low', 'No permission check handler.'],
]

/** Scans the Electron sources under `root`; returns every finding, most severe first. */
export function scanElectronSecurity(root) {
  const findings = []
  const facts = {}
  for (const file of walkSources(root, ['electron/main', 'electron/preload']))
    scanFile(file, root, findings, facts)
  for (const [fact, check, severity, message] of GLOBAL_FACTS) {
    if (!facts[fact])
      findings.push({ check, severity, file: 'electron/main', line: null, column: null, message })
  }
  checkCsp(root, findings, facts)
  return findings.sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity))
}

/** Explanations keyed `CHECK file:line` (or `CHECK file`), read from scripts/electronegativity.config.json. */
export function readExplanations(root) {
  const file = path.join(root, 'scripts', 'electronegativity.config.json')
  if (!fs.existsSync(file)) return new Map()
  const config = JSON.parse(fs.readFileSync(file, 'utf8'))
  return new Map((config.explained ?? []).map((entry) => [entry.finding, entry.reason]))
}

/** The key a finding is explained under. */
export function findingKey(finding) {
  return finding.line === null
    ? `${finding.check} ${finding.file}`
    : `${finding.check} ${finding.file}:${finding.line}`
}

/** Findings above low with no explanation: these fail `npm test`. */
export function unexplained(findings, explanations) {
  return findings.filter(
    (finding) =>
      SEVERITIES.indexOf(finding.severity) > SEVERITIES.indexOf('low') &&
      !explanations.has(findingKey(finding)),
  )
}

function main() {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'))
  const findings = scanElectronSecurity(root)
  const explanations = readExplanations(root)
  for (const finding of findings) {
    const why = explanations.get(findingKey(finding))
    process.stdout.write(
      `${finding.severity.toUpperCase().padEnd(6)} ${findingKey(finding)}: ${finding.message}${why ? ` (explained: ${why})` : ''}\n`,
    )
  }
  const failing = unexplained(findings, explanations)
  process.stdout.write(`${findings.length} finding(s), ${failing.length} above low without an explanation\n`)
  process.exit(failing.length === 0 ? 0 : 1)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
