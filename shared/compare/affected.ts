import { isLinkingRule } from '../engine/join'
import { flowReads } from '../engine/rule-index'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { AAD_CONNECTOR_ID } from '../model/connector'
import type { SyncRule } from '../model/sync-rule'
import type { ConfigurationMatch } from './config-compare'
import type { ConnectorPair } from './connector-match'
import { nameKey, setChanges } from './names'

/** Source attributes selected on one side of a connector pair only. */
export interface SelectionChange {
  readonly pair: ConnectorPair
  /** Selected in A only: absent from objects under B's configuration. */
  readonly onlyA: readonly string[]
  /** Selected in B only: A's objects hold no values for them. */
  readonly onlyB: readonly string[]
}

/** What the configuration differences can change on an object, so that only that is evaluated. */
export interface ImpactScope {
  /** Metaverse attributes (lower-case) whose inbound resolution may differ. */
  readonly mvAttributes: ReadonlySet<string>
  /** Entra ID attributes (lower-case) whose export may differ. */
  readonly targetAttributes: ReadonlySet<string>
  /** An inbound join or provisioning rule differs: objects without a link may now join or project. */
  readonly linking: boolean
  /** Source connector pairs whose partitions, object types or containers differ. */
  readonly filterChanged: readonly ConnectorPair[]
  readonly selectionChanges: readonly SelectionChange[]
  /** Nothing that differs can change what an object exports. */
  readonly empty: boolean
}

/** Rule fields that change nothing an object gets. */
const INERT_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'immutableTag',
  'enablePasswordSync',
])
/** Rule fields that change which objects a rule applies to, or how, for all its transformations. */
const RULE_LEVEL_FIELDS: ReadonlySet<string> = new Set([
  'rule',
  'direction',
  'connector',
  'sourceObjectType',
  'targetObjectType',
  'linkType',
  'precedence',
  'disabled',
  'scope',
  'join',
])
/** Rule fields that change whether a rule joins, projects or provisions. */
const LINKING_FIELDS: ReadonlySet<string> = new Set([
  'rule',
  'direction',
  'connector',
  'sourceObjectType',
  'targetObjectType',
  'linkType',
  'disabled',
  'scope',
  'join',
])

function isTargetRule(rule: SyncRule, configuration: ServerConfiguration): boolean {
  if (rule.direction !== 'Outbound') return false
  const connector = configuration.connectors.find((candidate) => candidate.id === rule.connectorId)
  return connector ? connector.type === 'AAD' : rule.connectorId === AAD_CONNECTOR_ID
}

/**
 * The targets whose winner a precedence change can move: those the rule shares with a rule of the same
 * direction whose precedence lies between the old and the new number (on either side). Precedence only
 * orders contributors to one target, so a target no crossed rule writes keeps its winner.
 */
function crossedTargets(
  before: SyncRule,
  after: SyncRule,
  a: ServerConfiguration,
  b: ServerConfiguration,
): ReadonlySet<string> {
  const low = Math.min(before.precedence, after.precedence)
  const high = Math.max(before.precedence, after.precedence)
  const own = new Set([...before.flows, ...after.flows].map((flow) => nameKey(flow.target)))
  const crossed = new Set<string>()
  for (const [configuration, self] of [
    [a, before],
    [b, after],
  ] as const) {
    for (const rule of configuration.rules) {
      if (rule.id === self.id || rule.direction !== self.direction) continue
      if (rule.precedence < low || rule.precedence > high) continue
      for (const flow of rule.flows) if (own.has(nameKey(flow.target))) crossed.add(nameKey(flow.target))
    }
  }
  return crossed
}

/**
 * Works out, from the configuration differences, which metaverse and Entra ID attributes can come out
 * differently, and whether joins or filters differ: a changed transformation affects its target; a
 * changed scope, precedence, link or disabled flag affects every target of the rule; an affected metaverse
 * attribute affects the outbound flows that read it, and every flow of an outbound rule whose scope reads
 * it; a deselected source attribute affects what reads it.
 */
