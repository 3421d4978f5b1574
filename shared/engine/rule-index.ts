import { type Connector, normalizeGuid } from '../model/connector'
import type { CsObject } from '../model/objects'
import {
  type AttributeFlow,
  compareRules,
  type FlowType,
  metaverseObjectType,
  type SyncRule,
} from '../model/sync-rule'
import { lowerName } from './attribute-bag'
import { type ConnectorRef, flowSourceText, scopeText } from './rule-text'

/** One mapping of one rule. */
export interface RuleFlow {
  readonly rule: SyncRule
  readonly flow: AttributeFlow
}

/** One inbound contributor of `synclens contributors`, ranked by precedence (rank 1 wins). */
export interface InboundContributor {
  readonly rank: number
  readonly rule: string
  readonly precedence: number
  readonly connector: string
  readonly sourceObjectType: string
  readonly flowType: FlowType
  readonly source: string
  readonly scope: string
}

/** One outbound flow reading the metaverse attribute, for `synclens contributors`. */
export interface OutboundReader {
  readonly rule: string
  readonly precedence: number
  readonly connector: string
  readonly targetObjectType: string
  readonly target: string
  readonly flowType: FlowType
  readonly source: string
  readonly scope: string
}

/** The `synclens contributors --json` document. */
export interface ContributorsReport {
  readonly inbound: readonly InboundContributor[]
  readonly outbound: readonly OutboundReader[]
}

/** Rules and connectors indexed once, so per-object questions cost map lookups. */
export interface RuleIndex {
  /** All rules, ordered by direction then precedence. */
  readonly rules: readonly SyncRule[]
  readonly connectors: readonly Connector[]
  /** The rule with this id (lower-case GUID), null when unknown. */
  rule(id: string): SyncRule | null
  connector(id: string): Connector | null
  /** The connector of a CS object, by id or else by name. */
  connectorOf(csObject: CsObject): Connector | null
  /** The connector's name, or the GUID when the connector is not in the snapshot. */
  connectorLabel(id: string): string
  /** The connector as results name it. */
  connectorRef(id: string): ConnectorRef
  /** Inbound rules (enabled and disabled) of a connector for a CS object type, by precedence. */
  inbound(connectorId: string, csObjectType: string): readonly SyncRule[]
  /** Outbound rules (enabled and disabled) to a connector for an MV object type, by precedence. */
  outbound(connectorId: string, mvObjectType: string): readonly SyncRule[]
  /** Connector ids with outbound rules for an MV object type. */
  outboundConnectors(mvObjectType: string): readonly string[]
  /** Lower-cased CS attributes read by enabled inbound flows of a connector and CS object type. */
  mappedSources(connectorId: string, csObjectType: string): ReadonlySet<string>
  /** Enabled inbound rules of a connector and CS object type by the lower-cased CS attribute their flows read. */
  inboundReaders(connectorId: string, csObjectType: string): ReadonlyMap<string, readonly SyncRule[]>
  /** Lower-cased CS attributes read only by disabled inbound flows of a connector and CS object type. */
  disabledOnlySources(connectorId: string, csObjectType: string): ReadonlySet<string>
  /** Lower-cased CS attributes written by enabled outbound flows to a connector for a CS object type. */
  exportedAttributes(connectorId: string, csObjectType: string): ReadonlySet<string>
  /** Lower-cased MV attributes read by enabled outbound flows to a connector for an MV object type. */
  outboundReadAttributes(connectorId: string, mvObjectType: string): ReadonlySet<string>
  /** Lower-cased CS attributes any rule of the connector names (flows, scope, join), with their original spelling. */
  ruleAttributes(connectorId: string): ReadonlyMap<string, string>
  /** Lower-cased attributes of the connector's attribute inclusion list. */
  selected(connectorId: string): ReadonlySet<string>
  /** Enabled and disabled inbound mappings that write this MV attribute, by precedence. */
  inboundContributors(mvAttribute: string): readonly RuleFlow[]
  /** Enabled and disabled outbound mappings that read this MV attribute, by precedence. */
  outboundReaders(mvAttribute: string): readonly RuleFlow[]
  /** The `synclens contributors` answer: enabled rules only, one entry per mapping. */
  contributors(mvAttribute: string, mvObjectType?: string): ContributorsReport
}

const EMPTY_RULES: readonly SyncRule[] = []
const EMPTY_SET: ReadonlySet<string> = new Set()
const EMPTY_MAP: ReadonlyMap<string, string> = new Map()
const EMPTY_FLOWS: readonly RuleFlow[] = []
const EMPTY_READERS: ReadonlyMap<string, readonly SyncRule[]> = new Map()

