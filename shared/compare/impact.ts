/**
 * The effect on objects of replacing A's configuration with B's: for every object, what Entra ID would hold
 * after a synchronization under each configuration. Only what the configuration differences can change is
 * evaluated, unless an object's source data differs between the snapshots, when everything is.
 */
import { ComparisonCancelled, type ImpactProgress } from './cancelled'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { AbortSignalLike } from '../model/cancel'
import type { CsObject, MvObject } from '../model/objects'
import type { AttributeTally, Impact, ImpactCounts, ObjectImpact } from './compare-model'
import type { ConfigurationMatch } from './config-compare'
import { evaluateLinked, evaluateUnlinked, type UnitOutcome } from './evaluate-unit'
import { type ImpactPlan, impactPlan } from './impact-plan'
import { outcomeChange } from './outcome-diff'
import { sameSourceData } from './same-data'
import type { EvaluationSide } from './side-context'
import {
  linkedObjects,
  type MvAttributeSelection,
  objectKey,
  sideUnits,
  type SideUnits,
  type UnitRef,
} from './units'

export { ComparisonCancelled, type ImpactProgress } from './cancelled'

/** Options of `computeImpact`. */
export interface ImpactOptions {
  readonly onProgress?: (progress: ImpactProgress) => void
  readonly signal?: AbortSignalLike
  /**
   * Lets other work run between slices of objects (a cancel message in a worker): the host passes a macrotask
   * yield (setImmediate, a zero timeout). Without it the computation runs to the end in one go.
   */
  readonly pause?: () => Promise<void>
  /** The clock of `Now()` in expressions, the same for both configurations. */
  readonly now?: () => Date
}

/** Objects evaluated between two progress reports and pauses. */
const SLICE = 250

/**
 * Computes the impact of B's configuration over A's on every object, in slices: progress is reported and
 * the signal checked between slices, and `pause` lets a worker receive a cancel message.
 */
export async function computeImpact(
  a: LoadedSnapshot,
  b: LoadedSnapshot,
  match: ConfigurationMatch,
  options: ImpactOptions = {},
): Promise<Impact> {
  const started = Date.now()
  const fixedNow = new Date()
  const now = options.now ?? (() => fixedNow)
  const plan = impactPlan(a, b, match, now)
  if (plan === null) return emptyImpact(started)
  const checkCancel = (): void => {
    if (options.signal?.aborted) throw new ComparisonCancelled()
  }
  const beforeUnits = sideUnits(plan.beforeKeying)
  const afterUnits = plan.mode === 'own-objects' ? sideUnits(plan.afterKeying) : beforeUnits
  const work = pairUnits(plan, beforeUnits, afterUnits)
  const objects: ObjectImpact[] = []
  let dataDiffers = 0
  for (let start = 0; start < work.length; start += SLICE) {
    checkCancel()
    for (const [left, right] of work.slice(start, start + SLICE)) {
      const result = compareUnit(plan, left, right)
      if (result.dataDiffers) dataDiffers += 1
      if (result.impact) objects.push(result.impact)
    }
    options.onProgress?.({
      done: Math.min(start + SLICE, work.length),
      total: work.length,
      elapsedMs: Date.now() - started,
    })
    if (options.pause) await options.pause()
  }
  checkCancel()
  return finishImpact(plan, work, objects, dataDiffers, started)
}

type UnitPair = readonly [UnitRef | null, UnitRef | null]

/**
 * The units to compare: in one snapshot, each unit with itself; in two, units paired by key. Unlinked
 * objects are compared only where one side links them or joins may change.
 */
function pairUnits(plan: ImpactPlan, before: SideUnits, after: SideUnits): readonly UnitPair[] {
  if (plan.mode !== 'own-objects') return before.units.map((unit) => [unit, unit] as const)
  const pairs: UnitPair[] = []
  for (const unit of before.units) {
    const partner = after.byKey.get(unit.key) ?? null
    if (unit.kind === 'unlinked' && (partner === null || partner.kind === 'unlinked') && !plan.scope.linking)
      continue
    pairs.push([unit, partner])
  }
  for (const unit of after.units) {
    if (before.byKey.has(unit.key)) continue
    if (unit.kind === 'unlinked' && !plan.scope.linking) continue
    pairs.push([null, unit])
  }
  return pairs
}

interface UnitData {
  readonly unit: UnitRef
  readonly mvObject: MvObject | null
  readonly connected: readonly CsObject[]
}

function unitData(
  evaluation: EvaluationSide,
  unit: UnitRef,
  selection: MvAttributeSelection | null,
): UnitData {
  if (unit.kind === 'linked') return { unit, ...linkedObjects(evaluation.store, unit, selection) }
  return { unit, mvObject: null, connected: [evaluation.store.csObjectAt(unit.csRow)] }
}

function evaluate(evaluation: EvaluationSide, data: UnitData, full: boolean): UnitOutcome | null {
  if (data.mvObject !== null) return evaluateLinked(data.mvObject, data.connected, evaluation, full)
  const [object] = data.connected
  return object ? evaluateUnlinked(object, evaluation) : null
}

