import type { AttributeFlow, ScopeClause, ScopeGroup, SyncRule } from '../model/sync-rule'

/** A rule as results name it: enough to display and to look the rule up again. */
export interface RuleRef {
  readonly id: string
  readonly name: string
  readonly precedence: number
}

/** A connector as results name it; the name is the GUID when the connector is not in the snapshot. */
export interface ConnectorRef {
  readonly id: string
  readonly name: string
}

/** The reference of a rule. */
export function ruleRef(rule: SyncRule): RuleRef {
  return { id: rule.id, name: rule.name, precedence: rule.precedence }
}

/** `Rule "Name" (precedence 108)`, the way every message names a rule. */
export function ruleLabel(rule: RuleRef): string {
  return `Rule "${rule.name}" (precedence ${rule.precedence})`
}

/** A clause as the rules editor shows it: `adminDescription NOTSTARTSWITH User_`, `mailNickname ISNOTNULL`. */
export function clauseText(clause: ScopeClause): string {
  const head = `${clause.attribute} ${clause.operator}`
  return clause.value === '' ? head : `${head} ${clause.value}`
}

/** Scope groups in one line: clauses joined with ` AND `, groups with ` OR `; empty when the rule has none. */
export function scopeText(groups: readonly ScopeGroup[]): string {
  return groups
    .filter((group) => group.clauses.length > 0)
    .map((group) => group.clauses.map(clauseText).join(' AND '))
    .join(' OR ')
}

/** The data source of a flow: source attributes (Direct), the constant, or the expression text. */
export function flowSourceText(flow: AttributeFlow): string {
  switch (flow.flowType) {
    case 'Direct':
      return flow.sources.join(', ')
    case 'Constant':
      return flow.constant ?? ''
    case 'Expression':
      return flow.expression ?? ''
  }
}
