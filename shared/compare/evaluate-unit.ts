/**
 * One object under one configuration: whether it would be in Entra ID after a synchronization, and what
 * each Entra ID attribute would hold. It runs the engine's own import and export flow, on the object as the
 * configuration would import it (filters, selected attributes), so the answer is the engine's answer.
 */
import { entryBag, lowerName } from '../engine/attribute-bag'
import { computedMvObject } from '../engine/computed-mv'
import { exportFlow, type ExportTarget } from '../engine/export-flow'
import { importFlow, type ImportFlowResult, type RuleScope } from '../engine/import-flow'
import { isLinkingRule } from '../engine/join'
import { flowReads, type RuleIndex } from '../engine/rule-index'
import { ruleLabel } from '../engine/rule-text'
import { scopeFailureText } from '../engine/scoping'
import type { CsObject, MvAttribute, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import type { ExportValue, ImpactRule } from './compare-model'
import type { EvaluationSide } from './side-context'

/** What one Entra ID attribute would hold, and which rule gives it. */
export interface EvaluatedAttribute {
  readonly name: string
  readonly value: ExportValue
  /** The outbound rule giving the value. */
  readonly rule: ImpactRule | null
  /** The inbound rule that computed the metaverse value the outbound flow reads, when it was recomputed. */
  readonly inboundRule: ImpactRule | null
}

/** A source connector whose object would leave synchronization, and why. */
export interface Leaving {
  readonly connector: string
  /** The connector's key in both snapshots (its name may differ between them). */
  readonly connectorKey: string
  readonly reason: string
}

/** An object after a synchronization under one configuration. */
export interface UnitOutcome {
  readonly inEntra: boolean
  /** Why it is, or is not, in Entra ID: one sentence. */
  readonly reason: string
  readonly leaving: readonly Leaving[]
  /** The synchronization error the object would get (then nothing of it is exported), null when none. */
  readonly syncError: string | null
  /** By lower-case Entra ID attribute name; only the attributes that were evaluated. */
  readonly attributes: ReadonlyMap<string, EvaluatedAttribute>
  /** What the Entra ID connector-space object holds now for an attribute (what an unmanaged attribute keeps). */
  readonly current: (attribute: string) => readonly string[]
  readonly mvId: string | null
}

const NOTHING: readonly string[] = []

/** An object index that sees one metaverse object and its connected objects as this configuration would. */
function unitIndex(store: ObjectIndex, mvObject: MvObject, connected: readonly CsObject[]): ObjectIndex {
  return {
    metaverseSource: store.metaverseSource,
    csObject: (id) => store.csObject(id),
    csObjectByDn: (connectorId, dn) => store.csObjectByDn(connectorId, dn),
    csObjectsByDn: (dn) => store.csObjectsByDn(dn),
    mvObject: (id) => (id === mvObject.id ? mvObject : store.mvObject(id)),
    connectedCsObjects: (id) => (id === mvObject.id ? connected : store.connectedCsObjects(id)),
    csObjectCount: (connectorId) => store.csObjectCount(connectorId),
    mvObjectCount: () => store.mvObjectCount(),
  }
}

const impactRules = new Map<string, ImpactRule>()
// A bound on the cache, far above any configuration's rule count (thousands at most).
const IMPACT_RULE_CACHE_LIMIT = 10_000

/** A rule as results name it, one object per rule: an impact on a million objects names the same few rules. */
function impactRule(rule: {
  readonly id: string
  readonly name: string
  readonly precedence: number
}): ImpactRule {
  const key = `${rule.id}\u0000${rule.precedence}\u0000${rule.name}`
  const cached = impactRules.get(key)
  if (cached) return cached
  const made: ImpactRule = { id: rule.id, name: rule.name, precedence: rule.precedence }
  if (impactRules.size < IMPACT_RULE_CACHE_LIMIT) impactRules.set(key, made)
  return made
}

function linkingInScope(scopes: readonly RuleScope[], index: RuleIndex): readonly RuleScope[] {
  return scopes.filter((scope) => {
    const rule = index.rule(scope.rule.id)
    return !scope.disabled && scope.scope.inScope && rule !== null && isLinkingRule(rule)
  })
}

/** Why no join or provisioning rule keeps an object: the first out-of-scope one with its failing clause. */
function noLinkReason(scopes: readonly RuleScope[], index: RuleIndex): string {
  const linking = scopes.filter((scope) => {
    const rule = index.rule(scope.rule.id)
    return rule !== null && isLinkingRule(rule)
  })
  const outOfScope = linking.find((scope) => !scope.disabled && !scope.scope.inScope)
  if (outOfScope)
    return `${ruleLabel(outOfScope.rule)} is out of scope: ${scopeFailureText(outOfScope.scope)}`
  const disabled = linking.find((scope) => scope.disabled)
  if (disabled) return `${ruleLabel(disabled.rule)} is disabled`
  return 'no join or provisioning rule applies to its object type'
}

function isTarget(csObject: CsObject, side: EvaluationSide, index: RuleIndex): boolean {
  const id = index.connectorOf(csObject)?.id ?? csObject.connectorId
  return id !== null && id === side.targetConnectorId
}

function connectorName(csObject: CsObject, index: RuleIndex): string {
  return (
    index.connectorOf(csObject)?.name ?? csObject.connectorName ?? csObject.connectorId ?? 'unknown connector'
  )
}

/**
 * Evaluates a metaverse object and its connected objects under one configuration. With `full` false only
 * the join and provisioning rules and the flows of the impact scope run (the side's `scoped` index).
 */
export function evaluateLinked(
  mvObject: MvObject,
  connected: readonly CsObject[],
  side: EvaluationSide,
  full: boolean,
): UnitOutcome {
  const index = full ? side.full : side.scoped
  const leaving: Leaving[] = []
  let kept: CsObject[] = []
  for (const object of connected) {
    const outside = side.outsideFilter(object)
    if (outside === null) kept.push(side.imported(object))
    else
      leaving.push({
        connector: connectorName(object, index),
        connectorKey: side.connectorKey(object.connectorId),
        reason: `${outside}, so the next import removes it`,
      })
  }
  const base: MvObject = side.exportedMetaverse ? mvObject : { ...mvObject, attributes: [] }
  // The target's inbound rules decide nothing about its link (its outbound rules do): run them only for their flows.
  const runs = (object: CsObject): boolean => !isTarget(object, side, index) || hasInboundFlows(object, index)
  let imports = importAll(base, kept, kept.filter(runs), side, index)
  let keepsAlive = false
  const leavingObjects = new Set<CsObject>()
  for (const result of imports) {
    const object = kept.find((candidate) => candidate.id === result.csObject.id)
    if (!object || isTarget(object, side, index)) continue
    const inScope = linkingInScope(result.rules, index)
    if (inScope.length === 0) {
      leavingObjects.add(object)
      leaving.push({
        connector: result.connector.name,
        connectorKey: side.connectorKey(object.connectorId),
        reason: `no join or provisioning rule is in scope (${noLinkReason(result.rules, index)})`,
      })
      continue
    }
    if (inScope.some((scope) => scope.linkType === 'Provision' || scope.linkType === 'StickyJoin'))
      keepsAlive = true
  }
  if (leavingObjects.size > 0) {
    kept = kept.filter((object) => !leavingObjects.has(object))
    imports = importAll(base, kept, kept.filter(runs), side, index)
  }
  const staying = kept
  const target = kept.find((object) => isTarget(object, side, index)) ?? null
  const current = currentValues(target)
  const outcome = (
    inEntra: boolean,
    reason: string,
    attributes: ReadonlyMap<string, EvaluatedAttribute>,
    syncError: string | null = null,
  ): UnitOutcome => ({
    inEntra,
    reason,
    leaving,
    syncError,
    attributes,
    current,
    mvId: mvObject.id,
  })
  if (!keepsAlive) {
    const why =
      leaving.length > 0
        ? `its source object leaves synchronization (${leaving.map((entry) => `${entry.connector}: ${entry.reason}`).join('; ')})`
        : staying.some((object) => !isTarget(object, side, index))
          ? 'no connected object is in scope of a provisioning rule'
          : 'it has no connected object left'
    return outcome(false, `The metaverse object would be deleted: ${why}.`, new Map())
  }
  const { effective, syncError, contributors } = effectiveMetaverse(base, imports)
  if (side.targetConnectorId === null) {
    return outcome(false, `${side.label}'s configuration has no Entra ID connector.`, new Map(), syncError)
  }
  const exported = exportFlow(effective, {
    ruleIndex: index,
    index: unitIndex(side.store, effective, kept),
    targetConnectorId: side.targetConnectorId,
    now: side.now,
  }).targets[0]
  if (!exported) return outcome(false, 'No outbound rule exports it to Entra ID.', new Map(), syncError)
  const { inEntra, reason } = presence(exported, index)
  return outcome(
    inEntra,
    reason,
    inEntra ? exportedAttributes(exported, current, index, contributors) : new Map(),
    syncError,
  )
}

/**
 * Evaluates a connector-space object without a link: whether it would join or project, and when it
 * projects, whether the new metaverse object would be provisioned to Entra ID. Always with every rule (a new
 * metaverse object has only what the rules compute).
 */
export function evaluateUnlinked(csObject: CsObject, side: EvaluationSide): UnitOutcome {
  const index = side.full
  const empty = (reason: string): UnitOutcome => ({
    inEntra: false,
    reason,
    leaving: [],
    syncError: null,
    attributes: new Map(),
    current: () => NOTHING,
    mvId: null,
  })
  const outside = side.outsideFilter(csObject)
  if (outside !== null) return empty(`The object is not imported: ${outside}.`)
  const object = side.imported(csObject)
  const result = importFlow(object, {
    ruleIndex: index,
    index: side.store,
    mvLookup: side.mvLookup,
    now: side.now,
  })
  switch (result.link.kind) {
    case 'joined':
    case 'would-join':
    case 'join-not-evaluated':
      return empty('The object joins an existing metaverse object; that object is compared on its own.')
    case 'not-joined':
      return empty(`The object stays a disconnector: ${result.link.reason}`)
    case 'would-project':
      break
  }
  const projected = computedMvObject([result], index, null)
  const { effective, syncError, contributors } = effectiveMetaverse({ ...projected, id: object.id }, [result])
  if (side.targetConnectorId === null)
    return empty(`${side.label}'s configuration has no Entra ID connector.`)
  const exported = exportFlow(effective, {
    ruleIndex: index,
    index: unitIndex(side.store, effective, []),
    targetConnectorId: side.targetConnectorId,
    now: side.now,
  }).targets[0]
  if (!exported)
    return empty('It would be projected into the metaverse; no outbound rule exports it to Entra ID.')
  const { inEntra, reason } = presence(exported, index)
  return {
    inEntra,
    reason: `It would be projected by ${ruleLabel(result.link.rule)}; ${lowerFirst(reason)}`,
    leaving: [],
    syncError,
    attributes: inEntra ? exportedAttributes(exported, () => NOTHING, index, contributors) : new Map(),
    current: () => NOTHING,
    mvId: null,
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** Import flow of `run`, each seeing every object of `connected` as linked to the metaverse object. */
function importAll(
  mvObject: MvObject,
  connected: readonly CsObject[],
  run: readonly CsObject[],
  side: EvaluationSide,
  ruleIndex: RuleIndex,
): readonly ImportFlowResult[] {
  const index = unitIndex(side.store, mvObject, connected)
  return run.map((object) => importFlow(object, { ruleIndex, index, now: side.now }))
}

function hasInboundFlows(object: CsObject, index: RuleIndex): boolean {
  const connectorId = index.connectorOf(object)?.id ?? object.connectorId ?? ''
  return index.inbound(connectorId, object.objectType).some((rule) => rule.flows.length > 0)
}

/** The metaverse object after the inbound rules, the sync error they raise, and the rule behind each recomputed value. */
interface Recomputed {
  readonly effective: MvObject
  readonly syncError: string | null
  /** By lower-case metaverse attribute. */
  readonly contributors: ReadonlyMap<string, ImpactRule>
}

/**
 * The metaverse object as the inbound rules leave it: the base values, with every attribute the rules
 * resolved replaced (a value), removed (no contributor, AuthoritativeNull) or kept (IgnoreThisFlow,
 * Apply Once). An attribute whose flow raises an error makes the object's synchronization fail.
 */
function effectiveMetaverse(base: MvObject, imports: readonly ImportFlowResult[]): Recomputed {
  const replaced = new Map<string, MvAttribute | null>()
  const contributors = new Map<string, ImpactRule>()
  let syncError: string | null = null
  for (const result of imports) {
    for (const attribute of result.attributes) {
      const key = lowerName(attribute.mvAttribute)
      if (replaced.has(key)) continue
      const { resolution } = attribute
      switch (resolution.kind) {
        case 'value':
          if (resolution.from[0]) contributors.set(key, impactRule(resolution.from[0]))
          replaced.set(key, {
            name: attribute.mvAttribute,
            type: 'String',
            multiValued: resolution.values.length > 1,
            values: resolution.values,
            lineage: [],
          })
          break
        case 'authoritative-null':
          contributors.set(key, impactRule(resolution.from))
          replaced.set(key, null)
          break
        case 'none':
          replaced.set(key, null)
          break
        case 'keep-existing':
          break
        case 'error':
          syncError ??= `${attribute.mvAttribute}: ${resolution.message}`
          break
      }
    }
  }
  if (replaced.size === 0) return { effective: base, syncError, contributors }
  const attributes: MvAttribute[] = []
  for (const attribute of base.attributes) {
    const key = lowerName(attribute.name)
    if (!replaced.has(key)) attributes.push(attribute)
  }
  for (const [key, attribute] of replaced) {
    if (attribute === null) continue
    const original = base.attributes.find((candidate) => lowerName(candidate.name) === key)
    attributes.push(original ? { ...attribute, type: original.type } : attribute)
  }
  return { effective: { ...base, attributes }, syncError, contributors }
}

function presence(
  target: ExportTarget,
  index: RuleIndex,
): { readonly inEntra: boolean; readonly reason: string } {
  switch (target.state) {
    case 'cloud-filtered':
    case 'not-connected':
      return { inEntra: false, reason: target.stateReason }
    case 'would-provision':
    case 'not-in-snapshot':
      return { inEntra: true, reason: target.stateReason }
    case 'connected': {
      if (linkingInScope(target.rules, index).length > 0) return { inEntra: true, reason: target.stateReason }
      return {
        inEntra: false,
        reason: `It leaves the scope of every outbound join and provisioning rule to "${target.connector.name}" (${noLinkReason(target.rules, index)}), so the Entra ID object is deleted.`,
      }
    }
  }
}

function currentValues(target: CsObject | null): (attribute: string) => readonly string[] {
  if (!target) return () => NOTHING
  const bag = entryBag(target.synchronized, target.dn)
  return (attribute) => (lowerName(attribute) === 'dn' ? [target.dn] : bag.values(attribute))
}

/** Each exported attribute's value as Entra ID would get it, references by their DN in Entra ID. */
function exportedAttributes(
  target: ExportTarget,
  current: (attribute: string) => readonly string[],
  index: RuleIndex,
  contributors: ReadonlyMap<string, ImpactRule>,
): ReadonlyMap<string, EvaluatedAttribute> {
  const attributes = new Map<string, EvaluatedAttribute>()
  const rowsOf = new Map<string, ExportTarget['rows'][number][]>()
  for (const row of target.rows) {
    const list = rowsOf.get(row.csAttribute)
    if (list) list.push(row)
    else rowsOf.set(row.csAttribute, [row])
  }
  for (const { csAttribute, resolution } of target.attributes) {
    const rows = rowsOf.get(csAttribute) ?? []
    const winner = rows.find((row) => row.winner)
    let value: ExportValue
    let rule: ImpactRule | null = null
    if (rows.some((row) => row.status === 'not-selected-on-connector')) {
      value = { kind: 'unmanaged', why: 'not-selected', current: current(csAttribute) }
    } else {
      switch (resolution.kind) {
        case 'value': {
          const references = winner?.targetReferences ?? null
          const dnOf = new Map((references ?? []).map((reference) => [reference.value, reference.dn]))
          value = {
            kind: 'values',
            values: references === null ? resolution.values : resolution.values.map((v) => dnOf.get(v) ?? v),
          }
          rule = resolution.from[0] ? impactRule(resolution.from[0]) : null
          break
        }
        case 'authoritative-null':
          value = { kind: 'values', values: [] }
          rule = impactRule(resolution.from)
          break
        case 'none':
          value = { kind: 'values', values: [] }
          break
        case 'keep-existing':
          value = { kind: 'values', values: current(csAttribute) }
          break
        case 'error':
          value = { kind: 'error', message: resolution.message }
          rule = resolution.from ? impactRule(resolution.from) : null
          break
      }
    }
    const flow = winner
      ? index
          .rule(winner.rule.id)
          ?.flows.find((candidate) => lowerName(candidate.target) === lowerName(csAttribute))
      : undefined
    const read = flow ? flowReads(flow).find((name) => contributors.has(lowerName(name))) : undefined
    const inboundRule = read === undefined ? null : (contributors.get(lowerName(read)) ?? null)
    attributes.set(lowerName(csAttribute), { name: csAttribute, value, rule, inboundRule })
  }
  return attributes
}
