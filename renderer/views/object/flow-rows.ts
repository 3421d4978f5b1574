import { tsvRow } from '../../../shared/text/csv-guard'
import type { SourceValues } from '../../../shared/engine/flow-value'
import { outcomeText } from '../../../shared/model/flow-outcome'
import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { ReportUnmapped } from '../../../shared/engine/object-report'
import type { FlowLine, TargetedExportRow } from './flow-lines'

/** One table row of the Attribute Flow: a line's first row, or one of the rows folded under it. */
export interface FlowDisplayRow {
  readonly kind: 'line' | 'sub'
  readonly line: FlowLine
  /** 0 for the line's first row, then 1, 2, ... for the folded rows. */
  readonly index: number
  readonly importRow: ImportFlowRow | undefined
  readonly exportItem: TargetedExportRow | undefined
}

/** How many rows sit folded under a line's first row (losing and further contributors). */
export function foldedCount(line: FlowLine): number {
  return Math.max(line.imports.length, line.exports.length, 1) - 1
}

/**
 * The rows the Attribute Flow shows: each line's first row (the winners), then, when the line is expanded, its
 * other import and export rows side by side in precedence order.
 */
export function flowDisplayRows(
  lines: readonly FlowLine[],
  isExpanded: (line: FlowLine) => boolean,
): FlowDisplayRow[] {
  const rows: FlowDisplayRow[] = []
  for (const line of lines) {
    rows.push({ kind: 'line', line, index: 0, importRow: line.imports[0], exportItem: line.exports[0] })
    if (!isExpanded(line)) continue
    const count = foldedCount(line)
    for (let index = 1; index <= count; index += 1) {
      rows.push({
        kind: 'sub',
        line,
        index,
        importRow: line.imports[index],
        exportItem: line.exports[index],
      })
    }
  }
  return rows
}

/** The side of a line an unmapped finding explains: a missing outbound flow is the export's, the rest the import's. */
export function findingSide(finding: ReportUnmapped): 'import' | 'export' {
  return finding.kind === 'mv-without-outbound-flow' ? 'export' : 'import'
}

/**
 * Where a line's first row shows each unmapped finding: in the side it explains when that side has no rule
 * there, else next to the attribute name.
 */
export function placeFindings(row: FlowDisplayRow): {
  readonly import: readonly ReportUnmapped[]
  readonly export: readonly ReportUnmapped[]
  readonly attribute: readonly ReportUnmapped[]
} {
  const placed = {
    import: [] as ReportUnmapped[],
    export: [] as ReportUnmapped[],
    attribute: [] as ReportUnmapped[],
  }
  if (row.kind === 'sub') return placed
  for (const finding of row.line.unmapped) {
    const side = findingSide(finding)
    const free = side === 'import' ? row.importRow === undefined : row.exportItem === undefined
    placed[free ? side : 'attribute'].push(finding)
  }
  return placed
}

/** True when neither side of a row is a winner: the row is shown subdued. */
export function isLosingRow(row: FlowDisplayRow): boolean {
  return !(row.importRow?.winner ?? false) && !(row.exportItem?.row.winner ?? false)
}

/** Values as one cell shows them. */
export function valuesText(values: readonly string[] | null): string {
  if (values === null) return '—'
  if (values.length === 0) return '(none)'
  return values.join('; ')
}

/**
 * The source values a flow reads. One source shows its values; several (an expression over two attributes) are
 * each labelled with their attribute, so `Ana | Sales` cannot be misread.
 */
export function sourceText(sources: readonly SourceValues[]): string {
  if (sources.length === 0) return '—'
  if (sources.length === 1) return valuesText(sources[0]?.values ?? null)
  return sources.map((source) => `${source.attribute}: ${valuesText(source.values)}`).join(' · ')
}

/** A row as tab-separated text for the clipboard, in the order the columns read, each cell guarded. */
export function flowRowText(row: FlowDisplayRow): string {
  const { importRow, exportItem } = row
  return tsvRow([
    row.line.attribute,
    importRow ? sourceText(importRow.sourceValues) : '',
    importRow ? `${importRow.rule.name} (${importRow.rule.precedence}): ${importRow.status}` : '',
    row.kind === 'line' ? valuesText(row.line.mvValues) : '',
    exportItem
      ? `${exportItem.row.rule.name} (${exportItem.row.rule.precedence}): ${exportItem.row.status}`
      : '',
    exportItem ? outcomeText(exportItem.row.computed, 'cell') : '',
  ])
}
