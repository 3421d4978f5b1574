/**
 * What the next synchronization would do to one metaverse object after a configuration change, simulated in
 * memory: the import flows of its connected objects and the export flows to each target run under the
 * configuration before and after the change, and every value the change moves (and only those) is written
 * into copies of the metaverse object and the target connector-space objects, as a full synchronization,
 * export and confirming import would leave them. States the change does not touch (a pending export, a
 * metaverse not synchronized since an unrelated change, an export error) stay as the snapshot has them, so a
 * preview shows the effect of the change and nothing else.
 */
import {
  cachedRuleIndex,
  computedMvObject,
  exportFlow,
  type ExportTarget,
  importFlow,
  type ImportFlowResult,
  type MvAttributeLookup,
  type Resolution,
  type RuleIndex,
} from '../engine/index'
import type { Connector } from '../model/connector'
import type { Attribute, CsObject, Entry, MvAttribute, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import type { SyncRule } from '../model/sync-rule'
import { nameKey } from './names'
import { memoIndex, overlayIndex } from './overlay-index'

/** A configuration the engine runs: rules, connectors and their index. */
export interface EngineConfig {
  readonly rules: readonly SyncRule[]
  readonly connectors: readonly Connector[]
  readonly ruleIndex: RuleIndex
}

/** The engine configuration of these rules and connectors (the index is built once per pair of arrays). */
export function engineConfig(rules: readonly SyncRule[], connectors: readonly Connector[]): EngineConfig {
  return { rules, connectors, ruleIndex: cachedRuleIndex(rules, connectors) }
}

/** Values assumed for an attribute the change selects on a connector: the snapshot cannot hold them. */
export interface StandIn {
  readonly attribute: string
  readonly values: readonly string[]
}

/** One value the change moves: in the metaverse, or in a target connector space after export. */
export interface MovedValue {
  readonly where: 'metaverse' | 'target'
  /** The target connector (null in the metaverse). */
  readonly connectorId: string | null
  readonly connectorName: string | null
  readonly attribute: string
  /** What the rules give before the change. */
  readonly before: readonly string[]
  /** What they give after it. */
  readonly after: readonly string[]
}

/** The simulated state after the change for one object. */
export interface SimulatedSync {
  /** The snapshot's objects with the simulated ones in their place. */
  readonly index: ObjectIndex
  /** The asked connector-space object with its stand-in values (the snapshot's object when there are none). */
  readonly csObject: CsObject | null
  readonly mvObject: MvObject | null
  readonly moved: readonly MovedValue[]
  /** The sync error the object would raise after the change (nothing is then written), else null. */
  readonly syncError: string | null
}

/** What a simulation needs. */
export interface SimulationInput {
  readonly objects: ObjectIndex
  readonly before: EngineConfig
  readonly after: EngineConfig
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
  /** Values the asked object is assumed to hold for attributes the change selects on its connector. */
  readonly standIns?: readonly StandIn[]
  /**
   * Which connected objects' import flows can change (default: all). The impact count leaves out the objects of
   * connectors whose rules write no attribute the change touches.
   */
  readonly importing?: (csObject: CsObject) => boolean
  /**
   * True when the change leaves every outbound rule and export selection as it was: the exports can then change
   * only where the metaverse does, and an object whose metaverse values stay is done after its imports.
   */
  readonly outboundUnchanged?: boolean
}

/** Simulates the change for the metaverse object of a connector-space object (or the object alone when unlinked). */
export function simulateObject(input: SimulationInput, csObject: CsObject): SimulatedSync {
  const patched = withStandIns(csObject, input.standIns ?? [])
  const mvObjectId = csObject.mvLink?.mvObjectId ?? null
  const connected =
    mvObjectId === null ? [csObject] : withFirst(csObject, input.objects.connectedCsObjects(mvObjectId))
  return simulate(input, connected, patched === csObject ? [] : [patched], mvObjectId, patched)
}

/** Simulates the change for one metaverse object and every connector-space object linked to it. */
export function simulateMvObject(input: SimulationInput, mvObjectId: string): SimulatedSync {
  return simulate(input, input.objects.connectedCsObjects(mvObjectId), [], mvObjectId, null)
}

function withFirst(first: CsObject, others: readonly CsObject[]): readonly CsObject[] {
  return [first, ...others.filter((object) => object.id !== first.id)]
}

function simulate(
  input: SimulationInput,
  connected: readonly CsObject[],
  patchedSources: readonly CsObject[],
  mvObjectId: string | null,
  asked: CsObject | null,
): SimulatedSync {
  const { before, after } = input
  const objects = memoIndex(input.objects)
  const sourceIndex = overlayIndex(objects, patchedSources, [])
  const patchedById = new Map(patchedSources.map((object) => [object.id, object]))
  const options = (ruleIndex: RuleIndex, index: ObjectIndex) => ({
    ruleIndex,
    index,
    ...(input.mvLookup ? { mvLookup: input.mvLookup } : {}),
    ...(input.now ? { now: input.now } : {}),
  })
  const importing = input.importing ? connected.filter(input.importing) : connected
  const flowsBefore = importing.map((object) => importFlow(object, options(before.ruleIndex, objects)))
  const flowsAfter = importing.map((object) =>
    importFlow(patchedById.get(object.id) ?? object, options(after.ruleIndex, sourceIndex)),
  )
  const errorBefore = flowsBefore.find((flow) => flow.syncError)?.syncError ?? null
  const errorAfter = flowsAfter.find((flow) => flow.syncError)?.syncError ?? null
  const stored = mvObjectId === null ? null : objects.mvObject(mvObjectId)
  const baseMv =
    mvObjectId === null
      ? null
      : objects.metaverseSource === 'exported'
        ? stored
        : computedMvObject(flowsBefore, before.ruleIndex, stored)
  const moved: MovedValue[] = []
  let mvObject = baseMv
  if (baseMv && !errorAfter) {
    const { object, changes } = applyImports(baseMv, flowsBefore, flowsAfter, errorBefore !== null)
    mvObject = object
    for (const change of changes) moved.push(change)
  }
  const targets: CsObject[] = []
  const exportsMove = !(input.outboundUnchanged === true && mvObject === baseMv)
  if (baseMv && mvObject && !errorAfter && exportsMove) {
    const connectorIds = new Set([
      ...before.ruleIndex.outboundConnectors(baseMv.objectType),
      ...after.ruleIndex.outboundConnectors(mvObject.objectType),
    ])
    const exportIndex = overlayIndex(sourceIndex, [], [mvObject])
    for (const connectorId of connectorIds) {
      const targetBefore = exportFlow(baseMv, {
        ...options(before.ruleIndex, objects),
        targetConnectorId: connectorId,
      }).targets[0]
      const targetAfter = exportFlow(mvObject, {
        ...options(after.ruleIndex, exportIndex),
        targetConnectorId: connectorId,
      }).targets[0]
      if (!targetBefore || !targetAfter) continue
      const selectedBefore = before.ruleIndex.selected(connectorId)
      const selectedAfter = after.ruleIndex.selected(connectorId)
      // An attribute the change selects for export reached the target before only if nothing was selected.
      const newlySelected = (key: string): boolean =>
        selectedBefore.size > 0 &&
        !selectedBefore.has(key) &&
        (selectedAfter.size === 0 || selectedAfter.has(key))
      const applied = applyExports(targetBefore, targetAfter, objects, newlySelected)
      if (applied.object) targets.push(applied.object)
      for (const change of applied.changes) moved.push(change)
    }
  }
  const finalIndex = overlayIndex(
    objects,
    [...patchedSources, ...targets.filter((target) => !patchedById.has(target.id))],
    mvObject && mvObject !== baseMv ? [mvObject] : [],
  )
  return {
    index: finalIndex,
    csObject: asked,
    mvObject,
    moved,
    syncError: errorAfter ? errorAfter.message : null,
  }
}

/** The connector-space object with the stand-in values added to its synchronized state. */
function withStandIns(csObject: CsObject, standIns: readonly StandIn[]): CsObject {
  if (standIns.length === 0) return csObject
  const entry: Entry = csObject.synchronized ?? {
    dn: csObject.dn,
    primaryObjectClass: csObject.objectType,
    objectClasses: [csObject.objectType],
    anchor: csObject.anchor,
    attributes: [],
  }
  let attributes = entry.attributes
  for (const standIn of standIns) attributes = withValues(attributes, standIn.attribute, standIn.values)
  return { ...csObject, synchronized: { ...entry, attributes } }
}

function withValues<A extends Attribute>(
  attributes: readonly A[],
  name: string,
  values: readonly string[],
  make: (existing: A | undefined, values: readonly string[]) => A = (existing, next) =>
    ({
      ...(existing ?? { name, type: 'String' }),
      multiValued: existing?.multiValued ?? next.length > 1,
      values: next,
    }) as A,
): readonly A[] {
  const key = nameKey(name)
  const existing = attributes.find((attribute) => nameKey(attribute.name) === key)
  const others = attributes.filter((attribute) => nameKey(attribute.name) !== key)
  return values.length === 0 ? others : [...others, make(existing, values)]
}

/** Every metaverse attribute the connected objects' rules write, resolved, the first object's answer first. */
function resolutions(
  flows: readonly ImportFlowResult[],
): Map<string, { name: string; resolution: Resolution }> {
  const byName = new Map<string, { name: string; resolution: Resolution }>()
  for (const flow of flows) {
    for (const attribute of flow.attributes) {
      const key = nameKey(attribute.mvAttribute)
      if (!byName.has(key)) byName.set(key, { name: attribute.mvAttribute, resolution: attribute.resolution })
    }
  }
  return byName
}

/** The values an attribute ends with under a resolution, given what it holds now. */
export function resolvedValues(resolution: Resolution, current: readonly string[]): readonly string[] {
  switch (resolution.kind) {
    case 'value':
      return resolution.values
    case 'none':
    case 'authoritative-null':
      return []
    case 'keep-existing':
    case 'error':
      return current
  }
}

/** Same values, in any order. */
export function sameValueSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sorted = [...b].sort()
  return [...a].sort().every((value, index) => value === sorted[index])
}