function compareUnit(
  plan: ImpactPlan,
  left: UnitRef | null,
  right: UnitRef | null,
): { readonly impact: ObjectImpact | null; readonly dataDiffers: boolean } {
  let beforeData = left === null ? null : unitData(plan.before, left, plan.mvSelection)
  let afterData =
    right === null
      ? null
      : plan.mode !== 'own-objects' && right === left
        ? beforeData
        : unitData(plan.after, right, plan.mvSelection)
  const dataDiffers =
    plan.mode === 'own-objects' &&
    beforeData !== null &&
    afterData !== null &&
    !sameSourceData(
      beforeData,
      afterData,
      (object) => objectKey(plan.beforeKeying, object),
      (object) => objectKey(plan.afterKeying, object),
    )
  if (plan.scope.empty && !dataDiffers && beforeData !== null && afterData !== null) {
    return { impact: null, dataDiffers }
  }
  if (dataDiffers && plan.mvSelection !== null) {
    beforeData = left === null ? null : unitData(plan.before, left, null)
    afterData = right === null ? null : unitData(plan.after, right, null)
  }
  const before = beforeData === null ? null : evaluate(plan.before, beforeData, dataDiffers)
  const after = afterData === null ? null : evaluate(plan.after, afterData, dataDiffers)
  const change = outcomeChange(before, after, {
    a: "the object is not in A's connector spaces.",
    b: "the object is not in B's connector spaces.",
  })
  if (change === null) return { impact: null, dataDiffers }
  const shown = afterData ?? beforeData
  const evaluation = afterData ? plan.after : plan.before
  const source =
    shown?.connected.find((object) => object.connectorId !== evaluation.targetConnectorId) ??
    shown?.connected[0]
  return {
    dataDiffers,
    impact: {
      key: (right ?? left)?.key ?? '',
      dn: source?.dn ?? '',
      connector: source
        ? (evaluation.full.connectorOf(source)?.name ?? source.connectorName ?? source.connectorId ?? '')
        : '',
      objectType: shown?.mvObject?.objectType ?? source?.objectType ?? '',
      event: change.event,
      reason: change.reason,
      changes: change.changes,
      dataDiffers,
      aMvId: beforeData?.mvObject?.id ?? null,
      bMvId: afterData?.mvObject?.id ?? null,
    },
  }
}

const EVENT_ORDER: Readonly<Record<ObjectImpact['event'], number>> = {
  deleted: 0,
  provisioned: 1,
  changed: 2,
  disconnected: 3,
}

function finishImpact(
  plan: ImpactPlan,
  work: readonly UnitPair[],
  objects: ObjectImpact[],
  dataDiffers: number,
  started: number,
): Impact {
  objects.sort(
    (left, right) => EVENT_ORDER[left.event] - EVENT_ORDER[right.event] || left.dn.localeCompare(right.dn),
  )
  const tally = new Map<string, AttributeTally>()
  for (const object of objects) {
    for (const change of object.changes) {
      const key = change.attribute.toLowerCase()
      const entry = tally.get(key)
      tally.set(key, { attribute: entry?.attribute ?? change.attribute, objects: (entry?.objects ?? 0) + 1 })
    }
  }
  const count = (event: ObjectImpact['event']): number =>
    objects.filter((object) => object.event === event).length
  const counts: ImpactCounts = {
    objectsCompared: work.length,
    changed: count('changed'),
    provisioned: count('provisioned'),
    deleted: count('deleted'),
    disconnected: count('disconnected'),
    attributeChanges: objects.reduce((sum, object) => sum + object.changes.length, 0),
    dataDiffers,
    onlyInA: plan.mode === 'own-objects' ? work.filter(([, right]) => right === null).length : 0,
    onlyInB: plan.mode === 'own-objects' ? work.filter(([left]) => left === null).length : 0,
  }
  const target =
    plan.after.targetConnectorId === null
      ? null
      : (plan.after.full.connector(plan.after.targetConnectorId)?.name ?? plan.after.targetConnectorId)
  return {
    mode: plan.mode,
    basis: plan.basis,
    target,
    counts,
    byAttribute: [...tally.values()].sort(
      (left, right) => right.objects - left.objects || left.attribute.localeCompare(right.attribute),
    ),
    objects,
    caveats: plan.caveats,
    elapsedMs: Date.now() - started,
  }
}

function emptyImpact(started: number): Impact {
  return {
    mode: 'none',
    basis:
      'Neither snapshot holds objects (connector spaces or a metaverse export), so no impact can be computed.',
    target: null,
    counts: {
      objectsCompared: 0,
      changed: 0,
      provisioned: 0,
      deleted: 0,
      disconnected: 0,
      attributeChanges: 0,
      dataDiffers: 0,
      onlyInA: 0,
      onlyInB: 0,
    },
    byAttribute: [],
    objects: [],
    caveats: [],
    elapsedMs: Date.now() - started,
  }
}
