/** One column of a CSV export: its header and how to read a row's cell as text. */
export interface CsvColumn<Row> {
  readonly header: string
  readonly text: (row: Row) => string
}

import { csvField } from '../../../shared/text/csv-guard'

export { csvField }

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
