import { missingDnText } from '../engine/container-filter'
import { engineContext } from '../engine/engine-context'
import type { ContributorsReport } from '../engine/rule-index'
import { loadSnapshot } from '../load/load-snapshot'
import type { ProgressListener } from '../load/progress'
import { summarize } from '../load/summarize'
import type { AbortSignalLike } from '../model/cancel'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { SnapshotSource } from '../io/source'
import type { CsObject } from '../model/objects'
import { diagnosisSource } from './diagnosis-source'
import { QUERY_HANDLERS, SnapshotContext } from './query-handlers'
import {
  QUERY_TABLE,
  syncQueryMethods,
  type QueryArgs,
  type QueryName,
  type QueryResult,
  type SyncQueries,
} from './query-table'
import type { ImpactProgress } from '../compare/cancelled'
import type { ImpactSummary } from './comparison-queries'
import { ComparisonSlot } from './comparison-slot'
import type { SessionNotice, SnapshotSessionApi } from './session-api'
import type { ObjectTarget } from './view-queries'

/** How a session's clock reads and how it lets messages in during a long computation. */
export interface SessionOptions {
  /** Dates reports and times searches. */
  readonly clock?: () => number
  /**
   * Yields to the thread's message queue (a macrotask: setImmediate in Node, a zero timeout in a browser), so
   * that messages are answered and a cancel gets through during long work. Without it, long work runs to its end
   * in one go and the verdicts of every object are checked only when a query needs them.
   */
  readonly yieldControl?: () => Promise<void>
}

/** The loaded snapshot and the query dispatch; the session adds one method per query. */
class SessionCore implements SnapshotSessionApi {
  private context: SnapshotContext | null = null
  private readonly clock: () => number
  private readonly noticeListeners: ((notice: SessionNotice) => void)[] = []

  public constructor(private readonly options: SessionOptions) {
    this.clock = options.clock ?? Date.now
  }

  /** Loads a snapshot; the previous one stays until the new one has loaded completely. */
  public async load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const loaded = await loadSnapshot(source, onProgress, signal)
    this.context?.dispose()
    const notify = (error: Error): void => {
      for (const listener of this.noticeListeners) listener({ kind: 'entry-removed', message: error.message })
    }
    this.context = new SnapshotContext(
      loaded,
      this.clock,
      this.options.yieldControl ? { yieldControl: this.options.yieldControl, onEntryRemoved: notify } : null,
    )
    return summarize(loaded)
  }

  /** Calls `listener` with every notice from now on: a reopen cache entry removed in the background. */
  public onNotice(listener: (notice: SessionNotice) => void): void {
    this.noticeListeners.push(listener)
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

  /** The connector-space objects with this DN in every connector space (the command line's `--dn`). */
  public csObjectsByDn(dn: string): readonly CsObject[] {
    return this.context?.snapshot.objects.csObjectsByDn(dn) ?? []
  }

  /**
   * Why a DN is in no connector space (of this connector, when given), as far as the connectors' filters tell:
   * under an excluded container, in an unselected partition, or simply absent from the export.
   */
  public missingDnText(dn: string, connectorId?: string): string {
    const connectors = this.context?.snapshot.configuration.connectors ?? []
    return missingDnText(
      connectorId === undefined ? connectors : connectors.filter((connector) => connector.id === connectorId),
      dn,
    )
  }

  /**
   * The connector-space object to diagnose `attribute` from: a connector-space target itself; for a metaverse
   * object, the one contributing the attribute, as the object view chooses. Null when there is none.
   */
  public diagnosisSource(target: ObjectTarget, attribute: string): string | null {
    if ('csId' in target && target.csId !== undefined) return this.query('csObject', target.csId)?.id ?? null
    const report = this.query('objectReport', target)
    return report === null ? null : diagnosisSource(report, attribute)
  }

  /** Every enabled rule writing a metaverse attribute, ranked, and the outbound flows reading it; null when none is open. */
  public contributors(mvAttribute: string, mvObjectType?: string): ContributorsReport | null {
    const snapshot = this.context?.snapshot
    return snapshot === undefined
      ? null
      : engineContext(snapshot).ruleIndex.contributors(mvAttribute, mvObjectType)
  }

  /** Loads a snapshot to compare with the open one; the one compared before stays until this one has loaded. */
  public async loadComparison(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const context = this.context
    if (context === null) throw new Error('Open a snapshot first, then compare another with it.')
    const loaded = await loadSnapshot(source, onProgress, signal)
    // The impact reads every object's values: read what a reopened store left in its cache entry now, and let the
    // entry go.
    loaded.objects.readDeferred(() => false)
    // A snapshot opened meanwhile replaced the one this was to be compared with.
    if (this.context !== context) throw new Error('The open snapshot changed while the other one loaded.')
    context.comparison = new ComparisonSlot(context.snapshot, loaded, this.clock)
    return summarize(loaded)
  }

  /** Drops the compared snapshot. */
  public closeComparison(): void {
    if (this.context) this.context.comparison = null
  }

  /** Computes the impact of the compared configuration on every object, in slices that let a cancel in. */
  public computeImpact(
    onProgress: (progress: ImpactProgress) => void,
    signal: AbortSignalLike,
  ): Promise<ImpactSummary> {
    const comparison = this.context?.comparison
    if (!comparison) return Promise.reject(new Error('No snapshot is being compared with the open one.'))
    return comparison.computeImpact({
      onProgress,
      signal,
      ...(this.options.yieldControl ? { pause: this.options.yieldControl } : {}),
      now: () => new Date(this.clock()),
    })
  }
}

/** The snapshot service: one loaded snapshot, and every query of the table as a method of the same name. */
export type SnapshotSession = SessionCore & SyncQueries

/**
 * A new session with nothing loaded. A host that can yield between its messages (a worker) passes
 * `yieldControl`, so long work (every object's verdict, a comparison's impact) continues between queries and a
 * cancel gets through.
 */
export function createSnapshotSession(options: SessionOptions = {}): SnapshotSession {
  const core = new SessionCore(options)
  return Object.assign(
    core,
    syncQueryMethods((name, args) => core.query(name, ...args)),
  )
}
