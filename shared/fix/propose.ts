/**
 * Drafts the change a diagnosis calls for. The path is walked in the simulated state after the changes drafted
 * so far: the first break a rule or connector change can clear gets a change, the path is walked again, and so
 * on until the value flows or only breaks remain that no configuration change fixes (data, a run, by design).
 * One proposal therefore covers every break on the path (an attribute not selected and without an outbound
 * flow gets both changes).
 */
import {
  type Diagnosis,
  type DiagnosisStep,
  exportFlow,
  type ExportTarget,
  importFlow,
  type ImportFlowResult,
  ruleLabel,
} from '../engine/index'
import { AAD_CONNECTOR_ID, normalizeGuid } from '../model/connector'
import type { CsObject, MvObject } from '../model/objects'
import {
  type AttributeFlow,
  isStandardRule,
  metaverseObjectType,
  type RuleDirection,
  type ScopeGroup,
  type SyncRule,
} from '../model/sync-rule'
import { containerVerdict } from '../engine/container-filter'
import {
  type ContainerEdit,
  containerEditText,
  type DraftChange,
  editedPartition,
  type FixDraft,
  type FixTarget,
  isRuleChange,
  type RemainingBreak,
  type RuleChange,
} from './draft'
import { FIX_POLICIES } from './fix-policy'
import { nameKey } from './names'
import { type AfterWorld, afterWorld, diagnoseIn, draftQuestion, type FixSnapshot } from './preview'
import {
  cloneName,
  connectorById,
  CUSTOM_PRECEDENCE_LIMIT,
  customRuleName,
  draftRuleId,
  findClone,
  freePrecedence,
  freePrecedenceAbove,
  rulesFor,
  schemaAttribute,
  standardTemplate,
} from './rule-choices'

/** What a draft is asked for: an attribute of a connector-space object, and where it should arrive. */
export interface FixRequest {
  readonly csObject: CsObject
  readonly attribute: string
  /** The connector the value should reach; Entra ID when omitted. */
  readonly targetConnectorId?: string
}

/** Where drafted rules say they come from. */
export const DRAFT_ORIGIN = 'SyncLens draft'

/** The most changes one draft makes before it stops (a path has at most a handful of breaks). */
const MAX_ROUNDS = 8

/** Proposes the changes that make the attribute flow, walking every break on its path. */
export function proposeFix(snapshot: FixSnapshot, request: FixRequest): FixDraft {
  const { csObject } = request
  const connectorId = normalizeGuid(csObject.connectorId ?? '')
  const connector =
    connectorById(snapshot.configuration.connectors, connectorId) ??
    snapshot.configuration.connectors.find((candidate) => candidate.name === csObject.connectorName) ??
    null
  const target: FixTarget = {
    csObjectId: csObject.id,
    dn: csObject.dn,
    connectorId: connector?.id ?? connectorId,
    connectorName: connector?.name ?? csObject.connectorName ?? connectorId,
    attribute: request.attribute,
    targetConnectorId:
      request.targetConnectorId === undefined ? null : normalizeGuid(request.targetConnectorId),
  }
  let draft: FixDraft = { target, verdict: 'OK', changes: [], remaining: [], notes: [] }
  const world = afterWorld(snapshot, draft, csObject)
  draft = {
    ...draft,
    verdict: diagnoseIn(snapshot, world.before, snapshot.objects, csObject, draftQuestion(draft)).verdict,
  }
  const tried = new Set<string>()
  const remaining = new Map<string, RemainingBreak>()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = afterWorld(snapshot, draft, csObject)
    const diagnosis = diagnoseIn(
      snapshot,
      current.after,
      current.simulation.index,
      current.csObject,
      draftQuestion(draft),
    )
    remaining.clear()
    let proposed: Proposal | null = null
    for (const step of causes(diagnosis)) {
      const key = `${step.code}|${step.stage}|${step.rule?.id ?? ''}|${step.connector?.id ?? ''}`
      const policy = FIX_POLICIES[step.code]
      if (tried.has(key)) {
        remaining.set(key, {
          code: step.code,
          message: step.message,
          advice: `The drafted changes do not clear this. ${policy.advice}`,
        })
        continue
      }
      const proposal =
        policy.kind === 'rule' || policy.kind === 'connector'
          ? propose(step, { snapshot, draft, world: current, diagnosis })
          : null
      if (proposal === null) {
        remaining.set(key, { code: step.code, message: step.message, advice: policy.advice })
        continue
      }
      tried.add(key)
      proposed = proposal
      break
    }
    if (proposed === null) break
    draft = withChange(draft, proposed)
  }
  return { ...draft, remaining: [...remaining.values()] }
}

