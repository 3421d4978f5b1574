// Imported first: its rules must cover every web contents, including the first window's.
import './security'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { app, BrowserWindow, shell } from 'electron'
import type { MenuCommand, SnapshotState } from '../../shared/app/host-api'
import { ComparisonCore } from '../../shared/app/comparison-core'
import { HostCore } from '../../shared/app/host-core'
import type { SnapshotRequest } from '../../node/snapshot-request'
import type { ReportFormat } from '../../shared/app/view-queries'
import { snapshotArgument, startWithoutSnapshot, userDataOverride } from './command-line'
import { writeFileAtomic } from '../../node/atomic-write'
import {
  chooseReportPath,
  chooseScriptPath,
  chooseSnapshotPaths,
  showAbout,
  showExportFailure,
  showSnapshotHelp,
} from './dialogs'
import { handle, handleQueries, send, trustWindow } from './ipc'
import { logFilePath, logWarning, logWindowError, setupLog } from './log'
import { installMenu } from './menu'
import { recentMenuLabel } from './menu-template'
import { registerAppScheme, serveRenderer } from './protocol'
import { ReportExporter } from './report-export'
import { ScriptSaver } from './script-save'
import { SnapshotController } from './snapshot-controller'
import { workerLink } from './worker-link'
import { createMainWindow, createNoticesWindow } from './window'
import { windowTitle } from '../../shared/app/window-title'

// The bundle lives in dist/electron/, beside the worker and preload; the renderer build is dist/renderer/.
const DIST_ELECTRON = __dirname
const RENDERER_ROOT = path.join(DIST_ELECTRON, '..', 'renderer')

// Read from inside app.asar (ASAR integrity covers it) and checked against the digest the build embedded.
const WORKER_FILE = path.join(DIST_ELECTRON, 'snapshot-worker.cjs')
declare const __SNAPSHOT_WORKER_SHA256__: string | undefined
const WORKER_SHA256 = typeof __SNAPSHOT_WORKER_SHA256__ === 'string' ? __SNAPSHOT_WORKER_SHA256__ : null

const host = new HostCore<SnapshotRequest>(() => workerLink(WORKER_FILE, WORKER_SHA256))
/** Whether a file exists now (the save dialogs asked before the user picked an existing one). */
function fileExists(target: string): Promise<boolean> {
  return fs.access(target).then(
    () => true,
    () => false,
  )
}
const comparison = new ComparisonCore<SnapshotRequest>(host)
const savePorts = {
  chooseSavePath: (fileName: string, format: ReportFormat) => chooseReportPath(mainWindow, fileName, format),
  exists: fileExists,
  write: (target: string, content: string, overwrite: boolean) =>
    writeFileAtomic(target, content, { overwrite }),
  baseName: (target: string) => path.basename(target),
}
const reports = new ReportExporter({ report: (request) => host.query('report', request), ...savePorts })
// The comparison report is saved the same way; only HTML and JSON exist for it.
const comparisonReports = new ReportExporter({
  report: (request) =>
    host.query('comparisonReport', { format: request.format === 'json' ? 'json' : 'html' }),
  ...savePorts,
})
const scripts = new ScriptSaver({
  script: (draft) => host.query('fixScript', draft),
  chooseSavePath: (fileName) => chooseScriptPath(mainWindow, fileName),
  exists: fileExists,
  write: (target, content, overwrite) => writeFileAtomic(target, content, { overwrite }),
  baseName: (target) => path.basename(target),
})
let controller: SnapshotController | null = null
let mainWindow: BrowserWindow | null = null
/** Paths the OS asked to open before the app was ready (macOS `open-file` at launch). */
const earlyPaths: string[] = []

setupUserDataDir()
setupLog()
if (setupSingleInstance()) {
  registerAppScheme()
  setupOsOpenRequests()
  setupLifecycle()
  void app.whenReady().then(onReady)
}

function onReady(): void {
  serveRenderer(RENDERER_ROOT)
  setupController()
  setupIpcHandlers()
  setupStateBroadcast()
  refreshMenu()
  showMainWindow()
  openFromCommandLine()
}

/** Tests give each run its own profile; Electron reads this path only if it is set before `ready`. */
function setupUserDataDir(): void {
  const override = userDataOverride(process.env, process.cwd())
  if (override !== null) app.setPath('userData', override)
}

/** One SyncLens per profile: a second launch hands its snapshot argument to the first and quits. */
function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true
  app.quit()
  return false
}

function setupOsOpenRequests(): void {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow()
    const target = snapshotArgument(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory })
    if (target !== null) void controller?.openPaths([target])
  })
  app.on('open-file', (event, filePath) => {
    event.preventDefault()
    if (controller === null) earlyPaths.push(filePath)
    else {
      focusMainWindow()
      void controller.openPaths([filePath])
    }
  })
}

function setupLifecycle(): void {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow()
  })
  app.on('will-quit', () => host.dispose())
}

function setupController(): void {
  controller = new SnapshotController({
    host,
    comparison,
    recentFile: path.join(app.getPath('userData'), 'recent-snapshots.json'),
    home: os.homedir(),
    onRecentChanged: refreshMenu,
    onSaveError: (error) => logWarning(`SyncLens could not save the recent list: ${String(error)}`),
  })
}

