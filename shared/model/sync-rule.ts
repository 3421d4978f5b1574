/** Direction of a sync rule, seen from the metaverse. */
export type RuleDirection = 'Inbound' | 'Outbound'

/** How a rule relates connector-space and metaverse objects (engine enum SyncRuleLinkType). */
export type LinkType = 'Provision' | 'StickyJoin' | 'Join' | 'JoinNoFlow'

/** How an attribute flow computes its value. */
export type FlowType = 'Direct' | 'Constant' | 'Expression'

/** How values from several rules combine on one target attribute. */
export type MergeType = 'Update' | 'Replace' | 'Merge' | 'MergeCaseInsensitive'

/** The twenty scoping-filter operators, spelled as the engine writes them. */
export const SCOPE_OPERATORS = [
  'EQUAL',
  'NOTEQUAL',
  'LESSTHAN',
  'LESSTHAN_OR_EQUAL',
  'CONTAINS',
  'NOTCONTAINS',
  'STARTSWITH',
  'NOTSTARTSWITH',
  'ENDSWITH',
  'NOTENDSWITH',
  'GREATERTHAN',
  'GREATERTHAN_OR_EQUAL',
  'ISNULL',
  'ISNOTNULL',
  'ISIN',
  'ISNOTIN',
  'ISBITSET',
  'ISBITNOTSET',
  'ISMEMBEROF',
  'ISNOTMEMBEROF',
] as const

/** A scoping-filter operator. */
export type ScopeOperator = (typeof SCOPE_OPERATORS)[number]

/** One clause of a scoping filter group: attribute, operator, value. */
export interface ScopeClause {
  /** Connector-space attribute for inbound rules, metaverse attribute for outbound rules. */
  readonly attribute: string
  readonly operator: ScopeOperator
  /** Comparison value; empty for ISNULL / ISNOTNULL. */
  readonly value: string
}

/** Normalizes an operator as written in a file; accepts the documentation's `ISNOTBITSET` spelling. */
export function normalizeScopeOperator(raw: string): ScopeOperator | null {
  const upper = raw.trim().toUpperCase()
  const spelled = upper === 'ISNOTBITSET' ? 'ISBITNOTSET' : upper
  return (SCOPE_OPERATORS as readonly string[]).includes(spelled) ? (spelled as ScopeOperator) : null
}

/** Clauses AND-ed together; groups of a rule are OR-ed. */
export interface ScopeGroup {
  readonly clauses: readonly ScopeClause[]
}

/** One condition of a join group. */
export interface JoinCondition {
  /** Connector-space attribute. */
  readonly csAttribute: string
  /** Metaverse attribute. */
  readonly mvAttribute: string
  readonly caseSensitive: boolean
}

/** Conditions AND-ed together; groups are tried in order until one finds exactly one match. */
export interface JoinGroup {
  readonly conditions: readonly JoinCondition[]
}

/** One transformation (attribute flow mapping) of a rule. */
export interface AttributeFlow {
  /** Target attribute: metaverse attribute for inbound rules, connector-space attribute for outbound. */
  readonly target: string
  readonly flowType: FlowType
  /** Source attributes (Direct: exactly one; Expression: those the expression names, may be empty). */
  readonly sources: readonly string[]
  /** The expression text for Expression flows, otherwise null. */
  readonly expression: string | null
  /** The constant value for Constant flows, otherwise null. */
  readonly constant: string | null
  readonly mergeType: MergeType
  /** Apply Once (execute-once): the value is set only when the target object is created. */
  readonly applyOnce: boolean
}

/** A synchronization rule, normalized from any of the export formats. */
export interface SyncRule {
  /** Rule GUID, lower-case, without braces. */
  readonly id: string
  readonly name: string
  readonly description: string
  readonly direction: RuleDirection
  readonly precedence: number
  /** Connector GUID, lower-case, without braces. */
  readonly connectorId: string
  /** Connector name when the connector is known, otherwise null. */
  readonly connectorName: string | null
  /** Inbound: connector-space type; outbound: metaverse type. */
  readonly sourceObjectType: string
  /** Inbound: metaverse type (may be `*`); outbound: connector-space type. */
  readonly targetObjectType: string
  readonly linkType: LinkType
  readonly disabled: boolean
  /** `Microsoft.<Name>.<NNN>` for out-of-box rules, empty for custom rules. */
  readonly immutableTag: string
  readonly enablePasswordSync: boolean
  readonly scopeGroups: readonly ScopeGroup[]
  readonly joinGroups: readonly JoinGroup[]
  readonly flows: readonly AttributeFlow[]
  /** Where the rule was read from (file path relative to the snapshot root). */
  readonly origin: string
}

/** The connected-system object type of a rule (the CS side, whatever the direction). */
export function connectedObjectType(rule: SyncRule): string {
  return rule.direction === 'Inbound' ? rule.sourceObjectType : rule.targetObjectType
}

/** The metaverse object type of a rule (the MV side, whatever the direction). */
export function metaverseObjectType(rule: SyncRule): string {
  return rule.direction === 'Inbound' ? rule.targetObjectType : rule.sourceObjectType
}

/** True for out-of-box rules, recognised by their immutable tag. */
export function isStandardRule(rule: SyncRule): boolean {
  return rule.immutableTag.startsWith('Microsoft.')
}

/** Orders rules by direction (inbound first), then precedence, then name. */
export function compareRules(a: SyncRule, b: SyncRule): number {
  if (a.direction !== b.direction) return a.direction === 'Inbound' ? -1 : 1
  if (a.precedence !== b.precedence) return a.precedence - b.precedence
  return a.name.localeCompare(b.name)
}