/**
 * The blocking steps that are causes rather than consequences of an earlier break: once the object has no
 * source value, the NULLs further down follow from it; once the object is not connected to the target (or is
 * filtered out of it), nothing further down that target matters.
 */
function causes(diagnosis: Diagnosis): readonly DiagnosisStep[] {
  const found: DiagnosisStep[] = []
  let noSourceValue = false
  let disconnected = false
  for (const step of diagnosis.steps) {
    if (!step.blocking) continue
    const downstream = step.stage === 'outbound' || step.stage === 'target'
    if (disconnected && downstream) continue
    if (noSourceValue && (step.code === 'NO_SOURCE_VALUE' || step.code === 'EXPRESSION_NULL')) continue
    found.push(step)
    if (step.code === 'NO_SOURCE_VALUE') noSourceValue = true
    if (downstream && (step.code === 'OBJECT_NOT_CONNECTED' || step.code === 'CLOUD_FILTERED'))
      disconnected = true
  }
  return found
}

/** A change and what the admin should know about it. */
interface Proposal {
  readonly change: DraftChange
  readonly notes: readonly string[]
}

interface ProposeContext {
  readonly snapshot: FixSnapshot
  readonly draft: FixDraft
  readonly world: AfterWorld
  readonly diagnosis: Diagnosis
}

/** Adds a change; a change to a rule the draft already changes is folded into that change. */
export function withChange(draft: FixDraft, proposal: Proposal): FixDraft {
  const { change } = proposal
  const notes = [...draft.notes, ...proposal.notes.filter((note) => !draft.notes.includes(note))]
  if (isRuleChange(change)) {
    const index = draft.changes.findIndex(
      (existing) => isRuleChange(existing) && existing.rule.id === change.rule.id,
    )
    const existing = draft.changes[index]
    if (existing && isRuleChange(existing)) {
      const merged: RuleChange = {
        ...existing,
        rule: change.rule,
        summary: `${existing.summary} ${change.summary}`,
      }
      return { ...draft, changes: draft.changes.map((item, at) => (at === index ? merged : item)), notes }
    }
  }
  return { ...draft, changes: [...draft.changes, change], notes }
}

function propose(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  switch (step.code) {
    case 'OU_FILTERED':
      return containerChange(step, context)
    case 'NOT_SELECTED_ON_CONNECTOR':
      return selectAttribute(step, context)
    case 'NO_INBOUND_FLOW':
      return newInboundRule(step, context)
    case 'NO_OUTBOUND_FLOW':
      return newOutboundRule(step, context)
    case 'RULE_DISABLED':
      return disabledRule(step, context)
    case 'RULE_OUT_OF_SCOPE':
      return scopeChange(step, context)
    case 'OUT_OF_SYNC_SCOPE':
      return syncScopeChange(step, context)
    case 'OVERRIDDEN_BY_PRECEDENCE':
      return precedenceChange(step, context)
    case 'EXPRESSION_NULL':
    case 'EXPRESSION_IGNORED':
    case 'AUTHORITATIVE_NULL':
    case 'EXPRESSION_ERROR':
      return flowChange(step, context, 'direct')
    case 'APPLY_ONCE':
      return flowChange(step, context, 'apply-always')
    default:
      return null
  }
}

function directionOf(step: DiagnosisStep): RuleDirection {
  return step.stage === 'source' || step.stage === 'connector' || step.stage === 'inbound'
    ? 'Inbound'
    : 'Outbound'
}

function rulesAfter(context: ProposeContext): readonly SyncRule[] {
  return context.world.after.rules
}

function importAfter(context: ProposeContext): ImportFlowResult {
  const { world, snapshot } = context
  return importFlow(world.csObject, {
    ruleIndex: world.after.ruleIndex,
    index: world.simulation.index,
    ...(snapshot.mvLookup ? { mvLookup: snapshot.mvLookup } : {}),
    ...(snapshot.now ? { now: snapshot.now } : {}),
  })
}

/** The metaverse object after the drafted changes (the one the outbound rules read). */
function mvAfter(context: ProposeContext): MvObject | null {
  return context.world.simulation.mvObject
}

/** The target connector the diagnosis walked to: the asked one, else Entra ID, else the step's. */
function targetConnectorId(context: ProposeContext, step: DiagnosisStep): string | null {
  if (step.connector && directionOf(step) === 'Outbound') return step.connector.id
  if (context.draft.target.targetConnectorId !== null) return context.draft.target.targetConnectorId
  const aad = context.world.after.connectors.find(
    (connector) => connector.id === AAD_CONNECTOR_ID || connector.type === 'AAD',
  )
  return aad?.id ?? null
}

