import type { AbortSignalLike } from '../model/cancel'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { ProgressListener } from '../load/progress'
import type { RuleFilter } from './host-api'
import type { SyncRule } from '../model/sync-rule'
import type { ViewQueries } from './view-queries'
import type { SnapshotSource } from '../io/source'

/**
 * The snapshot engine as a service: loads one snapshot and answers queries about it.
 *
 * It runs off the UI thread (a Node worker thread in Electron and the CLI's big loads, a Web Worker
 * in the browser build); hosts talk to it through `session-rpc.ts`. Every answer is plain data.
 */
export interface SnapshotSessionApi extends SnapshotQueries {
  /** Loads a snapshot, replacing the current one only when the load completes. Rejects with `LoadCancelled`. */
  load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary>
}

/** Every synchronous question a loaded session answers; each crosses the worker boundary as one query. */
export interface SnapshotQueries extends ViewQueries {
  summary(): SnapshotSummary | null
  rules(filter: RuleFilter): readonly SyncRule[]
  rule(id: string): SyncRule | null
}

/** The names of the queries, the only ones a session serves. */
export const SNAPSHOT_QUERY_NAMES = [
  'summary',
  'rules',
  'rule',
  'searchMetaverse',
  'searchConnectorSpace',
  'objectReport',
  'csObject',
  'diagnose',
  'flowDetail',
  'metaverseAttributes',
  'report',
] as const satisfies readonly (keyof SnapshotQueries)[]

/** The name of one query. */
export type SnapshotQueryName = (typeof SNAPSHOT_QUERY_NAMES)[number]
