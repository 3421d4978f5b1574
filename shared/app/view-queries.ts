import * as z from 'zod/mini'
import type { RuleDirection } from '../model/sync-rule'
import type { CsSearchQuery, CsSearchScope } from '../search/connector-space-search'
import { type MetaverseQuery, SEARCH_OPERATORS, type SearchOperator } from '../search/metaverse-query'
import type { CsSearchRow, MvSearchRow } from '../search/result-rows'

// The requests the views send, as schemas: the hosts check every request that crosses from the page
// against them (types, counts, lengths; unknown fields dropped), and the request types derive from them.

/** The largest page of search results: pages are for virtualized grids and exports, not dumps. */
export const MAX_PAGE_LIMIT = 5_000

/** Largest row offset: row numbers are 32-bit. */
export const MAX_ROW_OFFSET = 0xffff_ffff

/** Longest id, attribute or object-type name accepted from the page. */
export const MAX_NAME_LENGTH = 1_024

/** Longest search value (a DN or an anchor may be long). */
export const MAX_SEARCH_VALUE_LENGTH = 8_192

/** Most attribute columns one search may fill. */
export const MAX_COLUMNS = 512

/** Most OR-ed groups in one Metaverse Search. */
export const MAX_CLAUSE_GROUPS = 64

/** Most clauses in one group of a Metaverse Search. */
export const MAX_CLAUSES_PER_GROUP = 64

/** A name or id: 1 to MAX_NAME_LENGTH characters. */
export const nameSchema = z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH))

const searchValue = z.string().check(z.maxLength(MAX_SEARCH_VALUE_LENGTH))
const emptyOrName = z.string().check(z.maxLength(MAX_NAME_LENGTH))

const CS_SCOPES = [
  'dn',
  'rdn',
  'subtree',
  'disconnectors',
  'pending-import',
  'pending-export',
  'import-errors',
  'export-errors',
  'all',
] as const satisfies readonly CsSearchScope[]

const searchClause = z.object({
  attribute: nameSchema,
  operator: z.enum(SEARCH_OPERATORS as readonly SearchOperator[] as [SearchOperator, ...SearchOperator[]]),
  value: z.optional(searchValue),
})

const metaverseQuery = z.object({
  objectType: z.optional(emptyOrName),
  groups: z.readonly(
    z
      .array(
        z.object({ clauses: z.readonly(z.array(searchClause).check(z.maxLength(MAX_CLAUSES_PER_GROUP))) }),
      )
      .check(z.maxLength(MAX_CLAUSE_GROUPS)),
  ),
})

const csSearchQuery = z.object({
  scope: z.enum(CS_SCOPES),
  value: z.optional(searchValue),
  objectType: z.optional(emptyOrName),
})

// The schemas produce the search layer's own types (checked here, at compile time).
true satisfies z.infer<typeof metaverseQuery> extends MetaverseQuery ? true : never
true satisfies z.infer<typeof csSearchQuery> extends CsSearchQuery ? true : never

/** The paging fields both searches share. */
const paging = {
  /** Attribute columns beyond displayName (Column Settings). */
  columns: z.readonly(z.array(nameSchema).check(z.maxLength(MAX_COLUMNS))),
  offset: z.int().check(z.minimum(0), z.maximum(MAX_ROW_OFFSET)),
  limit: z.int().check(z.minimum(0), z.maximum(MAX_PAGE_LIMIT)),
  /** The id of an earlier answer to the same query: its matches are paged without searching again. */
  searchId: z.optional(z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER))),
}

/** A Metaverse Search the UI asks for: the query, the columns to fill, and the page. */
export const metaverseSearchRequest = z.object({
  query: metaverseQuery,
  ...paging,
  /** Keep only objects with at least one attribute that has no mapping. */
  unmappedOnly: z.optional(z.boolean()),
  /** Keep only objects in the scope of this rule (its scoping filter, on the side it reads). */
  inScopeOfRule: z.optional(nameSchema),
})

/** A Metaverse Search the UI asks for. */
export type MetaverseSearchRequest = z.infer<typeof metaverseSearchRequest>

/** A Search Connector Space the UI asks for. */
export const connectorSpaceSearchRequest = z.object({
  connectorId: nameSchema,
  query: csSearchQuery,
  ...paging,
})

/** A Search Connector Space the UI asks for. */
export type ConnectorSpaceSearchRequest = z.infer<typeof connectorSpaceSearchRequest>

