import {
  connectedObjectType,
  isStandardRule,
  metaverseObjectType,
  type LinkType,
  type SyncRule,
} from '../../../shared/model/sync-rule'

/** One line of the Sync Rules grid: what the Synchronization Rules Editor shows per rule. */
export interface RuleRow {
  readonly id: string
  readonly name: string
  /** Connector name, or its GUID when the snapshot has no such connector. */
  readonly connector: string
  readonly precedence: number
  readonly connectedObjectType: string
  readonly metaverseObjectType: string
  readonly linkType: LinkType
  readonly disabled: boolean
  /** Immutable tag of out-of-box rules, empty for custom rules. */
  readonly tag: string
  /** True for out-of-box (Microsoft.) rules. */
  readonly standard: boolean
  /** The scoping filter in one line (`mailNickname ISNOTNULL OR ...`), empty when the rule has none. */
  readonly scoping: string
  /** The join rules in one line (`objectGUID = sourceAnchor`), empty when the rule has none. */
  readonly join: string
}

/** A scoping filter in one line: clauses AND-ed inside a group, groups OR-ed. */
export function scopingText(rule: Pick<SyncRule, 'scopeGroups'>): string {
  const groups = rule.scopeGroups
    .filter((group) => group.clauses.length > 0)
    .map((group) =>
      group.clauses
        .map((clause) =>
          [clause.attribute, clause.operator, clause.value].filter((part) => part !== '').join(' '),
        )
        .join(' AND '),
    )
  return groups.length > 1 ? groups.map((group) => `(${group})`).join(' OR ') : (groups[0] ?? '')
}

/** Join rules in one line, source = target, from the rule's side: groups tried in order, separated by `;`. */
export function joinText(rule: Pick<SyncRule, 'joinGroups' | 'direction'>): string {
  const inbound = rule.direction === 'Inbound'
  return rule.joinGroups
    .filter((group) => group.conditions.length > 0)
    .map((group) =>
      group.conditions
        .map((condition) =>
          inbound
            ? `${condition.csAttribute} = ${condition.mvAttribute}`
            : `${condition.mvAttribute} = ${condition.csAttribute}`,
        )
        .join(' AND '),
    )
    .join('; ')
}

/** The label of a rule's connector: its name when known, else its GUID so the rule is still traceable. */
export function connectorLabel(rule: Pick<SyncRule, 'connectorName' | 'connectorId'>): string {
  return rule.connectorName ?? rule.connectorId
}

/** The grid row of a rule. */
export function toRuleRow(rule: SyncRule): RuleRow {
  return {
    id: rule.id,
    name: rule.name,
    connector: connectorLabel(rule),
    precedence: rule.precedence,
    connectedObjectType: connectedObjectType(rule),
    metaverseObjectType: metaverseObjectType(rule),
    linkType: rule.linkType,
    disabled: rule.disabled,
    tag: rule.immutableTag,
    standard: isStandardRule(rule),
    scoping: scopingText(rule),
    join: joinText(rule),
  }
}

/**
 * The tag as the grid shows it: out-of-box tags all start with `Microsoft.`, which the MS mark already says,
 * so the grid shows the part that tells them apart (`InfromADUserJoin.003`). The detail shows the whole tag.
 */
export function shortTag(tag: string): string {
  return tag.startsWith('Microsoft.') ? tag.slice('Microsoft.'.length) : tag
}

/** Yes/No as the rules editor writes booleans. */
export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No'
}
