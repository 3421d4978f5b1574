import { diagnoseAttribute } from '../engine/diagnose'
import { flowDetail } from '../engine/flow-detail'
import { objectReport } from '../engine/object-report'
import { unmappedSourceNamesOf } from '../engine/unmapped'
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
import { MAX_SEARCH_PAGE } from './view-queries'
import { connectorSpaceResultPage, matchConnectorSpace } from '../search/connector-space-search'
import { matchMetaverse, metaverseResultPage } from '../search/metaverse-search'
import { engineContext } from '../engine/engine-context'
import type { LoadedSnapshot } from '../load/load-snapshot'
import { buildReportFile } from './report-file'

/** Results kept for paging; older searches are searched again when asked for. */
const KEPT_SEARCHES = 8

/** Search ids are unique for the life of the worker, so an id kept from before a reload never pages new matches. */
let nextSearchId = 1

/**
 * The view queries over one loaded snapshot: searches (kept for paging), object reports, diagnosis and
 * flow detail. Built once per snapshot by the session.
 */
export class SnapshotViews {
  private readonly searches = new Map<number, Uint32Array>()

  public constructor(
    private readonly snapshot: LoadedSnapshot,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Metaverse Search with paging; `unmappedOnly` keeps objects with an attribute that has no mapping. */
  public searchMetaverse(request: MetaverseSearchRequest): MetaverseSearchPage {
    const store = this.snapshot.objects
    const started = this.clock()
    let matches = request.searchId === undefined ? undefined : this.searches.get(request.searchId)
    let searchId = request.searchId ?? 0
    const cached = matches !== undefined
    if (!matches) {
      matches = matchMetaverse(
        store,
        request.query,
        request.unmappedOnly ? { extraFilter: this.hasUnmapped() } : {},
      )
      searchId = this.keep(matches)
    }
    const page = metaverseResultPage(store, matches, pageOf(request))
    return {
      searchId,
      total: page.total,
      offset: request.offset,
      rows: page.page,
      elapsedMs: cached ? 0 : this.clock() - started,
    }
  }

  /** Search Connector Space with paging. */
  public searchConnectorSpace(request: ConnectorSpaceSearchRequest): ConnectorSpaceSearchPage {
    const store = this.snapshot.objects
    const started = this.clock()
    let matches = request.searchId === undefined ? undefined : this.searches.get(request.searchId)
    let searchId = request.searchId ?? 0
    const cached = matches !== undefined
    if (!matches) {
      matches = matchConnectorSpace(store, request.connectorId, request.query)
      searchId = this.keep(matches)
    }
    const page = connectorSpaceResultPage(store, matches, pageOf(request))
    return {
      searchId,
      total: page.total,
      offset: request.offset,
      rows: page.page,
      elapsedMs: cached ? 0 : this.clock() - started,
    }
  }

  /** The report of a connector-space or metaverse object; null when the id is unknown. */
  public objectReport(target: ObjectTarget): ReturnType<typeof objectReport> | null {
    const { ruleIndex, mvLookup } = engineContext(this.snapshot)
    const index = this.snapshot.objects
    if ('csId' in target) {
      const csObject = index.csObject(normalizeId(target.csId))
      return csObject ? objectReport({ ruleIndex, index, mvLookup, object: { csObject } }) : null
    }
    const mvId = normalizeId(target.mvId)
    return index.mvObject(mvId)
      ? objectReport({ ruleIndex, index, mvLookup, object: { mvObjectId: mvId } })
      : null
  }

  /** A connector-space object with all its parts. */
  public csObject(id: string): CsObject | null {
    return this.snapshot.objects.csObject(normalizeId(id))
  }

  /** The diagnosis of one attribute of one connector-space object. */
  public diagnose(request: DiagnoseRequest): ReturnType<typeof diagnoseAttribute> | null {
    const csObject = this.csObject(request.csId)
    if (!csObject) return null
    const { ruleIndex, mvLookup } = engineContext(this.snapshot)
    const { rules, connectors } = this.snapshot.configuration
    return diagnoseAttribute({
      rules,
      connectors,
      index: this.snapshot.objects,
      csObject,
      attribute: request.attribute,
      targetConnectorId: request.targetConnectorId,
      ruleIndex,
      mvLookup,
    })
  }

  /** One rule evaluated for one object, with scope results and the expression trace. */
  public flowDetail(request: FlowDetailRequest): ReturnType<typeof flowDetail> {
    const { ruleIndex } = engineContext(this.snapshot)
    const rule = ruleIndex.rule(request.ruleId)
    if (!rule) return null
    const index = this.snapshot.objects
    return flowDetail({
      rule,
      target: request.target,
      connectors: this.snapshot.configuration.connectors,
      index,
      ruleIndex,
      csObject: request.csId === undefined ? null : index.csObject(normalizeId(request.csId)),
      mvObject: request.mvId === undefined ? null : index.mvObject(normalizeId(request.mvId)),
    })
  }

  /** Metaverse attribute names: the schema's and those loaded objects carry, sorted case-insensitively. */
  public metaverseAttributes(): readonly string[] {
    const names = new Map<string, string>()
    for (const attribute of this.snapshot.configuration.metaverse?.schema.attributes ?? []) {
      names.set(attribute.name.toLowerCase(), attribute.name)
    }
    for (const rule of this.snapshot.configuration.rules) {
      if (rule.direction !== 'Inbound') continue
      for (const flow of rule.flows)
        if (!names.has(flow.target.toLowerCase())) names.set(flow.target.toLowerCase(), flow.target)
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
  }

  /** The unmapped-attribute report of the snapshot or of one connector-space object, rendered as a file. */
  public report(request: ReportRequest): ReportAnswer {
    return buildReportFile(this.snapshot, request, () => new Date(this.clock()))
  }

  private keep(matches: Uint32Array): number {
    const id = nextSearchId++
    this.searches.set(id, matches)
    for (const old of this.searches.keys()) {
      if (this.searches.size <= KEPT_SEARCHES) break
      this.searches.delete(old)
    }
    return id
  }

  /** "Has unmapped attributes": a linked connector-space object carries a value no enabled rule reads. */
  private hasUnmapped(): (mvId: string) => boolean {
    const { ruleIndex } = engineContext(this.snapshot)
    const store = this.snapshot.objects
    return (mvId) =>
      store.csRowsLinkedTo(mvId).some((row) => {
        const connectorId = store.csConnectorIdAt(row)
        if (connectorId === null) return false
        const names = store.csAttributeNamesWithValues(row)
        return unmappedSourceNamesOf(ruleIndex, connectorId, store.csRows.objectType(row), names).length > 0
      })
  }
}

function pageOf(request: { offset: number; limit: number; columns: readonly string[] }) {
  return {
    offset: Math.max(0, Math.floor(request.offset)),
    limit: Math.min(MAX_SEARCH_PAGE, Math.max(0, Math.floor(request.limit))),
    columns: request.columns,
  }
}

function normalizeId(id: string): string {
  return id.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase()
}
