import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import type { ProgressListener } from '../load/progress'
import { summarize } from '../load/summarize'
import type { AbortSignalLike } from '../model/cancel'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { SnapshotSource } from '../io/source'
import { QUERY_HANDLERS, SnapshotContext } from './query-handlers'
import {
  QUERY_TABLE,
  syncQueryMethods,
  type QueryArgs,
  type QueryName,
  type QueryResult,
  type SyncQueries,
} from './query-table'
import type { SnapshotSessionApi } from './session-api'

/** The loaded snapshot and the query dispatch; the session adds one method per query. */
class SessionCore implements SnapshotSessionApi {
  private context: SnapshotContext | null = null

  public constructor(private readonly clock: () => number) {}

  /** Loads a snapshot; the previous one stays until the new one has loaded completely. */
  public async load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const loaded = await loadSnapshot(source, onProgress, signal)
    this.context = new SnapshotContext(loaded, this.clock)
    return summarize(loaded)
  }

  /** Answers a query of the table; with no snapshot loaded, the table's empty answer. */
  public query<N extends QueryName>(name: N, ...args: QueryArgs<N>): QueryResult<N> {
    const context = this.context
    if (context === null) return QUERY_TABLE[name].empty
    const handler = QUERY_HANDLERS[name] as (
      context: SnapshotContext,
      ...args: QueryArgs<N>
    ) => QueryResult<N>
    return handler(context, ...args)
  }

  /** The loaded snapshot itself, for in-process callers (the command line). */
  public snapshot(): LoadedSnapshot | null {
    return this.context?.snapshot ?? null
  }
}

/** The snapshot service: one loaded snapshot, and every query of the table as a method of the same name. */
export type SnapshotSession = SessionCore & SyncQueries

/** A new session with nothing loaded; `clock` dates reports and times searches. */
export function createSnapshotSession(clock: () => number = Date.now): SnapshotSession {
  const core = new SessionCore(clock)
  return Object.assign(
    core,
    syncQueryMethods((name, args) => core.query(name, ...args)),
  )
}
