import { normalizeGuid } from '../model/connector'
import type { CsObject, MvAttribute, MvObject } from '../model/objects'
import type { FlowType, LinkType, MergeType, ScopeClause, SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { type AttributeBag, entryBag, lowerName, mvBag } from './attribute-bag'
import {
  evalContext,
  evaluateFlow,
  type FlowInputs,
  type FlowOutcome,
  flowSourceValues,
  notEvaluated,
  type SourceValues,
} from './flow-value'
import { evaluateJoin, isLinkingRule, type JoinResult, type MvAttributeLookup } from './join'
import { remember } from './memo-index'
import { confirmedBag } from './confirmed-values'
import { connectorParameters } from './parameters'
import {
  type Candidate,
  type FlowGate,
  type FlowStatus,
  type Resolution,
  type ResolvedCandidate,
  resolvePrecedence,
} from './precedence'
import type { RuleIndex } from './rule-index'
import { type ConnectorRef, flowSourceText, type RuleRef, ruleLabel, ruleRef } from './rule-text'
import {
  connectorSpaceMembership,
  evaluateScope,
  firstFailingClause,
  type ScopeResult,
  scopeFailureText,
} from './scoping'
import { sameValues } from './value-compare'

/** What the engine needs to compute import flow. */
export interface ImportFlowOptions {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
  /** Metaverse search for joins of objects without a link; without it joins are "not evaluated". */
  readonly mvLookup?: MvAttributeLookup
  /** Fixed clock for `Now()`. */
  readonly now?: () => Date
  /**
   * Keeps each object's rule results for the flows of its siblings: the flows of the objects connected to
   * one metaverse object each read every other one's rules. Share one memo only between flows over the same
   * objects (a `memoizedIndex`) and the same options.
   */
  readonly memo?: ImportFlowMemo
}

/** Rule results of connector-space objects kept across the import flows of one metaverse object. */
export class ImportFlowMemo {
  private readonly kept = new Map<CsObject, Map<MvObject | null, ObjectCandidates>>()

  /** The candidates of the object against this metaverse object, computed once. */
  public candidates(
    csObject: CsObject,
    mvObject: MvObject | null,
    build: () => ObjectCandidates,
  ): ObjectCandidates {
    return remember(
      remember(this.kept, csObject, () => new Map()),
      mvObject,
      build,
    )
  }
}

/** How the CS object relates to the metaverse, now or at the next synchronization. */
export type LinkState =
  /** The snapshot links it: this is what happened. */
  | { readonly kind: 'joined'; readonly mvObjectId: string }
  | { readonly kind: 'would-join'; readonly mvObjectId: string; readonly rule: RuleRef }
  | { readonly kind: 'would-project'; readonly rule: RuleRef }
  /** A linking rule is in scope but no metaverse search was available to run its join. */
  | { readonly kind: 'join-not-evaluated'; readonly rule: RuleRef }
  | { readonly kind: 'not-joined'; readonly reason: string }

/** A rule considered for the object, with its scope. */
export interface RuleScope {
  readonly rule: RuleRef
  readonly disabled: boolean
  readonly linkType: LinkType
  readonly scope: ScopeResult
}

/** One row of the Import Attribute Flow page: one mapping of one rule. */
export interface ImportFlowRow {
  readonly mvAttribute: string
  readonly rule: RuleRef
  readonly connector: ConnectorRef
  readonly csObjectId: string
  readonly flowType: FlowType
  /** Source attributes (Direct), the constant, or the expression text. */
  readonly dataSource: string
  readonly sourceValues: readonly SourceValues[]
  readonly computed: FlowOutcome
  readonly status: FlowStatus
  readonly reason: string
  readonly winner: boolean
  readonly overriddenBy: RuleRef | null
  readonly failingClause: ScopeClause | null
  /** Why the rule is out of scope (`mailNickname ISNOTNULL is false (no value)`), null when in scope. */
  readonly scopeFailure: string | null
  readonly applyOnce: boolean
  readonly mergeType: MergeType
  /** The MV attribute's values in the snapshot; null when there is no MV object. */
  readonly mvValueInSnapshot: readonly string[] | null
}

/** What one MV attribute ends with after every connected object's rules, next to the snapshot. */
export interface ImportAttribute {
  readonly mvAttribute: string
  readonly resolution: Resolution
  readonly mvValueInSnapshot: readonly string[] | null
  /** True when the rules now compute something else than the exported MV value; null when it cannot be told. */
  readonly stale: boolean | null
}

/** A sync error raised by a flow of this object: the whole object fails to synchronize. */
export interface ImportSyncError {
  readonly rule: RuleRef
  readonly mvAttribute: string
  readonly message: string
}

/** Import attribute flow for one CS object. */
export interface ImportFlowResult {
  readonly csObject: { readonly id: string; readonly dn: string; readonly objectType: string }
  readonly connector: ConnectorRef
  readonly mvObjectId: string | null
  readonly mvObjectType: string | null
  readonly link: LinkState
  /** The join of the linking rule, when the object has no link and a linking rule is in scope. */
  readonly join: JoinResult | null
  readonly rules: readonly RuleScope[]
  /** This object's mappings, grouped by MV attribute, each group in precedence order. */
  readonly rows: readonly ImportFlowRow[]
  /** Every MV attribute this object's rules write, resolved across all objects linked to the MV object. */
  readonly attributes: readonly ImportAttribute[]
  readonly syncError: ImportSyncError | null
  readonly notes: readonly string[]
}

/** A candidate with the source values it read. */
interface SourcedCandidate extends Candidate {
  readonly sourceValues: readonly SourceValues[]
}

/** A candidate with the object it belongs to. */
interface OwnedCandidate extends SourcedCandidate {
  readonly owner: ObjectCandidates
}

interface ObjectCandidates {
  readonly csObject: CsObject
  readonly connector: ConnectorRef
  readonly link: LinkState
  readonly join: JoinResult | null
  readonly rules: readonly RuleScope[]
  readonly candidates: readonly SourcedCandidate[]
  readonly notes: readonly string[]
}

/** Computes the Import Attribute Flow of one CS object, as the Preview's page of that name shows it. */
export function importFlow(csObject: CsObject, options: ImportFlowOptions): ImportFlowResult {
  const { index } = options
  const mvObjectId = csObject.mvLink?.mvObjectId ?? null
  const mvObject = mvObjectId === null ? null : index.mvObject(mvObjectId)
  const candidatesOf = (object: CsObject): ObjectCandidates =>
    options.memo
      ? options.memo.candidates(object, mvObject, () => objectCandidates(object, mvObject, options))
      : objectCandidates(object, mvObject, options)
  const own = candidatesOf(csObject)
  const others =
    mvObjectId === null
      ? []
      : index
          .connectedCsObjects(mvObjectId)
          .filter((other) => other.id !== csObject.id)
          .map(candidatesOf)
  const all = [own, ...others]
  const mv = mvObject ? mvBag(mvObject) : null
  const ownTargets = new Set(own.candidates.map((candidate) => lowerName(candidate.flow.target)))
  // Only the attributes this object's rules write are resolved: the other objects' other mappings are not rows.
  const groups = new Map<string, { name: string; candidates: OwnedCandidate[] }>()
  for (const objectCandidates of all) {
    for (const candidate of objectCandidates.candidates) {
      const key = lowerName(candidate.flow.target)
      if (!ownTargets.has(key)) continue
      let group = groups.get(key)
      if (!group) {
        group = { name: candidate.flow.target, candidates: [] }
        groups.set(key, group)
      }
      group.candidates.push({
        rule: candidate.rule,
        flow: candidate.flow,
        gate: candidate.gate,
        outcome: candidate.outcome,
        sourceValues: candidate.sourceValues,
        owner: objectCandidates,
      })
    }
  }
  const rows: ImportFlowRow[] = []
  const attributes: ImportAttribute[] = []
  let syncError: ImportSyncError | null = null
  const tieNotes: string[] = []
  const evaluatedConnectors = new Set(all.map((entry) => entry.connector.id))
  for (const group of groups.values()) {
    const { rows: resolved, resolution } = resolvePrecedence(group.candidates, ownedRow)
    const tie = tiedContribution(resolved, group.name)
    if (tie !== null) tieNotes.push(tie)
    const mvValues = mv ? mv.values(group.name) : null
    for (const candidate of resolved) {
      const { owner } = candidate
      if (!syncError && candidate.status === 'error' && owner === own) {
        syncError = { rule: ruleRef(candidate.rule), mvAttribute: group.name, message: candidate.reason }
      }
      if (owner !== own) continue
      rows.push(toRow(candidate, group.name, own, mvValues))
    }
    attributes.push({
      mvAttribute: group.name,
      resolution,
      mvValueInSnapshot: mvValues,
      stale: staleness(resolution, mvObject, group.name, index, evaluatedConnectors),
    })
  }
  return {
    csObject: { id: csObject.id, dn: csObject.dn, objectType: csObject.objectType },
    connector: own.connector,
    mvObjectId,
    mvObjectType: mvObject?.objectType ?? null,
    link: own.link,
    join: own.join,
    rules: own.rules,
    rows,
    attributes,
    syncError,
    notes: tieNotes.length === 0 ? own.notes : [...own.notes, ...tieNotes],
  }
}

/** A resolved candidate built with its final shape in one literal (no spread per mapping). */
function ownedRow(
  candidate: OwnedCandidate,
  status: FlowStatus,
  reason: string,
  winner: boolean,
  overriddenBy: RuleRef | null,
): ResolvedCandidate<OwnedCandidate> {
  return {
    rule: candidate.rule,
    flow: candidate.flow,
    gate: candidate.gate,
    outcome: candidate.outcome,
    sourceValues: candidate.sourceValues,
    owner: candidate.owner,
    status,
    reason,
    winner,
    overriddenBy,
  }
}

/**
 * A note when the winning value comes from one of several rules with the same precedence that all offer a
 * value: nothing documented decides between them (see precedence-ties.ts).
 */
function tiedContribution(
  resolved: readonly ResolvedCandidate<OwnedCandidate>[],
  mvAttribute: string,
): string | null {
  const winner = resolved.find((candidate) => candidate.winner)
  if (!winner) return null
  const tied = resolved.filter(
    (candidate) =>
      candidate.rule.precedence === winner.rule.precedence &&
      candidate.gate.kind === 'open' &&
      candidate.outcome.kind === 'value',
  )
  const rules = [...new Set(tied.map((candidate) => candidate.rule))]
  if (rules.length < 2) return null
  return `${rules.map((rule) => `"${rule.name}"`).join(' and ')} have the same precedence (${winner.rule.precedence}) and both offer ${mvAttribute} for this object: precedence cannot decide which value wins; the engine's order of the rules does.`
}

function toRow(
  candidate: ResolvedCandidate<OwnedCandidate>,
  mvAttribute: string,
  owner: ObjectCandidates,
  mvValues: readonly string[] | null,
): ImportFlowRow {
  const { rule, flow, gate } = candidate
  return {
    mvAttribute,
    rule: ruleRef(rule),
    connector: owner.connector,
    csObjectId: owner.csObject.id,
    flowType: flow.flowType,
    dataSource: flowSourceText(flow),
    sourceValues: candidate.sourceValues,
    computed: candidate.outcome,
    status: candidate.status,
    reason: candidate.reason,
    winner: candidate.winner,
    overriddenBy: candidate.overriddenBy,
    failingClause: gate.kind === 'out-of-scope' ? gate.clause : null,
    scopeFailure: gate.kind === 'out-of-scope' ? gate.text : null,
    applyOnce: flow.applyOnce,
    mergeType: flow.mergeType,
    mvValueInSnapshot: mvValues,
  }
}

/** The hologram rules read: the synchronized state, or the staged import when the object was never synchronized. */
export function inboundSource(csObject: CsObject): AttributeBag {
  return entryBag(csObject.synchronized ?? csObject.pendingImportHologram, csObject.dn)
}

function objectCandidates(
  csObject: CsObject,
  mvObject: MvObject | null,
  options: ImportFlowOptions,
): ObjectCandidates {
  const { ruleIndex, index } = options
  const connector = ruleIndex.connectorOf(csObject)
  const connectorId = connector?.id ?? normalizeGuid(csObject.connectorId ?? '')
  const connectorRef = ruleIndex.connectorRef(connectorId)
  const notes: string[] = []
  if (!connector)
    notes.push(`The connector ${connectorRef.name} is not in the snapshot; its parameters are unknown.`)
  if (!csObject.synchronized && csObject.pendingImportHologram) {
    notes.push('The object was never synchronized; the rules read its pending import.')
  }
  const source = inboundSource(csObject)
  const membership = connectorSpaceMembership(index, connectorId, csObject.dn)
  const mvType = mvObject ? lowerName(mvObject.objectType) : null
  const rules = ruleIndex
    .inbound(connectorId, csObject.objectType)
    .filter(
      (rule) =>
        mvType === null || rule.targetObjectType === '*' || lowerName(rule.targetObjectType) === mvType,
    )
  const scopes = new Map<SyncRule, ScopeResult>(
    rules.map((rule) => [rule, evaluateScope(rule.scopeGroups, source, membership)]),
  )
  const { link, join } = linkState(csObject, rules, scopes, options, notes)
  const mvExists = link.kind === 'joined' || link.kind === 'would-join' || link.kind === 'join-not-evaluated'
  const parameters = connector ? connectorParameters(connector, csObject.dn) : null
  const inferredRead = new Set<string>()
  const inferred = new Set((parameters?.inferred ?? []).map((name) => name.toLowerCase()))
  const inputs: FlowInputs = {
    source,
    parameter: (name) => {
      if (name.toLowerCase() === 'connector.id') return connectorId
      if (inferred.has(name.toLowerCase())) inferredRead.add(name)
      return parameters?.get(name)
    },
    imported: confirmedBag(csObject),
    ...(options.now ? { now: options.now } : {}),
  }
  const context = evalContext(inputs)
  const candidates = rules.flatMap((rule) => {
    const scope = scopes.get(rule) ?? { inScope: true, groups: [] }
    return rule.flows.map((flow): SourcedCandidate => {
      const gate = flowGate(rule, scope, link, flow.applyOnce && mvExists)
      const computes = gate.kind === 'open' || gate.kind === 'apply-once'
      const outcome = computes ? evaluateFlow(flow, inputs, context).outcome : notEvaluated()
      return { rule, flow, gate, outcome, sourceValues: flowSourceValues(flow, source) }
    })
  })
  for (const name of inferredRead) {
    notes.push(
      `%${name}% is not in the export; SyncLens inferred "${parameters?.get(name) ?? ''}" from the partition name.`,
    )
  }
  return {
    csObject,
    connector: connectorRef,
    link,
    join,
    rules: rules.map((rule) => ({
      rule: ruleRef(rule),
      disabled: rule.disabled,
      linkType: rule.linkType,
      scope: scopes.get(rule) ?? { inScope: true, groups: [] },
    })),
    candidates,
    notes,
  }
}

function flowGate(rule: SyncRule, scope: ScopeResult, link: LinkState, applyOnceBlocked: boolean): FlowGate {
  if (rule.disabled) return { kind: 'disabled' }
  if (!scope.inScope)
    return { kind: 'out-of-scope', clause: firstFailingClause(scope), text: scopeFailureText(scope) }
  if (link.kind === 'not-joined') return { kind: 'not-joined', reason: link.reason }
  if (applyOnceBlocked) return { kind: 'apply-once' }
  return { kind: 'open' }
}

function linkState(
  csObject: CsObject,
  rules: readonly SyncRule[],
  scopes: ReadonlyMap<SyncRule, ScopeResult>,
  options: ImportFlowOptions,
  notes: string[],
): { link: LinkState; join: JoinResult | null } {
  const linking = rules.filter((rule) => !rule.disabled && isLinkingRule(rule))
  const inScopeLinking = linking.filter((rule) => scopes.get(rule)?.inScope ?? true)
  const joining = inScopeLinking.filter((rule) => rule.joinGroups.length > 0)
  const severalJoins =
    joining.length > 1
      ? `Several rules with join criteria are in scope (${joining.map((rule) => `"${rule.name}"`).join(', ')}); only one may be, and precedence does not decide between them: the engine reports a synchronization error for such objects.`
      : null
  if (severalJoins !== null) notes.push(severalJoins)
  if (csObject.mvLink) {
    if (linking.length > 0 && inScopeLinking.length === 0) {
      notes.push(
        'No join or provisioning rule is in scope any more; the next synchronization would disconnect the object.',
      )
    }
    return { link: { kind: 'joined', mvObjectId: csObject.mvLink.mvObjectId }, join: null }
  }
  if (csObject.connectorState === 'explicit') {
    return {
      link: { kind: 'not-joined', reason: 'The object is an explicit disconnector: it never joins.' },
      join: null,
    }
  }
  if (csObject.connectorState === 'stay') {
    return {
      link: { kind: 'not-joined', reason: 'The object is a filtered disconnector: it never joins.' },
      join: null,
    }
  }
  // An object that is not joined yet does not join while its join is in conflict.
  if (severalJoins !== null) return { link: { kind: 'not-joined', reason: severalJoins }, join: null }
  const [first] = inScopeLinking
  if (!first) {
    const [outOfScope] = linking
    const reason = outOfScope
      ? `The object is not joined and no join or provisioning rule is in scope (${ruleLabel(ruleRef(outOfScope))} is out of scope).`
      : 'The object is not joined and no enabled rule for its type joins or provisions.'
    return { link: { kind: 'not-joined', reason }, join: null }
  }
  const join = evaluateJoin(first, csObject, {
    ...(options.mvLookup ? { lookup: options.mvLookup } : {}),
    index: options.index,
  })
  for (const note of join.notes) notes.push(note)
  const rule = ruleRef(first)
  if (!join.evaluated) return { link: { kind: 'join-not-evaluated', rule }, join }
  if (join.wouldJoin !== null) {
    const taken = joinedFromSameConnector(csObject, join.wouldJoin, first.connectorId, options)
    if (taken !== null) {
      return {
        link: {
          kind: 'not-joined',
          reason: `The join is ambiguous: ${ruleLabel(rule)} finds metaverse object ${join.wouldJoin}, which is already joined to ${taken} in the same connector space. Two objects of one connector space cannot join one metaverse object, so the engine does not join this one and reports the join as ambiguous.`,
        },
        join,
      }
    }
    return { link: { kind: 'would-join', mvObjectId: join.wouldJoin, rule }, join }
  }
  if (join.wouldProject) return { link: { kind: 'would-project', rule }, join }
  return {
    link: {
      kind: 'not-joined',
      reason: `The object is not joined: ${ruleLabel(rule)} finds no single metaverse object and does not project it.`,
    },
    join,
  }
}

/** The DN of another object of this connector space already joined to the metaverse object, or null. */
function joinedFromSameConnector(
  csObject: CsObject,
  mvObjectId: string,
  connectorId: string,
  options: ImportFlowOptions,
): string | null {
  const { index, ruleIndex } = options
  const other = index
    .connectedCsObjects(mvObjectId)
    .find(
      (object) =>
        object.id !== csObject.id &&
        (ruleIndex.connectorOf(object)?.id ?? normalizeGuid(object.connectorId ?? '')) === connectorId,
    )
  return other?.dn ?? null
}

const mvAttributeIndexes = new WeakMap<MvObject, ReadonlyMap<string, MvAttribute>>()

/** The metaverse attribute with this name (case-insensitive), through an index built once per object. */
function mvAttributeNamed(mvObject: MvObject, name: string): MvAttribute | undefined {
  let byName = mvAttributeIndexes.get(mvObject)
  if (!byName) {
    const built = new Map<string, MvAttribute>()
    for (const attribute of mvObject.attributes) {
      if (!built.has(lowerName(attribute.name))) built.set(lowerName(attribute.name), attribute)
    }
    byName = built
    mvAttributeIndexes.set(mvObject, byName)
  }
  return byName.get(lowerName(name))
}

function staleness(
  resolution: Resolution,
  mvObject: MvObject | null,
  attributeName: string,
  index: ObjectIndex,
  evaluatedConnectors: ReadonlySet<string>,
): boolean | null {
  if (!mvObject || index.metaverseSource !== 'exported') return null
  const attribute = mvAttributeNamed(mvObject, attributeName)
  if (attribute?.type === 'Reference') return null
  // A value contributed through a connector whose objects are not in the snapshot cannot be recomputed.
  const foreign = (attribute?.lineage ?? []).some(
    (lineage) => lineage.connectorId !== null && !evaluatedConnectors.has(normalizeGuid(lineage.connectorId)),
  )
  if (foreign) return null
  const current = attribute?.values ?? []
  switch (resolution.kind) {
    case 'value':
      return !sameValues(resolution.values, current, attribute?.type ?? null)
    case 'authoritative-null':
    case 'none':
      return current.length > 0
    case 'keep-existing':
    case 'error':
      return null
  }
}