function exportAfter(context: ProposeContext, connectorId: string): ExportTarget | null {
  const mvObject = mvAfter(context)
  if (!mvObject) return null
  const { world, snapshot } = context
  return (
    exportFlow(mvObject, {
      ruleIndex: world.after.ruleIndex,
      index: world.simulation.index,
      targetConnectorId: connectorId,
      ...(snapshot.now ? { now: snapshot.now } : {}),
    }).targets[0] ?? null
  )
}

function selectAttribute(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const { diagnosis, draft } = context
  const side = step.stage === 'source' || step.stage === 'connector' ? 'import' : 'export'
  const attribute =
    side === 'import' ? (diagnosis.attribute.source ?? draft.target.attribute) : diagnosis.attribute.target
  const connector = step.connector ? connectorById(context.world.after.connectors, step.connector.id) : null
  if (attribute === null || connector === null) return null
  const inSchema =
    connector.schema.attributes.length === 0 || schemaAttribute(connector.schema, attribute) !== null
  const name = schemaAttribute(connector.schema, attribute) ?? attribute
  const notes: string[] = []
  if (!inSchema) {
    notes.push(
      `The schema of "${connector.name}" has no ${attribute}: refresh the directory schema (Entra Connect wizard) before selecting it.`,
    )
  }
  if (side === 'import') {
    notes.push(
      `${name} was never imported, so the snapshot has no value for it: the preview assumes the stand-in value of the selection change; replace it with what the directory holds.`,
    )
  }
  return {
    change: {
      kind: 'select-attribute',
      connectorId: connector.id,
      connectorName: connector.name,
      attribute: name,
      side,
      standIn: side === 'import' ? [`<${name} from ${connector.name}>`] : [],
      fixes: step.code,
      summary:
        side === 'import'
          ? `Select ${name} on "${connector.name}" (Synchronization Service Manager, Connectors, Properties, Select Attributes), then run a full import.`
          : `Select ${name} on "${connector.name}" so that it is exported (Entra Connect wizard, or Select Attributes on the connector).`,
    },
    notes,
  }
}

/** The container holding a DN: the DN without its first RDN. */
function parentContainer(dn: string): string | null {
  const comma = /(?<!\\),/.exec(dn)
  return comma ? dn.slice(comma.index + 1).trim() : null
}

/**
 * OU_FILTERED: the connector's container filter widened just enough for the object: the deepest exclusion above
 * it cleared, its own container included, its partition or object class selected, until it lies inside.
 */
function containerChange(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const connector = step.connector ? connectorById(context.world.after.connectors, step.connector.id) : null
  if (!connector) return null
  const { dn, objectType } = context.world.csObject
  const edits: ContainerEdit[] = []
  let partitions = connector.partitions
  let partitionName: string | null = null
  for (let round = 0; round < 6; round++) {
    const verdict = containerVerdict({ ...connector, partitions }, dn, objectType)
    let edit: ContainerEdit
    switch (verdict.kind) {
      case 'in-filter':
        return partitionName === null ? null : containerProposal(step, connector, partitionName, edits)
      case 'no-partition':
        return null
      case 'excluded-container':
        edit = { kind: 'remove-exclusion', container: verdict.container }
        break
      case 'not-included': {
        const container = parentContainer(dn)
        if (container === null) return null
        edit = { kind: 'add-inclusion', container }
        break
      }
      case 'unselected-partition':
        edit = { kind: 'select-partition' }
        break
      case 'object-class-not-selected':
        edit = { kind: 'select-object-class', objectClass: verdict.objectClass }
        break
    }
    if (partitionName !== null && partitionName !== verdict.partition) return null
    partitionName = verdict.partition
    edits.push(edit)
    partitions = partitions.map((partition) =>
      partition.name === verdict.partition ? editedPartition(partition, [edit]) : partition,
    )
  }
  return null
}

function containerProposal(
  step: DiagnosisStep,
  connector: { readonly id: string; readonly name: string },
  partition: string,
  edits: readonly ContainerEdit[],
): Proposal {
  const what = edits.map((edit) => containerEditText(edit, partition)).join(', then ')
  const widened = edits.filter((edit) => edit.kind === 'remove-exclusion' || edit.kind === 'add-inclusion')
  return {
    change: {
      kind: 'include-container',
      connectorId: connector.id,
      connectorName: connector.name,
      partition,
      edits,
      fixes: step.code,
      summary: `On "${connector.name}" (Synchronization Service Manager, Connectors, Properties, Configure Directory Partitions, partition ${partition}): ${what}; then run a full import.`,
    },
    notes: [
      widened.length > 0
        ? `Every object under ${widened.map((edit) => ('container' in edit ? edit.container : '')).join(' and ')} enters synchronization, not just this one (the impact counts those the connector space still holds; the others arrive with the next full import). If the object was moved there by mistake, move it back instead and leave the filter as it is.`
        : 'Every object of the partition or class enters synchronization, not just this one (the impact counts those the connector space still holds).',
      'A container filter is a connector setting, not a sync rule: the script lists it as a step to do by hand.',
    ],
  }
}

