import type { Diagnosis } from '../engine/diagnose'
import type { CsObject } from '../model/objects'
import type { FlowDetail } from '../engine/flow-detail'
import type { ObjectReport } from '../engine/object-report'
import type { CsSearchQuery } from '../search/connector-space-search'
import type { MetaverseQuery } from '../search/metaverse-query'
import type { CsSearchRow, MvSearchRow } from '../search/result-rows'

/** A Metaverse Search the UI asks for: the query, the columns to fill, and the page. */
export interface MetaverseSearchRequest {
  readonly query: MetaverseQuery
  /** Attribute columns beyond displayName (Column Settings). */
  readonly columns: readonly string[]
  readonly offset: number
  readonly limit: number
  /** Keep only objects with at least one attribute that has no mapping. */
  readonly unmappedOnly?: boolean
  /** The id of an earlier answer to the same query: its matches are paged without searching again. */
  readonly searchId?: number
}

/** A Search Connector Space the UI asks for. */
export interface ConnectorSpaceSearchRequest {
  readonly connectorId: string
  readonly query: CsSearchQuery
  readonly columns: readonly string[]
  readonly offset: number
  readonly limit: number
  readonly searchId?: number
}

/** The largest page of search results a session gives: pages are for virtualized grids and exports, not dumps. */
export const MAX_SEARCH_PAGE = 5000

/** One page of search results. */
export interface SearchPage<Row> {
  /** Pass it back to page through the same matches. */
  readonly searchId: number
  readonly total: number
  readonly offset: number
  readonly rows: readonly Row[]
  /** How long the search took in the session (milliseconds; 0 for a page of an earlier search). */
  readonly elapsedMs: number
}

/** A page of Metaverse Search results. */
export type MetaverseSearchPage = SearchPage<MvSearchRow>

/** A page of Search Connector Space results. */
export type ConnectorSpaceSearchPage = SearchPage<CsSearchRow>

/** Which object a report is about: a connector-space object or a metaverse object. */
export type ObjectTarget = { readonly csId: string } | { readonly mvId: string }

/** "Why isn't this attribute syncing?" for one attribute of one connector-space object. */
export interface DiagnoseRequest {
  readonly csId: string
  /** CS or MV attribute name. */
  readonly attribute: string
  /** The connector the value should reach; Entra ID when omitted. */
  readonly targetConnectorId?: string
}

/** One rule's evaluation for one object, for the rule pane of a flow row. */
export interface FlowDetailRequest {
  readonly ruleId: string
  /** Target attribute of the flow (MV attribute inbound, CS attribute outbound); null for scope only. */
  readonly target: string | null
  /** The connector-space object (inbound rules). */
  readonly csId?: string
  /** The metaverse object (outbound rules). */
  readonly mvId?: string
}

/** The file formats of the unmapped-attribute report (as `synclens report --format`). */
export const REPORT_FORMATS = ['html', 'csv', 'json'] as const

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The unmapped-attribute report as a file: of the whole snapshot, or of one connector-space object. */
export interface ReportRequest {
  readonly format: ReportFormat
  /** Report on this connector-space object instead of the whole snapshot. */
  readonly objectCsId?: string
}

/** A report rendered as a file, ready to save or download. */
export interface ReportFile {
  /** A bare, sanitised file name (no folder), e.g. `synclens-report-Contoso-2024-05-01.html`. */
  readonly fileName: string
  readonly mimeType: string
  readonly content: string
}

/** A report file, or why there is none (no snapshot, unknown object), in words for the user. */
export type ReportAnswer = ReportFile | { readonly error: string }

/** The queries the views ask of a loaded snapshot, answered off the UI thread; each returns plain data. */
export interface ViewQueries {
  searchMetaverse(request: MetaverseSearchRequest): MetaverseSearchPage
  searchConnectorSpace(request: ConnectorSpaceSearchRequest): ConnectorSpaceSearchPage
  /** The Metaverse object, Connectors tab, import and export flow and unmapped attributes; null when unknown. */
  objectReport(target: ObjectTarget): ObjectReport | null
  /** A connector-space object with every part the export holds (pending import/export, errors). */
  csObject(id: string): CsObject | null
  diagnose(request: DiagnoseRequest): Diagnosis | null
  flowDetail(request: FlowDetailRequest): FlowDetail | null
  /** Metaverse attribute names for the attribute picker (schema and loaded objects), sorted. */
  metaverseAttributes(): readonly string[]
  /** The unmapped-attribute report (as `synclens report` writes it), rendered in the worker. */
  report(request: ReportRequest): ReportAnswer
}
