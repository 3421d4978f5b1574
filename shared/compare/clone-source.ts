import type { SyncRule } from '../model/sync-rule'
import type { CloneSource } from './compare-model'
import { nameKey } from './names'
import { ruleFacts } from './out-of-box'
import { sameFlowCount } from './rule-diff'

/**
 * The rule of A that a rule only B has looks cloned from, or null: the supported way to change an out-of-box
 * rule is to clone it and disable the original, and a comparison that says "only in B" without naming the
 * original leaves the admin to find it. A candidate has the clone's direction, connector and object types, and
 * at least half of the clone's transformations unchanged; the one with the most wins.
 */
export function cloneSource(
  clone: SyncRule,
  candidates: readonly SyncRule[],
  sameConnector: (a: SyncRule, b: SyncRule) => boolean,
): CloneSource | null {
  if (clone.flows.length === 0) return null
  let best: { readonly rule: SyncRule; readonly same: number } | null = null
  for (const candidate of candidates) {
    if (
      candidate.direction !== clone.direction ||
      nameKey(candidate.sourceObjectType) !== nameKey(clone.sourceObjectType) ||
      nameKey(candidate.targetObjectType) !== nameKey(clone.targetObjectType) ||
      !sameConnector(candidate, clone)
    )
      continue
    const same = sameFlowCount(candidate.flows, clone.flows)
    if (same * 2 >= clone.flows.length && same > 0 && (best === null || same > best.same))
      best = { rule: candidate, same }
  }
  return best === null
    ? null
    : { rule: ruleFacts(best.rule), sameTransformations: best.same, transformations: clone.flows.length }
}

/** Which rule of A a new rule looks cloned from, in one sentence (the Compare view says the same). */
export function cloneSentence(clone: CloneSource): string {
  return `Looks cloned from "${clone.rule.name}" (precedence ${clone.rule.precedence} in A): ${clone.sameTransformations} of its ${clone.transformations} transformations are the same.`
}