function key(connectorId: string, objectType: string): string {
  return `${connectorId}\u0000${lowerName(objectType)}`
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey)
  if (list) list.push(value)
  else map.set(mapKey, [value])
}

function addTo(map: Map<string, Set<string>>, mapKey: string, value: string): void {
  const set = map.get(mapKey)
  if (set) set.add(value)
  else map.set(mapKey, new Set([value]))
}

/** The attribute names an outbound flow reads: its declared sources and the `[name]` references of its expression. */
export function flowReads(flow: AttributeFlow): readonly string[] {
  if (flow.flowType !== 'Expression' || flow.expression === null) return flow.sources
  const names = new Set(flow.sources)
  for (const match of flow.expression.matchAll(/\[([^\]]+)\]/g)) {
    const name = match[1]
    if (name !== undefined) names.add(name)
  }
  return [...names]
}

/** Indexes rules and connectors (rules of unknown connectors are kept and labelled by GUID). */
export function buildRuleIndex(rules: readonly SyncRule[], connectors: readonly Connector[]): RuleIndex {
  const sorted = [...rules].sort(compareRules)
  const connectorById = new Map(connectors.map((connector) => [connector.id, connector]))
  const connectorByName = new Map(connectors.map((connector) => [connector.name.toLowerCase(), connector]))
  const inbound = new Map<string, SyncRule[]>()
  const outbound = new Map<string, SyncRule[]>()
  const outboundConnectors = new Map<string, string[]>()
  const mappedSources = new Map<string, Set<string>>()
  const inboundReaders = new Map<string, Map<string, SyncRule[]>>()
  const disabledSources = new Map<string, Set<string>>()
  const outboundReads = new Map<string, Set<string>>()
  const exported = new Map<string, Set<string>>()
  const ruleAttributes = new Map<string, Map<string, string>>()
  const contributorsByMv = new Map<string, RuleFlow[]>()
  const readersByMv = new Map<string, RuleFlow[]>()
  const selected = new Map(
    connectors.map((connector) => [connector.id, new Set(connector.selectedAttributes.map(lowerName))]),
  )
  const nameAttribute = (connectorId: string, attribute: string): void => {
    if (attribute === '') return
    let names = ruleAttributes.get(connectorId)
    if (!names) {
      names = new Map()
      ruleAttributes.set(connectorId, names)
    }
    if (!names.has(lowerName(attribute))) names.set(lowerName(attribute), attribute)
  }

  for (const rule of sorted) {
    if (rule.direction === 'Inbound') {
      const ruleKey = key(rule.connectorId, rule.sourceObjectType)
      push(inbound, ruleKey, rule)
      for (const flow of rule.flows) {
        push(contributorsByMv, lowerName(flow.target), { rule, flow })
        for (const source of flowReads(flow)) {
          nameAttribute(rule.connectorId, source)
          addTo(rule.disabled ? disabledSources : mappedSources, ruleKey, lowerName(source))
          if (!rule.disabled) {
            const readers = inboundReaders.get(ruleKey) ?? new Map<string, SyncRule[]>()
            inboundReaders.set(ruleKey, readers)
            const list = readers.get(lowerName(source)) ?? []
            if (!list.includes(rule)) list.push(rule)
            readers.set(lowerName(source), list)
          }
        }
      }
      for (const group of rule.scopeGroups) {
        for (const clause of group.clauses) nameAttribute(rule.connectorId, clause.attribute)
      }
      for (const group of rule.joinGroups) {
        for (const condition of group.conditions) nameAttribute(rule.connectorId, condition.csAttribute)
      }
    } else {
      const ruleKey = key(rule.connectorId, rule.sourceObjectType)
      push(outbound, ruleKey, rule)
      const forType = outboundConnectors.get(lowerName(rule.sourceObjectType)) ?? []
      if (!forType.includes(rule.connectorId)) forType.push(rule.connectorId)
      outboundConnectors.set(lowerName(rule.sourceObjectType), forType)
      for (const flow of rule.flows) {
        nameAttribute(rule.connectorId, flow.target)
        if (!rule.disabled)
          addTo(exported, key(rule.connectorId, rule.targetObjectType), lowerName(flow.target))
        for (const source of flowReads(flow)) {
          push(readersByMv, lowerName(source), { rule, flow })
          if (!rule.disabled) addTo(outboundReads, ruleKey, lowerName(source))
        }
      }
      for (const group of rule.joinGroups) {
        for (const condition of group.conditions) nameAttribute(rule.connectorId, condition.csAttribute)
      }
    }
  }
  // An attribute read by an enabled rule is mapped, even when a disabled rule reads it too.
  for (const [ruleKey, disabled] of disabledSources) {
    const enabled = mappedSources.get(ruleKey)
    if (enabled) for (const name of enabled) disabled.delete(name)
  }

  const connectorLabel = (id: string): string => connectorById.get(id)?.name ?? id
  const ruleById = new Map(sorted.map((rule) => [rule.id, rule]))
  const index: RuleIndex = {
    rules: sorted,
    connectors,
    rule: (id) => ruleById.get(normalizeGuid(id)) ?? null,
    connector: (id) => connectorById.get(normalizeGuid(id)) ?? null,
    connectorOf: (csObject) =>
      (csObject.connectorId === null ? undefined : connectorById.get(normalizeGuid(csObject.connectorId))) ??
      (csObject.connectorName === null
        ? undefined
        : connectorByName.get(csObject.connectorName.toLowerCase())) ??
      null,
    connectorLabel,
    connectorRef: (id) => ({ id, name: connectorLabel(id) }),
    inbound: (connectorId, csObjectType) => inbound.get(key(connectorId, csObjectType)) ?? EMPTY_RULES,
    outbound: (connectorId, mvObjectType) => outbound.get(key(connectorId, mvObjectType)) ?? EMPTY_RULES,
    outboundConnectors: (mvObjectType) => outboundConnectors.get(lowerName(mvObjectType)) ?? [],
    mappedSources: (connectorId, csObjectType) =>
      mappedSources.get(key(connectorId, csObjectType)) ?? EMPTY_SET,
    inboundReaders: (connectorId, csObjectType) =>
      inboundReaders.get(key(connectorId, csObjectType)) ?? EMPTY_READERS,
    disabledOnlySources: (connectorId, csObjectType) =>
      disabledSources.get(key(connectorId, csObjectType)) ?? EMPTY_SET,
    exportedAttributes: (connectorId, csObjectType) =>
      exported.get(key(connectorId, csObjectType)) ?? EMPTY_SET,
    outboundReadAttributes: (connectorId, mvObjectType) =>
      outboundReads.get(key(connectorId, mvObjectType)) ?? EMPTY_SET,
    ruleAttributes: (connectorId) => ruleAttributes.get(connectorId) ?? EMPTY_MAP,
    selected: (connectorId) => selected.get(connectorId) ?? EMPTY_SET,
    inboundContributors: (mvAttribute) => contributorsByMv.get(lowerName(mvAttribute)) ?? EMPTY_FLOWS,
    outboundReaders: (mvAttribute) => readersByMv.get(lowerName(mvAttribute)) ?? EMPTY_FLOWS,
    contributors: (mvAttribute, mvObjectType) =>
      contributorsReport(
        contributorsByMv.get(lowerName(mvAttribute)) ?? EMPTY_FLOWS,
        readersByMv.get(lowerName(mvAttribute)) ?? EMPTY_FLOWS,
        mvObjectType,
        (rule) => rule.connectorName ?? connectorLabel(rule.connectorId),
      ),
  }
  return index
}

