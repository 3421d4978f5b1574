import { sameValues } from '../engine/value-compare'
import type { AttributeImpact, ExportValue, ImpactEvent } from './compare-model'
import type { EvaluatedAttribute, UnitOutcome } from './evaluate-unit'

/** An attribute under both configurations, changed or not. */
export interface AttributePair {
  readonly attribute: string
  readonly before: ExportValue
  readonly after: ExportValue
  readonly beforeRule: EvaluatedAttribute['rule']
  readonly afterRule: EvaluatedAttribute['rule']
  readonly beforeInboundRule: EvaluatedAttribute['inboundRule']
  readonly afterInboundRule: EvaluatedAttribute['inboundRule']
  readonly changed: boolean
}

/** What an export value leaves in Entra ID: the values, or the error that stops the object. */
function effect(value: ExportValue): { readonly values: readonly string[] } | { readonly error: string } {
  switch (value.kind) {
    case 'values':
      return { values: value.values }
    case 'unmanaged':
      return { values: value.current }
    case 'error':
      return { error: value.message }
  }
}

/** True when two export values leave Entra ID holding the same thing. */
export function sameEffect(left: ExportValue, right: ExportValue): boolean {
  const a = effect(left)
  const b = effect(right)
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error
  return sameValues(a.values, b.values)
}

/**
 * Every attribute evaluated under either configuration, side by side. An attribute one configuration
 * does not write keeps what Entra ID holds now.
 */
export function attributePairs(before: UnitOutcome, after: UnitOutcome): readonly AttributePair[] {
  const keys = new Set([...before.attributes.keys(), ...after.attributes.keys()])
  const pairs: AttributePair[] = []
  for (const key of keys) {
    const left = before.attributes.get(key)
    const right = after.attributes.get(key)
    const name = right?.name ?? left?.name ?? key
    const beforeValue: ExportValue = left?.value ?? {
      kind: 'unmanaged',
      why: 'no-flow',
      current: before.current(name),
    }
    const afterValue: ExportValue = right?.value ?? {
      kind: 'unmanaged',
      why: 'no-flow',
      current: after.current(name),
    }
    pairs.push({
      attribute: name,
      before: beforeValue,
      after: afterValue,
      beforeRule: left?.rule ?? null,
      afterRule: right?.rule ?? null,
      beforeInboundRule: left?.inboundRule ?? null,
      afterInboundRule: right?.inboundRule ?? null,
      changed: !sameEffect(beforeValue, afterValue),
    })
  }
  return pairs.sort((left, right) => left.attribute.localeCompare(right.attribute))
}

/** The event and reason of an object whose outcome differs, null when nothing in Entra ID would change. */
export function outcomeChange(
  before: UnitOutcome | null,
  after: UnitOutcome | null,
  missing: { readonly a: string; readonly b: string },
): {
  readonly event: ImpactEvent
  readonly reason: string
  readonly changes: readonly AttributeImpact[]
} | null {
  const beforeIn = before?.inEntra ?? false
  const afterIn = after?.inEntra ?? false
  const beforeReason = before?.reason ?? missing.a
  const afterReason = after?.reason ?? missing.b
  if (beforeIn && !afterIn)
    return { event: 'deleted', reason: `Under B's configuration: ${afterReason}`, changes: [] }
  if (!beforeIn && afterIn) {
    return {
      event: 'provisioned',
      reason: `Under A's configuration: ${beforeReason} Under B's: ${afterReason}`,
      changes: [],
    }
  }
  if (before && after && beforeIn && afterIn) {
    const changes = attributePairs(before, after)
      .filter((pair) => pair.changed)
      .map(({ changed: _changed, ...impact }): AttributeImpact => impact)
    const errorChanged = before.syncError !== after.syncError
    if (changes.length > 0 || errorChanged) {
      const reason = errorChanged
        ? after.syncError !== null
          ? `Under B's configuration the object's synchronization fails (${after.syncError}), so nothing of it is exported.`
          : `Under A's configuration the object's synchronization fails (${before.syncError ?? ''}); under B's it synchronizes.`
        : `${changes.length} attribute${changes.length === 1 ? '' : 's'} would change in Entra ID.`
      return { event: 'changed', reason, changes }
    }
  }
  const newlyLeaving = (after?.leaving ?? []).filter(
    (entry) => !(before?.leaving ?? []).some((other) => other.connectorKey === entry.connectorKey),
  )
  if (newlyLeaving.length > 0) {
    return {
      event: 'disconnected',
      reason: `Under B's configuration ${newlyLeaving.map((entry) => `the object in "${entry.connector}" is disconnected: ${entry.reason}`).join('; ')}.`,
      changes: [],
    }
  }
  return null
}
