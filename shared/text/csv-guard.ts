/**
 * The one guard for text that leaves SyncLens as CSV or tab-separated cells (report CSV, grid exports, clipboard
 * copies), following OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula gets a leading
 * apostrophe, so directory data (a displayName of `=HYPERLINK(...)`) is always shown as text, never run.
 */

/** Characters that start a formula or a DDE command in Excel, LibreOffice or Google Sheets, ASCII and full-width. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '|', ';'])

/** Characters a spreadsheet skips or that hide what follows: spaces (NBSP too), zero-width and direction marks. */
const INVISIBLE = /^[\s\u00a0\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+/u

/** True when a spreadsheet could read this cell as a formula. */
export function isFormulaLike(value: string): boolean {
  const first = value[0]
  if (first === undefined) return false
  if (first === '\t' || first === '\r' || first === '\n') return true
  return FORMULA_START.has(value.replace(INVISIBLE, '')[0] ?? '')
}

/** The cell's text, with a leading apostrophe when a spreadsheet would read it as a formula. */
export function guardCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value
}

/** One CSV field (RFC 4180): guarded, always quoted (so `,` or a `;` list separator never splits it), quotes doubled. */
export function csvField(value: string | number): string {
  return `"${guardCell(String(value)).replace(/"/g, '""')}"`
}

/** One tab-separated cell: guarded, with tabs and line breaks turned into spaces so it stays one cell. */
export function tsvField(value: string): string {
  return guardCell(value).replace(/[\t\r\n]+/g, ' ')
}

/** A tab-separated row of guarded cells, as spreadsheets paste it. */
export function tsvRow(cells: readonly string[]): string {
  return cells.map(tsvField).join('\t')
}
