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
import { type BackgroundOptions, QUERY_HANDLERS, SnapshotContext } from './query-handlers'
import {
  QUERY_TABLE,
  syncQueryMethods,
  type QueryArgs,
  type QueryName,
  type QueryResult,
  type SyncQueries,
} from './query-table'
import type { SnapshotSessionApi } from './session-api'
import type { ObjectTarget } from './view-queries'

/** The loaded snapshot and the query dispatch; the session adds one method per query. */
class SessionCore implements SnapshotSessionApi {
  private context: SnapshotContext | null = null

  public constructor(
    private readonly clock: () => number,
    private readonly background: BackgroundOptions | null,
  ) {}

  /** Loads a snapshot; the previous one stays until the new one has loaded completely. */
  public async load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const loaded = await loadSnapshot(source, onProgress, signal)
    this.context?.dispose()
    this.context = new SnapshotContext(loaded, this.clock, this.background)
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
}

/** The snapshot service: one loaded snapshot, and every query of the table as a method of the same name. */
export type SnapshotSession = SessionCore & SyncQueries

/**
 * A new session with nothing loaded; `clock` dates reports and times searches. A host that can yield between
 * its messages (a worker) passes `background`, so work a query starts (every object's verdict) continues
 * between queries.
 */
export function createSnapshotSession(
  clock: () => number = Date.now,
  background: BackgroundOptions | null = null,
): SnapshotSession {
  const core = new SessionCore(clock, background)
  return Object.assign(
    core,
    syncQueryMethods((name, args) => core.query(name, ...args)),
  )
}
