import {
  type ConnectorSpaceSearchRequest,
  type DiagnoseRequest,
  type FlowDetailRequest,
  type MetaverseSearchRequest,
  type ObjectTarget,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportRequest,
} from '../../shared/app/view-queries'
import type { CsSearchQuery, CsSearchScope } from '../../shared/search/connector-space-search'
import {
  type ClauseGroup,
  type MetaverseQuery,
  SEARCH_OPERATORS,
  type SearchClause,
  type SearchOperator,
} from '../../shared/search/metaverse-query'

/** Largest page a view may ask for; the session caps pages at the same size. */
export const MAX_PAGE_LIMIT = 5_000

/** Largest row offset: row numbers are 32-bit. */
export const MAX_ROW_OFFSET = 0xffff_ffff

/** Longest id, attribute or object-type name accepted from the renderer. */
export const MAX_NAME_LENGTH = 1_024

/** Longest search value (a DN or an anchor may be long). */
export const MAX_SEARCH_VALUE_LENGTH = 8_192

/** Most attribute columns one search may fill. */
export const MAX_COLUMNS = 512

/** Most OR-ed groups in one Metaverse Search. */
export const MAX_CLAUSE_GROUPS = 64

/** Most clauses in one group of a Metaverse Search. */
export const MAX_CLAUSES_PER_GROUP = 64

// A Record keyed by the union makes the compiler insist on every scope.
const CS_SCOPES: Readonly<Record<CsSearchScope, true>> = {
  dn: true,
  rdn: true,
  subtree: true,
  disconnectors: true,
  'pending-import': true,
  'pending-export': true,
  'import-errors': true,
  'export-errors': true,
  all: true,
}

type Fields = (key: string) => unknown

/** Own fields of a plain object; null for anything else (arrays, null, primitives). */
function fieldsOf(value: unknown): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  return (key) => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined)
}

/** A text of 1..max characters (0..max when `empty` is allowed), or null. */
function text(value: unknown, max: number, empty = false): string | null {
  if (typeof value !== 'string' || value.length > max || (!empty && value.length === 0)) return null
  return value
}

/** Distinguishes "absent" (undefined) from "present but wrong" (null) for optional fields. */
function optionalText(value: unknown, max: number, empty = false): string | undefined | null {
  return value === undefined ? undefined : text(value, max, empty)
}

function integer(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null
}

function names(value: unknown, maxCount: number): string[] | null {
  if (!Array.isArray(value) || value.length > maxCount) return null
  const result: string[] = []
  for (const item of value) {
    const name = text(item, MAX_NAME_LENGTH)
    if (name === null) return null
    result.push(name)
  }
  return result
}

/** The paging fields both searches share. */
function paging(
  read: Fields,
): { columns: string[]; offset: number; limit: number; searchId?: number } | null {
  const columns = names(read('columns'), MAX_COLUMNS)
  const offset = integer(read('offset'), 0, MAX_ROW_OFFSET)
  const limit = integer(read('limit'), 0, MAX_PAGE_LIMIT)
  if (columns === null || offset === null || limit === null) return null
  const rawSearchId = read('searchId')
  if (rawSearchId === undefined) return { columns, offset, limit }
  const searchId = integer(rawSearchId, 0, Number.MAX_SAFE_INTEGER)
  return searchId === null ? null : { columns, offset, limit, searchId }
}

function searchClause(value: unknown): SearchClause | null {
  const read = fieldsOf(value)
  if (!read) return null
  const attribute = text(read('attribute'), MAX_NAME_LENGTH)
  const operator = read('operator')
  const clauseValue = optionalText(read('value'), MAX_SEARCH_VALUE_LENGTH, true)
  if (attribute === null || clauseValue === null) return null
  if (!SEARCH_OPERATORS.includes(operator as SearchOperator)) return null
  const clause = { attribute, operator: operator as SearchOperator }
  return clauseValue === undefined ? clause : { ...clause, value: clauseValue }
}

function clauseGroup(value: unknown): ClauseGroup | null {
  const read = fieldsOf(value)
  const raw = read?.('clauses')
  if (!Array.isArray(raw) || raw.length > MAX_CLAUSES_PER_GROUP) return null
  const clauses: SearchClause[] = []
  for (const item of raw) {
    const clause = searchClause(item)
    if (clause === null) return null
    clauses.push(clause)
  }
  return { clauses }
}

function metaverseQuery(value: unknown): MetaverseQuery | null {
  const read = fieldsOf(value)
  if (!read) return null
  const objectType = optionalText(read('objectType'), MAX_NAME_LENGTH, true)
  const raw = read('groups')
  if (objectType === null || !Array.isArray(raw) || raw.length > MAX_CLAUSE_GROUPS) return null
  const groups: ClauseGroup[] = []
  for (const item of raw) {
    const group = clauseGroup(item)
    if (group === null) return null
    groups.push(group)
  }
  return objectType === undefined ? { groups } : { objectType, groups }
}

