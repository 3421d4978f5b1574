import type { LoadedSnapshot } from '../load/load-snapshot'
import type { CsObject } from '../model/objects'
import type { AttributeImpact, ImpactMode, ObjectImpact } from './compare-model'
import type { ConfigurationMatch } from './config-compare'
import { evaluateLinked, evaluateUnlinked, type Leaving, type UnitOutcome } from './evaluate-unit'
import { impactPlan, type ImpactPlan } from './impact-plan'
import { nameKey } from './names'
import { attributePairs, outcomeChange } from './outcome-diff'
import type { EvaluationSide } from './side-context'
import { sameSourceData } from './same-data'
import { objectKey, type UnitKeying } from './units'

/** An object's state under one configuration. */
export interface ObjectSideState {
  /** False when this side's snapshot does not hold the object (own-objects mode). */
  readonly found: boolean
  readonly dn: string | null
  readonly mvId: string | null
  readonly inEntra: boolean
  readonly reason: string
  readonly syncError: string | null
  readonly leaving: readonly Leaving[]
}

/** One Entra ID attribute under both configurations. */
export interface AttributeComparison extends AttributeImpact {
  readonly changed: boolean
}

/** One object evaluated in full under both configurations: its Export Attribute Flow side by side. */
export interface ObjectComparison {
  readonly mode: ImpactMode
  readonly key: string
  readonly dn: string
  readonly connector: string
  readonly objectType: string
  readonly before: ObjectSideState
  readonly after: ObjectSideState
  /** Every Entra ID attribute either configuration exports, changed or not. */
  readonly attributes: readonly AttributeComparison[]
  /** The object's entry in the impact, null when nothing in Entra ID would change. */
  readonly impact: ObjectImpact | null
}

/** Why an object could not be compared. */
export type ObjectComparisonError =
  | { readonly problem: 'no-objects'; readonly message: string }
  | { readonly problem: 'not-found'; readonly message: string }
  | { readonly problem: 'ambiguous'; readonly message: string }

interface Located {
  readonly object: CsObject
  readonly keying: UnitKeying
}

function locate(
  plan: ImpactPlan,
  keying: UnitKeying,
  dn: string,
  connector: string | undefined,
): Located | ObjectComparisonError | null {
  const store = keying.store
  const index = keying.side === 'a' ? plan.before.full : plan.after.full
  let matches = store.csObjectsByDn(dn)
  if (connector !== undefined) {
    matches = matches.filter((object) => {
      const found = index.connectorOf(object)
      return (
        (found !== null && (nameKey(found.name) === nameKey(connector) || found.id === nameKey(connector))) ||
        nameKey(object.connectorName ?? '') === nameKey(connector)
      )
    })
  }
  if (matches.length > 1) {
    const sources = matches.filter(
      (object) => (index.connectorOf(object)?.id ?? object.connectorId) !== keying.targetConnectorId,
    )
    if (sources.length === 1) matches = sources
  }
  if (matches.length === 0) return null
  const [first] = matches
  if (matches.length > 1 || !first) {
    const names = matches.map((object) => `"${object.connectorName ?? object.connectorId ?? ''}"`).join(', ')
    return {
      problem: 'ambiguous',
      message: `The DN "${dn}" is in several connector spaces (${names}); name the connector.`,
    }
  }
  return { object: first, keying }
}

function evaluateObject(evaluation: EvaluationSide, object: CsObject): UnitOutcome {
  const mvId = object.mvLink?.mvObjectId ?? null
  const mvObject = mvId === null ? null : evaluation.store.mvObject(mvId)
  if (mvObject === null) return evaluateUnlinked(object, evaluation)
  return evaluateLinked(mvObject, evaluation.store.connectedCsObjects(mvObject.id), evaluation, true)
}

function sideState(found: CsObject | null, outcome: UnitOutcome | null, missing: string): ObjectSideState {
  return {
    found: found !== null,
    dn: found?.dn ?? null,
    mvId: outcome?.mvId ?? null,
    inEntra: outcome?.inEntra ?? false,
    reason: outcome?.reason ?? missing,
    syncError: outcome?.syncError ?? null,
    leaving: outcome?.leaving ?? [],
  }
}

/**
 * Evaluates one object (by the DN of a connector-space object, optionally in a named connector) in full
 * under both configurations: whether it is in Entra ID and every attribute it gets, side by side.
 */
