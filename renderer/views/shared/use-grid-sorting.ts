import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
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

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
})

const NO_ITEMS: never[] = []

/**
 * Header sorting for a grid. TanStack's row model is built over every row only while a sort is applied, which
 * needs every row loaded; unsorted, the grid reads rows by position from `source` and the model stays empty, so
 * a page arriving costs nothing here. A source that is no longer complete (a new search) drops the sort.
 */
export function useGridSorting<Row>(source: RowSource<Row>, columns: readonly GridColumn<Row>[]) {
  const [sorting, setSorting] = useState<SortingState>([])
  const sortable = source.complete
  if (!sortable && sorting.length > 0) setSorting([])
  const active = sortable && sorting.length > 0

  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, SortItem<Row>>()
    return helper.columns(
      columns.map((column) =>
        helper.accessor((item) => column.text(item.row), {
          id: column.id,
          header: column.header,
          sortFn: 'alphanumeric',
          // Stated, not inferred: TanStack infers the first direction from the first row, and the model is empty
          // until a sort is applied.
          sortDescFirst: false,
        }),
      ),
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
    table,
    /** The rows in the order shown: sorted, or the source itself. */
    shown: sorted ?? source,
    /** Whether the headers may sort (every row is loaded). */
    sortable,
    /** Whether a sort is applied. */
    active,
  }
}
