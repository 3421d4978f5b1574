import type { ExportFlowRow } from '../../../shared/engine/export-flow'
import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { ObjectReport, ReportExport } from '../../../shared/engine/object-report'
import type { CsObject } from '../../../shared/model/objects'
import { outcomeText } from '../../../shared/model/flow-outcome'
import { valuesText } from './flow-rows'

/**
 * One row of a Preview page, as the Service Manager's Import and Export Attribute Flow pages list it: Sync Rule,
 * Data Source, Mapping Type, the attribute written, Initial Value and Final Value, plus the engine's row itself
 * (its status, its rule, its reason).
 */
export interface PreviewRow {
  /** Unique within the page. */
  readonly key: string
  readonly ruleName: string
  readonly ruleId: string
  readonly precedence: number
  /** Source attributes (Direct), the constant, or the expression text. */
  readonly dataSource: string
  /** Direct, Constant or Expression. */
  readonly mappingType: string
  /** The metaverse attribute (import) or the target connector-space attribute (export). */
  readonly attribute: string
  /** What the attribute holds before a synchronization: the metaverse (import) or the target object (export). */
  readonly initialValue: string
  /** What it holds after: the winner's computed value; `unchanged` for rows that write nothing. */
  readonly finalValue: string
  readonly winner: boolean
  readonly row: ImportFlowRow | ExportFlowRow
}

/** The export target a connector-space object belongs to: matched by connector id, else by name. */
export function ownExportTarget(report: ObjectReport, object: CsObject): ReportExport | null {
  const id = object.connectorId?.toLowerCase() ?? null
  return (
    report.exportFlow.find((target) => id !== null && target.connectorId.toLowerCase() === id) ??
    report.exportFlow.find(
      (target) => object.connectorName !== null && target.connector === object.connectorName,
    ) ??
    null
  )
}

function byAttributeThenWinner<T extends { readonly attribute: string; readonly winner: boolean }>(
  a: T & { readonly precedence: number },
  b: T & { readonly precedence: number },
): number {
  return (
    a.attribute.localeCompare(b.attribute, undefined, { sensitivity: 'base' }) ||
    Number(b.winner) - Number(a.winner) ||
    a.precedence - b.precedence
  )
}

/** The Import Attribute Flow page of one connector-space object: its own mappings into the metaverse. */
export function importPreviewRows(report: ObjectReport, csId: string): readonly PreviewRow[] {
  return report.importFlow
    .filter((row) => row.csObjectId === csId)
    .map((row, index): PreviewRow => {
      const initial = valuesText(row.mvValueInSnapshot)
      return {
        key: `${row.rule.id}|${row.mvAttribute}|${index}`,
        ruleName: row.rule.name,
        ruleId: row.rule.id,
        precedence: row.rule.precedence,
        dataSource: row.dataSource,
        mappingType: row.flowType,
        attribute: row.mvAttribute,
        initialValue: initial,
        finalValue: row.winner ? outcomeText(row.computed, 'cell') : 'unchanged',
        winner: row.winner,
        row,
      }
    })
    .sort(byAttributeThenWinner)
}

/** The Export Attribute Flow page of one connector-space object: the metaverse's mappings onto it. */
export function exportPreviewRows(target: ReportExport | null): readonly PreviewRow[] {
  if (target === null) return []
  return target.rows
    .map((row, index): PreviewRow => {
      const pending =
        row.pendingExportValues === null ? '' : ` (pending export ${valuesText(row.pendingExportValues)})`
      return {
        key: `${row.rule.id}|${row.csAttribute}|${index}`,
        ruleName: row.rule.name,
        ruleId: row.rule.id,
        precedence: row.rule.precedence,
        dataSource: row.dataSource,
        mappingType: row.flowType,
        attribute: row.csAttribute,
        initialValue: `${valuesText(row.targetValueInSnapshot)}${pending}`,
        finalValue: row.winner ? outcomeText(row.computed, 'cell') : 'unchanged',
        winner: row.winner,
        row,
      }
    })
    .sort(byAttributeThenWinner)
}
