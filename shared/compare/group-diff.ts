/** Differences of a rule's scoping filter (groups of clauses) and join rules (ordered groups of conditions). */
import { clauseText } from '../engine/rule-text'
import type { JoinGroup, ScopeClause, ScopeGroup } from '../model/sync-rule'
import type { Difference } from './compare-model'
import { nameKey } from './names'

function clauseKey(clause: ScopeClause): string {
  return `${nameKey(clause.attribute)}\u0000${clause.operator}\u0000${clause.value.trim().toLowerCase()}`
}

function groupText(clauses: readonly ScopeClause[]): string {
  return clauses.map(clauseText).join(' AND ')
}

interface KeyedGroup<T> {
  readonly index: number
  readonly items: readonly T[]
  readonly keys: ReadonlySet<string>
}

function keyed<T>(groups: readonly (readonly T[])[], key: (item: T) => string): KeyedGroup<T>[] {
  return groups.map((items, index) => ({ index, items, keys: new Set(items.map(key)) }))
}

function sameKeys(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  return left.size === right.size && [...left].every((key) => right.has(key))
}

/**
 * Scoping groups are OR-ed and their clauses AND-ed, so order means nothing: identical groups pair first,
 * then groups sharing the most clauses, whose clause changes are listed one by one; the rest were added or
 * removed whole.
 */
export function scopeDifferences(before: readonly ScopeGroup[], after: readonly ScopeGroup[]): Difference[] {
  const left = keyed(
    before.map((group) => group.clauses).filter((clauses) => clauses.length > 0),
    clauseKey,
  )
  const right = keyed(
    after.map((group) => group.clauses).filter((clauses) => clauses.length > 0),
    clauseKey,
  )
  const differences: Difference[] = []
  const unpairedRight = new Set(right)
  const unpairedLeft: KeyedGroup<ScopeClause>[] = []
  for (const group of left) {
    const twin = [...unpairedRight].find((candidate) => sameKeys(candidate.keys, group.keys))
    if (twin) unpairedRight.delete(twin)
    else unpairedLeft.push(group)
  }
  const stillLeft: KeyedGroup<ScopeClause>[] = []
  for (const group of unpairedLeft) {
    let best: KeyedGroup<ScopeClause> | null = null
    let bestShared = 0
    for (const candidate of unpairedRight) {
      const shared = [...group.keys].filter((key) => candidate.keys.has(key)).length
      if (shared > bestShared) {
        best = candidate
        bestShared = shared
      }
    }
    if (!best) {
      stillLeft.push(group)
      continue
    }
    unpairedRight.delete(best)
    const label = `Scoping filter group ${best.index + 1}`
    const path = ['scope', String(best.index + 1)]
    for (const clause of group.items) {
      if (!best.keys.has(clauseKey(clause))) {
        differences.push({ change: 'removed', path, label, before: clauseText(clause), after: null })
      }
    }
    for (const clause of best.items) {
      if (!group.keys.has(clauseKey(clause))) {
        differences.push({ change: 'added', path, label, before: null, after: clauseText(clause) })
      }
    }
  }
  for (const group of stillLeft) {
    differences.push({
      change: 'removed',
      path: ['scope', String(group.index + 1)],
      label: `Scoping filter group ${group.index + 1}`,
      before: groupText(group.items),
      after: null,
    })
  }
  for (const group of unpairedRight) {
    differences.push({
      change: 'added',
      path: ['scope', String(group.index + 1)],
      label: `Scoping filter group ${group.index + 1}`,
      before: null,
      after: groupText(group.items),
    })
  }
  return differences
}

type JoinConditionItem = JoinGroup['conditions'][number]

function conditionKey(condition: JoinConditionItem): string {
  return `${nameKey(condition.csAttribute)}\u0000${nameKey(condition.mvAttribute)}\u0000${condition.caseSensitive}`
}

function conditionText(condition: JoinConditionItem): string {
  return `${condition.csAttribute} = ${condition.mvAttribute}${condition.caseSensitive ? ' (case-sensitive)' : ''}`
}