function newRule(
  context: ProposeContext,
  fields: Pick<SyncRule, 'direction' | 'connectorId' | 'sourceObjectType' | 'targetObjectType'> & {
    readonly template: SyncRule | null
    readonly flow: AttributeFlow
    readonly below?: number
    readonly description: string
  },
): SyncRule | null {
  const rules = rulesAfter(context)
  const precedence = freePrecedence(rules, fields.below ?? CUSTOM_PRECEDENCE_LIMIT)
  if (precedence === null) return null
  const connector = connectorById(context.world.after.connectors, fields.connectorId)
  const csType = fields.direction === 'Inbound' ? fields.sourceObjectType : fields.targetObjectType
  const name = customRuleName(
    fields.template,
    fields.direction,
    connector?.name ?? fields.connectorId,
    csType,
    fields.flow.target,
  )
  return {
    id: draftRuleId(rules, name),
    name,
    description: fields.description,
    direction: fields.direction,
    precedence,
    connectorId: fields.connectorId,
    connectorName: connector?.name ?? null,
    sourceObjectType: fields.sourceObjectType,
    targetObjectType: fields.targetObjectType,
    linkType: 'Join',
    disabled: false,
    immutableTag: '',
    enablePasswordSync: false,
    scopeGroups: fields.template?.scopeGroups ?? [],
    joinGroups: [],
    flows: [fields.flow],
    origin: DRAFT_ORIGIN,
  }
}

function directFlow(source: string, target: string): AttributeFlow {
  return {
    target,
    flowType: 'Direct',
    sources: [source],
    expression: null,
    constant: null,
    mergeType: 'Update',
    applyOnce: false,
  }
}

function scopeNote(template: SyncRule | null): string[] {
  return template
    ? [
        `The new rule is scoped like "${template.name}" and neither joins nor provisions: the standard rules still do.`,
      ]
    : ['No standard rule was found to copy a scope from: the new rule applies to every object of its type.']
}

function newInboundRule(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const { diagnosis, draft, world } = context
  const csObject = world.csObject
  const connectorId = step.connector?.id ?? draft.target.connectorId
  const source = diagnosis.attribute.source ?? draft.target.attribute
  const mvType = mvAfter(context)?.objectType ?? null
  const template = standardTemplate(rulesAfter(context), 'Inbound', connectorId, csObject.objectType, mvType)
  const targetType = mvType ?? (template ? metaverseObjectType(template) : null)
  if (targetType === null) return null
  const mvSchema = context.snapshot.configuration.metaverse?.schema ?? null
  const mvAttribute = schemaAttribute(mvSchema, source) ?? source
  const notes = scopeNote(template)
  if (mvSchema && schemaAttribute(mvSchema, source) === null) {
    notes.push(
      `The metaverse schema has no ${source}: add it (Entra Connect wizard, Directory extensions) or change the rule's target attribute.`,
    )
  }
  const rule = newRule(context, {
    direction: 'Inbound',
    connectorId,
    sourceObjectType: csObject.objectType,
    targetObjectType: targetType,
    template,
    flow: directFlow(source, mvAttribute),
    description: `Drafted by SyncLens: flows ${source} into the metaverse (${diagnosis.verdict} for ${csObject.dn}).`,
  })
  if (!rule) return null
  return {
    change: {
      kind: 'add-rule',
      rule,
      original: null,
      fixes: step.code,
      summary: `New inbound rule "${rule.name}" (precedence ${rule.precedence}) maps ${source} to the metaverse attribute ${mvAttribute}.`,
    },
    notes,
  }
}

/** The Entra ID attribute a metaverse attribute goes to when the target schema has none of that name. */
function freeExtensionAttribute(context: ProposeContext, connectorId: string): string | null {
  const connector = connectorById(context.world.after.connectors, connectorId)
  if (!connector) return null
  const written = new Set(
    rulesAfter(context)
      .filter((rule) => !rule.disabled && rule.direction === 'Inbound')
      .flatMap((rule) => rule.flows.map((flow) => flow.target.toLowerCase())),
  )
  const candidates = connector.schema.attributes
    .map((attribute) => ({
      name: attribute.name,
      number: /^extensionAttribute(\d+)$/i.exec(attribute.name)?.[1],
    }))
    .filter((candidate): candidate is { name: string; number: string } => candidate.number !== undefined)
    .sort((a, b) => Number(b.number) - Number(a.number))
  return candidates.find((candidate) => !written.has(candidate.name.toLowerCase()))?.name ?? null
}

