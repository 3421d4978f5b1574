import type { ObjectStore } from '../store/object-store'
import type { MvColumns } from './mv-columns'
import type { ValueColumn } from '../store/value-column'

/**
 * The attribute columns Search Connector Space shows until the user changes them (Entra ID objects are named by
 * GUID DNs: these say who they are), and offers for a connector the snapshot has no configuration for.
 */
export const DEFAULT_CS_COLUMNS: readonly string[] = ['displayName', 'userPrincipalName']

/** Values shown in one grid cell before the rest is summarised. */
const CELL_VALUES = 20

/** One Metaverse Search result as the virtualized grid shows it. */
export interface MvSearchRow {
  readonly id: string
  /** First displayName value, null when the object has none (the grid shows the id instead). */
  readonly displayName: string | null
  readonly objectType: string
  /** One cell per requested column, in the order asked: values joined with "; ", null when absent. */
  readonly values: readonly (string | null)[]
}

/** One Search Connector Space result as the grid shows it. */
export interface CsSearchRow {
  readonly id: string
  readonly dn: string
  readonly objectType: string
  /** True for a joined connector, false for a disconnector. */
  readonly isConnector: boolean
  /** `normal`, `explicit` or `stay`, when given: the grid's Explicit column. */
  readonly connectorState: string | null
  /** One cell per requested column (synchronized values), in the order asked. */
  readonly values: readonly (string | null)[]
}

/**
 * One page of a search: the number of matches, the page's ids and grid rows (in result order), and
 * every match as a store row number, so that a session can serve later pages without searching
 * again (`metaverseResultPage`, `connectorSpaceResultPage`). Ids of all matches are not listed: a
 * million strings would cost more than the search itself.
 */
export interface SearchResult<Row> {
  readonly total: number
  readonly ids: readonly string[]
  readonly page: readonly Row[]
  /** Every match, as row numbers of the store, ascending. */
  readonly matches: Uint32Array
}

/** Which part of the results to return as rows, and with which attribute columns. */
export interface PageOptions {
  readonly offset?: number
  readonly limit?: number
  /** Attribute names whose values fill `values`, one cell each. */
  readonly columns?: readonly string[]
}

/** The text of a grid cell: values joined with "; ", long lists cut with a count of the rest. */
export function cellText(values: readonly string[]): string | null {
  if (values.length === 0) return null
  if (values.length <= CELL_VALUES) return values.join('; ')
  return `${values.slice(0, CELL_VALUES).join('; ')}; … (${values.length - CELL_VALUES} more)`
}

/** The [start, end) slice of `total` results a page asks for. */
export function pageBounds(total: number, options: PageOptions): readonly [number, number] {
  const start = Math.min(total, Math.max(0, Math.floor(options.offset ?? 0)))
  const limit = options.limit ?? 100
  return [start, Math.min(total, start + Math.max(0, Math.floor(limit)))]
}

/** Grid rows for metaverse rows. */
export function mvSearchRows(
  store: MvColumns,
  rows: ArrayLike<number>,
  columns: readonly string[] = [],
): MvSearchRow[] {
  const displayName = store.mvColumn('displayName')
  const cells = columns.map((name) => store.mvColumn(name))
  return Array.from({ length: rows.length }, (_, index) => {
    const row = rows[index] ?? 0
    return {
      id: store.mvIdAt(row),
      displayName: displayName?.valuesOf(row)[0] ?? null,
      objectType: store.mvObjectTypeAt(row),
      values: cellsOf(cells, row),
    }
  })
}

/** Grid rows for connector-space rows. */
export function csSearchRows(
  store: ObjectStore,
  rows: ArrayLike<number>,
  columns: readonly string[] = [],
): CsSearchRow[] {
  const cs = store.csRows
  const cells = columns.map((name) => store.csColumn(name))
  return Array.from({ length: rows.length }, (_, index) => {
    const row = rows[index] ?? 0
    return {
      id: cs.ids.get(row) ?? '',
      dn: cs.dns.get(row),
      objectType: cs.objectType(row),
      isConnector: cs.isConnector(row),
      connectorState: cs.connectorState(row),
      values: cellsOf(cells, row),
    }
  })
}

function cellsOf(columns: readonly (ValueColumn | null)[], row: number): (string | null)[] {
  return columns.map((column) => (column === null ? null : cellText(column.valuesOf(row))))
}
