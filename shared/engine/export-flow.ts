import { AAD_CONNECTOR_ID, type Connector, normalizeGuid } from '../model/connector'
import type { CsObject, Delta, Entry, MvObject, ObjectError } from '../model/objects'
import type { FlowType, ScopeClause, SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import type { FlowRowStatus } from '../model/diagnosis-codes'
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
import type { RuleScope } from './import-flow'
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
import {
  isReferenceAttribute,
  referencesHeld,
  type TargetReference,
  targetReferences,
} from './reference-values'
import type { RuleIndex } from './rule-index'
import { type ConnectorRef, flowSourceText, type RuleRef, ruleLabel, ruleRef } from './rule-text'
import { evaluateScope, firstFailingClause, type ScopeResult, scopeFailureText } from './scoping'
import { describeValues, sameValues } from './value-compare'

/** The status of one export flow row: precedence statuses plus what the target connector space shows. */
export type ExportStatus = FlowRowStatus

/** How the MV object relates to one target connector. */
export type TargetState =
  | 'connected'
  /** Not connected, but an in-scope provisioning rule would create the object at the next synchronization. */
  | 'would-provision'
  | 'not-connected'
  | 'cloud-filtered'
  /** The MV object lists a connection to this connector, but that connector space is not in the snapshot. */
  | 'not-in-snapshot'

/** One row of the Export Attribute Flow page: one mapping of one outbound rule. */
export interface ExportFlowRow {
  /** The target connector-space attribute. */
  readonly csAttribute: string
  readonly rule: RuleRef
  readonly flowType: FlowType
  readonly dataSource: string
  /** The MV values the flow reads. */
  readonly sourceValues: readonly SourceValues[]
  readonly computed: FlowOutcome
  readonly status: ExportStatus
  readonly reason: string
  readonly winner: boolean
  readonly overriddenBy: RuleRef | null
  readonly failingClause: ScopeClause | null
  /** Why the rule is out of scope (`mailNickname ISNOTNULL is false (no value)`), null when in scope. */
  readonly scopeFailure: string | null
  /** The target object's synchronized values; null when there is no target object. */
  readonly targetValueInSnapshot: readonly string[] | null
  /** Values staged for export (unapplied or unconfirmed), null when nothing is staged for this attribute. */
  readonly pendingExportValues: readonly string[] | null
  readonly selectedOnConnector: boolean
  /** For a reference attribute, each computed reference with the DN it has in the target; null otherwise. */
  readonly targetReferences: readonly TargetReference[] | null
}

/** What one target attribute ends with. */
export interface ExportAttribute {
  readonly csAttribute: string
  readonly resolution: Resolution
}

/** Export attribute flow from one MV object to one connector. */
export interface ExportTarget {
  readonly connector: ConnectorRef
  readonly csObject: { readonly id: string; readonly dn: string; readonly objectType: string } | null
  readonly state: TargetState
  /** One sentence on the state (why not connected, which rule would provision, ...). */
  readonly stateReason: string
  readonly rules: readonly RuleScope[]
  readonly rows: readonly ExportFlowRow[]
  readonly attributes: readonly ExportAttribute[]
  readonly exportError: ObjectError | null
}

/** Export attribute flow of one MV object. */
export interface ExportFlowResult {
  readonly mvObjectId: string
  readonly mvObjectType: string
  readonly targets: readonly ExportTarget[]
}

/** What the engine needs to compute export flow. */
export interface ExportFlowOptions {
  readonly ruleIndex: RuleIndex
  readonly index: ObjectIndex
  /** Only this target connector; every connector with outbound rules for the MV type otherwise. */
  readonly targetConnectorId?: string
  readonly now?: () => Date
}

interface SourcedCandidate extends Candidate {
  readonly sourceValues: readonly SourceValues[]
}

/** A resolved candidate built with its final shape in one literal (no spread per mapping). */
function sourcedRow(
  candidate: SourcedCandidate,
  status: FlowStatus,
  reason: string,
  winner: boolean,
  overriddenBy: RuleRef | null,
): ResolvedCandidate<SourcedCandidate> {
  return {
    rule: candidate.rule,
    flow: candidate.flow,
    gate: candidate.gate,
    outcome: candidate.outcome,
    sourceValues: candidate.sourceValues,
    status,
    reason,
    winner,
    overriddenBy,
  }
}

/** Computes the Export Attribute Flow of one MV object to each target connector, as the Preview shows it. */
export function exportFlow(mvObject: MvObject, options: ExportFlowOptions): ExportFlowResult {
  const { ruleIndex, targetConnectorId } = options
  const connectorIds =
    targetConnectorId === undefined
      ? ruleIndex.outboundConnectors(mvObject.objectType)
      : [normalizeGuid(targetConnectorId)]
  const source = mvBag(mvObject)
  return {
    mvObjectId: mvObject.id,
    mvObjectType: mvObject.objectType,
    targets: connectorIds.map((connectorId) => exportTarget(mvObject, source, connectorId, options)),
  }
}

/**
 * The export flow of one MV object to one connector, the id taken as given (as `outboundConnectors` lists it):
 * the same target `exportFlow` computes for that connector.
 */
export function exportTargetOf(
  mvObject: MvObject,
  connectorId: string,
  options: ExportFlowOptions,
): ExportTarget {
  return exportTarget(mvObject, mvBag(mvObject), connectorId, options)
}

/** True for the Entra ID connector, the only one cloud filtering applies to. */
export function isAadConnector(connectorId: string, connector: Connector | null): boolean {
  return connectorId === AAD_CONNECTOR_ID || connector?.type === 'AAD'
}

/** True when the MV object carries `cloudFiltered = true`. */
export function isCloudFiltered(source: AttributeBag): boolean {
  return source.values('cloudFiltered').some((value) => value.trim().toLowerCase() === 'true')
}

function exportTarget(
  mvObject: MvObject,
  source: AttributeBag,
  connectorId: string,
  options: ExportFlowOptions,
): ExportTarget {
  const { ruleIndex, index } = options
  const connector = ruleIndex.connector(connectorId)
  const connectorRef = ruleIndex.connectorRef(connectorId)
  const allRules = ruleIndex.outbound(connectorId, mvObject.objectType)
  const scopes = new Map<SyncRule, ScopeResult>(
    allRules.map((rule) => [rule, evaluateScope(rule.scopeGroups, source)]),
  )
  const target =
    index
      .connectedCsObjects(mvObject.id)
      .find((object) => (ruleIndex.connectorOf(object)?.id ?? object.connectorId) === connectorId) ?? null
  const { state, stateReason } = targetState(
    mvObject,
    source,
    connectorId,
    connector,
    target,
    allRules,
    scopes,
  )
  const rules = rulesForTargetType(allRules, scopes, target)
  const hologram = target ? confirmedBag(target) : null
  const parameters = connector ? connectorParameters(connector, target?.dn ?? null) : null
  const inputs: FlowInputs = {
    source,
    parameter: (name) => (name.toLowerCase() === 'connector.id' ? connectorId : parameters?.get(name)),
    ...(hologram ? { imported: hologram } : {}),
    ...(options.now ? { now: options.now } : {}),
  }
  const context = evalContext(inputs)
  const blocked = state === 'cloud-filtered' || state === 'not-connected'
  const candidates = rules.flatMap((rule) =>
    rule.flows.map((flow): SourcedCandidate => {
      const scope = scopes.get(rule) ?? { inScope: true, groups: [] }
      const gate = exportGate(rule, scope, flow.applyOnce && target !== null)
      const computes = !blocked && (gate.kind === 'open' || gate.kind === 'apply-once')
      const outcome = computes ? evaluateFlow(flow, inputs, context).outcome : notEvaluated()
      return { rule, flow, gate, outcome, sourceValues: flowSourceValues(flow, source) }
    }),
  )
  const selected = ruleIndex.selected(connectorId)
  const isSelected = (attribute: string): boolean =>
    lowerName(attribute) === 'dn' || selected.size === 0 || selected.has(lowerName(attribute))
  const groups = new Map<string, { name: string; candidates: SourcedCandidate[] }>()
  for (const candidate of candidates) {
    const key = lowerName(candidate.flow.target)
    const group = groups.get(key) ?? { name: candidate.flow.target, candidates: [] }
    group.candidates.push(candidate)
    groups.set(key, group)
  }
  const rows: ExportFlowRow[] = []
  const attributes: ExportAttribute[] = []
  for (const group of groups.values()) {
    const { rows: resolved, resolution } = resolvePrecedence(group.candidates, sourcedRow)
    attributes.push({ csAttribute: group.name, resolution })
    const targetValues = target ? targetValuesOf(target, group.name) : null
    const pending = target ? pendingExportValues(target, group.name) : null
    const reference =
      lowerName(group.name) !== 'dn' &&
      isReferenceAttribute(
        group.name,
        group.candidates.map((candidate) => candidate.flow),
        source,
        target,
        connector,
      )
    // Nothing computes a value but the target holds one: the export removes it (value recall), unless merged.
    const remover =
      !blocked &&
      target !== null &&
      resolution.kind === 'none' &&
      (targetValues?.length ?? 0) > 0 &&
      isSelected(group.name)
        ? resolved.find((candidate) => candidate.status === 'null')
        : undefined
    const merge = mergeFamilyOf(group.candidates)
    for (const candidate of resolved) {
      const selectedOnConnector = isSelected(group.name)
      const references =
        reference && candidate.outcome.kind === 'value'
          ? targetReferences(candidate.outcome.values, connectorId, index, ruleIndex)
          : null
      const blockedStatus = blocked && candidate.status !== 'disabled' ? blockedRow(state, stateReason) : null
      const compared =
        blockedStatus ??
        (candidate.winner
          ? compareWithTarget(
              candidate.outcome,
              group.name,
              target,
              targetValues,
              pending,
              selectedOnConnector,
              connectorRef,
              references,
              merge,
            )
          : candidate === remover
            ? removal(group.name, targetValues ?? [], pending, connectorRef)
            : null)
      rows.push({
        csAttribute: group.name,
        rule: ruleRef(candidate.rule),
        flowType: candidate.flow.flowType,
        dataSource: flowSourceText(candidate.flow),
        sourceValues: candidate.sourceValues,
        computed: candidate.outcome,
        status: compared?.status ?? candidate.status,
        reason: compared?.reason ?? candidate.reason,
        winner: blockedStatus === null && (candidate.winner || candidate === remover),
        overriddenBy: candidate.overriddenBy,
        failingClause: candidate.gate.kind === 'out-of-scope' ? candidate.gate.clause : null,
        scopeFailure: candidate.gate.kind === 'out-of-scope' ? candidate.gate.text : null,
        targetValueInSnapshot: targetValues,
        pendingExportValues: pending,
        selectedOnConnector,
        targetReferences: references,
      })
    }
  }
  return {
    connector: connectorRef,
    csObject: target ? { id: target.id, dn: target.dn, objectType: target.objectType } : null,
    state,
    stateReason,
    rules: rules.map((rule) => ({
      rule: ruleRef(rule),
      disabled: rule.disabled,
      linkType: rule.linkType,
      scope: scopes.get(rule) ?? { inScope: true, groups: [] },
    })),
    rows,
    attributes,
    exportError: target?.exportError ?? null,
  }
}

/**
 * A person exports to a user or to a contact, never both: only the rules for the target object's type
 * apply (for an object not yet provisioned, the type of the in-scope provisioning rule).
 */
function rulesForTargetType(
  rules: readonly SyncRule[],
  scopes: ReadonlyMap<SyncRule, ScopeResult>,
  target: CsObject | null,
): readonly SyncRule[] {
  const provisioning = rules.find(
    (rule) => !rule.disabled && rule.linkType === 'Provision' && (scopes.get(rule)?.inScope ?? true),
  )
  const type = target?.objectType ?? provisioning?.targetObjectType
  if (type === undefined) return rules
  return rules.filter((rule) => lowerName(rule.targetObjectType) === lowerName(type))
}

function exportGate(rule: SyncRule, scope: ScopeResult, applyOnceBlocked: boolean): FlowGate {
  if (rule.disabled) return { kind: 'disabled' }
  if (!scope.inScope)
    return { kind: 'out-of-scope', clause: firstFailingClause(scope), text: scopeFailureText(scope) }
  if (applyOnceBlocked) return { kind: 'apply-once' }
  return { kind: 'open' }
}

function blockedRow(state: TargetState, stateReason: string): { status: ExportStatus; reason: string } {
  return {
    status: state === 'cloud-filtered' ? 'cloud-filtered' : 'object-not-connected',
    reason: stateReason,
  }
}

function targetState(
  mvObject: MvObject,
  source: AttributeBag,
  connectorId: string,
  connector: Connector | null,
  target: CsObject | null,
  rules: readonly SyncRule[],
  scopes: ReadonlyMap<SyncRule, ScopeResult>,
): { state: TargetState; stateReason: string } {
  const name = connector?.name ?? connectorId
  if (isAadConnector(connectorId, connector) && isCloudFiltered(source)) {
    return {
      state: 'cloud-filtered',
      stateReason: `The metaverse object has cloudFiltered = true, so nothing flows to "${name}".`,
    }
  }
  if (target) {
    return { state: 'connected', stateReason: `The object is connected to "${name}" as ${target.dn}.` }
  }
  const listed = mvObject.connections.find((connection) => connection.connectorId === connectorId)
  if (listed) {
    return {
      state: 'not-in-snapshot',
      stateReason: `The metaverse object is connected to "${name}" as ${listed.csDn}, but that connector space is not in the snapshot.`,
    }
  }
  const provisioning = rules.find(
    (rule) => !rule.disabled && rule.linkType === 'Provision' && (scopes.get(rule)?.inScope ?? true),
  )
  if (provisioning) {
    return {
      state: 'would-provision',
      stateReason: `No object in "${name}" yet; ${ruleLabel(ruleRef(provisioning))} is in scope and would provision one at the next synchronization.`,
    }
  }
  return {
    state: 'not-connected',
    stateReason: `The metaverse object has no object in "${name}" and no provisioning rule is in scope to create one.`,
  }
}

function compareWithTarget(
  outcome: FlowOutcome,
  attribute: string,
  target: CsObject | null,
  targetValues: readonly string[] | null,
  pending: readonly string[] | null,
  selectedOnConnector: boolean,
  connector: ConnectorRef,
  references: readonly TargetReference[] | null,
  merge: MergeFamily,
): { status: ExportStatus; reason: string } | null {
  if (!selectedOnConnector) {
    return {
      status: 'not-selected-on-connector',
      reason: `${attribute} is not in the attribute inclusion list of "${connector.name}", so it is never exported.`,
    }
  }
  if (!target || targetValues === null) return null
  const wanted = outcome.kind === 'value' ? outcome.values : []
  const dn = lowerName(attribute) === 'dn'
  // A reference is held as the DN of the referenced object's connector in the target, not as its metaverse id.
  const holds = (values: readonly string[]): boolean => {
    if (references !== null) return referencesHeld(references, values)
    // A merged attribute keeps the values other sources put there (an x500 added in the cloud next to the
    // on-premises proxyAddresses): the target is in sync when it holds every merged value.
    if (merge !== 'Update') return containsAll(values, wanted, merge === 'MergeCaseInsensitive')
    return sameValues(wanted, values)
  }
  const inSync = dn
    ? wanted.length === 1 && (wanted[0] ?? '').toLowerCase() === target.dn.toLowerCase()
    : holds(targetValues)
  if (inSync) {
    // The target holds every reference that can resolve; one that cannot stays empty there (REFERENCE_UNRESOLVED).
    const unavailable = (references ?? []).filter((reference) => reference.dn === null)
    return unavailable.length === 0
      ? { status: 'in-sync', reason: `The target object already holds this value in "${connector.name}".` }
      : {
          status: 'reference-unresolved',
          reason: unavailableReason(unavailable, references?.length ?? 0, connector),
        }
  }
  if (pending !== null) {
    if (target.exportError) {
      return {
        status: 'export-error',
        reason: `The change is staged but the last export failed: ${target.exportError.name}.`,
      }
    }
    const matches = holds(pending)
    return {
      status: 'pending-export',
      reason: matches
        ? `The value is staged for export to "${connector.name}" and not yet confirmed by an import.`
        : `A different value is staged for export to "${connector.name}"; the next synchronization would replace it.`,
    }
  }
  if (target.exportError) {
    return {
      status: 'export-error',
      reason: `The target object carries an export error: ${target.exportError.name}.`,
    }
  }
  return {
    status: 'differs',
    reason: `The target object holds a different value and no export is staged: synchronization has not run since the change.`,
  }
}

/** How a target attribute's values combine: one winner (Update, Replace) or the union of the rules (Merge). */
type MergeFamily = 'Update' | 'Merge' | 'MergeCaseInsensitive'

function mergeFamilyOf(candidates: readonly SourcedCandidate[]): MergeFamily {
  const open = candidates.filter((candidate) => candidate.gate.kind === 'open')
  const types = new Set(open.map((candidate) => candidate.flow.mergeType))
  if (types.has('MergeCaseInsensitive')) return 'MergeCaseInsensitive'
  if (types.has('Merge')) return 'Merge'
  return 'Update'
}

function containsAll(held: readonly string[], wanted: readonly string[], caseInsensitive: boolean): boolean {
  const key = (value: string): string => (caseInsensitive ? value.toLowerCase() : value)
  const present = new Set(held.map(key))
  return wanted.every((value) => present.has(key(value)))
}

/** The row that says the export will remove what the target holds, because the rules compute no value now. */
function removal(
  attribute: string,
  held: readonly string[],
  pending: readonly string[] | null,
  connector: ConnectorRef,
): { status: ExportStatus; reason: string } {
  if (pending !== null && pending.length === 0) {
    return {
      status: 'pending-export',
      reason: `The removal of ${attribute} (${describeValues(held)}) is staged for export to "${connector.name}" and not yet confirmed.`,
    }
  }
  return {
    status: 'removes',
    reason: `"${connector.name}" holds ${attribute} = ${describeValues(held)}, but the rules now compute no value: the next synchronization stages its removal and the export removes it.`,
  }
}

/** Preview's "reference unavailable": the referenced object has no object in the target, so nothing is exported for it. */
function unavailableReason(
  unavailable: readonly TargetReference[],
  total: number,
  connector: ConnectorRef,
): string {
  const values = describeValues(unavailable.map((reference) => reference.value))
  const which =
    unavailable.length === 1
      ? `the referenced object ${values} has no object in "${connector.name}", so that reference is not exported`
      : `the referenced objects ${values} have no object in "${connector.name}", so those references are not exported`
  const rest = total > unavailable.length ? '; the target object holds the other references' : ''
  return `Reference unavailable: ${which}${rest}.`
}

function targetValuesOf(target: CsObject, attribute: string): readonly string[] {
  if (lowerName(attribute) === 'dn') return [target.dn]
  return entryBag(target.synchronized, target.dn).values(attribute)
}

/** Values staged for export to this attribute (unapplied first, then unconfirmed), null when nothing is staged for it. */
export function pendingExportValues(target: CsObject, attribute: string): readonly string[] | null {
  const stages: readonly [Delta | null, Entry | null][] = [
    [target.unappliedExport, target.unappliedExportHologram],
    [target.unconfirmedExport, target.unconfirmedExportHologram],
  ]
  const wanted = lowerName(attribute)
  for (const [delta, hologram] of stages) {
    if (lowerName(attribute) === 'dn' && delta?.newDn) return [delta.newDn]
    const change = delta?.attributes.find((candidate) => lowerName(candidate.name) === wanted)
    if (!change) continue
    if (hologram) return entryBag(hologram).values(attribute)
    if (change.operation === 'delete') return []
    return change.values.filter((value) => value.operation !== 'delete').map((value) => value.value)
  }
  return null
}