function setupIpcHandlers(): void {
  const opener = (): SnapshotController => {
    if (controller === null) throw new Error('SyncLens is still starting.')
    return controller
  }
  handle('snapshot:open-dialog', async () => {
    const paths = await chooseSnapshotPaths(mainWindow)
    if (paths !== null) await opener().openPaths(paths)
    return true
  })
  handle('snapshot:open-paths', async (paths) => {
    await opener().openPaths(paths)
  })
  handle('snapshot:open-training', async () => {
    await opener().openTraining()
  })
  handle('snapshot:open-recent', async (id) => {
    await opener().openRecent(id)
  })
  handle('snapshot:list-recent', () => opener().listRecent())
  handle('snapshot:cancel', () => host.cancel())
  handle('snapshot:close', () => host.close())
  handle('snapshot:get-state', () => host.getState())
  handleQueries((name, args) => host.query(name, ...args))
  handle('report:export', (format, objectCsId) => reports.export(format, objectCsId))
  handle('fix:save-script', (draft) => scripts.save(draft))
  handle('log:error', (details) => logWindowError(details))
  handle('comparison:open-dialog', async () => {
    const paths = await chooseSnapshotPaths(mainWindow)
    if (paths !== null) await opener().openComparisonPaths(paths)
    return true
  })
  handle('comparison:open-paths', async (paths) => {
    await opener().openComparisonPaths(paths)
  })
  handle('comparison:cancel', () => comparison.cancel())
  handle('comparison:close', () => comparison.close())
  handle('comparison:get-state', () => comparison.getState())
  handle('comparison:impact', () => comparison.computeImpact())
  handle('comparison:cancel-impact', () => comparison.cancelImpact())
  handle('comparison:export', (format) => comparisonReports.export(format))
}

function setupStateBroadcast(): void {
  comparison.onStateChange((state) => {
    if (state.phase === 'failed') logWarning(`Comparing with ${state.name} failed: ${state.message}`)
    if (mainWindow !== null && !mainWindow.isDestroyed()) send(mainWindow, 'comparison:state', state)
  })
  let lastPhase: SnapshotState['phase'] = host.getState().phase
  host.onStateChange((state) => {
    if (state.phase === 'failed') logWarning(`Opening ${state.name} failed: ${state.message}`)
    if (mainWindow === null || mainWindow.isDestroyed()) return
    send(mainWindow, 'snapshot:state', state)
    mainWindow.setTitle(windowTitle(state))
    // Progress arrives several times a second; the menu only cares when the phase changes.
    if (state.phase !== lastPhase) refreshMenu()
    lastPhase = state.phase
  })
}

function refreshMenu(): void {
  installMenu({
    platform: process.platform,
    dev: process.env.SYNCLENS_DEV === '1',
    packaged: app.isPackaged,
    canClose: host.getState().phase !== 'empty',
    canExport: host.getState().phase === 'ready',
    recent: (controller?.listRecent() ?? []).map((snapshot) => ({
      id: snapshot.id,
      label: recentMenuLabel(snapshot),
    })),
    actions: {
      openSnapshot: () => sendMenuCommand('open-snapshot'),
      compareWith: () => sendMenuCommand('compare-with'),
      closeSnapshot: () => sendMenuCommand('close-snapshot'),
      exportReport: (format) => void exportFromMenu(format),
      openTrainingSnapshot: () => void controller?.openTraining(),
      openRecent: (id) => void controller?.openRecent(id),
      clearRecent: () => controller?.clearRecent(),
      showSnapshotHelp: () => void showSnapshotHelp(mainWindow),
      showLog: () => shell.showItemInFolder(logFilePath()),
      showLicenses,
      showAbout: () => void aboutFromMenu(),
    },
  })
}

let noticesWindow: BrowserWindow | null = null

/** One notices window at a time: asking again brings it to the front. */
function showLicenses(): void {
  if (noticesWindow !== null && !noticesWindow.isDestroyed()) {
    noticesWindow.focus()
    return
  }
  noticesWindow = createNoticesWindow(mainWindow)
  noticesWindow.on('closed', () => (noticesWindow = null))
}

async function aboutFromMenu(): Promise<void> {
  const wantsLicenses = await showAbout(mainWindow, {
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chromium: process.versions.chrome ?? '',
    node: process.versions.node,
  })
  if (wantsLicenses) showLicenses()
}

async function exportFromMenu(format: ReportFormat): Promise<void> {
  const outcome = await reports.export(format)
  if (outcome.status === 'failed') await showExportFailure(mainWindow, outcome.message)
}

function sendMenuCommand(command: MenuCommand): void {
  const window = focusMainWindow()
  send(window, 'menu:command', command)
}

function showMainWindow(): BrowserWindow {
  const window = createMainWindow({
    preload: path.join(DIST_ELECTRON, 'preload.cjs'),
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
  })
  trustWindow(window)
  window.setTitle(windowTitle(host.getState()))
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  return window
}

function focusMainWindow(): BrowserWindow {
  const window = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : showMainWindow()
  if (window.isMinimized()) window.restore()
  window.focus()
  return window
}

function openFromCommandLine(): void {
  const target = snapshotArgument(process.argv, {
    defaultApp: process.defaultApp === true,
    cwd: process.cwd(),
  })
  const paths = target !== null ? [target] : earlyPaths.splice(0)
  if (paths.length > 0) void controller?.openPaths(paths)
  else if (startWithoutSnapshot(process.argv) === 'training') void controller?.openTraining()
}