function newOutboundRule(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const { diagnosis } = context
  const mvAttribute = diagnosis.attribute.metaverse
  const mvObject = mvAfter(context)
  const connectorId = targetConnectorId(context, step)
  if (mvAttribute === null || !mvObject || connectorId === null) return null
  const connector = connectorById(context.world.after.connectors, connectorId)
  if (!connector) return null
  const rules = rulesAfter(context)
  const exported = exportAfter(context, connectorId)
  const provisioning = rules.find(
    (rule) =>
      rule.direction === 'Outbound' &&
      rule.connectorId === connectorId &&
      rule.linkType === 'Provision' &&
      !rule.disabled &&
      nameKey(rule.sourceObjectType) === nameKey(mvObject.objectType),
  )
  const csType = exported?.csObject?.objectType ?? provisioning?.targetObjectType ?? null
  const template =
    standardTemplate(rules, 'Outbound', connectorId, csType ?? '', mvObject.objectType) ??
    (csType === null ? null : standardTemplate(rules, 'Outbound', connectorId, csType, null))
  const targetType = csType ?? template?.targetObjectType ?? null
  if (targetType === null) return null
  const notes = scopeNote(template)
  let targetAttribute = schemaAttribute(connector.schema, mvAttribute)
  if (targetAttribute === null) {
    targetAttribute = freeExtensionAttribute(context, connectorId) ?? mvAttribute
    notes.push(
      targetAttribute === mvAttribute
        ? `The schema of "${connector.name}" has no ${mvAttribute}: choose the target attribute, or add it as a directory extension in the Entra Connect wizard.`
        : `The schema of "${connector.name}" has no ${mvAttribute}: the draft sends it to ${targetAttribute}, which no inbound rule fills. Directory extensions (Entra Connect wizard) are the alternative.`,
    )
  }
  const rule = newRule(context, {
    direction: 'Outbound',
    connectorId,
    sourceObjectType: mvObject.objectType,
    targetObjectType: targetType,
    template,
    flow: directFlow(mvAttribute, targetAttribute),
    description: `Drafted by SyncLens: sends the metaverse attribute ${mvAttribute} to "${connector.name}" as ${targetAttribute}.`,
  })
  if (!rule) return null
  return {
    change: {
      kind: 'add-rule',
      rule,
      original: null,
      fixes: step.code,
      summary: `New outbound rule "${rule.name}" (precedence ${rule.precedence}) maps ${mvAttribute} to ${targetAttribute} in "${connector.name}".`,
    },
    notes,
  }
}

/** The rule of the configuration after the draft with this id. */
function ruleAfter(context: ProposeContext, id: string | undefined): SyncRule | null {
  return id === undefined ? null : context.world.after.ruleIndex.rule(id)
}

/** The draft's change to a rule: in place for a custom rule, a copy (original disabled) for an out-of-box one. */
function changeRule(
  context: ProposeContext,
  rule: SyncRule,
  edited: SyncRule,
  code: DiagnosisStep['code'],
  summary: string,
): Proposal | null {
  if (!isStandardRule(rule)) {
    const original =
      context.snapshot.configuration.rules.find((candidate) => candidate.id === rule.id) ?? null
    // A custom rule is changed in place: the summary names it, as the copy's summary names the original.
    const named = summary.includes(`"${rule.name}"`) ? summary : `In "${rule.name}": ${summary}`
    return {
      change: { kind: 'edit-rule', rule: edited, original, fixes: code, summary: named },
      notes: [],
    }
  }
  const rules = rulesAfter(context)
  const precedence = freePrecedence(rules)
  if (precedence === null) return null
  const name = cloneName(rule)
  const clone: SyncRule = {
    ...edited,
    id: draftRuleId(rules, name),
    name,
    description: `Copy of "${rule.name}" drafted by SyncLens. ${summary}`,
    precedence,
    immutableTag: '',
    disabled: false,
    origin: DRAFT_ORIGIN,
  }
  return {
    change: {
      kind: 'clone-rule',
      rule: clone,
      original: rule,
      fixes: code,
      summary: `Copy "${rule.name}" as "${name}" (precedence ${precedence}) and disable the original. ${summary}`,
    },
    notes: [
      `"${rule.name}" is an out-of-box rule: the draft copies it and disables the original, as Microsoft requires. The copy runs before every out-of-box rule; where they map the same attributes it now wins (see the impact).`,
    ],
  }
}

