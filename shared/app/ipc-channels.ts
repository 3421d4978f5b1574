import type { FixDraft } from '../fix/draft'
import type { ComparisonReportFormat, ComparisonState } from './comparison-queries'
import type { ExportReportOutcome, MenuCommand, RecentSnapshot, SnapshotState } from './host-api'
import type { QueryName } from './query-table'
import type { ReportFormat } from './view-queries'

/**
 * The host's own request/response channels from the renderer (preload) to the main process, with their
 * signatures. The queries of the table travel on channels of their own, named by `queryChannel`.
 *
 * Both sides type their IPC wrappers against this map, so a channel cannot be invoked with arguments
 * the main process does not handle. Paths cross only in `snapshot:open-paths`, from files the user
 * dropped or picked (and in `comparison:open-paths`, for the snapshot to compare); the main process checks them
 * again before reading anything. `report:export`, `comparison:export` and `fix:save-script` carry no path: the
 * main process asks for one with its own save dialog.
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
  'report:export': (format: ReportFormat, objectCsId?: string) => Promise<ExportReportOutcome>
  'fix:save-script': (draft: FixDraft) => Promise<ExportReportOutcome>
  'log:error': (details: string) => Promise<void>
  'comparison:open-dialog': () => Promise<boolean>
  'comparison:open-paths': (paths: readonly string[]) => Promise<void>
  'comparison:cancel': () => Promise<void>
  'comparison:close': () => Promise<void>
  'comparison:get-state': () => Promise<ComparisonState>
  'comparison:impact': () => Promise<void>
  'comparison:cancel-impact': () => Promise<void>
  'comparison:export': (format: ComparisonReportFormat) => Promise<ExportReportOutcome>
}

/** Events the main process sends to the renderer, with their one payload. */
export type EventChannels = {
  'snapshot:state': (state: SnapshotState) => void
  'menu:command': (command: MenuCommand) => void
  'comparison:state': (state: ComparisonState) => void
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

/** The channel a query of the table travels on: `query:<name>`. */
export function queryChannel(name: QueryName): `query:${QueryName}` {
  return `query:${name}`
}