function csSearchQuery(value: unknown): CsSearchQuery | null {
  const read = fieldsOf(value)
  if (!read) return null
  const scope = read('scope')
  if (typeof scope !== 'string' || !Object.hasOwn(CS_SCOPES, scope)) return null
  const queryValue = optionalText(read('value'), MAX_SEARCH_VALUE_LENGTH, true)
  const objectType = optionalText(read('objectType'), MAX_NAME_LENGTH, true)
  if (queryValue === null || objectType === null) return null
  return {
    scope: scope as CsSearchScope,
    ...(queryValue === undefined ? {} : { value: queryValue }),
    ...(objectType === undefined ? {} : { objectType }),
  }
}

/** A Metaverse Search request rebuilt from its known fields; null when any field is missing, wrong or too big. */
export function metaverseSearchRequest(value: unknown): MetaverseSearchRequest | null {
  const read = fieldsOf(value)
  if (!read) return null
  const query = metaverseQuery(read('query'))
  const page = paging(read)
  const unmappedOnly = read('unmappedOnly')
  if (query === null || page === null) return null
  if (unmappedOnly !== undefined && typeof unmappedOnly !== 'boolean') return null
  return { query, ...page, ...(unmappedOnly === undefined ? {} : { unmappedOnly }) }
}

/** A Search Connector Space request rebuilt from its known fields, or null. */
export function connectorSpaceSearchRequest(value: unknown): ConnectorSpaceSearchRequest | null {
  const read = fieldsOf(value)
  if (!read) return null
  const connectorId = text(read('connectorId'), MAX_NAME_LENGTH)
  const query = csSearchQuery(read('query'))
  const page = paging(read)
  if (connectorId === null || query === null || page === null) return null
  return { connectorId, query, ...page }
}

/** A connector-space or metaverse object target (exactly one of the two ids), or null. */
export function objectTarget(value: unknown): ObjectTarget | null {
  const read = fieldsOf(value)
  if (!read) return null
  const csId = optionalText(read('csId'), MAX_NAME_LENGTH)
  const mvId = optionalText(read('mvId'), MAX_NAME_LENGTH)
  if (csId !== undefined && csId !== null && mvId === undefined) return { csId }
  if (mvId !== undefined && mvId !== null && csId === undefined) return { mvId }
  return null
}

/** A diagnosis request rebuilt from its known fields, or null. */
export function diagnoseRequest(value: unknown): DiagnoseRequest | null {
  const read = fieldsOf(value)
  if (!read) return null
  const csId = text(read('csId'), MAX_NAME_LENGTH)
  const attribute = text(read('attribute'), MAX_NAME_LENGTH)
  const targetConnectorId = optionalText(read('targetConnectorId'), MAX_NAME_LENGTH)
  if (csId === null || attribute === null || targetConnectorId === null) return null
  return { csId, attribute, ...(targetConnectorId === undefined ? {} : { targetConnectorId }) }
}

/** A flow-detail request rebuilt from its known fields, or null; `target` must be given (a name or null). */
export function flowDetailRequest(value: unknown): FlowDetailRequest | null {
  const read = fieldsOf(value)
  if (!read) return null
  const ruleId = text(read('ruleId'), MAX_NAME_LENGTH)
  const rawTarget = read('target')
  const target = rawTarget === null ? null : text(rawTarget, MAX_NAME_LENGTH)
  const csId = optionalText(read('csId'), MAX_NAME_LENGTH)
  const mvId = optionalText(read('mvId'), MAX_NAME_LENGTH)
  if (ruleId === null || (rawTarget !== null && target === null) || csId === null || mvId === null)
    return null
  return {
    ruleId,
    target,
    ...(csId === undefined ? {} : { csId }),
    ...(mvId === undefined ? {} : { mvId }),
  }
}

/** A report format, or null for anything else. */
export function reportFormat(value: unknown): ReportFormat | null {
  return REPORT_FORMATS.find((format) => format === value) ?? null
}

/** A report request (a format, and optionally one connector-space object) rebuilt from its known fields, or null. */
export function reportRequest(value: unknown): ReportRequest | null {
  const read = fieldsOf(value)
  if (!read) return null
  const format = reportFormat(read('format'))
  const objectCsId = optionalText(read('objectCsId'), MAX_NAME_LENGTH)
  if (format === null || objectCsId === null) return null
  return objectCsId === undefined ? { format } : { format, objectCsId }
}

/** The arguments of an export: a format, then an optional connector-space id (`undefined` counts as absent). */
export function exportReportArgs(args: readonly unknown[]): [ReportFormat] | [ReportFormat, string] | null {
  if (args.length < 1 || args.length > 2) return null
  const format = reportFormat(args[0])
  const objectCsId = optionalText(args[1], MAX_NAME_LENGTH)
  if (format === null || objectCsId === null) return null
  return objectCsId === undefined ? [format] : [format, objectCsId]
}