function applyImports(
  baseMv: MvObject,
  flowsBefore: readonly ImportFlowResult[],
  flowsAfter: readonly ImportFlowResult[],
  failedBefore: boolean,
): { object: MvObject; changes: MovedValue[] } {
  const resolvedBefore = resolutions(flowsBefore)
  const resolvedAfter = resolutions(flowsAfter)
  const current = new Map(baseMv.attributes.map((attribute) => [nameKey(attribute.name), attribute]))
  const changes: MovedValue[] = []
  let attributes: readonly MvAttribute[] = baseMv.attributes
  for (const key of new Set([...resolvedBefore.keys(), ...resolvedAfter.keys()])) {
    const held = current.get(key)
    if (held?.type === 'Reference') continue
    const name = resolvedAfter.get(key)?.name ?? resolvedBefore.get(key)?.name ?? key
    const heldValues = held?.values ?? []
    const beforeResolution = resolvedBefore.get(key)?.resolution ?? { kind: 'none' }
    const afterResolution = resolvedAfter.get(key)?.resolution ?? { kind: 'none' }
    // A sync error before the change kept every metaverse value: the first synchronization after it writes all.
    const valuesBefore = failedBefore ? heldValues : resolvedValues(beforeResolution, heldValues)
    const valuesAfter = resolvedValues(afterResolution, heldValues)
    if (sameValueSet(valuesBefore, valuesAfter)) continue
    changes.push({
      where: 'metaverse',
      connectorId: null,
      connectorName: null,
      attribute: name,
      before: valuesBefore,
      after: valuesAfter,
    })
    const from = afterResolution.kind === 'value' ? (afterResolution.from[0]?.name ?? null) : null
    attributes = withValues(attributes, name, valuesAfter, (existing, values) => ({
      name: existing?.name ?? name,
      type: existing?.type ?? 'String',
      multiValued: existing?.multiValued ?? values.length > 1,
      values,
      lineage: values.map(() => ({
        lineageId: null,
        connectorId: null,
        connectorName: null,
        syncRuleName: from,
        time: null,
      })),
    }))
  }
  return { object: changes.length === 0 ? baseMv : { ...baseMv, attributes }, changes }
}