export function impactScope(
  match: ConfigurationMatch,
  a: ServerConfiguration,
  b: ServerConfiguration,
): ImpactScope {
  const mv = new Set<string>()
  const target = new Set<string>()
  let linking = false
  const allTargets = (rules: readonly (SyncRule | null)[], into: Set<string>): void => {
    for (const rule of rules) for (const flow of rule?.flows ?? []) into.add(nameKey(flow.target))
  }
  for (const pair of match.rules) {
    const differences = match
      .differencesOf(pair)
      .filter((difference) => !INERT_FIELDS.has(difference.path[0] ?? ''))
    if (differences.length === 0) continue
    const fields = new Set(differences.map((difference) => difference.path[0] ?? ''))
    const rules = [pair.a, pair.b]
    const outbound =
      (pair.a !== null && isTargetRule(pair.a, a)) || (pair.b !== null && isTargetRule(pair.b, b))
    const inbound = rules.some((rule) => rule?.direction === 'Inbound')
    if (!outbound && !inbound) continue
    const into = inbound ? mv : target
    const ruleLevel = [...fields].filter((field) => RULE_LEVEL_FIELDS.has(field))
    if (ruleLevel.length === 1 && ruleLevel[0] === 'precedence' && pair.a && pair.b) {
      for (const name of crossedTargets(pair.a, pair.b, a, b)) into.add(name)
    } else if (ruleLevel.length > 0) allTargets(rules, into)
    for (const difference of differences) {
      if (difference.path[0] === 'transformations' && difference.path[1] !== undefined) {
        into.add(nameKey(difference.path[1]))
      }
    }
    if (inbound && rules.some((rule) => rule !== null && isLinkingRule(rule))) {
      if ([...fields].some((field) => LINKING_FIELDS.has(field))) linking = true
    }
  }
  const filterChanged: ConnectorPair[] = []
  const selectionChanges: SelectionChange[] = []
  for (const pair of match.connectors.pairs) {
    if (!pair.a || !pair.b) continue
    const comparison = match.comparison.connectors.find(
      (entry) => entry.a?.id === pair.a?.id && entry.b?.id === pair.b?.id,
    )
    const differences = comparison?.differences ?? []
    if (pair.a.type === 'AAD' || pair.b.type === 'AAD') {
      for (const difference of differences) {
        if (difference.path[0] === 'selectedAttributes' && difference.path[1] !== undefined) {
          target.add(nameKey(difference.path[1]))
        }
      }
      continue
    }
    if (differences.some((difference) => difference.path[0] === 'partitions')) filterChanged.push(pair)
    const { added, removed } = setChanges(pair.a.selectedAttributes, pair.b.selectedAttributes)
    if (added.length === 0 && removed.length === 0) continue
    selectionChanges.push({ pair, onlyA: removed, onlyB: added })
    const changed = new Set([...added, ...removed].map(nameKey))
    const readers = [
      ...a.rules.filter((rule) => rule.connectorId === pair.a?.id),
      ...b.rules.filter((rule) => rule.connectorId === pair.b?.id),
    ]
    for (const rule of readers) {
      if (rule.direction !== 'Inbound') continue
      const scoped = rule.scopeGroups.some((group) =>
        group.clauses.some((clause) => changed.has(nameKey(clause.attribute))),
      )
      const joined = rule.joinGroups.some((group) =>
        group.conditions.some((condition) => changed.has(nameKey(condition.csAttribute))),
      )
      if (scoped || joined) {
        allTargets([rule], mv)
        if (isLinkingRule(rule)) linking = true
      }
      for (const flow of rule.flows) {
        if (flowReads(flow).some((name) => changed.has(nameKey(name)))) mv.add(nameKey(flow.target))
      }
    }
  }
  for (const [configuration] of [[a], [b]] as const) {
    for (const rule of configuration.rules) {
      if (!isTargetRule(rule, configuration)) continue
      const scoped = rule.scopeGroups.some((group) =>
        group.clauses.some((clause) => mv.has(nameKey(clause.attribute))),
      )
      if (scoped) allTargets([rule], target)
      for (const flow of rule.flows) {
        if (flowReads(flow).some((name) => mv.has(nameKey(name)))) target.add(nameKey(flow.target))
      }
    }
  }
  return {
    mvAttributes: mv,
    targetAttributes: target,
    linking,
    filterChanged,
    selectionChanges,
    empty:
      mv.size === 0 &&
      target.size === 0 &&
      !linking &&
      filterChanged.length === 0 &&
      selectionChanges.length === 0,
  }
}