/** Where a flow for the diagnosed attribute sits: the target name in the rule's direction. */
function diagnosedTarget(context: ProposeContext, direction: RuleDirection): string | null {
  return direction === 'Inbound' ? context.diagnosis.attribute.metaverse : context.diagnosis.attribute.target
}

function flowFor(rule: SyncRule, target: string | null, source: string | null): AttributeFlow | null {
  if (target !== null) {
    const byTarget = rule.flows.find((flow) => nameKey(flow.target) === nameKey(target))
    if (byTarget) return byTarget
  }
  if (source === null) return null
  return rule.flows.find((flow) => flow.sources.some((name) => nameKey(name) === nameKey(source))) ?? null
}

function disabledRule(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const direction = directionOf(step)
  const { diagnosis, draft, world } = context
  const source =
    direction === 'Inbound'
      ? (diagnosis.attribute.source ?? draft.target.attribute)
      : diagnosis.attribute.metaverse
  const rule =
    ruleAfter(context, step.rule?.id) ??
    (direction === 'Inbound'
      ? (rulesFor(
          rulesAfter(context),
          'Inbound',
          draft.target.connectorId,
          world.csObject.objectType,
          null,
        ).find((candidate) => candidate.disabled && flowFor(candidate, null, source) !== null) ?? null)
      : null)
  if (!rule) return null
  if (!isStandardRule(rule)) {
    return changeRule(context, rule, { ...rule, disabled: false }, step.code, `Enable "${rule.name}".`)
  }
  const flow = flowFor(rule, diagnosedTarget(context, direction), source)
  if (!flow) return null
  const clone = findClone(rulesAfter(context), rule)
  if (clone) {
    const edited: SyncRule = {
      ...clone,
      flows: [...clone.flows.filter((existing) => nameKey(existing.target) !== nameKey(flow.target)), flow],
    }
    return {
      change: {
        kind: 'edit-rule',
        rule: edited,
        original: context.snapshot.configuration.rules.find((candidate) => candidate.id === clone.id) ?? null,
        fixes: step.code,
        summary: `Add the ${flow.target} mapping of the disabled "${rule.name}" to its enabled copy "${clone.name}".`,
      },
      notes: [
        `"${rule.name}" is disabled and "${clone.name}" replaces it without the ${flow.target} mapping: the draft adds the mapping to the copy instead of enabling the original.`,
      ],
    }
  }
  const csType = direction === 'Inbound' ? rule.sourceObjectType : rule.targetObjectType
  const created = newRule(context, {
    direction,
    connectorId: rule.connectorId,
    sourceObjectType: rule.sourceObjectType,
    targetObjectType: rule.targetObjectType,
    template: rule,
    flow,
    description: `Drafted by SyncLens: the ${flow.target} mapping of the disabled out-of-box rule "${rule.name}".`,
  })
  if (!created) return null
  return {
    change: {
      kind: 'add-rule',
      rule: created,
      original: null,
      fixes: step.code,
      summary: `New ${direction.toLowerCase()} rule "${created.name}" (precedence ${created.precedence}) carries the ${flow.target} mapping of the disabled "${rule.name}" for ${csType} objects.`,
    },
    notes: [`"${rule.name}" stays disabled; the new rule carries only this mapping, with the same scope.`],
  }
}

function scopeChange(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const rule = ruleAfter(context, step.rule?.id)
  if (!rule) return null
  const scope =
    rule.direction === 'Inbound'
      ? importAfter(context).rules.find((candidate) => candidate.rule.id === rule.id)?.scope
      : exportAfter(context, rule.connectorId)?.rules.find((candidate) => candidate.rule.id === rule.id)
          ?.scope
  if (!scope || scope.inScope) return null
  const ranked = scope.groups
    .map((group, index) => ({
      index,
      failing: group.clauses.filter((clause) => !clause.result).map((clause) => clause.clause),
    }))
    .sort((a, b) => a.failing.length - b.failing.length || a.index - b.index)
  const chosen = ranked[0]
  if (!chosen) return null
  const group = rule.scopeGroups[chosen.index]
  if (!group) return null
  const kept = group.clauses.filter((clause) => !chosen.failing.includes(clause))
  const scopeGroups: ScopeGroup[] =
    kept.length === 0
      ? []
      : rule.scopeGroups.map((existing, index) => (index === chosen.index ? { clauses: kept } : existing))
  const dropped = chosen.failing.map(
    (clause) => `${clause.attribute} ${clause.operator}${clause.value === '' ? '' : ` ${clause.value}`}`,
  )
  const summary =
    kept.length === 0
      ? `Drop the scoping filter (${dropped.join(' AND ')} fails for this object), so the rule applies to every ${rule.sourceObjectType} object.`
      : `Drop the failing clause${dropped.length > 1 ? 's' : ''} ${dropped.join(' AND ')} from scope group ${chosen.index + 1}.`
  const proposal = changeRule(context, rule, { ...rule, scopeGroups }, step.code, summary)
  if (!proposal) return null
  return {
    ...proposal,
    notes: [
      ...proposal.notes,
      `Dropping a scoping clause widens the rule to every object it let through before plus those it kept out: narrow the clause instead if only some should enter (see the impact).`,
    ],
  }
}

