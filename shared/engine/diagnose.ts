/**
 * One attribute's path from a CS object to a target connector, walked step by step (docs/DIAGNOSIS.md):
 * source value -> selected on the source connector -> inbound rules -> metaverse value -> target
 * connection -> outbound rules -> selected on the target connector -> target value. The verdict is
 * the code of the first blocking step, or OK.
 */
import { AAD_CONNECTOR_ID, type Connector, normalizeGuid } from '../model/connector'
import type { CsObject, MvObject } from '../model/objects'
import type { ScopeClause, SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { lowerName, mvBag } from './attribute-bag'
import { codeAction, type DiagnosisCode, statusCode } from '../model/diagnosis-codes'
import { type ExportFlowRow, type ExportStatus, type ExportTarget } from './export-flow'
import { hasExportedMetaverse } from './computed-mv'
import { type FlowOutcome, outcomeText } from '../model/flow-outcome'
import { type ImportFlowResult, type ImportFlowRow, inboundSource } from './import-flow'
import type { MvAttributeLookup } from './join'
import { questionFor, type WhyQuestion } from './question'
import { buildRuleIndex, flowReads, type RuleIndex } from './rule-index'
import { type ConnectorRef, type RuleRef, ruleLabel } from './rule-text'
import { firstFailingClause, scopeFailureText } from './scoping'
import { ouFilterText, pendingImportOf, syncScopeExit } from './sync-scope'
import { describeValues } from './value-compare'

/** Where on the path a step sits. */
export type DiagnosisStage = 'source' | 'connector' | 'inbound' | 'metaverse' | 'outbound' | 'target'

/** One step of the walk: a check and what it found, in one sentence. */
export interface DiagnosisStep {
  readonly code: DiagnosisCode
  readonly stage: DiagnosisStage
  readonly message: string
  /** True when this step stops the value (the verdict is the first blocking step). */
  readonly blocking: boolean
  readonly rule?: RuleRef
  readonly clause?: ScopeClause
  readonly value?: readonly string[]
  readonly connector?: ConnectorRef
}

/** The attribute names the walk followed. */
export interface DiagnosedAttribute {
  /** The CS attribute on the source object, null when the flow is an expression over several. */
  readonly source: string | null
  readonly metaverse: string | null
  readonly target: string | null
}

/** The answer to "why does (or doesn't) this attribute flow?". */
export interface Diagnosis {
  /** The first break on the path, or OK. */
  readonly verdict: DiagnosisCode
  /** The breaks after the first, in path order: each must be fixed too before the value arrives. */
  readonly alsoBlocking: readonly DiagnosisCode[]
  /** What to do, one sentence per break, in path order. */
  readonly fix: readonly string[]
  readonly attribute: DiagnosedAttribute
  readonly steps: readonly DiagnosisStep[]
}

/** What a diagnosis needs. `attribute` may be the CS attribute name or the MV attribute name. */
export interface DiagnoseInput {
  readonly rules: readonly SyncRule[]
  readonly connectors: readonly Connector[]
  readonly index: ObjectIndex
  readonly csObject: CsObject
  readonly attribute: string
  /** The connector the value should reach; the Entra ID connector when omitted. */
  readonly targetConnectorId?: string
  /** A prebuilt index of the same rules and connectors (saves rebuilding it per call). */
  readonly ruleIndex?: RuleIndex
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
  /**
   * The question this diagnosis belongs to, built with the same rule index, index, lookup and clock: the report
   * and the other diagnoses of the same object then share its flows. A diagnosis without one uses its own.
   */
  readonly question?: WhyQuestion
}

const indexCache = new WeakMap<readonly SyncRule[], WeakMap<readonly Connector[], RuleIndex>>()

/** The rule index of these rules and connectors, built once per pair of arrays. */
export function cachedRuleIndex(rules: readonly SyncRule[], connectors: readonly Connector[]): RuleIndex {
  let byConnectors = indexCache.get(rules)
  if (!byConnectors) {
    byConnectors = new WeakMap()
    indexCache.set(rules, byConnectors)
  }
  const cached = byConnectors.get(connectors)
  if (cached) return cached
  const built = buildRuleIndex(rules, connectors)
  byConnectors.set(connectors, built)
  return built
}

/** Walks one attribute of one CS object to its target connector and names the first step that blocks it. */
export function diagnoseAttribute(input: DiagnoseInput): Diagnosis {
  const ruleIndex = input.ruleIndex ?? cachedRuleIndex(input.rules, input.connectors)
  const question = questionFor(input.question, {
    ruleIndex,
    index: input.index,
    ...(input.mvLookup ? { mvLookup: input.mvLookup } : {}),
    ...(input.now ? { now: input.now } : {}),
  })
  const { csObject } = input
  const { index } = question
  const flow = question.importFlow(csObject)
  const targetName = targetSideName(input, csObject, ruleIndex)
  const names = resolveNames(targetName?.mvAttribute ?? input.attribute, csObject, flow, ruleIndex)
  const steps: DiagnosisStep[] = []
  const sourceConnector = flow.connector
  containerStep(csObject, ruleIndex, steps)
  sourceSteps(names, csObject, flow, ruleIndex, steps)
  const mvAttribute = names.metaverse
  if (mvAttribute === null) {
    steps.push({
      code: names.disabledOnly ? 'RULE_DISABLED' : 'NO_INBOUND_FLOW',
      stage: 'inbound',
      message: names.disabledOnly
        ? `Only disabled inbound rules of "${sourceConnector.name}" map ${input.attribute}.`
        : `No enabled inbound rule of "${sourceConnector.name}" for ${csObject.objectType} objects maps ${input.attribute}.`,
      blocking: true,
      connector: sourceConnector,
    })
    return finish(steps, { source: names.source, metaverse: null, target: null })
  }
  const exit = syncScopeExit(flow, csObject, index, ruleIndex)
  if (exit) {
    steps.push({
      code: 'OUT_OF_SYNC_SCOPE',
      stage: 'inbound',
      message: exit.message,
      blocking: true,
      rule: exit.rule,
      ...(exit.clause ? { clause: exit.clause } : {}),
      connector: sourceConnector,
    })
  }
  inboundSteps(names, flow, steps)
  const stored = flow.mvObjectId === null ? null : index.mvObject(flow.mvObjectId)
  const exported = hasExportedMetaverse(index) ? stored : null
  // Without a metaverse export, the metaverse object is what every connected object's inbound rules compute,
  // as `object` shows it: attributes from other connectors (cloudSourceAnchor from Entra ID) take part.
  const mvObject =
    exported ??
    (flow.mvObjectId === null
      ? null
      : question.computedMvObject(flow.mvObjectId, connectedFlows(flow, question), stored))
  metaverseSteps(mvAttribute, flow, exported, mvObject, index, steps)
  let target: string | null = null
  if (mvObject)
    target = outboundSteps(mvAttribute, mvObject, input, question, steps, targetName?.csAttribute ?? null)
  return finish(steps, { source: names.source, metaverse: mvAttribute, target })
}

/**
 * Closes the walk: a missing value downstream of an earlier break is its consequence, not a break of its own;
 * every other blocking step is one, the first is the verdict and the rest are `alsoBlocking`.
 */
/** The import flows of the object and of every other object connected to the same metaverse object. */
function connectedFlows(flow: ImportFlowResult, question: WhyQuestion): readonly ImportFlowResult[] {
  if (flow.mvObjectId === null) return [flow]
  const others = question.index
    .connectedCsObjects(flow.mvObjectId)
    .filter((object) => object.id !== flow.csObject.id)
  return [flow, ...others.map((object) => question.importFlow(object))]
}

/**
 * With `--target`, the asked name may be the target connector's (surname, onPremisesSamAccountName): when no
 * source or metaverse attribute has that name and an outbound rule to the target writes it from one metaverse
 * attribute, the walk follows that metaverse attribute and ends at the asked target attribute.
 */
function targetSideName(
  input: DiagnoseInput,
  csObject: CsObject,
  ruleIndex: RuleIndex,
): { readonly mvAttribute: string; readonly csAttribute: string } | null {
  if (input.targetConnectorId === undefined) return null
  const asked = lowerName(input.attribute)
  const connector = ruleIndex.connectorOf(csObject)
  const known =
    ruleIndex.inboundContributors(asked).length > 0 ||
    inboundSource(csObject).get(input.attribute) !== undefined ||
    (connector !== null && ruleIndex.selected(connector.id).has(asked))
  if (known) return null
  const targetId = normalizeGuid(input.targetConnectorId)
  for (const rule of ruleIndex.rules) {
    if (rule.disabled || rule.direction !== 'Outbound' || rule.connectorId !== targetId) continue
    for (const flow of rule.flows) {
      const [source] = flowReads(flow)
      if (lowerName(flow.target) === asked && source !== undefined) {
        return { mvAttribute: source, csAttribute: flow.target }
      }
    }
  }
  return null
}

function finish(walked: DiagnosisStep[], attribute: DiagnosedAttribute): Diagnosis {
  let broken = false
  let leaving = false
  const steps = walked.map((step): DiagnosisStep => {
    if (!step.blocking) return step
    const consequence =
      leaving ||
      step.code === 'NO_SOURCE_VALUE' ||
      (step.code === 'EXPRESSION_NULL' && withoutInput.has(step))
    if (broken && consequence) {
      return {
        ...step,
        blocking: false,
        message: leaving
          ? `${step.message} Moot while the object leaves synchronization (above).`
          : `${step.message} This follows from the break above.`,
      }
    }
    broken = true
    // An object that leaves synchronization takes every value with it: what follows is moot until that is fixed.
    if (step.code === 'OU_FILTERED' || step.code === 'OUT_OF_SYNC_SCOPE') leaving = true
    return step
  })
  const breaks = steps.filter((step) => step.blocking)
  if (breaks.length === 0) {
    const path = [attribute.source, attribute.metaverse, attribute.target].filter((name) => name !== null)
    steps.push({
      code: 'OK',
      stage: 'target',
      message: `The value flows end to end (${path.join(' -> ')}).`,
      blocking: false,
    })
  }
  const [first, ...rest] = breaks
  const fix: string[] = []
  for (const step of breaks) {
    const action = codeAction(step.code)
    if (!fix.includes(action)) fix.push(action)
  }
  return {
    verdict: first?.code ?? 'OK',
    alsoBlocking: rest.map((step) => step.code),
    fix,
    attribute,
    steps,
  }
}

interface ResolvedNames {
  readonly source: string | null
  readonly metaverse: string | null
  /** True when the asked attribute is a CS attribute (it has a value, is selected, or rules read it). */
  readonly askedIsSource: boolean
  readonly disabledOnly: boolean
}

function rowReads(row: ImportFlowRow, attribute: string): boolean {
  const wanted = lowerName(attribute)
  return row.sourceValues.some((source) => lowerName(source.attribute) === wanted)
}

function resolveNames(
  attribute: string,
  csObject: CsObject,
  flow: ImportFlowResult,
  ruleIndex: RuleIndex,
): ResolvedNames {
  const wanted = lowerName(attribute)
  const connectorId = flow.connector.id
  const enabledRows = flow.rows.filter((row) => row.status !== 'disabled')
  const readers = enabledRows.filter((row) => rowReads(row, attribute))
  const writers = flow.rows.filter((row) => lowerName(row.mvAttribute) === wanted)
  const askedIsSource =
    readers.length > 0 ||
    inboundSource(csObject).get(attribute) !== undefined ||
    ruleIndex.selected(connectorId).has(wanted) ||
    (writers.length === 0 && ruleIndex.disabledOnlySources(connectorId, csObject.objectType).has(wanted))
  let metaverse: string | null = null
  if (writers.length > 0) metaverse = writers[0]?.mvAttribute ?? attribute
  else {
    const direct = readers.find((row) => row.flowType === 'Direct') ?? readers[0]
    if (direct) metaverse = direct.mvAttribute
  }
  let source: string | null = askedIsSource ? attribute : null
  if (!askedIsSource && metaverse !== null) {
    const first = writers.find((row) => row.status !== 'disabled') ?? writers[0]
    if (first?.flowType === 'Direct') source = first.sourceValues[0]?.attribute ?? null
  }
  const disabledOnly =
    metaverse === null && ruleIndex.disabledOnlySources(connectorId, csObject.objectType).has(wanted)
  return { source, metaverse, askedIsSource, disabledOnly }
}

/** OU_FILTERED: the object lies outside its connector's container filter and leaves at the next full import. */
function containerStep(csObject: CsObject, ruleIndex: RuleIndex, steps: DiagnosisStep[]): void {
  const text = ouFilterText(csObject, ruleIndex)
  if (text === null) return
  const connector = ruleIndex.connectorOf(csObject)
  steps.push({
    code: 'OU_FILTERED',
    stage: 'connector',
    message: `${csObject.dn}: ${text}`,
    blocking: true,
    ...(connector ? { connector: ruleIndex.connectorRef(connector.id) } : {}),
  })
}

function sourceSteps(
  names: ResolvedNames,
  csObject: CsObject,
  flow: ImportFlowResult,
  ruleIndex: RuleIndex,
  steps: DiagnosisStep[],
): void {
  const connector = flow.connector
  const sourceName = names.source
  if (sourceName === null) return
  const values = inboundSource(csObject).values(sourceName)
  const selected = ruleIndex.selected(connector.id)
  const notSelected = selected.size > 0 && !selected.has(lowerName(sourceName))
  const carried = flow.rows.some(
    (row) =>
      row.winner &&
      row.status === 'contributes' &&
      rowReads(row, sourceName) &&
      row.mvAttribute === names.metaverse,
  )
  const pending = pendingImportOf(csObject, sourceName)
  if (pending) {
    steps.push({
      code: 'PENDING_IMPORT',
      stage: 'source',
      message: `${csObject.dn} has ${sourceName} = ${describeValues(pending.synchronized)} as last synchronized, and an imported change to ${describeValues(pending.pending)} that no synchronization has applied yet: the new value reaches the metaverse at the next synchronization.`,
      blocking: true,
      value: pending.pending,
    })
  } else if (values.length > 0) {
    steps.push({
      code: 'OK',
      stage: 'source',
      message: `${csObject.dn} has ${sourceName} = ${describeValues(values)}.`,
      blocking: false,
      value: values,
    })
  } else {
    steps.push({
      code: 'NO_SOURCE_VALUE',
      stage: 'source',
      message: `${csObject.dn} has no value for ${sourceName}.`,
      blocking: !notSelected && !carried,
      value: [],
    })
  }
  steps.push(
    notSelected
      ? {
          code: 'NOT_SELECTED_ON_CONNECTOR',
          stage: 'connector',
          message: `${sourceName} is not in the attribute inclusion list of "${connector.name}", so it is never imported.`,
          blocking: true,
          connector,
        }
      : {
          code: 'OK',
          stage: 'connector',
          message:
            selected.size > 0
              ? `${sourceName} is selected on "${connector.name}".`
              : `"${connector.name}" lists no attribute inclusion; ${sourceName} is assumed to be imported.`,
          blocking: false,
          connector,
        },
  )
}

/** The code of a flow row: a Direct flow whose source has no value lacks a source value rather than an expression result. */
function rowCode(row: { readonly status: ExportStatus; readonly flowType: string }): DiagnosisCode {
  return row.status === 'null' && row.flowType === 'Direct' ? 'NO_SOURCE_VALUE' : statusCode(row.status)
}

/** The row-level facts a step message needs, shared by import and export rows. */
interface FlowFacts {
  readonly rule: RuleRef
  readonly status: ExportStatus
  readonly reason: string
  readonly flowType: string
  readonly sources: readonly string[]
  readonly computed: FlowOutcome
  readonly overriddenBy: RuleRef | null
  readonly scopeFailure: string | null
  readonly failingClause: ScopeClause | null
}

function rowMessage(facts: FlowFacts, target: string, overriderStatus: ExportStatus | null): string {
  const label = ruleLabel(facts.rule)
  switch (facts.status) {
    case 'contributes':
      return `${label} contributes ${target} = ${outcomeText(facts.computed, 'sentence')}.`
    case 'overridden': {
      const by = facts.overriddenBy ? ruleLabel(facts.overriddenBy) : 'a rule with a lower precedence number'
      const how =
        overriderStatus === 'authoritative-null'
          ? 'blanks it with AuthoritativeNull'
          : overriderStatus === 'error'
            ? 'raises an error on it'
            : 'contributes it'
      return `${label} also maps ${target}, but ${by} ${how} first.`
    }
    case 'out-of-scope':
      return `${label} is out of scope: ${facts.scopeFailure ?? 'no scoping group matches'}.`
    case 'disabled':
      return `${label} maps ${target} but is disabled.`
    case 'null':
      return facts.flowType === 'Direct'
        ? `${label} maps ${facts.sources.join(', ')} to ${target}, but ${facts.sources.join(', ')} has no value (NULL).`
        : `${label} computes ${target} with an expression that returned NULL.`
    case 'ignore-this-flow':
      return `${label} computes ${target} with an expression that returned IgnoreThisFlow, so nothing flows and the old value stays.`
    case 'authoritative-null':
      return `${label} computes ${target} with an expression that returned AuthoritativeNull, which blanks the value.`
    case 'error':
      return `${label} raised an error computing ${target}: ${facts.computed.kind === 'error' ? facts.computed.message : facts.reason}`
    case 'apply-once':
      return `${label} maps ${target} with Apply Once and the target object already exists, so it does not flow again.`
    case 'not-joined':
      return `${label} does not flow: ${facts.reason}`
    case 'object-not-connected':
    case 'cloud-filtered':
    case 'not-selected-on-connector':
    case 'pending-export':
    case 'export-error':
    case 'in-sync':
    case 'differs':
    case 'removes':
    case 'reference-unresolved':
      return `${label}: ${facts.reason}`
  }
}

const IN_SCOPE_OUTCOMES: readonly ExportStatus[] = [
  'overridden',
  'error',
  'authoritative-null',
  'ignore-this-flow',
  'null',
  'apply-once',
]

/** Steps of flows that had no input value: after an earlier break, their NULL is its consequence. */
const withoutInput = new WeakSet<DiagnosisStep>()

function pushRowStep(
  steps: DiagnosisStep[],
  row: { readonly sourceValues: readonly { readonly values: readonly string[] }[] },
  step: DiagnosisStep,
): void {
  if (row.sourceValues.length > 0 && row.sourceValues.every((source) => source.values.length === 0)) {
    withoutInput.add(step)
  }
  steps.push(step)
}

/** Picks the row that explains why nothing relevant flows: in-scope outcomes first, then not joined, out of scope, disabled. */
function blockingRow<T extends { readonly status: ExportStatus }>(rows: readonly T[]): T | undefined {
  for (const statuses of [IN_SCOPE_OUTCOMES, ['not-joined'], ['out-of-scope'], ['disabled']] as const) {
    const found = rows.find((row) => (statuses as readonly ExportStatus[]).includes(row.status))
    if (found) return found
  }
  return undefined
}

function importFacts(row: ImportFlowRow): FlowFacts {
  return { ...row, sources: row.sourceValues.map((source) => source.attribute) }
}

function inboundSteps(names: ResolvedNames, flow: ImportFlowResult, steps: DiagnosisStep[]): void {
  const mvAttribute = names.metaverse ?? ''
  const link = flow.link
  const connector = flow.connector
  switch (link.kind) {
    case 'joined':
      steps.push({
        code: 'OK',
        stage: 'inbound',
        message: `The object is joined to metaverse object ${link.mvObjectId}.`,
        blocking: false,
        connector,
      })
      break
    case 'would-join':
      steps.push({
        code: 'OK',
        stage: 'inbound',
        message: `The object is not linked yet; ${ruleLabel(link.rule)} would join it to metaverse object ${link.mvObjectId}.`,
        blocking: false,
        rule: link.rule,
      })
      break
    case 'would-project':
      steps.push({
        code: 'OK',
        stage: 'inbound',
        message: `The object is not linked yet; ${ruleLabel(link.rule)} would project it into the metaverse.`,
        blocking: false,
        rule: link.rule,
      })
      break
    case 'join-not-evaluated':
      steps.push({
        code: 'OK',
        stage: 'inbound',
        message: `The object is not linked yet; ${ruleLabel(link.rule)} is in scope, but its join was not evaluated.`,
        blocking: false,
        rule: link.rule,
      })
      break
    case 'not-joined':
      steps.push({
        code: 'OBJECT_NOT_CONNECTED',
        stage: 'inbound',
        message: link.reason,
        blocking: true,
        connector,
      })
      break
  }
  const rows = flow.rows.filter((row) => lowerName(row.mvAttribute) === lowerName(mvAttribute))
  const relevant =
    names.askedIsSource && names.source !== null
      ? rows.filter((row) => rowReads(row, names.source ?? ''))
      : rows
  const flows = relevant.some((row) => row.winner && row.status === 'contributes')
  const attribute = flow.attributes.find(
    (candidate) => lowerName(candidate.mvAttribute) === lowerName(mvAttribute),
  )
  const resolution = attribute?.resolution
  const statusOf = (rule: RuleRef | null): ExportStatus | null => {
    if (!rule) return null
    const own = rows.find((row) => row.rule.id === rule.id)
    if (own) return own.status
    return resolution?.kind === 'authoritative-null'
      ? 'authoritative-null'
      : resolution?.kind === 'error'
        ? 'error'
        : null
  }
  const blocker = flows ? undefined : blockingRow(relevant)
  for (const row of rows) {
    const isBlocker = row === blocker
    const overriderStatus = statusOf(row.overriddenBy)
    let code = rowCode(row)
    if (isBlocker && row.status === 'overridden' && overriderStatus === 'authoritative-null')
      code = 'AUTHORITATIVE_NULL'
    if (isBlocker && row.status === 'overridden' && overriderStatus === 'error') code = 'EXPRESSION_ERROR'
    pushRowStep(steps, row, {
      code,
      stage: 'inbound',
      message: rowMessage(importFacts(row), mvAttribute, overriderStatus),
      blocking: isBlocker,
      rule: row.rule,
      ...(row.failingClause ? { clause: row.failingClause } : {}),
      ...(row.computed.kind === 'value' ? { value: row.computed.values } : {}),
      connector: row.connector,
    })
  }
  if (!flows && !blocker && resolution?.kind === 'value') {
    const winner = resolution.from[0]
    steps.push({
      code: 'OVERRIDDEN_BY_PRECEDENCE',
      stage: 'inbound',
      message: `${winner ? ruleLabel(winner) : 'Another rule'} of another connector contributes ${mvAttribute} instead.`,
      blocking: true,
      ...(winner ? { rule: winner } : {}),
      value: resolution.values,
    })
  }
  if (relevant.length === 0 && rows.length === 0) {
    steps.push({
      code: 'NO_INBOUND_FLOW',
      stage: 'inbound',
      message: `No inbound rule of "${connector.name}" for ${flow.csObject.objectType} objects maps ${mvAttribute}.`,
      blocking: true,
      connector,
    })
  }
  const error = flow.syncError
  if (error && lowerName(error.mvAttribute) !== lowerName(mvAttribute)) {
    steps.push({
      code: 'EXPRESSION_ERROR',
      stage: 'inbound',
      message: `${ruleLabel(error.rule)} raised an error computing ${error.mvAttribute}, so the whole object fails to synchronize.`,
      blocking: true,
      rule: error.rule,
    })
  }
}

function metaverseSteps(
  mvAttribute: string,
  flow: ImportFlowResult,
  mvObject: MvObject | null,
  computed: MvObject | null,
  index: ObjectIndex,
  steps: DiagnosisStep[],
): void {
  if (!mvObject) {
    if (flow.link.kind === 'not-joined') return
    if (flow.mvObjectId === null) {
      steps.push({
        code: 'MV_STALE',
        stage: 'metaverse',
        message: 'There is no metaverse object yet: synchronization has not run since the object appeared.',
        blocking: true,
      })
      return
    }
    const values = computed ? mvBag(computed).values(mvAttribute) : []
    const described = values.length > 0 ? describeValues(values) : 'no value'
    const missing =
      index.metaverseSource === 'exported'
        ? `The metaverse object ${flow.mvObjectId} is not in the metaverse export`
        : 'The snapshot holds no metaverse export'
    steps.push({
      code: 'OK',
      stage: 'metaverse',
      message: `${missing}; the rules of every connected object compute ${mvAttribute} = ${described}.`,
      blocking: false,
    })
    return
  }
  const attribute = flow.attributes.find(
    (candidate) => lowerName(candidate.mvAttribute) === lowerName(mvAttribute),
  )
  const current = mvBag(mvObject).values(mvAttribute)
  if (attribute?.stale === true) {
    const computed =
      attribute.resolution.kind === 'value' ? describeValues(attribute.resolution.values) : 'no value'
    steps.push({
      code: 'MV_STALE',
      stage: 'metaverse',
      message: `The metaverse holds ${mvAttribute} = ${describeValues(current)}, but the rules now compute ${computed}: synchronization has not run since the change.`,
      blocking: true,
      value: current,
    })
    return
  }
  steps.push({
    code: 'OK',
    stage: 'metaverse',
    message: `The metaverse object holds ${mvAttribute} = ${describeValues(current)}.`,
    blocking: false,
    value: current,
  })
}

function defaultTarget(
  mvObject: MvObject,
  mvAttribute: string,
  input: DiagnoseInput,
  ruleIndex: RuleIndex,
): string | null {
  if (input.targetConnectorId !== undefined) return normalizeGuid(input.targetConnectorId)
  const candidates = ruleIndex.outboundConnectors(mvObject.objectType)
  const aad = candidates.find((id) => id === AAD_CONNECTOR_ID || ruleIndex.connector(id)?.type === 'AAD')
  if (aad) return aad
  const reading = ruleIndex
    .outboundReaders(mvAttribute)
    .find(({ rule }) => !rule.disabled && lowerName(rule.sourceObjectType) === lowerName(mvObject.objectType))
  return reading?.rule.connectorId ?? candidates[0] ?? null
}

function exportFacts(row: ExportFlowRow): FlowFacts {
  return { ...row, sources: row.sourceValues.map((source) => source.attribute) }
}

function outboundSteps(
  mvAttribute: string,
  mvObject: MvObject,
  input: DiagnoseInput,
  question: WhyQuestion,
  steps: DiagnosisStep[],
  askedTarget: string | null,
): string | null {
  const targetId = defaultTarget(mvObject, mvAttribute, input, question.options.ruleIndex)
  if (targetId === null) {
    steps.push({
      code: 'NO_OUTBOUND_FLOW',
      stage: 'outbound',
      message: `No outbound rule for ${mvObject.objectType} objects sends ${mvAttribute} to any connector.`,
      blocking: true,
    })
    return null
  }
  // As exportFlow names a single target: normalized (the report's targets are keyed as the rules name them).
  const target = question.exportTarget(mvObject, normalizeGuid(targetId))
  const connector = target.connector
  connectionStep(target, steps)
  const wanted = lowerName(mvAttribute)
  const reading = target.rows.filter((row) =>
    row.sourceValues.some((source) => lowerName(source.attribute) === wanted),
  )
  const enabledReading = reading.filter((row) => row.status !== 'disabled')
  const chosen =
    (askedTarget === null
      ? undefined
      : enabledReading.find((row) => lowerName(row.csAttribute) === lowerName(askedTarget))) ??
    enabledReading.find((row) => lowerName(row.csAttribute) === wanted) ??
    enabledReading.find((row) => row.flowType === 'Direct') ??
    enabledReading[0] ??
    reading[0]
  if (!chosen) {
    steps.push({
      code: 'NO_OUTBOUND_FLOW',
      stage: 'outbound',
      message: `No outbound rule to "${connector.name}" for ${mvObject.objectType} objects maps ${mvAttribute}.`,
      blocking: true,
      connector,
    })
    return null
  }
  const csAttribute = chosen.csAttribute
  // Not connected or cloud filtered: the connection step is the break; every row would repeat it.
  if (target.state === 'not-connected' || target.state === 'cloud-filtered') return csAttribute
  const rows = target.rows.filter((row) => lowerName(row.csAttribute) === lowerName(csAttribute))
  const relevant = rows.filter((row) => reading.includes(row))
  const winner = relevant.find((row) => row.winner)
  const blocker = winner ? undefined : blockingRow(relevant)
  let targetStep: DiagnosisStep | null = null
  for (const row of rows) {
    const compared = row.winner && row.status !== 'contributes'
    const overrider = row.overriddenBy
      ? rows.find((other) => other.rule.id === row.overriddenBy?.id)
      : undefined
    let code = rowCode(row)
    if (row === blocker && row.status === 'overridden' && overrider?.status === 'authoritative-null') {
      code = 'AUTHORITATIVE_NULL'
    }
    const facts = exportFacts(row)
    pushRowStep(steps, row, {
      code: compared ? 'OK' : code,
      stage: 'outbound',
      message: compared
        ? rowMessage({ ...facts, status: 'contributes' }, csAttribute, null)
        : rowMessage(facts, csAttribute, overrider?.status ?? null),
      blocking: row === blocker,
      rule: row.rule,
      ...(row.failingClause ? { clause: row.failingClause } : {}),
      ...(row.computed.kind === 'value' ? { value: row.computed.values } : {}),
      connector,
    })
    if (compared) {
      targetStep = {
        code,
        stage: 'target',
        message: targetMessage(row, connector),
        blocking: row === winner && code !== 'OK',
        rule: row.rule,
        ...(row.targetValueInSnapshot ? { value: row.targetValueInSnapshot } : {}),
        connector,
      }
    }
  }
  if (targetStep) steps.push(targetStep)
  if (!winner && !blocker) {
    const other = rows.find((row) => row.winner)
    steps.push({
      code: 'OVERRIDDEN_BY_PRECEDENCE',
      stage: 'outbound',
      message: `${other ? ruleLabel(other.rule) : 'Another rule'} sends a different source to ${csAttribute} in "${connector.name}".`,
      blocking: true,
      ...(other ? { rule: other.rule } : {}),
      connector,
    })
  }
  return csAttribute
}

function connectionStep(target: ExportTarget, steps: DiagnosisStep[]): void {
  const connector = target.connector
  switch (target.state) {
    case 'cloud-filtered':
      steps.push({
        code: 'CLOUD_FILTERED',
        stage: 'outbound',
        message:
          target.csObject === null
            ? target.stateReason
            : `${target.stateReason} The object exists in "${connector.name}" (${target.csObject.dn}): the next synchronization disconnects it and the export deletes it there.`,
        blocking: true,
        connector,
      })
      return
    case 'not-connected':
      steps.push({
        code: 'OBJECT_NOT_CONNECTED',
        stage: 'outbound',
        message: target.stateReason,
        blocking: true,
        connector,
      })
      provisioningSteps(target, steps)
      return
    case 'would-provision':
      steps.push({
        code: 'OBJECT_NOT_CONNECTED',
        stage: 'outbound',
        message: target.stateReason,
        blocking: true,
        connector,
      })
      return
    case 'connected':
    case 'not-in-snapshot':
      steps.push({ code: 'OK', stage: 'outbound', message: target.stateReason, blocking: false, connector })
      return
  }
}

/** Why each provisioning rule of the target does not create the object, as scoping is itemized for flows. */
function provisioningSteps(target: ExportTarget, steps: DiagnosisStep[]): void {
  const provisioning = target.rules.filter((rule) => rule.linkType === 'Provision')
  if (provisioning.length === 0) {
    steps.push({
      code: 'OBJECT_NOT_CONNECTED',
      stage: 'outbound',
      message: `No outbound rule to "${target.connector.name}" provisions (creates) objects of this type.`,
      blocking: false,
      connector: target.connector,
    })
    return
  }
  for (const entry of provisioning) {
    const label = ruleLabel(entry.rule)
    if (entry.disabled) {
      steps.push({
        code: 'RULE_DISABLED',
        stage: 'outbound',
        message: `${label} would provision the object but is disabled.`,
        blocking: false,
        rule: entry.rule,
        connector: target.connector,
      })
      continue
    }
    const clause = firstFailingClause(entry.scope)
    steps.push({
      code: 'RULE_OUT_OF_SCOPE',
      stage: 'outbound',
      message: `${label} would provision the object but is out of scope: ${scopeFailureText(entry.scope)}.`,
      blocking: false,
      rule: entry.rule,
      ...(clause ? { clause } : {}),
      connector: target.connector,
    })
  }
}

function targetMessage(row: ExportFlowRow, connector: ConnectorRef): string {
  const held = describeValues(row.targetValueInSnapshot ?? [])
  const unavailable = (row.targetReferences ?? []).some((reference) => reference.dn === null)
  if (row.status === 'in-sync') {
    const holds = `"${connector.name}" holds ${row.csAttribute} = ${held}, as ${ruleLabel(row.rule)} computes.`
    return unavailable ? `${holds} ${row.reason}` : holds
  }
  if (row.status === 'differs') {
    return `"${connector.name}" holds ${row.csAttribute} = ${held}, but ${ruleLabel(row.rule)} computes ${computedInTarget(row, connector)} and no export is staged: synchronization has not run since the change.`
  }
  if (row.status === 'reference-unresolved') {
    return `"${connector.name}" holds ${row.csAttribute} = ${held}, but ${ruleLabel(row.rule)} computes a reference it cannot export. ${row.reason}`
  }
  if (row.status === 'pending-export') {
    return `${row.csAttribute} = ${describeValues(row.pendingExportValues ?? [])} is staged for export to "${connector.name}" and not yet confirmed.`
  }
  return `${ruleLabel(row.rule)}: ${row.reason}`
}

/**
 * What a rule computes, as the target connector space would hold it: a reference names the referenced object's DN
 * there (the sync engine exports that, not the metaverse object id); a referenced object without an object in the
 * target is named by its metaverse id and said to be missing.
 */
function computedInTarget(row: ExportFlowRow, connector: ConnectorRef): string {
  const references = row.targetReferences
  if (references === null || references.length === 0) return outcomeText(row.computed, 'sentence')
  const dns: string[] = []
  const missing: string[] = []
  for (const reference of references) {
    if (reference.dn === null) missing.push(reference.value)
    else dns.push(reference.dn)
  }
  const parts: string[] = []
  if (dns.length > 0) parts.push(describeValues(dns))
  if (missing.length > 0)
    parts.push(`${describeValues(missing)} (no object in "${connector.name}", so not exported)`)
  return parts.join(' and ')
}
