import type { MenuItemConstructorOptions } from 'electron'
import type { RecentSnapshot } from '../../shared/app/host-api'
import type { ReportFormat } from '../../shared/app/view-queries'

/** What the menu shows and what its items do. */
export interface MenuModel {
  readonly platform: NodeJS.Platform
  /** Started by `npm start` (SYNCLENS_DEV=1): offers Reload. */
  readonly dev: boolean
  /** Running from an installed package: hides the developer tools. */
  readonly packaged: boolean
  /** A snapshot is open or opening, so Close Snapshot has something to close. */
  readonly canClose: boolean
  /** A snapshot is loaded, so there is a report to export. */
  readonly canExport: boolean
  readonly recent: readonly { readonly id: string; readonly label: string }[]
  readonly actions: MenuActions
}

/** What the menu items do; the main process wires them to the window and the snapshot host. */
export interface MenuActions {
  openSnapshot(): void
  /** Picks a second snapshot to compare with the open one. */
  compareWith(): void
  openTrainingSnapshot(): void
  openRecent(id: string): void
  clearRecent(): void
  closeSnapshot(): void
  exportReport(format: ReportFormat): void
  showSnapshotHelp(): void
  /** Shows the log file (in the file manager) for a support request. */
  showLog(): void
  /** The version of SyncLens and its runtime, with a way to the licenses. */
  showAbout(): void
  /** The license notices of the third-party software bundled into the app. */
  showLicenses(): void
}

/** The report formats File > Export Report offers, as the save dialog's file types read. */
const REPORT_MENU_ITEMS: readonly { readonly label: string; readonly format: ReportFormat }[] = [
  { label: 'HTML…', format: 'html' },
  { label: 'CSV (Spreadsheet)…', format: 'csv' },
  { label: 'JSON…', format: 'json' },
]

/**
 * The application menu as a template: File, Edit, View, Help (and the app menu on macOS).
 *
 * Built from plain values so the structure is tested without Electron; `menu.ts` turns it into a Menu.
 */
export function buildMenuTemplate(model: MenuModel): MenuItemConstructorOptions[] {
  const mac = model.platform === 'darwin'
  const { actions } = model
  const recentItems: MenuItemConstructorOptions[] =
    model.recent.length === 0
      ? [{ label: 'No Recent Snapshots', enabled: false }]
      : [
          ...model.recent.map((entry) => ({
            label: entry.label,
            click: () => actions.openRecent(entry.id),
          })),
          { type: 'separator' },
          { label: 'Clear Recent', click: () => actions.clearRecent() },
        ]
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Snapshot…', accelerator: 'CmdOrCtrl+O', click: () => actions.openSnapshot() },
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Open Training Snapshot', click: () => actions.openTrainingSnapshot() },
      { type: 'separator' },
      { label: 'Compare With…', enabled: model.canExport, click: () => actions.compareWith() },
      {
        label: 'Export Report',
        enabled: model.canExport,
        submenu: REPORT_MENU_ITEMS.map(({ label, format }) => ({
          label,
          click: () => actions.exportReport(format),
        })),
      },
      { type: 'separator' },
      {
        label: 'Close Snapshot',
        accelerator: 'CmdOrCtrl+Shift+W',
        enabled: model.canClose,
        click: () => actions.closeSnapshot(),
      },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(model.dev ? [{ role: 'reload' as const }] : []),
      ...(model.packaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ...(model.dev || !model.packaged ? [{ type: 'separator' as const }] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'How Do I Get a Snapshot?', click: () => actions.showSnapshotHelp() },
      { type: 'separator' },
      { label: 'Show Log', click: () => actions.showLog() },
      { label: 'Third-Party Licenses', click: () => actions.showLicenses() },
      { label: 'About SyncLens', click: () => actions.showAbout() },
    ],
  }
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    file,
    // Copy and select-all shortcuts only reach the page through an Edit menu on macOS.
    { role: 'editMenu' },
    view,
    help,
  ]
}

/** A recent snapshot as a menu label: its name and where it lives, with `&` kept literal (not a mnemonic). */
export function recentMenuLabel(snapshot: RecentSnapshot): string {
  return `${snapshot.name}  (${snapshot.location})`.replace(/&/g, '&&')
}