function contributorsReport(
  writers: readonly RuleFlow[],
  readers: readonly RuleFlow[],
  mvObjectType: string | undefined,
  connectorName: (rule: SyncRule) => string,
): ContributorsReport {
  const wanted = mvObjectType === undefined ? null : lowerName(mvObjectType)
  const keep = ({ rule }: RuleFlow): boolean => {
    if (rule.disabled) return false
    const type = metaverseObjectType(rule)
    return wanted === null || type === '*' || lowerName(type) === wanted
  }
  const inbound = writers.filter(keep).map(({ rule, flow }, position): InboundContributor => ({
    rank: position + 1,
    rule: rule.name,
    precedence: rule.precedence,
    connector: connectorName(rule),
    sourceObjectType: rule.sourceObjectType,
    flowType: flow.flowType,
    source: flowSourceText(flow),
    scope: scopeText(rule.scopeGroups),
  }))
  const outbound = readers.filter(keep).map(({ rule, flow }): OutboundReader => ({
    rule: rule.name,
    precedence: rule.precedence,
    connector: connectorName(rule),
    targetObjectType: rule.targetObjectType,
    target: flow.target,
    flowType: flow.flowType,
    source: flowSourceText(flow),
    scope: scopeText(rule.scopeGroups),
  }))
  return { inbound, outbound }
}
