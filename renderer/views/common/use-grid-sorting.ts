import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import type { GridColumn } from './data-grid-row'
import { arrayRowSource, loadedRows, type RowSource } from './row-source'

/** A row as the sorted row model holds it (TanStack's rows must be objects). */
interface SortItem<Row> {
  readonly row: Row
}

/** The sort a header shows. */
export type SortDirection = 'asc' | 'desc' | false

/** Header sorting of a grid, as its header and body use it. */
export interface GridSorting<Row> {
  /** The rows in the order shown: sorted, or the source itself. */
  readonly shown: RowSource<Row>
  /** Whether the headers may sort (every row is loaded). */
  readonly sortable: boolean
  /** How a column is sorted now. */
  direction(columnId: string): SortDirection
  /** A header click: ascending, descending, then back to the rows' own order (Shift adds a column). */
  toggle(columnId: string, event: unknown): void
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
})

const NO_ITEMS: never[] = []

/**
 * Header sorting for a grid. TanStack's row model is built over every row only while a sort is applied, which
 * needs every row loaded; unsorted, the grid reads rows by position from `source` and the model stays empty, so
 * a page arriving costs nothing here. A source that is no longer complete (a new search) drops the sort.
 */
export function useGridSorting<Row>(
  source: RowSource<Row>,
  columns: readonly GridColumn<Row>[],
): GridSorting<Row> {
  const [sorting, setSorting] = useState<SortingState>([])
  const sortable = source.complete
  if (!sortable && sorting.length > 0) setSorting([])
  const active = sortable && sorting.length > 0

  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, SortItem<Row>>()
    return helper.columns(
      columns.map((column) => {
        const { sortValue } = column
        // The first direction is stated, not inferred: TanStack infers it from the first row, and the model is
        // empty until a sort is applied. Numbers start with the largest, as TanStack's inference would.
        return sortValue === undefined
          ? helper.accessor((item) => column.text(item.row), {
              id: column.id,
              sortFn: 'alphanumeric',
              sortDescFirst: false,
            })
          : helper.accessor((item) => sortValue(item.row), {
              id: column.id,
              sortFn: 'basic',
              sortDescFirst: true,
            })
      }),
    )
  }, [columns])
  const items = useMemo(
    (): SortItem<Row>[] => (active ? (loadedRows(source)?.map((row) => ({ row })) ?? NO_ITEMS) : NO_ITEMS),
    [active, source],
  )
  const table = useTable({
    features,
    columns: tableColumns,
    data: items,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: sortable,
  })
  const sortedRows = active ? table.getRowModel().rows : null
  const sorted = useMemo(
    () => (sortedRows === null ? null : arrayRowSource(sortedRows.map((tableRow) => tableRow.original.row))),
    [sortedRows],
  )
  return {
    shown: sorted ?? source,
    sortable,
    direction: (columnId) => {
      const sort = active ? sorting.find((candidate) => candidate.id === columnId) : undefined
      return sort === undefined ? false : sort.desc ? 'desc' : 'asc'
    },
    toggle: (columnId, event) => table.getColumn(columnId)?.getToggleSortingHandler()?.(event),
  }
}