export function compareObject(
  a: LoadedSnapshot,
  b: LoadedSnapshot,
  match: ConfigurationMatch,
  dn: string,
  connector?: string,
  now: () => Date = () => new Date(),
):
  | { readonly ok: true; readonly object: ObjectComparison }
  | { readonly ok: false; readonly error: ObjectComparisonError } {
  const plan = impactPlan(a, b, match, now)
  if (plan === null) {
    return {
      ok: false,
      error: {
        problem: 'no-objects',
        message:
          'Neither snapshot holds objects (connector spaces or a metaverse export), so no object can be compared.',
      },
    }
  }
  const own = plan.mode === 'own-objects'
  const beforeFound = locate(plan, plan.beforeKeying, dn, connector)
  if (beforeFound !== null && 'problem' in beforeFound) return { ok: false, error: beforeFound }
  let afterFound: Located | ObjectComparisonError | null = own
    ? locate(plan, plan.afterKeying, dn, connector)
    : beforeFound
  if (afterFound !== null && 'problem' in afterFound) return { ok: false, error: afterFound }
  if (
    own &&
    beforeFound &&
    afterFound &&
    objectKey(beforeFound.keying, beforeFound.object) !== objectKey(afterFound.keying, afterFound.object)
  ) {
    afterFound = null
  }
  if (!beforeFound && !afterFound) {
    const where = own ? 'either snapshot' : plan.mode === 'a-objects' ? 'A' : 'B'
    return {
      ok: false,
      error: {
        problem: 'not-found',
        message: `No object with DN "${dn}"${connector === undefined ? '' : ` in "${connector}"`} in ${where}. Check the DN (it is compared case-insensitively).`,
      },
    }
  }
  const before = beforeFound ? evaluateObject(plan.before, beforeFound.object) : null
  const after = afterFound ? evaluateObject(plan.after, afterFound.object) : null
  const missing = {
    a: "the object is not in A's connector spaces.",
    b: "the object is not in B's connector spaces.",
  }
  const change = outcomeChange(before, after, missing)
  const shown = (afterFound ?? beforeFound) as Located
  const evaluation = afterFound ? plan.after : plan.before
  const key = objectKey(shown.keying, shown.object)
  const mvObject = shown.object.mvLink ? evaluation.store.mvObject(shown.object.mvLink.mvObjectId) : null
  const pairs =
    before && after
      ? attributePairs(before, after)
      : attributePairs(before ?? emptyOutcome(), after ?? emptyOutcome())
  const connectorName = evaluation.full.connectorOf(shown.object)?.name ?? shown.object.connectorName ?? ''
  return {
    ok: true,
    object: {
      mode: plan.mode,
      key,
      dn: shown.object.dn,
      connector: connectorName,
      objectType: mvObject?.objectType ?? shown.object.objectType,
      before: sideState(beforeFound?.object ?? null, before, missing.a),
      after: sideState(afterFound?.object ?? null, after, missing.b),
      attributes: pairs,
      impact:
        change === null
          ? null
          : {
              key,
              dn: shown.object.dn,
              connector: connectorName,
              objectType: mvObject?.objectType ?? shown.object.objectType,
              event: change.event,
              reason: change.reason,
              changes: change.changes,
              dataDiffers:
                own &&
                beforeFound !== null &&
                afterFound !== null &&
                !sameData(plan, beforeFound, afterFound),
              aMvId: before?.mvId ?? null,
              bMvId: after?.mvId ?? null,
            },
    },
  }
}

function unitObjects(keying: UnitKeying, object: CsObject): Parameters<typeof sameSourceData>[0] {
  const mvObject = object.mvLink ? keying.store.mvObject(object.mvLink.mvObjectId) : null
  return { mvObject, connected: mvObject ? keying.store.connectedCsObjects(mvObject.id) : [object] }
}

function sameData(plan: ImpactPlan, before: Located, after: Located): boolean {
  return sameSourceData(
    unitObjects(before.keying, before.object),
    unitObjects(after.keying, after.object),
    (object) => objectKey(plan.beforeKeying, object),
    (object) => objectKey(plan.afterKeying, object),
  )
}

function emptyOutcome(): UnitOutcome {
  return {
    inEntra: false,
    reason: '',
    leaving: [],
    syncError: null,
    attributes: new Map(),
    current: () => [],
    mvId: null,
  }
}
