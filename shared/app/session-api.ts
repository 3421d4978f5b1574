import type { SnapshotSource } from '../io/source'
import type { ProgressListener } from '../load/progress'
import type { AbortSignalLike } from '../model/cancel'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { ImpactProgress } from '../compare/cancelled'
import type { ImpactSummary } from './comparison-queries'
import type { QueryArgs, QueryName, QueryResult } from './query-table'

/**
 * What a session tells its host unasked: the reopen cache entry the open snapshot was reopened from turned out
 * damaged while it was read in the background, and was removed, so opening the snapshot again reads its files.
 */
export interface SessionNotice {
  readonly kind: 'entry-removed'
  /** What was damaged, for the log. */
  readonly message: string
}

/**
 * The snapshot engine as a service: loads one snapshot and answers the queries of the table about it.
 *
 * It runs off the UI thread (a Node worker thread in Electron and the CLI's big loads, a Web Worker
 * in the browser build); hosts talk to it through `session-rpc.ts`. Every answer is plain data.
 */
export interface SnapshotSessionApi {
  /** Loads a snapshot, replacing the current one only when the load completes. Rejects with `LoadCancelled`. */
  load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary>
  /** Answers one query of the table. */
  query<N extends QueryName>(name: N, ...args: QueryArgs<N>): QueryResult<N>
  /**
   * Loads a second snapshot beside the open one, to compare with it (replacing any compared before once the
   * load completes). Rejects when no snapshot is open, and with `LoadCancelled`.
   */
  loadComparison(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary>
  /** Drops the compared snapshot and its impact, freeing their memory. */
  closeComparison(): void
  /** Calls `listener` with every notice from now on (where the session has any to give). */
  onNotice?(listener: (notice: SessionNotice) => void): void
  /** Computes the impact of the compared snapshot's configuration on every object. Rejects with `ComparisonCancelled`. */
  computeImpact(
    onProgress: (progress: ImpactProgress) => void,
    signal: AbortSignalLike,
  ): Promise<ImpactSummary>
}
