import type { RuleFilter, SnapshotSummary } from './host-api'
import type { CsObject } from '../model/objects'
import type {
  ConnectorSpaceSearchPage,
  ConnectorSpaceSearchRequest,
  DiagnoseRequest,
  FlowDetailRequest,
  MetaverseSearchPage,
  MetaverseSearchRequest,
  ObjectTarget,
  ReportAnswer,
  ReportRequest,
} from './view-queries'
import type { SyncRule } from '../model/sync-rule'
import { filterRules } from './rule-filter'
import { type LoadedSnapshot, loadSnapshot } from '../load/load-snapshot'
import type { AbortSignalLike } from '../model/cancel'
import type { ProgressListener } from '../load/progress'
import type { SnapshotSessionApi } from './session-api'
import type { SnapshotSource } from '../io/source'
import { SnapshotViews } from './view-session'

/** What `report` answers with no snapshot loaded. */
const NO_SNAPSHOT = 'No snapshot is open; open one before exporting a report.'

/** Summarizes a loaded snapshot for the UI header and `synclens summary`. */
export function summarize(snapshot: LoadedSnapshot): SnapshotSummary {
  const { rules, connectors, metaverse } = snapshot.configuration
  const store = snapshot.objects
  const csTypes = new Map<string, Map<string, number>>()
  let assigned = 0
  for (const connector of connectors) {
    const counts = new Map<string, number>()
    const rows = store.csRowsOfConnector(connector.id)
    for (const row of rows) increment(counts, store.csRows.objectType(row))
    assigned += rows.length
    csTypes.set(connector.id, counts)
  }
  const mvTypes = new Map<string, number>()
  for (let row = 0; row < store.mvRowCount; row += 1) increment(mvTypes, store.mvObjectTypeAt(row))
  return {
    name: snapshot.name,
    connectors: connectors.map((connector) => ({
      id: connector.id,
      name: connector.name,
      type: connector.type,
      selectedAttributes: connector.selectedAttributes.length,
      csObjects: store.csRowsOfConnector(connector.id).length,
      byObjectType: countsRecord(csTypes.get(connector.id)),
    })),
    rules: {
      total: rules.length,
      inbound: rules.filter((rule) => rule.direction === 'Inbound').length,
      outbound: rules.filter((rule) => rule.direction === 'Outbound').length,
      disabled: rules.filter((rule) => rule.disabled).length,
    },
    serverConfigurationVersion: metaverse?.serverConfigurationVersion ?? null,
    server: metaverse?.server ?? null,
    metaverseObjectTypes: metaverse?.schema.classes.map((mvClass) => mvClass.name) ?? [],
    metaverse: {
      objects: store.mvRowCount,
      byObjectType: countsRecord(mvTypes),
      source: store.metaverseSource,
    },
    unassignedCsObjects: store.csRowCount - assigned,
    issues: snapshot.issues,
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** A JSON-ready record from counted names; built with defineProperty semantics so any name is a plain key. */
function countsRecord(counts: ReadonlyMap<string, number> | undefined): Readonly<Record<string, number>> {
  return Object.fromEntries([...(counts ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)))
}

/** The snapshot service: one loaded snapshot and the queries the UI and CLI ask of it. */
export class SnapshotSession implements SnapshotSessionApi {
  private current: LoadedSnapshot | null = null
  private views: SnapshotViews | null = null

  /** Loads a snapshot; the previous one stays until the new one has loaded completely. */
  public async load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const loaded = await loadSnapshot(source, onProgress, signal)
    this.current = loaded
    this.views = new SnapshotViews(loaded)
    return summarize(loaded)
  }

  public summary(): SnapshotSummary | null {
    return this.current ? summarize(this.current) : null
  }

  public rules(filter: RuleFilter): readonly SyncRule[] {
    return this.current ? filterRules(this.current.configuration.rules, filter) : []
  }

  public rule(id: string): SyncRule | null {
    return this.current?.configuration.rules.find((rule) => rule.id === id) ?? null
  }

  public searchMetaverse(request: MetaverseSearchRequest): MetaverseSearchPage {
    return (
      this.views?.searchMetaverse(request) ?? { searchId: 0, total: 0, offset: 0, rows: [], elapsedMs: 0 }
    )
  }

  public searchConnectorSpace(request: ConnectorSpaceSearchRequest): ConnectorSpaceSearchPage {
    return (
      this.views?.searchConnectorSpace(request) ?? {
        searchId: 0,
        total: 0,
        offset: 0,
        rows: [],
        elapsedMs: 0,
      }
    )
  }

  public objectReport(target: ObjectTarget): ReturnType<SnapshotViews['objectReport']> {
    return this.views?.objectReport(target) ?? null
  }

  public csObject(id: string): CsObject | null {
    return this.views?.csObject(id) ?? null
  }

  public diagnose(request: DiagnoseRequest): ReturnType<SnapshotViews['diagnose']> {
    return this.views?.diagnose(request) ?? null
  }

  public flowDetail(request: FlowDetailRequest): ReturnType<SnapshotViews['flowDetail']> {
    return this.views?.flowDetail(request) ?? null
  }

  public metaverseAttributes(): readonly string[] {
    return this.views?.metaverseAttributes() ?? []
  }

  public report(request: ReportRequest): ReportAnswer {
    return this.views?.report(request) ?? { error: NO_SNAPSHOT }
  }

  /** The loaded snapshot itself, for in-process callers (the command line). */
  public snapshot(): LoadedSnapshot | null {
    return this.current
  }
}
