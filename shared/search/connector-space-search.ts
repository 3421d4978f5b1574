import { Bitset } from '../store/bitset'
import { foldCase } from '../text/fold'
import type { ObjectStore } from '../store/object-store'
import { scanPool } from '../store/value-scan'
import { firstRdn, isEscaped, rdnKey, rdnMatches } from '../text/dn'
import {
  csSearchRows,
  pageBounds,
  type CsSearchRow,
  type PageOptions,
  type SearchResult,
} from './result-rows'

/** The scopes of Search Connector Space. */
export type CsSearchScope =
  | 'dn'
  | 'rdn'
  | 'subtree'
  | 'disconnectors'
  | 'pending-import'
  | 'pending-export'
  | 'import-errors'
  | 'export-errors'
  | 'all'

/**
 * A Search Connector Space request. `dn`: the DN (case-insensitive) or the anchor (exact);
 * `rdn`: the first RDN's value (or the whole RDN when typed as `CN=…`); `subtree`: the DN itself and
 * everything below it. The state scopes take no value. `objectType` narrows any scope.
 */
export interface CsSearchQuery {
  readonly scope: CsSearchScope
  readonly value?: string
  readonly objectType?: string
}

/** The result of Search Connector Space: the total, the page asked for, and every match as a row number. */
export type CsSearchResult = SearchResult<CsSearchRow>

/** The rows of one connector space matching a query, ascending. */
export function matchConnectorSpace(
  store: ObjectStore,
  connectorId: string,
  query: CsSearchQuery,
): Uint32Array {
  const inConnector = store.csRowsOfConnector(connectorId)
  const value = query.value?.trim() ?? ''
  let rows: Uint32Array
  switch (query.scope) {
    case 'dn':
      rows = value === '' ? new Uint32Array(0) : byDnOrAnchor(store, inConnector, value)
      break
    case 'rdn':
      rows = value === '' ? new Uint32Array(0) : byRdn(store, inConnector, value)
      break
    case 'subtree':
      rows = value === '' ? new Uint32Array(0) : bySubtree(store, inConnector, value)
      break
    case 'disconnectors':
      rows = inConnector.filter((row) => !store.csRows.isConnector(row))
      break
    case 'pending-import':
      rows = byRarePart(store, inConnector, (parts) => parts.pendingImport !== null)
      break
    case 'pending-export':
      rows = byRarePart(store, inConnector, (parts) => parts.unappliedExport !== null)
      break
    case 'import-errors':
      rows = byRarePart(store, inConnector, (parts) => parts.importError !== null)
      break
    case 'export-errors':
      rows = byRarePart(store, inConnector, (parts) => parts.exportError !== null)
      break
    case 'all':
      rows = inConnector
      break
  }
  const objectType =
    query.objectType === undefined || query.objectType === '' ? null : foldCase(query.objectType)
  return objectType === null
    ? rows
    : rows.filter((row) => foldCase(store.csRows.objectType(row)) === objectType)
}

/** Runs Search Connector Space on one connector and returns the total, one page of rows, and every match. */
export function searchConnectorSpace(
  store: ObjectStore,
  connectorId: string,
  query: CsSearchQuery,
  page: PageOptions = {},
): CsSearchResult {
  return connectorSpaceResultPage(store, matchConnectorSpace(store, connectorId, query), page)
}

/** Another page over matches found before (`matchConnectorSpace`, or a result's `matches`). */
export function connectorSpaceResultPage(
  store: ObjectStore,
  matches: Uint32Array,
  options: PageOptions = {},
): CsSearchResult {
  const [start, end] = pageBounds(matches.length, options)
  const page = csSearchRows(store, matches.subarray(start, end), options.columns)
  return { total: matches.length, ids: page.map((row) => row.id), page, matches }
}

function membership(store: ObjectStore, rows: Uint32Array): Bitset {
  const set = new Bitset(store.csRowCount)
  for (const row of rows) set.add(row)
  return set
}

function byDnOrAnchor(store: ObjectStore, inConnector: Uint32Array, value: string): Uint32Array {
  const members = membership(store, inConnector)
  const found = new Set(store.csRowsByDn(value).filter((row) => members.has(row)))
  for (const row of inConnector) if (store.csRows.anchor(row) === value) found.add(row)
  return Uint32Array.from([...found].sort((left, right) => left - right))
}

function byRdn(store: ObjectStore, inConnector: Uint32Array, value: string): Uint32Array {
  const wanted = rdnKey(value)
  const dns = store.csRows.dns
  return inConnector.filter((row) => {
    const rdn = firstRdn(dns.get(row))
    const equalsSign = rdn.indexOf('=')
    // Most RDNs have no escapes: compare them without the general parser.
    if (!rdn.includes('\\') && equalsSign > 0) {
      const type = foldCase(rdn.slice(0, equalsSign).trim())
      const plain = foldCase(rdn.slice(equalsSign + 1).trim())
      return plain === wanted.value && (wanted.type === null || type === wanted.type)
    }
    return rdnMatches(rdnKey(rdn), wanted)
  })
}

/** The DN itself, and every DN that ends with `,<value>` where that comma is a real separator. */
function bySubtree(store: ObjectStore, inConnector: Uint32Array, value: string): Uint32Array {
  const members = membership(store, inConnector)
  const dns = store.csRows.dns
  const found = new Bitset(store.csRowCount)
  for (const row of store.csRowsByDn(value)) if (members.has(row)) found.add(row)
  const suffix = `,${value}`
  scanPool(dns, 0, dns.length, suffix, 'ends-with', (row) => {
    if (!members.has(row)) return
    const dn = dns.get(row)
    if (!isEscaped(dn, dn.length - suffix.length)) found.add(row)
  })
  return found.rowsInRange(0, store.csRowCount)
}

function byRarePart(
  store: ObjectStore,
  inConnector: Uint32Array,
  holds: (parts: NonNullable<ReturnType<ObjectStore['csRows']['rareParts']>>) => boolean,
): Uint32Array {
  const members = membership(store, inConnector)
  const rows = store.csRows.rowsWithRareParts().filter((row) => {
    const parts = store.csRows.rareParts(row)
    return members.has(row) && parts !== null && holds(parts)
  })
  return Uint32Array.from(rows)
}
