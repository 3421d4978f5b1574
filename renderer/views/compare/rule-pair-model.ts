import type { Difference } from '../../../shared/compare/compare-model'
import type { SyncRule } from '../../../shared/model/sync-rule'
import {
  descriptionFields,
  flowSource,
  type FlowSource,
  joinRows,
  scopeRows,
} from '../sync-rules/rule-detail-model'

/** How a line of a rule page compares with the other rule's. */
export type Mark = 'same' | 'changed' | 'added' | 'removed'

/** One Description field of both rules. */
export interface FieldPair {
  readonly label: string
  readonly a: string | null
  readonly b: string | null
  readonly code: boolean
  readonly mark: Mark
}

/** The difference path each Description field reports under (Id and origin are facts, never differences). */
function fieldPath(label: string, rule: SyncRule): string | null {
  const inbound = rule.direction === 'Inbound'
  switch (label) {
    case 'Name':
      return 'name'
    case 'Description':
      return 'description'
    case 'Connected System':
      return 'connector'
    case 'Connected System Object Type':
      return inbound ? 'sourceObjectType' : 'targetObjectType'
    case 'Metaverse Object Type':
      return inbound ? 'targetObjectType' : 'sourceObjectType'
    case 'Link Type':
      return 'linkType'
    case 'Precedence':
      return 'precedence'
    case 'Tag':
      return 'immutableTag'
    case 'Enable Password Sync':
      return 'enablePasswordSync'
    case 'Disabled':
      return 'disabled'
    default:
      return null
  }
}

/**
 * The Description page of two rules side by side, a field marked changed when the comparison reports it (so a
 * name differing only in case is not marked, as it is no difference).
 */
export function descriptionPairs(
  a: SyncRule | null,
  b: SyncRule | null,
  differences: readonly Difference[],
): readonly FieldPair[] {
  const reference = b ?? a
  if (!reference) return []
  const changed = new Set(differences.map((difference) => difference.path[0]))
  const aFields = a ? descriptionFields(a) : []
  const bFields = b ? descriptionFields(b) : []
  return descriptionFields(reference).map((field, index) => {
    const path = fieldPath(field.label, reference)
    const mark: Mark = !a ? 'added' : !b ? 'removed' : path !== null && changed.has(path) ? 'changed' : 'same'
    return {
      label: field.label,
      a: aFields[index]?.value ?? null,
      b: bFields[index]?.value ?? null,
      code: field.code,
      mark,
    }
  })
}

/** One line of a scoping filter or join rules, with how it compares with the other rule. */
export interface GroupLine {
  readonly group: number
  readonly firstInGroup: boolean
  readonly text: string
  readonly mark: Mark
}

const clauseKey = (attribute: string, operator: string, value: string): string =>
  `${attribute.trim().toLowerCase()}\u0000${operator}\u0000${value.trim().toLowerCase()}`

/** The scoping clauses of one rule, marked when the other rule has no such clause in any group. */
export function scopeLines(
  rule: SyncRule | null,
  other: SyncRule | null,
  missing: 'added' | 'removed',
): readonly GroupLine[] {
  if (!rule) return []
  const others = new Set(
    other ? scopeRows(other).map((row) => clauseKey(row.attribute, row.operator, row.value)) : [],
  )
  return scopeRows(rule).map((row) => ({
    group: row.group,
    firstInGroup: row.firstInGroup,
    text: `${row.attribute} ${row.operator}${row.value === '' ? '' : ` ${row.value}`}`,
    mark: others.has(clauseKey(row.attribute, row.operator, row.value)) ? 'same' : missing,
  }))
}

/** The join conditions of one rule, marked when the other rule has no such condition in the same group. */
export function joinLines(
  rule: SyncRule | null,
  other: SyncRule | null,
  missing: 'added' | 'removed',
): readonly GroupLine[] {
  if (!rule) return []
  const key = (row: ReturnType<typeof joinRows>[number]): string =>
    `${row.group}\u0000${clauseKey(row.sourceAttribute, '=', row.targetAttribute)}\u0000${row.caseSensitive}`
  const others = new Set(other ? joinRows(other).map(key) : [])
  return joinRows(rule).map((row) => ({
    group: row.group,
    firstInGroup: row.firstInGroup,
    text: `${row.sourceAttribute} = ${row.targetAttribute}${row.caseSensitive ? ' (case-sensitive)' : ''}`,
    mark: others.has(key(row)) ? 'same' : missing,
  }))
}

/** One transformation target with each rule's flow to it. */
export interface FlowPair {
  readonly target: string
  readonly a: { readonly flowType: string; readonly source: FlowSource; readonly extras: string } | null
  readonly b: { readonly flowType: string; readonly source: FlowSource; readonly extras: string } | null
  readonly mark: Mark
}

function flowSide(rule: SyncRule | null, target: string): FlowPair['a'] {
  const flow = rule?.flows.find((candidate) => candidate.target.toLowerCase() === target.toLowerCase())
  if (!flow) return null
  const extras = [flow.mergeType === 'Update' ? null : flow.mergeType, flow.applyOnce ? 'apply once' : null]
    .filter((part) => part !== null)
    .join(', ')
  return { flowType: flow.flowType, source: flowSource(flow), extras }
}

/**
 * The transformations of both rules aligned by target (B's order, then targets only A has), marked from the
 * comparison's differences: a target it reports changed, or one rule only.
 */
export function flowPairs(
  a: SyncRule | null,
  b: SyncRule | null,
  differences: readonly Difference[],
): readonly FlowPair[] {
  const changed = new Set(
    differences
      .filter((difference) => difference.path[0] === 'transformations')
      .map((difference) => (difference.path[1] ?? '').toLowerCase()),
  )
  const targets: string[] = []
  const seen = new Set<string>()
  for (const flow of [...(b?.flows ?? []), ...(a?.flows ?? [])]) {
    if (seen.has(flow.target.toLowerCase())) continue
    seen.add(flow.target.toLowerCase())
    targets.push(flow.target)
  }
  return targets.map((target) => {
    const left = flowSide(a, target)
    const right = flowSide(b, target)
    const mark: Mark = !left
      ? 'added'
      : !right
        ? 'removed'
        : changed.has(target.toLowerCase())
          ? 'changed'
          : 'same'
    return { target, a: left, b: right, mark }
  })
}
