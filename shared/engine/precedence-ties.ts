/**
 * Rules of equal precedence that write the same attribute. Precedence decides which rule contributes an
 * attribute (the lowest number wins); between two rules with the same number nothing documented decides, so
 * which value lands depends on the order the engine happens to meet the rules in. A warning, once per pair
 * of rules and attribute, and a note on an object whose value two such rules both offer.
 */
import type { SyncRule } from '../model/sync-rule'
import { metaverseObjectType } from '../model/sync-rule'
import { lowerName } from './attribute-bag'
import type { RuleIndex } from './rule-index'
import { type RuleRef, ruleRef } from './rule-text'

/** Enabled rules of one direction with the same precedence writing the same attribute. */
export interface PrecedenceTie {
  readonly direction: SyncRule['direction']
  readonly precedence: number
  /** The metaverse attribute (inbound) or the target connector's attribute (outbound) both write. */
  readonly attribute: string
  readonly rules: readonly RuleRef[]
  readonly message: string
}

const tiesCache = new WeakMap<RuleIndex, readonly PrecedenceTie[]>()

/**
 * Every tie of the rule set. Inbound rules tie on a metaverse attribute of the same metaverse object type (or
 * `*`); outbound rules on an attribute of the same target connector and object type.
 */
export function precedenceTies(ruleIndex: RuleIndex): readonly PrecedenceTie[] {
  const cached = tiesCache.get(ruleIndex)
  if (cached) return cached
  const groups = new Map<string, { attribute: string; rules: SyncRule[] }>()
  for (const rule of ruleIndex.rules) {
    if (rule.disabled) continue
    const where =
      rule.direction === 'Inbound'
        ? `in\u0000${lowerName(metaverseObjectType(rule))}`
        : `out\u0000${rule.connectorId}\u0000${lowerName(rule.targetObjectType)}`
    for (const flow of rule.flows) {
      const key = `${where}\u0000${rule.precedence}\u0000${lowerName(flow.target)}`
      const group = groups.get(key) ?? { attribute: flow.target, rules: [] }
      if (!group.rules.includes(rule)) group.rules.push(rule)
      groups.set(key, group)
    }
  }
  const wildcard = new Map<string, SyncRule[]>()
  for (const [key, group] of groups) {
    if (!key.startsWith('in\u0000*\u0000')) continue
    wildcard.set(key.slice('in\u0000*'.length), group.rules)
  }
  const ties: PrecedenceTie[] = []
  for (const [key, group] of groups) {
    // A rule for any metaverse object type (`*`) competes with the rules of every type.
    const extra = key.startsWith('in\u0000*\u0000')
      ? []
      : (wildcard.get(key.slice(key.indexOf('\u0000', 3))) ?? []).filter(
          (rule) => !group.rules.includes(rule),
        )
    const rules = [...group.rules, ...extra]
    if (rules.length < 2) continue
    const [first] = rules
    if (!first) continue
    const names = rules.map((rule) => `"${rule.name}"`).join(' and ')
    ties.push({
      direction: first.direction,
      precedence: first.precedence,
      attribute: group.attribute,
      rules: rules.map(ruleRef),
      message: `${names} have the same precedence (${first.precedence}) and both write ${group.attribute}: precedence cannot decide which value wins, so the result depends on the order the engine meets them. Give them different precedences.`,
    })
  }
  ties.sort(
    (a, b) =>
      a.direction.localeCompare(b.direction) ||
      a.precedence - b.precedence ||
      a.attribute.localeCompare(b.attribute) ||
      (a.rules[0]?.name ?? '').localeCompare(b.rules[0]?.name ?? ''),
  )
  tiesCache.set(ruleIndex, ties)
  return ties
}
