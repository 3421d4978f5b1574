/**
 * What-if preview of a draft for its object: the draft applied to an in-memory copy of the configuration, the
 * next synchronization simulated (sync-simulation.ts), and the object's whole path diagnosed and reported before
 * and after, as the Attribute Flow pages would show them.
 */
import {
  type Diagnosis,
  diagnoseAttribute,
  type MvAttributeLookup,
  type ObjectReport,
  objectReport,
} from '../engine/index'
import { engineContext } from '../engine/engine-context'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { CsObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { applyDraft, type FixDraft, type SelectionChange } from './draft'
import {
  type EngineConfig,
  engineConfig,
  type MovedValue,
  type SimulatedSync,
  simulateObject,
  type StandIn,
} from './sync-simulation'

/** What drafting and previewing need of a snapshot. */
export interface FixSnapshot {
  readonly configuration: ServerConfiguration
  readonly objects: ObjectIndex
  readonly mvLookup?: MvAttributeLookup
  readonly now?: () => Date
}

/** The fix view of a loaded snapshot (its metaverse lookup included, for joins of unlinked objects). */
export function fixSnapshot(snapshot: LoadedSnapshot, now?: () => Date): FixSnapshot {
  return {
    configuration: snapshot.configuration,
    objects: snapshot.objects,
    mvLookup: engineContext(snapshot).mvLookup,
    ...(now ? { now } : {}),
  }
}

/** One side of a preview: the diagnosis of the asked attribute and the object's whole report. */
export interface PreviewSide {
  readonly diagnosis: Diagnosis
  readonly report: ObjectReport
}

/** The object before and after the draft, with every value the draft moves. */
export interface DraftPreview {
  readonly before: PreviewSide
  readonly after: PreviewSide
  readonly moved: readonly MovedValue[]
  /** The sync error the object would raise after the change, else null. */
  readonly syncError: string | null
}

/** The configuration and simulated state after a draft, for one object. */
export interface AfterWorld {
  readonly before: EngineConfig
  readonly after: EngineConfig
  readonly configuration: ServerConfiguration
  readonly simulation: SimulatedSync
  readonly csObject: CsObject
}

/** The stand-in values a draft assumes for this object (attributes it selects on the object's connector). */
export function standInsFor(draft: FixDraft, connectorId: string): readonly StandIn[] {
  return draft.changes
    .filter(
      (change): change is SelectionChange =>
        change.kind === 'select-attribute' && change.side === 'import' && change.connectorId === connectorId,
    )
    .map((change) => ({ attribute: change.attribute, values: change.standIn }))
}

/** Applies the draft in memory and simulates the next synchronization of the object. */
export function afterWorld(snapshot: FixSnapshot, draft: FixDraft, csObject: CsObject): AfterWorld {
  const configuration = applyDraft(snapshot.configuration, draft)
  const before = engineConfig(snapshot.configuration.rules, snapshot.configuration.connectors)
  const after = engineConfig(configuration.rules, configuration.connectors)
  const connectorId = before.ruleIndex.connectorOf(csObject)?.id ?? draft.target.connectorId
  const simulation = simulateObject(
    {
      objects: snapshot.objects,
      before,
      after,
      // Stand-in values are the draft's assumption about its own object; other objects keep what they hold.
      standIns: csObject.id === draft.target.csObjectId ? standInsFor(draft, connectorId) : [],
      ...(snapshot.mvLookup ? { mvLookup: snapshot.mvLookup } : {}),
      ...(snapshot.now ? { now: snapshot.now } : {}),
    },
    csObject,
  )
  return {
    before,
    after,
    configuration,
    simulation,
    csObject: simulation.csObject ?? csObject,
  }
}

/** Which attribute a preview diagnoses, and where it should arrive (null: Entra ID). */
export interface PreviewQuestion {
  readonly attribute: string
  readonly targetConnectorId: string | null
}

/** The question a draft answers: its own attribute and target. */
export function draftQuestion(draft: FixDraft): PreviewQuestion {
  return { attribute: draft.target.attribute, targetConnectorId: draft.target.targetConnectorId }
}

/** Diagnoses an attribute in a configuration and object state. */
export function diagnoseIn(
  snapshot: FixSnapshot,
  config: EngineConfig,
  index: ObjectIndex,
  csObject: CsObject,
  question: PreviewQuestion,
): Diagnosis {
  return diagnoseAttribute({
    rules: config.rules,
    connectors: config.connectors,
    index,
    csObject,
    attribute: question.attribute,
    ...(question.targetConnectorId === null ? {} : { targetConnectorId: question.targetConnectorId }),
    ruleIndex: config.ruleIndex,
    ...(snapshot.mvLookup ? { mvLookup: snapshot.mvLookup } : {}),
    ...(snapshot.now ? { now: snapshot.now } : {}),
  })
}

function reportIn(
  snapshot: FixSnapshot,
  config: EngineConfig,
  index: ObjectIndex,
  csObject: CsObject,
): ObjectReport {
  return objectReport({
    ruleIndex: config.ruleIndex,
    index,
    object: { csObject },
    ...(snapshot.mvLookup ? { mvLookup: snapshot.mvLookup } : {}),
    ...(snapshot.now ? { now: snapshot.now } : {}),
  })
}

/**
 * The object's path and report before and after the draft: by default the draft's own object and attribute;
 * any other object and attribute show what the draft does to them (trainers, and the check that a fix leaves
 * other objects alone).
 */
export function previewDraft(
  snapshot: FixSnapshot,
  draft: FixDraft,
  csObject: CsObject,
  question: PreviewQuestion = draftQuestion(draft),
): DraftPreview {
  const world = afterWorld(snapshot, draft, csObject)
  const { simulation } = world
  return {
    before: {
      diagnosis: diagnoseIn(snapshot, world.before, snapshot.objects, csObject, question),
      report: reportIn(snapshot, world.before, snapshot.objects, csObject),
    },
    after: {
      diagnosis: diagnoseIn(snapshot, world.after, simulation.index, world.csObject, question),
      report: reportIn(snapshot, world.after, simulation.index, world.csObject),
    },
    moved: simulation.moved,
    syncError: simulation.syncError,
  }
}
