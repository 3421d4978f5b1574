import path from 'node:path'
import {
  app,
  type BrowserWindow,
  dialog,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import type { ReportFormat } from '../../shared/app/view-queries'

/**
 * Asks the user for a snapshot: a folder, a .zip or export files. Null when they cancel.
 *
 * macOS shows one panel that picks files and folders alike; Windows and Linux cannot, so they first
 * ask which of the two to browse for.
 */
export async function chooseSnapshotPaths(window: BrowserWindow | null): Promise<readonly string[] | null> {
  const kind = process.platform === 'darwin' ? 'any' : await askFolderOrFile(window)
  if (kind === null) return null
  const options: OpenDialogOptions = {
    title: 'Open Snapshot',
    buttonLabel: 'Open',
    properties:
      kind === 'folder'
        ? ['openDirectory']
        : kind === 'file'
          ? ['openFile', 'multiSelections']
          : ['openFile', 'openDirectory', 'multiSelections'],
    filters:
      kind === 'folder'
        ? []
        : [
            { name: 'Snapshots and exports', extensions: ['zip', 'xml', 'ps1', 'json'] },
            { name: 'All files', extensions: ['*'] },
          ],
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
}

async function askFolderOrFile(window: BrowserWindow | null): Promise<'folder' | 'file' | null> {
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Open Snapshot',
    message: 'What do you want to open?',
    detail:
      'A snapshot is the folder written by Get-ADSyncServerConfiguration, a .zip of that folder, or export files (csexport XML, rule scripts).',
    buttons: ['Folder…', 'Zip or Files…', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  }
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options)
  return response === 0 ? 'folder' : response === 1 ? 'file' : null
}

/** Explains how to collect a snapshot on the sync server. */
export async function showSnapshotHelp(window: BrowserWindow | null): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'How Do I Get a Snapshot?',
    message: 'Export the configuration on the sync server, then open the folder here.',
    detail: [
      'On the Entra Connect (Azure AD Connect) server, in PowerShell:',
      '',
      '    Import-Module ADSync',
      '    Get-ADSyncServerConfiguration -Path C:\\Temp\\Export',
      '',
      'This writes the sync rules, connectors and metaverse schema as XML. Connector-space objects come from',
      'csexport.exe (in %ProgramFiles%\\Microsoft Azure AD Sync\\Bin), one file per connector:',
      '',
      '    csexport "<connector name>" C:\\Temp\\Export\\<connector name>.xml',
      '',
      'Copy the folder (or a .zip of it) to this computer and choose File > Open Snapshot, or drop it on the window. SyncLens only reads it.',
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}

/** What the about box names: SyncLens's version and the runtime it runs on. */
export interface AboutFacts {
  readonly version: string
  readonly electron: string
  readonly chromium: string
  readonly node: string
}

/** The about box; resolves true when the user asks to read the third-party licenses. */
export async function showAbout(window: BrowserWindow | null, facts: AboutFacts): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'About SyncLens',
    message: `SyncLens ${facts.version}`,
    detail: [
      'Explains attribute flow in an exported Entra Connect Sync (Azure AD Connect) snapshot, read-only.',
      '',
      `Electron ${facts.electron}, Chromium ${facts.chromium}, Node.js ${facts.node}.`,
      'SyncLens is MIT licensed. It includes third-party software under its own licenses (Help > Third-Party Licenses).',
    ].join('\n'),
    buttons: ['OK', 'Third-Party Licenses…'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  }
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options)
  return response === 1
}

const REPORT_FILTERS: Readonly<Record<ReportFormat, { readonly name: string; readonly extension: string }>> =
  {
    html: { name: 'HTML report', extension: 'html' },
    csv: { name: 'CSV (spreadsheet)', extension: 'csv' },
    json: { name: 'JSON', extension: 'json' },
  }

/**
 * Asks where to save a report, proposing `fileName` in the Downloads folder. Null when the user cancels.
 * The dialog asks before replacing an existing file on every platform (Linux needs the property).
 */
export async function chooseReportPath(
  window: BrowserWindow | null,
  fileName: string,
  format: ReportFormat,
): Promise<string | null> {
  const filter = REPORT_FILTERS[format]
  const options: SaveDialogOptions = {
    title: 'Export Report',
    buttonLabel: 'Save',
    defaultPath: path.join(app.getPath('downloads'), fileName),
    filters: [
      { name: filter.name, extensions: [filter.extension] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || result.filePath === '' ? null : result.filePath
}

/**
 * Asks where to save a drafted fix's Rules Editor script, proposing `fileName` in the Downloads folder. Null when
 * the user cancels. The dialog asks before replacing an existing file.
 */
export async function chooseScriptPath(
  window: BrowserWindow | null,
  fileName: string,
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Save Script',
    buttonLabel: 'Save',
    defaultPath: path.join(app.getPath('downloads'), fileName),
    filters: [
      { name: 'PowerShell script', extensions: ['ps1'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || result.filePath === '' ? null : result.filePath
}

/** Tells the user an export from the menu failed (the window shows failures of its own exports). */
export async function showExportFailure(window: BrowserWindow | null, message: string): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'error',
    title: 'Export Report',
    message: 'The report could not be exported.',
    detail: message,
    buttons: ['OK'],
    noLink: true,
  }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}
