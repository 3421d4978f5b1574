import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { CsObject } from '../../../shared/model/objects'

/** One rule in a connector-space object's lineage. */
export interface LineageRule {
  readonly ruleId: string | null
  readonly ruleName: string
  /** What the rule did (`Provision`, `Join`, ...) or, for a computed entry, how many values it contributes. */
  readonly detail: string | null
}

/** The Lineage section of a connector-space object: always in agreement with the header's metaverse link. */
export type CsLineageView =
  | {
      readonly kind: 'linked'
      readonly mvObjectId: string
      readonly lineageType: string | null
      readonly lineageTime: string | null
      /** `snapshot` when the export lists the rules, `computed` when SyncLens found the rules that apply. */
      readonly source: 'snapshot' | 'computed'
      readonly rules: readonly LineageRule[]
    }
  | { readonly kind: 'disconnector'; readonly explicit: boolean }
  | { readonly kind: 'connector-without-link' }

/** Rows that apply to the object: in scope, enabled and joined (whatever their precedence outcome). */
function applies(row: ImportFlowRow): boolean {
  return row.status !== 'out-of-scope' && row.status !== 'disabled' && row.status !== 'not-joined'
}

/**
 * The lineage to show. The export's own lineage entries win; when it has none but the object is linked (many
 * exports carry only the link), the rules come from the engine's import flow, marked as computed, so the section
 * never says "never joined" under a header that shows the link.
 */
export function csLineageView(object: CsObject, importRows: readonly ImportFlowRow[]): CsLineageView {
  const link = object.mvLink
  if (link === null) {
    if (object.isConnector) return { kind: 'connector-without-link' }
    return { kind: 'disconnector', explicit: object.connectorState === 'explicit' }
  }
  const base = {
    kind: 'linked' as const,
    mvObjectId: link.mvObjectId,
    lineageType: link.lineageType,
    lineageTime: link.lineageTime,
  }
  if (object.lineage.length > 0) {
    return {
      ...base,
      source: 'snapshot',
      rules: object.lineage.map((entry) => ({
        ruleId: entry.syncRuleId,
        ruleName: entry.syncRuleName ?? entry.syncRuleId ?? 'unknown rule',
        detail: entry.operation,
      })),
    }
  }
  const byRule = new Map<
    string,
    { name: string; precedence: number; contributes: number; mappings: number }
  >()
  for (const row of importRows) {
    if (row.csObjectId !== object.id || !applies(row)) continue
    const entry = byRule.get(row.rule.id) ?? {
      name: row.rule.name,
      precedence: row.rule.precedence,
      contributes: 0,
      mappings: 0,
    }
    entry.mappings += 1
    if (row.winner) entry.contributes += 1
    byRule.set(row.rule.id, entry)
  }
  const rules = [...byRule.entries()]
    .sort(([, a], [, b]) => a.precedence - b.precedence)
    .map(([ruleId, entry]): LineageRule => ({
      ruleId,
      ruleName: entry.name,
      detail: `precedence ${entry.precedence}, contributes ${entry.contributes} of ${entry.mappings} mappings`,
    }))
  return { ...base, source: 'computed', rules }
}