/** Which object a report is about: a connector-space object or a metaverse object, never both. */
export const objectTarget = z.union([
  z.object({ csId: nameSchema, mvId: z.optional(z.never()) }),
  z.object({ mvId: nameSchema, csId: z.optional(z.never()) }),
])

/** Which object a report is about: a connector-space object or a metaverse object. */
export type ObjectTarget = { readonly csId: string } | { readonly mvId: string }

/** "Why isn't this attribute syncing?" for one attribute of one connector-space object. */
export const diagnoseRequest = z.object({
  csId: nameSchema,
  /** CS or MV attribute name. */
  attribute: nameSchema,
  /** The connector the value should reach; Entra ID when omitted. */
  targetConnectorId: z.optional(nameSchema),
})

/** "Why isn't this attribute syncing?" for one attribute of one connector-space object. */
export type DiagnoseRequest = z.infer<typeof diagnoseRequest>

/** One rule's evaluation for one object, for the rule pane of a flow row. */
export const flowDetailRequest = z.object({
  ruleId: nameSchema,
  /** Target attribute of the flow (MV attribute inbound, CS attribute outbound); null for scope only. */
  target: z.nullable(nameSchema),
  /** The connector-space object (inbound rules). */
  csId: z.optional(nameSchema),
  /** The metaverse object (outbound rules). */
  mvId: z.optional(nameSchema),
})

/** One rule's evaluation for one object. */
export type FlowDetailRequest = z.infer<typeof flowDetailRequest>

const DIRECTIONS = ['Inbound', 'Outbound'] as const satisfies readonly RuleDirection[]

/** Which rules the Sync Rules view asks for. Empty fields do not filter. */
export const ruleFilter = z.object({
  direction: z.optional(z.enum(DIRECTIONS)),
  connectorId: z.optional(emptyOrName),
  /** Connected-system object type (CS side). */
  connectedObjectType: z.optional(emptyOrName),
  /** Metaverse object type (MV side). */
  metaverseObjectType: z.optional(emptyOrName),
  /** Rules that read or write this attribute (flows, scoping, join), case-insensitive. */
  attribute: z.optional(emptyOrName),
})

/** Which rules the Sync Rules view asks for. Empty fields do not filter. */
export type RuleFilter = z.infer<typeof ruleFilter>

/** One page of search results. */
export interface SearchPage<Row> {
  /** Pass it back to page through the same matches. */
  readonly searchId: number
  readonly total: number
  readonly offset: number
  readonly rows: readonly Row[]
  /** How long the search took in the session (milliseconds; 0 for a page of an earlier search). */
  readonly elapsedMs: number
  /**
   * Present while the answer is not complete, the matches so far being among the objects checked; ask again for
   * more. `of: 'flows'` (or absent): the filter "has unmapped attributes" has checked the flows of `checked` of the
   * `total` objects the query matched. `of: 'values'`: on a snapshot without a metaverse export, the values of
   * `checked` of the `total` metaverse objects are computed so far.
   */
  readonly checking?: { readonly checked: number; readonly total: number; readonly of?: 'flows' | 'values' }
  /**
   * On a snapshot without a metaverse export: the objects whose values the engine failed to compute (a defect in
   * SyncLens), which hold no value, so that no clause on a value can find them; the first of them, whose own view
   * shows the error. Absent when none failed.
   */
  readonly uncomputed?: { readonly count: number; readonly firstMvId: string }
}

/** A page of Metaverse Search results. */
export type MetaverseSearchPage = SearchPage<MvSearchRow>

/** A page of Search Connector Space results. */
export type ConnectorSpaceSearchPage = SearchPage<CsSearchRow>

/** The file formats of the unmapped-attribute report (as `synclens report --format`). */
export const REPORT_FORMATS = ['html', 'csv', 'json'] as const

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** A report format. */
export const reportFormat = z.enum(REPORT_FORMATS)

/** The unmapped-attribute report as a file: of the whole snapshot, or of one connector-space object. */
export const reportRequest = z.object({
  format: reportFormat,
  /** Report on this connector-space object instead of the whole snapshot. */
  objectCsId: z.optional(nameSchema),
})

/** The unmapped-attribute report as a file. */
export type ReportRequest = z.infer<typeof reportRequest>

/** A report rendered as a file, ready to save or download. */
export interface ReportFile {
  /** A bare, sanitised file name (no folder), e.g. `synclens-report-Contoso-2024-05-01.html`. */
  readonly fileName: string
  readonly mimeType: string
  readonly content: string
}

/** A report file, or why there is none (no snapshot, unknown object), in words for the user. */
export type ReportAnswer = ReportFile | { readonly error: string }
