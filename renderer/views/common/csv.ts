/** One column of a CSV export: its header and how to read a row's cell as text. */
export interface CsvColumn<Row> {
  readonly header: string
  readonly text: (row: Row) => string
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and prefixed with `'` when it starts like a
 * formula, so that opening the file in a spreadsheet never runs a value from the directory.
 */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** A CSV document (RFC 4180, CRLF line ends) of the rows under the given columns, header first. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')]
  for (const row of rows) lines.push(columns.map((column) => csvField(column.text(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** A file name for an export: the label in kebab case, with a .csv suffix. */
export function csvFileName(label: string): string {
  const base = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${base === '' ? 'export' : base}.csv`
}
