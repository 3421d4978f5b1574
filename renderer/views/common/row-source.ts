/**
 * Rows a grid reads by position. A paged search has hundreds of thousands of rows of which only the pages seen
 * so far are loaded, so a grid asks for the rows it shows instead of holding one slot per row.
 */
export interface RowSource<Row> {
  readonly count: number
  /** True when every row is loaded (sorting needs them all). */
  readonly complete: boolean
  /** The row at `index`, or undefined while its page loads. */
  rowAt(index: number): Row | undefined
}

/** An array as a row source: every row is loaded. */
export function arrayRowSource<Row>(rows: readonly Row[]): RowSource<Row> {
  return { count: rows.length, complete: true, rowAt: (index) => rows[index] }
}

/** Every row of a complete source, in order; null while a row is still loading. */
export function loadedRows<Row>(source: RowSource<Row>): Row[] | null {
  if (!source.complete) return null
  const rows: Row[] = []
  for (let index = 0; index < source.count; index++) {
    const row = source.rowAt(index)
    if (row === undefined) return null
    rows.push(row)
  }
  return rows
}

/**
 * Finds rows by key in a fixed sequence of rows. The key index is built on the first lookup, once per
 * sequence, so a selection that moved (sorting, a filter) is found again without a scan on every render.
 */
export function keyedLookup<Row>(
  source: RowSource<Row>,
  rowKey: (row: Row) => string,
): (key: string) => number {
  let index: Map<string, number> | null = null
  return (key) => {
    if (index === null) {
      index = new Map()
      for (let position = 0; position < source.count; position++) {
        const row = source.rowAt(position)
        if (row !== undefined && !index.has(rowKey(row))) index.set(rowKey(row), position)
      }
    }
    return index.get(key) ?? -1
  }
}
