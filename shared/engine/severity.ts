/**
 * Gathers the facts `classifyFinding` (shared/model/diagnosis-codes.ts) decides a finding's severity by:
 * which metaverse attributes feed other rules, and which attributes a target connector could hold. Both
 * depend on the rules and connectors only, so they are computed once per rule index.
 */
import { normalizeGuid } from '../model/connector'
import { classifyFinding, type Severity } from '../model/diagnosis-codes'
import { lowerName } from './attribute-bag'
import { flowReads, type RuleIndex } from './rule-index'

interface SeverityFacts {
  /** Metaverse attributes read by an outbound flow, an outbound scoping clause, or a join clause. */
  readonly feeding: ReadonlySet<string>
  /** Per connector: the attribute names its schema defines or its inclusion list selects. */
  readonly holdable: ReadonlyMap<string, ReadonlySet<string>>
}

const factsCache = new WeakMap<RuleIndex, SeverityFacts>()

function severityFacts(ruleIndex: RuleIndex): SeverityFacts {
  const cached = factsCache.get(ruleIndex)
  if (cached) return cached
  const feeding = new Set<string>()
  for (const rule of ruleIndex.rules) {
    if (rule.disabled) continue
    for (const group of rule.joinGroups) {
      for (const condition of group.conditions) feeding.add(lowerName(condition.mvAttribute))
    }
    if (rule.direction !== 'Outbound') continue
    for (const group of rule.scopeGroups) {
      for (const clause of group.clauses) feeding.add(lowerName(clause.attribute))
    }
    for (const flow of rule.flows) for (const name of flowReads(flow)) feeding.add(lowerName(name))
  }
  const holdable = new Map<string, ReadonlySet<string>>()
  for (const connector of ruleIndex.connectors) {
    const names = new Set(connector.selectedAttributes.map(lowerName))
    for (const attribute of connector.schema.attributes) names.add(lowerName(attribute.name))
    holdable.set(connector.id, names)
  }
  const facts = { feeding, holdable }
  factsCache.set(ruleIndex, facts)
  return facts
}

/** True when the metaverse attribute is read by an enabled rule's flow, scoping clause or join clause. */
export function feedsOtherRules(ruleIndex: RuleIndex, mvAttribute: string): boolean {
  return severityFacts(ruleIndex).feeding.has(lowerName(mvAttribute))
}

/** True when the target connector's schema has the attribute or its inclusion list selects it. */
export function targetCanHold(ruleIndex: RuleIndex, connectorId: string, attribute: string): boolean {
  return severityFacts(ruleIndex).holdable.get(normalizeGuid(connectorId))?.has(lowerName(attribute)) ?? false
}

/** The severity of a metaverse value that no outbound flow to the connector reads. */
export function mvWithoutOutboundSeverity(
  ruleIndex: RuleIndex,
  connectorId: string,
  mvAttribute: string,
): Severity {
  return (
    classifyFinding({
      kind: 'mv-without-outbound-flow',
      feedsOtherRules: feedsOtherRules(ruleIndex, mvAttribute),
      targetCanHold: targetCanHold(ruleIndex, connectorId, mvAttribute),
    }) ?? 'by-design'
  )
}

const clauseCache = new WeakMap<RuleIndex, Map<string, ReadonlySet<string>>>()

/**
 * Source attributes that enabled inbound rules of the connector and object type read in a scoping or join
 * clause: they feed the rules even where no flow maps them (cloudMastered in In from AAD - User Join).
 */
export function clauseReadSources(
  ruleIndex: RuleIndex,
  connectorId: string,
  csObjectType: string,
): ReadonlySet<string> {
  let byType = clauseCache.get(ruleIndex)
  if (!byType) {
    byType = new Map()
    clauseCache.set(ruleIndex, byType)
  }
  const key = `${connectorId}\u0000${lowerName(csObjectType)}`
  const cached = byType.get(key)
  if (cached) return cached
  const names = new Set<string>()
  for (const rule of ruleIndex.inbound(connectorId, csObjectType)) {
    if (rule.disabled) continue
    for (const group of rule.scopeGroups)
      for (const clause of group.clauses) names.add(lowerName(clause.attribute))
    for (const group of rule.joinGroups) {
      for (const condition of group.conditions) names.add(lowerName(condition.csAttribute))
    }
  }
  byType.set(key, names)
  return names
}
