import {
  connectedObjectType,
  metaverseObjectType,
  type AttributeFlow,
  type FlowType,
  type MergeType,
  type SyncRule,
} from '../../../shared/model/sync-rule'
import { connectorLabel, yesNo } from './rule-rows'

/** A label and its value on the Description page. */
export interface DescriptionField {
  readonly label: string
  readonly value: string
  /** Shown in monospace (GUIDs, tags, paths). */
  readonly code: boolean
}

/** The Description page of a rule, in the rules editor's order, plus the rule's id and origin file. */
export function descriptionFields(rule: SyncRule): readonly DescriptionField[] {
  const field = (label: string, value: string, code = false): DescriptionField => ({ label, value, code })
  return [
    field('Name', rule.name),
    field('Description', rule.description),
    field('Connected System', connectorLabel(rule)),
    field('Connected System Object Type', connectedObjectType(rule)),
    field('Metaverse Object Type', metaverseObjectType(rule)),
    field('Link Type', rule.linkType),
    field('Precedence', String(rule.precedence)),
    field('Tag', rule.immutableTag, true),
    field('Enable Password Sync', yesNo(rule.enablePasswordSync)),
    field('Disabled', yesNo(rule.disabled)),
    field('Id', rule.id, true),
    field('Origin file', rule.origin, true),
  ]
}

/** One clause of the scoping filter with its 1-based group number. */
export interface ScopeRow {
  readonly group: number
  /** True for the first clause of a group (where the OR separator goes). */
  readonly firstInGroup: boolean
  readonly attribute: string
  readonly operator: string
  readonly value: string
}

/** The scoping filter as table rows; groups keep their order, empty groups are skipped. */
export function scopeRows(rule: SyncRule): readonly ScopeRow[] {
  return rule.scopeGroups.flatMap((group, groupIndex) =>
    group.clauses.map((clause, clauseIndex) => ({
      group: groupIndex + 1,
      firstInGroup: clauseIndex === 0,
      attribute: clause.attribute,
      operator: clause.operator,
      value: clause.value,
    })),
  )
}

/** One condition of a join group with its 1-based group number, sides named from the rule's direction. */
export interface JoinRow {
  readonly group: number
  readonly firstInGroup: boolean
  readonly sourceAttribute: string
  readonly targetAttribute: string
  readonly caseSensitive: boolean
}

/** The join rules as table rows: source is the connector space for inbound rules, the metaverse for outbound. */
export function joinRows(rule: SyncRule): readonly JoinRow[] {
  const inbound = rule.direction === 'Inbound'
  return rule.joinGroups.flatMap((group, groupIndex) =>
    group.conditions.map((condition, conditionIndex) => ({
      group: groupIndex + 1,
      firstInGroup: conditionIndex === 0,
      sourceAttribute: inbound ? condition.csAttribute : condition.mvAttribute,
      targetAttribute: inbound ? condition.mvAttribute : condition.csAttribute,
      caseSensitive: condition.caseSensitive,
    })),
  )
}

/** What a transformation reads: attributes, a constant, or an expression. */
export type FlowSource =
  | { readonly kind: 'attributes'; readonly names: readonly string[] }
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'expression'; readonly text: string }

/** One transformation as the Transformations page lists it. */
export interface FlowRow {
  readonly flowType: FlowType
  readonly target: string
  readonly source: FlowSource
  readonly applyOnce: boolean
  readonly mergeType: MergeType
}

/** The source of one flow, by its flow type. */
export function flowSource(flow: AttributeFlow): FlowSource {
  switch (flow.flowType) {
    case 'Direct':
      return { kind: 'attributes', names: flow.sources }
    case 'Constant':
      return { kind: 'constant', value: flow.constant ?? '' }
    case 'Expression':
      return { kind: 'expression', text: flow.expression ?? '' }
  }
}

/** The transformations as table rows, in the rule's order. */
export function flowRows(rule: SyncRule): readonly FlowRow[] {
  return rule.flows.map((flow) => ({
    flowType: flow.flowType,
    target: flow.target,
    source: flowSource(flow),
    applyOnce: flow.applyOnce,
    mergeType: flow.mergeType,
  }))
}

/** The four pages of a rule, as the rules editor names them. */
export const RULE_PAGES = ['Description', 'Scoping filter', 'Join rules', 'Transformations'] as const

/** One page of a rule. */
export type RulePage = (typeof RULE_PAGES)[number]

/** How many entries a page lists, shown beside its tab; null for the Description page. */
export function pageCount(rule: SyncRule, page: RulePage): number | null {
  switch (page) {
    case 'Description':
      return null
    case 'Scoping filter':
      return rule.scopeGroups.reduce((sum, group) => sum + group.clauses.length, 0)
    case 'Join rules':
      return rule.joinGroups.reduce((sum, group) => sum + group.conditions.length, 0)
    case 'Transformations':
      return rule.flows.length
  }
}