function joinText(conditions: readonly JoinConditionItem[]): string {
  return conditions.map(conditionText).join(' AND ')
}

function groupKey(group: KeyedGroup<JoinConditionItem>): string {
  return [...group.keys].sort().join('\u0001')
}

/**
 * Join groups are tried in order, so order matters: groups equal in content but reordered are one
 * difference; otherwise groups are aligned (longest common run) and the rest compared position by position.
 */
export function joinDifferences(before: readonly JoinGroup[], after: readonly JoinGroup[]): Difference[] {
  const left = keyed(
    before.map((group) => group.conditions).filter((conditions) => conditions.length > 0),
    conditionKey,
  )
  const right = keyed(
    after.map((group) => group.conditions).filter((conditions) => conditions.length > 0),
    conditionKey,
  )
  const leftKeys = left.map(groupKey)
  const rightKeys = right.map(groupKey)
  if (leftKeys.join('\u0002') === rightKeys.join('\u0002')) return []
  if ([...leftKeys].sort().join('\u0002') === [...rightKeys].sort().join('\u0002')) {
    const order = (groups: readonly KeyedGroup<JoinConditionItem>[]): string =>
      groups.map((group) => `${group.index + 1}. ${joinText(group.items)}`).join('; ')
    return [
      {
        change: 'changed',
        path: ['join', 'order'],
        label: 'Join rules order',
        before: order(left),
        after: order(right),
      },
    ]
  }
  const anchors = longestCommonRun(leftKeys, rightKeys)
  const differences: Difference[] = []
  let i = 0
  let j = 0
  const flush = (untilLeft: number, untilRight: number): void => {
    while (i < untilLeft && j < untilRight) {
      for (const item of joinGroupChanges(left[i], right[j])) differences.push(item)
      i += 1
      j += 1
    }
    for (; i < untilLeft; i += 1) {
      const group = left[i]
      if (group) {
        differences.push({
          change: 'removed',
          path: ['join', String(group.index + 1)],
          label: `Join group ${group.index + 1}`,
          before: joinText(group.items),
          after: null,
        })
      }
    }
    for (; j < untilRight; j += 1) {
      const group = right[j]
      if (group) {
        differences.push({
          change: 'added',
          path: ['join', String(group.index + 1)],
          label: `Join group ${group.index + 1}`,
          before: null,
          after: joinText(group.items),
        })
      }
    }
  }
  for (const [leftIndex, rightIndex] of anchors) {
    flush(leftIndex, rightIndex)
    i = leftIndex + 1
    j = rightIndex + 1
  }
  flush(left.length, right.length)
  return differences
}

function joinGroupChanges(
  left: KeyedGroup<JoinConditionItem> | undefined,
  right: KeyedGroup<JoinConditionItem> | undefined,
): Difference[] {
  if (!left || !right) return []
  const label = `Join group ${right.index + 1}`
  const path = ['join', String(right.index + 1)]
  return [
    ...left.items
      .filter((condition) => !right.keys.has(conditionKey(condition)))
      .map((condition): Difference => ({
        change: 'removed',
        path,
        label,
        before: conditionText(condition),
        after: null,
      })),
    ...right.items
      .filter((condition) => !left.keys.has(conditionKey(condition)))
      .map((condition): Difference => ({
        change: 'added',
        path,
        label,
        before: null,
        after: conditionText(condition),
      })),
  ]
}

/** Index pairs of a longest common subsequence of two key lists (small lists: join groups). */
function longestCommonRun(
  left: readonly string[],
  right: readonly string[],
): readonly (readonly [number, number])[] {
  const lengths = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0))
  for (let i = left.length - 1; i >= 0; i -= 1) {
    for (let j = right.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] ?? []
      row[j] =
        left[i] === right[j]
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const pairs: (readonly [number, number])[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      pairs.push([i, j])
      i += 1
      j += 1
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i += 1
    else j += 1
  }
  return pairs
}
