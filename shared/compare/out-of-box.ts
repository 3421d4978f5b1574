import type { ConnectorType } from '../model/connector'
import { isStandardRule, type SyncRule } from '../model/sync-rule'
import type { Difference, OutOfBoxEdit, RuleFacts, Side } from './compare-model'
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from './default-rules'
import { nameKey, sameName } from './names'
import type { RulePair } from './rule-match'

/** Differences that the supported way of changing an out-of-box rule produces (or the wizard, on its own). */
const SUPPORTED_CHANGES: ReadonlySet<string> = new Set(['precedence', 'disabled', 'connector'])

/** The facts of a rule as findings name it. */
export function ruleFacts(rule: SyncRule): RuleFacts {
  return {
    id: rule.id,
    name: rule.name,
    direction: rule.direction,
    precedence: rule.precedence,
    connector: rule.connectorName ?? rule.connectorId,
    immutableTag: rule.immutableTag,
  }
}

/**
 * How an out-of-box rule differs from the recorded default with its tag: null when its tag is not
 * recorded, empty when it matches. Precedence is not compared (the wizard renumbers rules per server).
 */
export function defaultSetDeviations(
  rule: SyncRule,
  connectorType: ConnectorType | null,
): readonly string[] | null {
  if (!isStandardRule(rule)) return null
  const shape = DEFAULT_RULES.get(nameKey(rule.immutableTag))
  if (!shape) return null
  const deviations: string[] = []
  const text = (label: string, expected: string | number, found: string | number): void => {
    deviations.push(`${label}: ${found} where the default has ${expected}`)
  }
  if (!sameName(rule.name, shape.name)) text('Name', `"${shape.name}"`, `"${rule.name}"`)
  if (rule.direction !== shape.direction) text('Direction', shape.direction, rule.direction)
  if (connectorType !== null && connectorType !== shape.connectorType) {
    text('Connector type', shape.connectorType, connectorType)
  }
  if (!sameName(rule.sourceObjectType, shape.sourceObjectType)) {
    text('Source object type', shape.sourceObjectType, rule.sourceObjectType)
  }
  if (!sameName(rule.targetObjectType, shape.targetObjectType)) {
    text('Target object type', shape.targetObjectType, rule.targetObjectType)
  }
  if (rule.linkType !== shape.linkType) text('Link type', shape.linkType, rule.linkType)
  const count = (type: SyncRule['flows'][number]['flowType']): number =>
    rule.flows.filter((flow) => flow.flowType === type).length
  const flows: readonly [string, number, number][] = [
    ['Direct transformations', shape.direct, count('Direct')],
    ['Constant transformations', shape.constant, count('Constant')],
    ['Expression transformations', shape.expression, count('Expression')],
  ]
  for (const [label, expected, found] of flows) if (expected !== found) text(label, expected, found)
  const scopeGroups = rule.scopeGroups.filter((group) => group.clauses.length > 0).length
  if (scopeGroups !== shape.scopeGroups) text('Scoping filter groups', shape.scopeGroups, scopeGroups)
  const joinGroups = rule.joinGroups.filter((group) => group.conditions.length > 0).length
  if (joinGroups !== shape.joinGroups) text('Join groups', shape.joinGroups, joinGroups)
  if (rule.enablePasswordSync !== shape.enablePasswordSync) {
    text(
      'Enable password sync',
      shape.enablePasswordSync ? 'yes' : 'no',
      rule.enablePasswordSync ? 'yes' : 'no',
    )
  }
  return deviations
}

/** What `outOfBoxEdits` needs besides the rule pairs. */
export interface OutOfBoxInput {
  readonly pairs: readonly RulePair[]
  /** The differences of each paired rule. */
  readonly differences: (pair: RulePair) => readonly Difference[]
  /** The type of a rule's connector in its own snapshot, null when the connector is not in it. */
  readonly connectorType: (side: Side, rule: SyncRule) => ConnectorType | null
}