function applyExports(
  before: ExportTarget,
  after: ExportTarget,
  objects: ObjectIndex,
  newlySelected: (key: string) => boolean,
): { object: CsObject | null; changes: MovedValue[] } {
  const target = after.csObject ? objects.csObject(after.csObject.id) : null
  const holdsNow = (attribute: string): readonly string[] => {
    if (!target?.synchronized) return []
    const key = nameKey(attribute)
    return target.synchronized.attributes.find((candidate) => nameKey(candidate.name) === key)?.values ?? []
  }
  const resolvedBefore = new Map(before.attributes.map((entry) => [nameKey(entry.csAttribute), entry]))
  const resolvedAfter = new Map(after.attributes.map((entry) => [nameKey(entry.csAttribute), entry]))
  const changes: MovedValue[] = []
  let attributes = target?.synchronized?.attributes ?? []
  for (const key of new Set([...resolvedBefore.keys(), ...resolvedAfter.keys()])) {
    if (key === 'dn') continue
    const name = resolvedAfter.get(key)?.csAttribute ?? resolvedBefore.get(key)?.csAttribute ?? key
    const current = holdsNow(name)
    const existing = target?.synchronized?.attributes.find((attribute) => nameKey(attribute.name) === key)
    if (existing?.type === 'Reference') continue
    const valuesBefore = newlySelected(key)
      ? current
      : resolvedValues(resolvedBefore.get(key)?.resolution ?? { kind: 'none' }, current)
    const valuesAfter = resolvedValues(resolvedAfter.get(key)?.resolution ?? { kind: 'none' }, current)
    if (sameValueSet(valuesBefore, valuesAfter)) continue
    changes.push({
      where: 'target',
      connectorId: after.connector.id,
      connectorName: after.connector.name,
      attribute: name,
      before: valuesBefore,
      after: valuesAfter,
    })
    attributes = withValues(attributes, name, valuesAfter)
  }
  if (!target?.synchronized || changes.length === 0) return { object: null, changes }
  return { object: { ...target, synchronized: { ...target.synchronized, attributes } }, changes }
}