/**
 * OUT_OF_SYNC_SCOPE: the join or provisioning rule that let the object in now has it out of scope. The draft
 * widens that rule's scope in a copy, like RULE_OUT_OF_SCOPE, and says that the usual cause is a change on the
 * object (an opt-out marker such as adminDescription User_...), which is better undone there.
 */
function syncScopeChange(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const proposal = scopeChange(step, context)
  if (!proposal) return null
  const clause = step.clause
  const marker = clause
    ? `${clause.attribute} ${clause.operator}${clause.value === '' ? '' : ` ${clause.value}`}`
    : 'its scoping filter'
  return {
    ...proposal,
    notes: [
      ...proposal.notes,
      `The object leaves synchronization because it no longer passes ${marker} of the rule that joins or provisions it. When that filter is a deliberate opt-out (adminDescription User_..., a service-account marker), undo the change on the object instead: the drafted copy lets every opted-out object of its type back in.`,
    ],
  }
}

/** Rules of the same kind as `moved` whose relative order with it changes, counted by shared target attribute. */
function orderFlips(rules: readonly SyncRule[], moved: SyncRule, to: number, except: string): number {
  const low = Math.min(moved.precedence, to)
  const high = Math.max(moved.precedence, to)
  const targets = new Set(
    moved.flows.map((flow) => nameKey(flow.target)).filter((target) => target !== nameKey(except)),
  )
  return rules
    .filter(
      (rule) =>
        rule.id !== moved.id &&
        !rule.disabled &&
        rule.direction === moved.direction &&
        rule.precedence > low &&
        rule.precedence < high &&
        nameKey(metaverseObjectType(rule)) === nameKey(metaverseObjectType(moved)) &&
        (moved.direction === 'Inbound' || rule.connectorId === moved.connectorId),
    )
    .reduce((count, rule) => count + rule.flows.filter((flow) => targets.has(nameKey(flow.target))).length, 0)
}

function precedenceChange(step: DiagnosisStep, context: ProposeContext): Proposal | null {
  const direction = directionOf(step)
  const { diagnosis } = context
  const target = diagnosedTarget(context, direction)
  const source = direction === 'Inbound' ? diagnosis.attribute.source : diagnosis.attribute.metaverse
  if (target === null) return null
  const rows =
    direction === 'Inbound'
      ? importAfter(context).rows.filter((row) => nameKey(row.mvAttribute) === nameKey(target))
      : (exportAfter(context, targetConnectorId(context, step) ?? '')?.rows ?? []).filter(
          (row) => nameKey(row.csAttribute) === nameKey(target),
        )
  const loserRow = rows.find(
    (row) =>
      row.status === 'overridden' &&
      (source === null || row.sourceValues.some((value) => nameKey(value.attribute) === nameKey(source))),
  )
  const loser = ruleAfter(context, loserRow?.rule.id)
  const winner = ruleAfter(context, loserRow?.overriddenBy?.id ?? step.rule?.id)
  if (!loser || !winner || loser.id === winner.id) return null
  const rules = rulesAfter(context)
  const ignoring = new Set([winner.id, loser.id])
  const candidates: { moved: SyncRule; to: number; flips: number }[] = []
  if (!isStandardRule(winner)) {
    const to = freePrecedenceAbove(rules, loser.precedence, CUSTOM_PRECEDENCE_LIMIT, ignoring)
    if (to !== null) candidates.push({ moved: winner, to, flips: orderFlips(rules, winner, to, target) })
  }
  const before = freePrecedence(rules, winner.precedence, ignoring)
  if (before !== null)
    candidates.push({ moved: loser, to: before, flips: orderFlips(rules, loser, before, target) })
  const best = candidates.sort((a, b) => a.flips - b.flips)[0]
  if (!best) return null
  const summary =
    best.moved === winner
      ? `Move "${winner.name}" from precedence ${winner.precedence} to ${best.to}, after "${loser.name}" (${loser.precedence}), so that ${target} comes from "${loser.name}".`
      : `Move "${loser.name}" from precedence ${loser.precedence} to ${best.to}, before "${winner.name}" (${winner.precedence}), so that it supplies ${target}.`
  const proposal = changeRule(context, best.moved, { ...best.moved, precedence: best.to }, step.code, summary)
  if (!proposal) return null
  const others =
    best.flips === 0 ? 'no other attribute changes hands' : `${best.flips} other mapping(s) change order`
  return {
    ...proposal,
    notes: [
      ...proposal.notes,
      `Precedence applies to every attribute of a rule: with this move ${others} (see the impact).`,
    ],
  }
}