/**
 * Out-of-box rules edited in place: a rule whose tag is the same in both snapshots but whose content
 * differs beyond precedence, connector and the disabled flag; and a rule whose tag is a recorded default
 * but whose shape is not. The same deviation found in both snapshots is reported once, for both.
 */
export function outOfBoxEdits(input: OutOfBoxInput): readonly OutOfBoxEdit[] {
  const edits: OutOfBoxEdit[] = []
  const deviations = (side: Side, rule: SyncRule | null): readonly string[] | null =>
    rule === null ? null : defaultSetDeviations(rule, input.connectorType(side, rule))
  for (const pair of input.pairs) {
    const { a, b } = pair
    const fromDefaultA = deviations('a', a)
    const fromDefaultB = deviations('b', b)
    if (a && b && isStandardRule(a) && isStandardRule(b) && sameName(a.immutableTag, b.immutableTag)) {
      const edited = input
        .differences(pair)
        .filter((difference) => !SUPPORTED_CHANGES.has(difference.path[0] ?? ''))
      if (edited.length > 0) {
        const side = editedSide(fromDefaultA, fromDefaultB)
        const where =
          side === 'a' || side === 'b'
            ? `in ${side.toUpperCase()} (the other snapshot's copy matches Microsoft's default)`
            : side === 'both'
              ? 'in both snapshots, differently'
              : 'in one of the two snapshots'
        edits.push({
          side,
          rule: ruleFacts(b),
          evidence: 'other-snapshot',
          message: `"${b.name}" carries the out-of-box tag ${b.immutableTag} in both snapshots but its content differs: it was edited in place ${where} instead of cloned.`,
          details: editSummary(edited),
        })
      }
    }
    const both =
      fromDefaultA !== null &&
      fromDefaultB !== null &&
      fromDefaultA.length > 0 &&
      fromDefaultA.join('\n') === fromDefaultB.join('\n')
    if (both && b) {
      edits.push(defaultSetEdit('both', b, fromDefaultB ?? []))
      continue
    }
    if (a && fromDefaultA && fromDefaultA.length > 0) edits.push(defaultSetEdit('a', a, fromDefaultA))
    if (b && fromDefaultB && fromDefaultB.length > 0) edits.push(defaultSetEdit('b', b, fromDefaultB))
  }
  return edits
}

function editedSide(
  fromDefaultA: readonly string[] | null,
  fromDefaultB: readonly string[] | null,
): Side | 'both' | null {
  if (fromDefaultA === null || fromDefaultB === null) return null
  if (fromDefaultA.length === 0 && fromDefaultB.length > 0) return 'b'
  if (fromDefaultB.length === 0 && fromDefaultA.length > 0) return 'a'
  if (fromDefaultA.length > 0 && fromDefaultB.length > 0) return 'both'
  return null
}

function defaultSetEdit(side: Side | 'both', rule: SyncRule, details: readonly string[]): OutOfBoxEdit {
  const where = side === 'both' ? 'both snapshots' : side.toUpperCase()
  return {
    side,
    rule: ruleFacts(rule),
    evidence: 'default-set',
    message: `"${rule.name}" in ${where} carries the out-of-box tag ${rule.immutableTag} but does not have the shape of Microsoft's default with that tag (Entra Connect ${DEFAULT_RULES_VERSION}): it was edited in place instead of cloned.`,
    details,
  }
}

/** Transformations listed by target in one line (an edited rule may change dozens); other fields by label. */
function editSummary(differences: readonly Difference[]): readonly string[] {
  const targets = [
    ...new Set(
      differences
        .filter((difference) => difference.path[0] === 'transformations')
        .map((difference) => difference.path[1] ?? ''),
    ),
  ]
  const others = [
    ...new Set(
      differences
        .filter((difference) => difference.path[0] !== 'transformations')
        .map((difference) => difference.label),
    ),
  ]
  if (targets.length === 0) return others
  const shown = targets.slice(0, 10).join(', ')
  const more = targets.length > 10 ? ` and ${targets.length - 10} more` : ''
  return [...others, `Transformations of ${shown}${more}`]
}
