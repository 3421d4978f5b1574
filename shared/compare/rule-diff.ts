import { clauseText, flowSourceText, scopeText } from '../engine/rule-text'
import type { AttributeFlow, JoinGroup, ScopeClause, ScopeGroup, SyncRule } from '../model/sync-rule'
import type { Difference } from './compare-model'
import { sameExpression } from './expression-key'
import { nameKey, sameName } from './names'

/** Whether two rules' connectors are the same connector (paired across the snapshots). */
export type SameConnector = (a: SyncRule, b: SyncRule) => boolean

/**
 * Every field of a rule that differs between two paired rules, in the order of the Synchronization Rules
 * Editor's pages: description, scoping filter, join rules, transformations. Names, object types and
 * attribute names compare case-insensitively; scoping values too, as the engine compares them.
 */
export function ruleDifferences(
  a: SyncRule,
  b: SyncRule,
  sameConnector: SameConnector,
): readonly Difference[] {
  const differences: Difference[] = []
  const field = (path: string, label: string, before: string, after: string, same: boolean): void => {
    if (!same) differences.push({ change: 'changed', path: [path], label, before, after })
  }
  const text = (value: string): string => value.trim()
  const objectTypeLabels =
    b.direction === 'Inbound'
      ? ['Connected system object type', 'Metaverse object type']
      : ['Metaverse object type', 'Connected system object type']
  field('name', 'Name', a.name, b.name, sameName(a.name, b.name))
  field(
    'description',
    'Description',
    a.description,
    b.description,
    text(a.description) === text(b.description),
  )
  field('direction', 'Direction', a.direction, b.direction, a.direction === b.direction)
  field(
    'connector',
    'Connector',
    a.connectorName ?? a.connectorId,
    b.connectorName ?? b.connectorId,
    sameConnector(a, b),
  )
  field(
    'sourceObjectType',
    objectTypeLabels[0] ?? '',
    a.sourceObjectType,
    b.sourceObjectType,
    sameName(a.sourceObjectType, b.sourceObjectType),
  )
  field(
    'targetObjectType',
    objectTypeLabels[1] ?? '',
    a.targetObjectType,
    b.targetObjectType,
    sameName(a.targetObjectType, b.targetObjectType),
  )
  field('linkType', 'Link type', a.linkType, b.linkType, a.linkType === b.linkType)
  field('precedence', 'Precedence', String(a.precedence), String(b.precedence), a.precedence === b.precedence)
  field('immutableTag', 'Tag', a.immutableTag, b.immutableTag, sameName(a.immutableTag, b.immutableTag))
  field(
    'enablePasswordSync',
    'Enable password sync',
    yesNo(a.enablePasswordSync),
    yesNo(b.enablePasswordSync),
    a.enablePasswordSync === b.enablePasswordSync,
  )
  field('disabled', 'Disabled', yesNo(a.disabled), yesNo(b.disabled), a.disabled === b.disabled)
  differences.push(...scopeDifferences(a.scopeGroups, b.scopeGroups))
  differences.push(...joinDifferences(a.joinGroups, b.joinGroups))
  differences.push(...flowDifferences(a.flows, b.flows))
  return differences
}

/** A rule in one line, for a rule that exists on one side only. */
export function ruleSummary(rule: SyncRule): string {
  const scope = scopeText(rule.scopeGroups)
  return [
    `${rule.direction}, precedence ${rule.precedence}`,
    `connector ${rule.connectorName ?? rule.connectorId}`,
    `${rule.sourceObjectType} → ${rule.targetObjectType}`,
    rule.linkType,
    `${rule.flows.length} transformation${rule.flows.length === 1 ? '' : 's'}`,
    rule.disabled ? 'disabled' : null,
    scope === '' ? null : `scope ${scope}`,
  ]
    .filter((part) => part !== null)
    .join(', ')
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

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
function scopeDifferences(before: readonly ScopeGroup[], after: readonly ScopeGroup[]): Difference[] {
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
function joinDifferences(before: readonly JoinGroup[], after: readonly JoinGroup[]): Difference[] {
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
      differences.push(...joinGroupChanges(left[i], right[j]))
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

function flowText(flow: AttributeFlow): string {
  const extras = [
    flow.mergeType === 'Update' ? null : flow.mergeType,
    flow.applyOnce ? 'apply once' : null,
  ].filter((part) => part !== null)
  return `${flow.flowType}: ${flowSourceText(flow)}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`
}

function sameConstant(left: string | null, right: string | null): boolean {
  const a = (left ?? '').trim()
  const b = (right ?? '').trim()
  const boolean = /^(true|false)$/i
  return boolean.test(a) && boolean.test(b) ? a.toLowerCase() === b.toLowerCase() : a === b
}

/** Transformations pair by target attribute (a rule has at most one flow per target). */
function flowDifferences(before: readonly AttributeFlow[], after: readonly AttributeFlow[]): Difference[] {
  const differences: Difference[] = []
  const afterByTarget = new Map(after.map((flow) => [nameKey(flow.target), flow]))
  const beforeTargets = new Set(before.map((flow) => nameKey(flow.target)))
  for (const flow of before) {
    const partner = afterByTarget.get(nameKey(flow.target))
    const path = ['transformations', partner?.target ?? flow.target]
    if (!partner) {
      differences.push({
        change: 'removed',
        path,
        label: `Transformation ${flow.target}`,
        before: flowText(flow),
        after: null,
      })
      continue
    }
    const property = (name: string, label: string, left: string, right: string, same: boolean): void => {
      if (same) return
      differences.push({
        change: 'changed',
        path: [...path, name],
        label: `Transformation ${partner.target}: ${label}`,
        before: left,
        after: right,
      })
    }
    property('flowType', 'flow type', flow.flowType, partner.flowType, flow.flowType === partner.flowType)
    if (flow.flowType === partner.flowType) {
      switch (partner.flowType) {
        case 'Direct':
          property(
            'source',
            'source',
            flow.sources.join(', '),
            partner.sources.join(', '),
            flow.sources.map(nameKey).join() === partner.sources.map(nameKey).join(),
          )
          break
        case 'Constant':
          property(
            'constant',
            'constant',
            flow.constant ?? '',
            partner.constant ?? '',
            sameConstant(flow.constant, partner.constant),
          )
          break
        case 'Expression':
          property(
            'expression',
            'expression',
            flow.expression ?? '',
            partner.expression ?? '',
            sameExpression(flow.expression ?? '', partner.expression ?? ''),
          )
          break
      }
    } else {
      property('source', 'source', flowSourceText(flow), flowSourceText(partner), false)
    }
    property(
      'mergeType',
      'merge type',
      flow.mergeType,
      partner.mergeType,
      flow.mergeType === partner.mergeType,
    )
    property(
      'applyOnce',
      'apply once',
      yesNo(flow.applyOnce),
      yesNo(partner.applyOnce),
      flow.applyOnce === partner.applyOnce,
    )
  }
  for (const flow of after) {
    if (beforeTargets.has(nameKey(flow.target))) continue
    differences.push({
      change: 'added',
      path: ['transformations', flow.target],
      label: `Transformation ${flow.target}`,
      before: null,
      after: flowText(flow),
    })
  }
  return differences
}