/** The flow rows of the diagnosed attribute after the drafted changes, in the step's direction. */
function rowsAfter(
  context: ProposeContext,
  step: DiagnosisStep,
): readonly {
  readonly rule: { readonly id: string }
  readonly status: string
  readonly overriddenBy: { readonly id: string } | null
  readonly sourceValues: readonly { readonly attribute: string; readonly values: readonly string[] }[]
  readonly target: string
}[] {
  const direction = directionOf(step)
  const target = diagnosedTarget(context, direction)
  if (target === null) return []
  if (direction === 'Inbound') {
    return importAfter(context)
      .rows.filter((row) => nameKey(row.mvAttribute) === nameKey(target))
      .map((row) => ({ ...row, target: row.mvAttribute }))
  }
  const connectorId = targetConnectorId(context, step)
  return (connectorId === null ? [] : (exportAfter(context, connectorId)?.rows ?? []))
    .filter((row) => nameKey(row.csAttribute) === nameKey(target))
    .map((row) => ({ ...row, target: row.csAttribute }))
}

function flowChange(
  step: DiagnosisStep,
  context: ProposeContext,
  how: 'direct' | 'apply-always',
): Proposal | null {
  const rows = rowsAfter(context, step)
  const own = rows.find((row) => row.rule.id === step.rule?.id)
  // "X also maps it, but Y blanks it first": the rule to change is Y, the one that decides.
  const decidingId = own?.status === 'overridden' ? (own.overriddenBy?.id ?? step.rule?.id) : step.rule?.id
  const rule = ruleAfter(context, decidingId)
  if (!rule) return null
  const direction = rule.direction
  const { diagnosis } = context
  const source = direction === 'Inbound' ? diagnosis.attribute.source : diagnosis.attribute.metaverse
  const asked = diagnosedTarget(context, direction)
  const flow =
    flowFor(rule, step.code === 'EXPRESSION_ERROR' ? null : asked, null) ??
    (step.code === 'EXPRESSION_ERROR'
      ? (rule.flows.find((candidate) => candidate.flowType === 'Expression') ?? null)
      : null)
  if (!flow) return null
  let edited: AttributeFlow
  let summary: string
  if (how === 'apply-always') {
    edited = { ...flow, applyOnce: false }
    summary = `Clear Apply Once on the ${flow.target} mapping, so that later changes flow too.`
  } else {
    const asSource = asked !== null && nameKey(flow.target) === nameKey(asked) ? source : null
    const from = asSource ?? (flow.sources.length === 1 ? (flow.sources[0] ?? null) : null)
    if (from === null) return null
    // Without a value to carry, a direct mapping changes nothing: the break is in the data, not the rule.
    const carried = rows.some((row) =>
      row.sourceValues.some((value) => nameKey(value.attribute) === nameKey(from) && value.values.length > 0),
    )
    const held = direction === 'Inbound' ? context.world.csObject : null
    const holds = held?.synchronized?.attributes.some(
      (attribute) => nameKey(attribute.name) === nameKey(from) && attribute.values.length > 0,
    )
    const mvHolds = mvAfter(context)?.attributes.some(
      (attribute) => nameKey(attribute.name) === nameKey(from) && attribute.values.length > 0,
    )
    if (!carried && !(direction === 'Inbound' ? holds : mvHolds)) return null
    edited = { ...flow, flowType: 'Direct', sources: [from], expression: null, constant: null }
    summary = `Map ${from} to ${flow.target} directly instead of the expression ${JSON.stringify(flow.expression ?? flow.constant ?? '')}; edit the expression instead to keep its checks.`
  }
  const changed: SyncRule = {
    ...rule,
    flows: rule.flows.map((existing) => (existing === flow ? edited : existing)),
  }
  const proposal = changeRule(context, rule, changed, step.code, summary)
  if (!proposal) return null
  const why =
    how === 'apply-always'
      ? 'Apply Once was chosen so the cloud keeps later changes; without it the directory value overwrites them at every synchronization.'
      : `${ruleLabel({ id: rule.id, name: rule.name, precedence: rule.precedence })} decides on purpose with its expression; a direct mapping drops that decision for every object it applies to (see the impact).`
  return { ...proposal, notes: [...proposal.notes, why] }
}
