import { compareRules, type SyncRule } from '../model/sync-rule'
import type { RuleMatchKind } from './compare-model'
import type { ConnectorPairing } from './connector-match'
import { nameKey } from './names'

/** Two rules paired across the snapshots, or one without a partner. */
export interface RulePair {
  readonly a: SyncRule | null
  readonly b: SyncRule | null
  readonly matchedBy: RuleMatchKind | null
}

/** Whether two rules belong to the same connector: paired connectors, or the same id when neither is in its snapshot. */
export function sameConnectorOf(pairing: ConnectorPairing): (a: SyncRule, b: SyncRule) => boolean {
  return (a, b) => {
    const left = pairing.ofA(a.connectorId)
    const right = pairing.ofB(b.connectorId)
    if (left === null && right === null) return a.connectorId === b.connectorId
    return left !== null && left === right
  }
}

/**
 * Pairs the rules of two snapshots: by rule id first (the same rule, whatever it is called now), then by
 * direction, connector (paired, so a renamed connector keeps its rules) and name case-insensitively. Rules
 * sharing a name on one connector pair in precedence order.
 */
export function matchRules(
  a: readonly SyncRule[],
  b: readonly SyncRule[],
  pairing: ConnectorPairing,
): readonly RulePair[] {
  const pairs: RulePair[] = []
  const leftB = new Set(b)
  const bById = new Map(b.map((rule) => [rule.id, rule]))
  const unpairedA: SyncRule[] = []
  for (const rule of [...a].sort(compareRules)) {
    const twin = bById.get(rule.id)
    if (twin && leftB.has(twin)) {
      pairs.push({ a: rule, b: twin, matchedBy: 'id' })
      leftB.delete(twin)
    } else unpairedA.push(rule)
  }
  const connectorKey = (rule: SyncRule, side: 'a' | 'b'): string => {
    const pair = side === 'a' ? pairing.ofA(rule.connectorId) : pairing.ofB(rule.connectorId)
    const index = pair === null ? -1 : pairing.pairs.indexOf(pair)
    return index < 0 ? `id:${rule.connectorId}` : `pair:${index}`
  }
  const key = (rule: SyncRule, side: 'a' | 'b'): string =>
    `${rule.direction}\u0000${connectorKey(rule, side)}\u0000${nameKey(rule.name)}`
  const bByKey = new Map<string, SyncRule[]>()
  for (const rule of [...leftB].sort(compareRules)) {
    const list = bByKey.get(key(rule, 'b')) ?? []
    list.push(rule)
    bByKey.set(key(rule, 'b'), list)
  }
  for (const rule of unpairedA) {
    const twin = bByKey.get(key(rule, 'a'))?.shift()
    if (twin) {
      pairs.push({ a: rule, b: twin, matchedBy: 'name' })
      leftB.delete(twin)
    } else pairs.push({ a: rule, b: null, matchedBy: null })
  }
  for (const rule of leftB) pairs.push({ a: null, b: rule, matchedBy: null })
  return pairs.sort((left, right) => {
    const l = left.b ?? left.a
    const r = right.b ?? right.a
    return l && r ? compareRules(l, r) : 0
  })
}
