import type { CsObject } from '../model/objects'
import type { JoinCondition, SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { type AttributeBag, entryBag, lowerName } from './attribute-bag'
import { type RuleRef, ruleRef } from './rule-text'

/**
 * Finds metaverse objects by attribute value: the ids of MV objects whose `attribute` holds `value`.
 * The object store provides it from its MV index; matching ignores case (case-sensitive join
 * conditions are re-checked against the objects' values).
 */
export type MvAttributeLookup = (attribute: string, value: string) => readonly string[]

/** One join condition for one CS object: its values and the MV objects each finds. */
export interface JoinConditionResult {
  readonly condition: JoinCondition
  readonly csValues: readonly string[]
  /** MV ids whose attribute holds one of the CS values; null when not evaluated. */
  readonly matches: readonly string[] | null
}

/** What one join group finds. */
export type JoinGroupOutcome = 'match' | 'no-match' | 'ambiguous' | 'no-value' | 'not-evaluated'

/** One join group for one CS object. */
export interface JoinGroupResult {
  readonly conditions: readonly JoinConditionResult[]
  /** MV ids that satisfy every condition of the group (null when not evaluated). */
  readonly candidates: readonly string[] | null
  readonly outcome: JoinGroupOutcome
}

/** The current link of a CS object, as the snapshot records it. */
export interface CurrentLink {
  readonly mvObjectId: string
  readonly lineageType: string | null
  readonly lineageTime: string | null
}

/** What the join of one rule would do for one CS object, next to what the snapshot says happened. */
export interface JoinResult {
  readonly rule: RuleRef
  /** False when no MV lookup was available: the groups list the CS values only. */
  readonly evaluated: boolean
  readonly groups: readonly JoinGroupResult[]
  /** 0-based index of the first group that found exactly one MV object. */
  readonly matchedGroup: number | null
  /** The MV object the rule would join, when a group found exactly one. */
  readonly wouldJoin: string | null
  /** True when no group found one object and the rule provisions (projects) a new MV object. */
  readonly wouldProject: boolean
  /** The link in the snapshot: this is what happened, whatever the rules would do now. */
  readonly currentLink: CurrentLink | null
  /** Plain-sentence remarks (projection needs a join value, the join disagrees with the link, ...). */
  readonly notes: readonly string[]
}

/** Options of a join evaluation. */
export interface JoinOptions {
  readonly lookup?: MvAttributeLookup
  /** Lets case-sensitive conditions and MV object types be checked on the candidates. */
  readonly index?: ObjectIndex
}

/**
 * Evaluates an inbound rule's join groups for a CS object (docs/ENGINE.md, Join): groups are tried in
 * order, the first that finds exactly one MV object wins; otherwise a Provision rule projects, but
 * only when at least one join attribute has a value.
 */
export function evaluateJoin(rule: SyncRule, csObject: CsObject, options: JoinOptions = {}): JoinResult {
  const source = entryBag(csObject.synchronized, csObject.dn)
  const { lookup, index } = options
  const groups = rule.joinGroups.map((group) => evaluateGroup(group.conditions, source, rule, options))
  const matchedGroup = groups.findIndex((group) => group.outcome === 'match')
  const anyJoinValue = groups.some((group) =>
    group.conditions.some((condition) => condition.csValues.length > 0),
  )
  const evaluated = lookup !== undefined || rule.joinGroups.length === 0
  const wouldJoin = matchedGroup >= 0 ? (groups[matchedGroup]?.candidates?.[0] ?? null) : null
  const provisions = rule.linkType === 'Provision'
  const wouldProject =
    evaluated && wouldJoin === null && provisions && (rule.joinGroups.length === 0 || anyJoinValue)
  const currentLink = csObject.mvLink
    ? {
        mvObjectId: csObject.mvLink.mvObjectId,
        lineageType: csObject.mvLink.lineageType,
        lineageTime: csObject.mvLink.lineageTime,
      }
    : null
  const notes: string[] = []
  if (!evaluated) notes.push('The join was not evaluated: no metaverse search is available.')
  if (evaluated && provisions && wouldJoin === null && !wouldProject) {
    notes.push('No join attribute has a value, so the rule cannot project the object.')
  }
  if (currentLink && wouldJoin !== null && wouldJoin !== currentLink.mvObjectId) {
    notes.push(
      `The join criteria now find metaverse object ${wouldJoin}, but the object stays linked to ${currentLink.mvObjectId} (joins are evaluated once).`,
    )
  }
  if (index && wouldJoin !== null && index.mvObject(wouldJoin) === null) {
    notes.push(`The metaverse object ${wouldJoin} is not in the snapshot.`)
  }
  return {
    rule: ruleRef(rule),
    evaluated,
    groups,
    matchedGroup: matchedGroup >= 0 ? matchedGroup : null,
    wouldJoin,
    wouldProject,
    currentLink,
    notes,
  }
}

function evaluateGroup(
  conditions: readonly JoinCondition[],
  source: AttributeBag,
  rule: SyncRule,
  options: JoinOptions,
): JoinGroupResult {
  const { lookup } = options
  const results = conditions.map((condition): JoinConditionResult => {
    const csValues = source.values(condition.csAttribute)
    if (!lookup) return { condition, csValues, matches: null }
    const found = new Set<string>()
    for (const value of csValues) {
      for (const id of lookup(condition.mvAttribute, value)) {
        if (acceptCandidate(id, condition, value, rule, options)) found.add(id)
      }
    }
    return { condition, csValues, matches: [...found] }
  })
  if (results.some((result) => result.csValues.length === 0)) {
    return { conditions: results, candidates: lookup ? [] : null, outcome: 'no-value' }
  }
  if (!lookup) return { conditions: results, candidates: null, outcome: 'not-evaluated' }
  const [first, ...rest] = results
  const candidates = (first?.matches ?? []).filter((id) =>
    rest.every((result) => result.matches?.includes(id)),
  )
  const outcome = candidates.length === 1 ? 'match' : candidates.length === 0 ? 'no-match' : 'ambiguous'
  return { conditions: results, candidates, outcome }
}

function acceptCandidate(
  id: string,
  condition: JoinCondition,
  value: string,
  rule: SyncRule,
  options: JoinOptions,
): boolean {
  const object = options.index?.mvObject(id)
  if (!object) return true
  if (rule.targetObjectType !== '*' && lowerName(object.objectType) !== lowerName(rule.targetObjectType))
    return false
  if (!condition.caseSensitive) return true
  const attribute = object.attributes.find(
    (candidate) => lowerName(candidate.name) === lowerName(condition.mvAttribute),
  )
  return (attribute?.values ?? []).includes(value)
}

/** True when a rule relates objects (it joins or provisions), as opposed to a rule that only flows attributes. */
export function isLinkingRule(rule: SyncRule): boolean {
  return rule.joinGroups.length > 0 || rule.linkType === 'Provision' || rule.linkType === 'StickyJoin'
}
