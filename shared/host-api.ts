import type { ConnectorType } from './model/connector'
import type { LoadIssue } from './model/load-issue'
import type { RuleDirection, SyncRule } from './model/sync-rule'
import type { ReportFormat, ViewQueries } from './queries/view-queries'

/** Call to stop listening. */
export type Unsubscribe = () => void

/** A file the user picked or dropped. Structurally a DOM `File`; shared/ has no DOM types. */
export interface PickedFile {
  readonly name: string
  readonly size: number
  /** Path inside a picked folder (`folder/sub/file.xml`), empty for a single file. */
  readonly webkitRelativePath: string
}

/** Progress of one file while a snapshot loads. */
export interface FileProgress {
  readonly path: string
  /** What the file was recognised as (`sync rule`, `connector`, `csexport`, ...). */
  readonly kind: string
  readonly size: number
  readonly bytesRead: number
  readonly objects: number
  readonly done: boolean
}

/** Progress of a whole load, as the loading screen shows it. */
export interface LoadProgress {
  readonly files: readonly FileProgress[]
  readonly bytesRead: number
  readonly bytesTotal: number
  readonly objectsRead: number
  readonly elapsedMs: number
  /** Bytes per second so far. */
  readonly rate: number
  /** Estimated seconds left, null until it can be estimated. */
  readonly secondsLeft: number | null
}

/** One connector, as the summary lists it. */
export interface ConnectorSummary {
  readonly id: string
  readonly name: string
  readonly type: ConnectorType
  readonly selectedAttributes: number
  /** Connector-space objects loaded for this connector. */
  readonly csObjects: number
  /** Connector-space objects per object type. */
  readonly byObjectType: Readonly<Record<string, number>>
}

/** The metaverse objects of a snapshot, in counts. */
export interface MetaverseSummary {
  readonly objects: number
  readonly byObjectType: Readonly<Record<string, number>>
  /** `exported`: read from a metaverse export; `computed`: built from connector-space links; `none`: neither. */
  readonly source: 'exported' | 'computed' | 'none'
}

/** What a loaded snapshot holds, in counts. */
export interface SnapshotSummary {
  /** Display name (folder, zip or file name). */
  readonly name: string
  readonly connectors: readonly ConnectorSummary[]
  readonly rules: {
    readonly total: number
    readonly inbound: number
    readonly outbound: number
    readonly disabled: number
  }
  /** The AAD Connect build that wrote the configuration, when MV.xml says. */
  readonly serverConfigurationVersion: string | null
  /** The sync server's name, when MV.xml says. */
  readonly server: string | null
  /** Metaverse object types from the metaverse schema. */
  readonly metaverseObjectTypes: readonly string[]
  readonly metaverse: MetaverseSummary
  /** Connector-space objects that belong to no known connector. */
  readonly unassignedCsObjects: number
  readonly issues: readonly LoadIssue[]
}

/** The state of the one snapshot the window shows. */
export type SnapshotState =
  | { readonly phase: 'empty' }
  | { readonly phase: 'loading'; readonly name: string; readonly progress: LoadProgress }
  | { readonly phase: 'ready'; readonly summary: SnapshotSummary }
  | {
      readonly phase: 'failed'
      readonly name: string
      readonly message: string
      readonly issues: readonly LoadIssue[]
    }

/** A snapshot opened before, offered again by the host. */
export interface RecentSnapshot {
  /** Opaque key: the renderer never sees or sends file-system paths. */
  readonly id: string
  readonly name: string
  /** Where it lives, for display only. */
  readonly location: string
  readonly openedAt: string
}

/** Which rules the Sync Rules view asks for. Empty fields do not filter. */
export interface RuleFilter {
  readonly direction?: RuleDirection
  readonly connectorId?: string
  /** Connected-system object type (CS side). */
  readonly connectedObjectType?: string
  /** Metaverse object type (MV side). */
  readonly metaverseObjectType?: string
  /** Rules that read or write this attribute (flows, scoping, join), case-insensitive. */
  readonly attribute?: string
}

/** How an export of the unmapped-attribute report ended. */
export type ExportReportOutcome =
  | { readonly status: 'saved'; /** The file's bare name, never its folder. */ readonly fileName: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string }

/** Commands the host's menu sends to the window. */
export type MenuCommand = 'open-snapshot' | 'close-snapshot'

/** The view queries (searches, object reports, diagnosis, flow detail), asked of the host asynchronously. */
export type AsyncViewQueries = {
  readonly [K in keyof ViewQueries]: (
    ...args: Parameters<ViewQueries[K]>
  ) => Promise<ReturnType<ViewQueries[K]>>
}

/**
 * Everything the renderer may ask of its host.
 *
 * Electron implements it in the preload (over IPC to the main process, which loads snapshots in a
 * worker thread); the browser build implements it over a Web Worker. The renderer imports only this.
 */
export interface HostApi extends AsyncViewQueries {
  readonly platform: 'electron' | 'browser'
  /** Shows the host's own Open Snapshot dialog. False when the host has none (browser: use `openFiles`). */
  openSnapshotDialog(): Promise<boolean>
  /** Opens files or a folder the user picked or dropped. */
  openFiles(files: readonly PickedFile[]): Promise<void>
  /** Opens the built-in Contoso training snapshot (generated by the host, no files needed). */
  openTrainingSnapshot(): Promise<void>
  /** Opens a snapshot from the recent list. */
  openRecent(id: string): Promise<void>
  listRecent(): Promise<readonly RecentSnapshot[]>
  /** Stops a load in progress; the state returns to what it was before. */
  cancelLoad(): Promise<void>
  closeSnapshot(): Promise<void>
  getState(): Promise<SnapshotState>
  onStateChange(listener: (state: SnapshotState) => void): Unsubscribe
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe
  /** Rules matching the filter, ordered by direction then precedence. */
  getRules(filter: RuleFilter): Promise<readonly SyncRule[]>
  getRule(id: string): Promise<SyncRule | null>
  /**
   * Saves the unmapped-attribute report of the snapshot (or of one connector-space object): Electron asks
   * where with its save dialog, the browser downloads it. Settles once saved, cancelled or failed.
   */
  exportReport(format: ReportFormat, objectCsId?: string): Promise<ExportReportOutcome>
}

/** Every member of HostApi, once; the compiler fails here when the interface changes without this list. */
const HOST_API_MEMBERS: Readonly<Record<keyof HostApi, true>> = {
  platform: true,
  openSnapshotDialog: true,
  openFiles: true,
  openTrainingSnapshot: true,
  openRecent: true,
  listRecent: true,
  cancelLoad: true,
  closeSnapshot: true,
  getState: true,
  onStateChange: true,
  onMenuCommand: true,
  getRules: true,
  getRule: true,
  exportReport: true,
  searchMetaverse: true,
  searchConnectorSpace: true,
  objectReport: true,
  csObject: true,
  diagnose: true,
  flowDetail: true,
  metaverseAttributes: true,
  report: true,
}

/** The member names of HostApi, sorted: what a host exposes, and nothing else. */
export const HOST_API_KEYS: readonly string[] = Object.keys(HOST_API_MEMBERS).sort()
