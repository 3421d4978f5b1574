import type { ExportFlowRow } from '../../../shared/engine/export-flow'
import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { ObjectReport, ReportUnmapped } from '../../../shared/engine/object-report'
import { isActionable } from '../../../shared/model/diagnosis-codes'

/** An export row with the connector it goes to. */
export interface TargetedExportRow {
  readonly connector: string
  readonly connectorId: string
  /** True when the target is Entra ID (the AAD connector). */
  readonly entraId: boolean
  readonly row: ExportFlowRow
}

/** One attribute's line through the object: import rows -> metaverse value -> export rows, with its findings. */
export interface FlowLine {
  /** The metaverse attribute (or the source attribute of an unmapped finding). */
  readonly attribute: string
  readonly mvValues: readonly string[] | null
  /** Winner(s) first, then the losing rows in precedence order. */
  readonly imports: readonly ImportFlowRow[]
  /** Entra ID first, then other connectors; in each, winner(s) first. */
  readonly exports: readonly TargetedExportRow[]
  /** Findings shown as chips on the line: unmapped attributes (not the flow breaks, which the rows show). */
  readonly unmapped: readonly ReportUnmapped[]
  /** The breaks of the line's flows (blocking findings the engine found on its rows). */
  readonly breaks: readonly ReportUnmapped[]
  /** True when a finding of the line is blocking: the value does not arrive. */
  readonly problem: boolean
  /** True for a blocking or unmapped finding: what "Problems only" keeps. */
  readonly flagged: boolean
}

/** The MV attribute an export row reads: its first source, else (Constant) the target attribute. */
export function exportRowAttribute(row: ExportFlowRow): string {
  return row.sourceValues[0]?.attribute ?? row.csAttribute
}

function byWinnerThenPrecedence<
  T extends { readonly winner: boolean; readonly rule: { readonly precedence: number } },
>(a: T, b: T): number {
  if (a.winner !== b.winner) return a.winner ? -1 : 1
  return a.rule.precedence - b.rule.precedence
}

/**
 * Aligns import and export flow by metaverse attribute (case-insensitive), so each line reads source value ->
 * rule -> metaverse value -> rule -> target value. Unmapped findings join the line of their attribute or make
 * their own. Lines are sorted by attribute name.
 */
export function flowLines(report: ObjectReport, isEntraId: (connectorId: string) => boolean): FlowLine[] {
  const lines = new Map<
    string,
    {
      attribute: string
      imports: ImportFlowRow[]
      exports: TargetedExportRow[]
      unmapped: ReportUnmapped[]
      breaks: ReportUnmapped[]
    }
  >()
  const line = (attribute: string) => {
    const key = attribute.toLowerCase()
    let entry = lines.get(key)
    if (!entry) {
      entry = { attribute, imports: [], exports: [], unmapped: [], breaks: [] }
      lines.set(key, entry)
    }
    return entry
  }
  for (const row of report.importFlow) line(row.mvAttribute).imports.push(row)
  const targets = [...report.exportFlow].sort(
    (a, b) => Number(isEntraId(b.connectorId)) - Number(isEntraId(a.connectorId)),
  )
  for (const target of targets) {
    for (const row of target.rows) {
      line(exportRowAttribute(row)).exports.push({
        connector: target.connector,
        connectorId: target.connectorId,
        entraId: isEntraId(target.connectorId),
        row,
      })
    }
  }
  for (const finding of report.unmapped) {
    // A break about the whole object (not connected, cloud filtered) has no line; the header shows it.
    if (finding.kind === 'path-break') {
      if (finding.attribute !== '') line(finding.attribute).breaks.push(finding)
    } else line(finding.attribute).unmapped.push(finding)
  }

  const mvValues = new Map(
    (report.metaverse?.attributes ?? []).map((attribute) => [attribute.name.toLowerCase(), attribute.values]),
  )
  return [...lines.entries()]
    .map(([key, entry]): FlowLine => {
      const imports = [...entry.imports].sort(byWinnerThenPrecedence)
      const connectorOrder = new Map(targets.map((target, index) => [target.connectorId, index]))
      const exports = [...entry.exports].sort(
        (a, b) =>
          (connectorOrder.get(a.connectorId) ?? 0) - (connectorOrder.get(b.connectorId) ?? 0) ||
          byWinnerThenPrecedence(a.row, b.row),
      )
      const findings = [...entry.breaks, ...entry.unmapped]
      return {
        attribute: entry.attribute,
        mvValues: mvValues.get(key) ?? imports[0]?.mvValueInSnapshot ?? null,
        imports,
        exports,
        unmapped: entry.unmapped,
        breaks: entry.breaks,
        problem: findings.some((finding) => finding.severity === 'blocking'),
        flagged: findings.some((finding) => isActionable(finding.severity)),
      }
    })
    .sort((a, b) => a.attribute.localeCompare(b.attribute, undefined, { sensitivity: 'base' }))
}
