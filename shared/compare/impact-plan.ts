/**
 * What an impact evaluates: which snapshot's objects, each configuration restated in their connector ids, the
 * rules cut down to what the differences can change, and what the snapshots cannot tell.
 */
import { flowReads, type RuleIndex } from '../engine/rule-index'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { AttributeType } from '../model/objects'
import { impactScope, type ImpactScope } from './affected'
import type { ImpactMode, Side } from './compare-model'
import type { ConfigurationMatch } from './config-compare'
import { nameKey } from './names'
import { evaluationSide, type EvaluationSide } from './side-context'
import { inOtherIds } from './translate'
import { type MvAttributeSelection, pairedConnectorKey, type UnitKeying } from './units'

/** Which objects an impact runs on, given which snapshots hold objects. */
export function impactMode(a: LoadedSnapshot, b: LoadedSnapshot): ImpactMode {
  const holds = (snapshot: LoadedSnapshot): boolean =>
    snapshot.objects.csRowCount + snapshot.objects.mvRowCount > 0
  if (holds(a) && holds(b)) return 'own-objects'
  if (holds(a)) return 'a-objects'
  if (holds(b)) return 'b-objects'
  return 'none'
}

/** The two evaluations an impact compares and the units it walks. */
export interface ImpactPlan {
  readonly mode: ImpactMode
  readonly scope: ImpactScope
  readonly before: EvaluationSide
  readonly after: EvaluationSide
  readonly beforeKeying: UnitKeying
  readonly afterKeying: UnitKeying
  readonly basis: string
  readonly caveats: readonly string[]
  /** The metaverse attributes a scoped evaluation reads; null when it needs whole objects. */
  readonly mvSelection: MvAttributeSelection | null
}

/** Sets up the evaluations of an impact: null when neither snapshot holds objects. */
export function impactPlan(
  a: LoadedSnapshot,
  b: LoadedSnapshot,
  match: ConfigurationMatch,
  now: () => Date,
): ImpactPlan | null {
  const mode = impactMode(a, b)
  if (mode === 'none') return null
  const scope = impactScope(match, a.configuration, b.configuration)
  const pairing = match.connectors
  const configs = (
    data: Side,
  ): { readonly before: ServerConfiguration; readonly after: ServerConfiguration } =>
    data === 'a'
      ? { before: a.configuration, after: inOtherIds(b.configuration, pairing, 'b') }
      : { before: inOtherIds(a.configuration, pairing, 'a'), after: b.configuration }
  // The side whose connector ids the store holds: B's configuration applied to A's objects is in A's ids.
  const side = (
    label: string,
    snapshot: LoadedSnapshot,
    own: ServerConfiguration,
    other: ServerConfiguration,
    ids: Side,
  ) =>
    evaluationSide({
      label,
      store: snapshot.objects,
      configuration: own,
      other,
      scope,
      connectorKey: (connectorId) => pairedConnectorKey(pairing, ids, connectorId),
      now,
    })
  let before: EvaluationSide
  let after: EvaluationSide
  let basis: string
  if (mode === 'own-objects') {
    before = side('A', a, a.configuration, inOtherIds(b.configuration, pairing, 'b'), 'a')
    after = side('B', b, b.configuration, inOtherIds(a.configuration, pairing, 'a'), 'b')
    basis =
      "Both snapshots hold objects: each object is evaluated under A's configuration on A's copy of it and under B's configuration on B's copy, matched by source anchor or DN."
  } else {
    const data = mode === 'a-objects' ? 'a' : 'b'
    const snapshot = data === 'a' ? a : b
    const { before: beforeConfig, after: afterConfig } = configs(data)
    before = side('A', snapshot, beforeConfig, afterConfig, data)
    after = side('B', snapshot, afterConfig, beforeConfig, data)
    basis = `Only ${data.toUpperCase()} holds objects: both configurations are applied to ${data.toUpperCase()}'s objects (${snapshot.name}).`
  }
  const keying = (data: Side, evaluation: EvaluationSide): UnitKeying => ({
    store: evaluation.store,
    side: data,
    pairing,
    targetConnectorId: evaluation.targetConnectorId,
    unlinked: scope.linking || mode === 'own-objects',
  })
  return {
    mode,
    scope,
    before,
    after,
    beforeKeying: keying(mode === 'b-objects' ? 'b' : 'a', before),
    afterKeying: keying(mode === 'a-objects' ? 'a' : 'b', after),
    basis,
    caveats: caveats(scope, mode, before, after),
    mvSelection:
      before.exportedMetaverse && after.exportedMetaverse
        ? mvSelection([before.scoped, after.scoped], scope, [before.configuration, after.configuration])
        : null,
  }
}

/**
 * The metaverse attributes the scoped rules read: every scoping clause and source of the outbound rules
 * kept, cloudFiltered (which stops every export to Entra ID), and the affected attributes themselves.
 */
function mvSelection(
  indexes: readonly RuleIndex[],
  scope: ImpactScope,
  configurations: readonly ServerConfiguration[],
): MvAttributeSelection {
  const names = new Map<string, string>([['cloudfiltered', 'cloudFiltered']])
  const add = (name: string): void => {
    if (!names.has(nameKey(name))) names.set(nameKey(name), name)
  }
  for (const index of indexes) {
    for (const rule of index.rules) {
      if (rule.direction === 'Inbound') {
        for (const flow of rule.flows) if (scope.mvAttributes.has(nameKey(flow.target))) add(flow.target)
        continue
      }
      for (const group of rule.scopeGroups) for (const clause of group.clauses) add(clause.attribute)
      for (const flow of rule.flows) for (const name of flowReads(flow)) add(name)
    }
  }
  const types = new Map<string, AttributeType>()
  for (const configuration of configurations) {
    for (const attribute of configuration.metaverse?.schema.attributes ?? []) {
      const type = attribute.syntax === 'Unknown' ? 'String' : attribute.syntax
      if (!types.has(nameKey(attribute.name))) types.set(nameKey(attribute.name), type)
    }
  }
  return { names: [...names.values()], typeOf: (name) => types.get(nameKey(name)) ?? 'String' }
}

function caveats(
  scope: ImpactScope,
  mode: ImpactMode,
  before: EvaluationSide,
  after: EvaluationSide,
): string[] {
  const notes: string[] = []
  for (const change of scope.selectionChanges) {
    if (change.onlyB.length > 0 && mode !== 'b-objects') {
      notes.push(
        `${change.onlyB.join(', ')} ${change.onlyB.length === 1 ? 'is' : 'are'} selected on "${change.pair.b?.name ?? ''}" in B only: A's objects hold no values for ${change.onlyB.length === 1 ? 'it' : 'them'} until a full import under B's configuration, so their flows are evaluated without them.`,
      )
    }
  }
  for (const pair of scope.filterChanged) {
    notes.push(
      `The partitions, object types or containers of "${pair.b?.name ?? pair.a?.name ?? ''}" differ: objects that only B's filter includes were never imported, so they cannot be evaluated; objects that B's filter leaves out are shown as leaving synchronization.`,
    )
  }
  for (const evaluation of [before, after]) {
    if (evaluation.targetConnectorId === null) {
      notes.push(
        `${evaluation.label}'s configuration has no Entra ID connector: nothing is exported under it.`,
      )
    }
  }
  if (!before.exportedMetaverse || !after.exportedMetaverse) {
    notes.push('A snapshot without a metaverse export: metaverse values are recomputed from the rules.')
  }
  return notes
}
