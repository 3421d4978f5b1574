/** The selected row of a grid: its key (null for a row still loading) and the position it was selected at. */
export interface GridSelection {
  readonly key: string | null
  readonly index: number
}

/** What the selection needs to know of the rows shown. */
export interface SelectionRows<Row> {
  readonly count: number
  rowAt(index: number): Row | undefined
}

/**
 * Where the selection is shown, or -1. The row at the position it was selected at is checked first, so that a
 * paged search (whose rows never move) finds it without a lookup; only a row that moved (sorting, a filtered
 * list) is looked up by key. A row selected while loading stays selected at its position.
 */
export function selectedPosition<Row>(
  selection: GridSelection | null,
  rows: SelectionRows<Row>,
  rowKey: (row: Row) => string,
  indexOfKey: (key: string) => number,
): number {
  if (selection === null) return -1
  const { key, index } = selection
  if (index >= 0 && index < rows.count) {
    const row = rows.rowAt(index)
    if (key === null || (row !== undefined && rowKey(row) === key)) return index
  }
  return key === null ? -1 : indexOfKey(key)
}

/**
 * The selection as it should be stored after resolving it at `position`: its new position, and the key of a
 * row that has loaded since it was selected. The same object when nothing changed, so it can be compared.
 */
export function settledSelection<Row>(
  selection: GridSelection | null,
  position: number,
  rows: SelectionRows<Row>,
  rowKey: (row: Row) => string,
): GridSelection | null {
  if (selection === null || position < 0) return selection
  const row = rows.rowAt(position)
  const key = selection.key ?? (row === undefined ? null : rowKey(row))
  return key === selection.key && position === selection.index ? selection : { key, index: position }
}
