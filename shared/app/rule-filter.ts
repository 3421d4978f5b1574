import type { RuleFilter } from './host-api'
import { connectedObjectType, metaverseObjectType, type SyncRule } from '../model/sync-rule'

/** Attribute names a rule reads or writes: flow targets and sources, scoping and join attributes. */
export function attributesOfRule(rule: SyncRule): ReadonlySet<string> {
  const names = new Set<string>()
  const add = (name: string): void => {
    if (name) names.add(name.toLowerCase())
  }
  for (const flow of rule.flows) {
    add(flow.target)
    flow.sources.forEach(add)
    for (const match of flow.expression?.matchAll(/\[([^\]]+)\]/g) ?? []) add(match[1] ?? '')
  }
  for (const group of rule.scopeGroups) for (const clause of group.clauses) add(clause.attribute)
  for (const group of rule.joinGroups) {
    for (const condition of group.conditions) {
      add(condition.csAttribute)
      add(condition.mvAttribute)
    }
  }
  return names
}

/** True when the rule passes every field the filter sets. Object types and attributes compare case-insensitively. */
export function ruleMatches(rule: SyncRule, filter: RuleFilter): boolean {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
  if (filter.direction && rule.direction !== filter.direction) return false
  if (filter.connectorId && rule.connectorId !== filter.connectorId) return false
  if (filter.connectedObjectType && !same(connectedObjectType(rule), filter.connectedObjectType)) return false
  if (filter.metaverseObjectType && !same(metaverseObjectType(rule), filter.metaverseObjectType)) return false
  const attribute = filter.attribute?.trim()
  if (attribute && !attributesOfRule(rule).has(attribute.toLowerCase())) return false
  return true
}

/** The rules passing the filter, keeping their order. */
export function filterRules(rules: readonly SyncRule[], filter: RuleFilter): readonly SyncRule[] {
  return rules.filter((rule) => ruleMatches(rule, filter))
}
