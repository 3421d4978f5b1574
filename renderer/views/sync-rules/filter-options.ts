import type { RuleFilter } from '../../../shared/app/host-api'
import {
  connectedObjectType,
  metaverseObjectType,
  type RuleDirection,
  type SyncRule,
} from '../../../shared/model/sync-rule'
import { connectorLabel } from './rule-rows'

/** One choice of a filter drop-down. */
export interface FilterOption {
  readonly value: string
  readonly label: string
  /** How many rules of the direction have this value. */
  readonly count: number
}

/** The choices of the three drop-down filters, derived from the rules of one direction. */
export interface FilterOptions {
  readonly connectors: readonly FilterOption[]
  readonly connectedObjectTypes: readonly FilterOption[]
  readonly metaverseObjectTypes: readonly FilterOption[]
}

/** The Sync Rules view's filter as the user set it: a direction and optional narrowing values. */
export interface RuleFilterState {
  readonly direction: RuleDirection
  readonly connectorId: string
  readonly connectedObjectType: string
  readonly metaverseObjectType: string
  readonly attribute: string
}

/** The filter the view starts with: inbound rules, nothing narrowed. */
export const INITIAL_FILTER: RuleFilterState = {
  direction: 'Inbound',
  connectorId: '',
  connectedObjectType: '',
  metaverseObjectType: '',
  attribute: '',
}

function countBy(
  rules: readonly SyncRule[],
  key: (rule: SyncRule) => string,
  label: (rule: SyncRule) => string,
): FilterOption[] {
  // Keyed by a Map: values come from the snapshot and may be `__proto__` or `constructor`.
  const options = new Map<string, { label: string; count: number }>()
  for (const rule of rules) {
    const value = key(rule)
    const existing = options.get(value)
    if (existing) existing.count += 1
    else options.set(value, { label: label(rule), count: 1 })
  }
  return [...options]
    .map(([value, { label: text, count }]) => ({ value, label: text, count }))
    .sort(
      (a, b) =>
        a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || a.value.localeCompare(b.value),
    )
}

/** The drop-down choices for the rules of one direction, each sorted by label. */
export function filterOptions(rules: readonly SyncRule[]): FilterOptions {
  return {
    connectors: countBy(rules, (rule) => rule.connectorId, connectorLabel),
    connectedObjectTypes: countBy(rules, connectedObjectType, connectedObjectType),
    metaverseObjectTypes: countBy(rules, metaverseObjectType, metaverseObjectType),
  }
}

/**
 * Drops drop-down values that the current options no longer offer (after switching direction a connector may
 * have no outbound rules); the free-text attribute filter is kept.
 */
export function reconcileFilter(filter: RuleFilterState, options: FilterOptions): RuleFilterState {
  const keep = (value: string, choices: readonly FilterOption[]): string =>
    value !== '' && choices.some((option) => option.value === value) ? value : ''
  const next: RuleFilterState = {
    ...filter,
    connectorId: keep(filter.connectorId, options.connectors),
    connectedObjectType: keep(filter.connectedObjectType, options.connectedObjectTypes),
    metaverseObjectType: keep(filter.metaverseObjectType, options.metaverseObjectTypes),
  }
  const unchanged =
    next.connectorId === filter.connectorId &&
    next.connectedObjectType === filter.connectedObjectType &&
    next.metaverseObjectType === filter.metaverseObjectType
  return unchanged ? filter : next
}

/** The host query for a filter state: empty values are left out so they do not filter. */
export function toRuleFilter(filter: RuleFilterState): RuleFilter {
  const attribute = filter.attribute.trim()
  return {
    direction: filter.direction,
    ...(filter.connectorId !== '' && { connectorId: filter.connectorId }),
    ...(filter.connectedObjectType !== '' && { connectedObjectType: filter.connectedObjectType }),
    ...(filter.metaverseObjectType !== '' && { metaverseObjectType: filter.metaverseObjectType }),
    ...(attribute !== '' && { attribute }),
  }
}

/** True when anything besides the direction narrows the list. */
export function isNarrowed(filter: RuleFilterState): boolean {
  return Object.keys(toRuleFilter(filter)).length > 1
}

/** Every attribute the rules read or write (flows, scoping, join), for the attribute filter's suggestions. */
export function attributeNames(rules: readonly SyncRule[]): readonly string[] {
  const names = new Set<string>()
  for (const rule of rules) {
    for (const flow of rule.flows) {
      names.add(flow.target)
      for (const source of flow.sources) names.add(source)
    }
    for (const group of rule.scopeGroups) for (const clause of group.clauses) names.add(clause.attribute)
    for (const group of rule.joinGroups) {
      for (const condition of group.conditions) {
        names.add(condition.csAttribute)
        names.add(condition.mvAttribute)
      }
    }
  }
  names.delete('')
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b))
}
