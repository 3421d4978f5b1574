import type {
  AsyncViewQueries,
  ExportReportOutcome,
  MenuCommand,
  RecentSnapshot,
  RuleFilter,
  SnapshotState,
} from './host-api'
import type { SyncRule } from '../model/sync-rule'
import type { ReportFormat } from './view-queries'

/**
 * Request/response channels from the renderer (preload) to the main process, with their signatures.
 *
 * Both sides type their IPC wrappers against this map, so a channel cannot be invoked with arguments
 * the main process does not handle. Paths cross only in `snapshot:open-paths`, from files the user
 * dropped or picked; the main process checks them again before reading anything. `report:export` carries
 * no path: the main process asks for one with its own save dialog. Each view query has
 * its own `views:` channel, so each has its own argument check.
 */
export type InvokeChannels = {
  'snapshot:open-dialog': () => Promise<boolean>
  'snapshot:open-paths': (paths: readonly string[]) => Promise<void>
  'snapshot:open-training': () => Promise<void>
  'snapshot:open-recent': (id: string) => Promise<void>
  'snapshot:list-recent': () => Promise<readonly RecentSnapshot[]>
  'snapshot:cancel': () => Promise<void>
  'snapshot:close': () => Promise<void>
  'snapshot:get-state': () => Promise<SnapshotState>
  'rules:list': (filter: RuleFilter) => Promise<readonly SyncRule[]>
  'rules:get': (id: string) => Promise<SyncRule | null>
  'views:search-metaverse': AsyncViewQueries['searchMetaverse']
  'views:search-connector-space': AsyncViewQueries['searchConnectorSpace']
  'views:object-report': AsyncViewQueries['objectReport']
  'views:cs-object': AsyncViewQueries['csObject']
  'views:diagnose': AsyncViewQueries['diagnose']
  'views:flow-detail': AsyncViewQueries['flowDetail']
  'views:metaverse-attributes': AsyncViewQueries['metaverseAttributes']
  'views:report': AsyncViewQueries['report']
  'report:export': (format: ReportFormat, objectCsId?: string) => Promise<ExportReportOutcome>
}

/** Events the main process sends to the renderer, with their one payload. */
export type EventChannels = {
  'snapshot:state': (state: SnapshotState) => void
  'menu:command': (command: MenuCommand) => void
}

/** The name of a request/response channel. */
export type InvokeChannel = keyof InvokeChannels

/** The arguments a request/response channel takes. */
export type InvokeArgs<K extends InvokeChannel> = Parameters<InvokeChannels[K]>

/** What a request/response channel resolves to. */
export type InvokeResult<K extends InvokeChannel> = Awaited<ReturnType<InvokeChannels[K]>>

/** The name of a main-to-renderer event channel. */
export type EventChannel = keyof EventChannels

/** The payload of a main-to-renderer event. */
export type EventPayload<K extends EventChannel> = Parameters<EventChannels[K]>[0]
