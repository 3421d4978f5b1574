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
