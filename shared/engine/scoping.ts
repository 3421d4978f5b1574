/**
 * Scoping-filter evaluation (docs/ENGINE.md, Scoping filters).
 *
 * Choices where the documentation is silent (UNSURE there, decided here):
 * - string comparisons ignore case (the real rules write `TRUE` and `True` for the same boolean);
 * - when both the attribute value and the clause value are integers, the comparison is numeric;
 * - LESSTHAN and GREATERTHAN compare the attribute with the clause value (`memberCount LESSTHAN 50000`
 *   is true for 10 members), which is what the default rules mean;
 * - on a multi-valued attribute a positive operator is true when any value satisfies it, a negative
 *   operator (NOTEQUAL, NOTCONTAINS, ISNOTIN, ISBITNOTSET, ...) when every value does, so an absent
 *   attribute satisfies every negative operator and no positive one;
 * - ISBITSET is true when every bit of the clause value is set in the attribute value.
 */
import type { ObjectIndex } from '../model/object-index'
import type { ScopeClause, ScopeGroup, ScopeOperator } from '../model/sync-rule'
import type { AttributeBag } from './attribute-bag'
import { clauseText } from './rule-text'
import { describeValues } from './value-compare'

/** The outcome of one clause for one object. */
export interface ClauseResult {
  readonly clause: ScopeClause
  readonly result: boolean
  /** The attribute values the clause looked at (the member DN for ISMEMBEROF). */
  readonly actualValues: readonly string[]
  /** Why the result may surprise (not an integer, unknown group, ...), null when nothing to say. */
  readonly note: string | null
}

/** The outcome of one scope group: true when every clause is true. */
export interface GroupResult {
  readonly matched: boolean
  readonly clauses: readonly ClauseResult[]
  /** The first false clause, null when the group matched. */
  readonly failingClause: ScopeClause | null
}

/** The outcome of a rule's scoping filter: in scope when any group matches, or when there are no groups. */
export interface ScopeResult {
  readonly inScope: boolean
  readonly groups: readonly GroupResult[]
}

/** Group membership as ISMEMBEROF needs it: is the scoped object a member of the group with this DN? */
export type MembershipLookup = (groupDn: string) => {
  readonly groupFound: boolean
  readonly isMember: boolean
}

/**
 * Membership in one connector space: the group is the CS object with that DN in the same connector,
 * and the object is a member when the group's synchronized `member` values hold its DN.
 */
export function connectorSpaceMembership(
  index: ObjectIndex,
  connectorId: string,
  memberDn: string,
): MembershipLookup {
  const wanted = memberDn.toLowerCase()
  return (groupDn) => {
    const group = index.csObjectByDn(connectorId, groupDn)
    if (!group) return { groupFound: false, isMember: false }
    const member = group.synchronized?.attributes.find(
      (attribute) => attribute.name.toLowerCase() === 'member',
    )
    const isMember = (member?.values ?? []).some((value) => value.toLowerCase() === wanted)
    return { groupFound: true, isMember }
  }
}

type Polarity = 'positive' | 'negative'

interface CompiledClause {
  readonly polarity: Polarity
  /** Tests one value; for negative operators this is the positive test that is then negated. */
  readonly test: ((value: string) => boolean) | null
  readonly kind: 'values' | 'null-test' | 'membership'
}

const INTEGER = /^[+-]?\d+$/
const HEX = /^0x[0-9a-f]+$/i

function integerOf(text: string): bigint | null {
  const trimmed = text.trim()
  if (INTEGER.test(trimmed)) return BigInt(trimmed)
  if (HEX.test(trimmed)) return BigInt(trimmed)
  return null
}

function decimalOf(text: string): bigint | null {
  const trimmed = text.trim()
  return INTEGER.test(trimmed) ? BigInt(trimmed) : null
}

function compare(
  value: string,
  clauseValue: string,
  clauseInteger: bigint | null,
  clauseLower: string,
): number {
  if (clauseInteger !== null) {
    const integer = decimalOf(value)
    if (integer !== null) return integer < clauseInteger ? -1 : integer > clauseInteger ? 1 : 0
  }
  const lower = value.toLowerCase()
  return lower < clauseLower ? -1 : lower > clauseLower ? 1 : 0
}

const compiledCache = new WeakMap<ScopeClause, CompiledClause>()

function compile(clause: ScopeClause): CompiledClause {
  const cached = compiledCache.get(clause)
  if (cached) return cached
  const compiled = compileUncached(clause)
  compiledCache.set(clause, compiled)
  return compiled
}

function compileUncached(clause: ScopeClause): CompiledClause {
  const lower = clause.value.toLowerCase()
  const decimal = decimalOf(clause.value)
  const mask = integerOf(clause.value)
  const equal = (value: string): boolean => compare(value, clause.value, decimal, lower) === 0
  const contains = (value: string): boolean => value.toLowerCase().includes(lower)
  const startsWith = (value: string): boolean => value.toLowerCase().startsWith(lower)
  const endsWith = (value: string): boolean => value.toLowerCase().endsWith(lower)
  const bitSet = (value: string): boolean => {
    const integer = decimalOf(value)
    return integer !== null && mask !== null && (integer & mask) === mask
  }
  const ordered = (accept: (order: number) => boolean) => (value: string) =>
    accept(compare(value, clause.value, decimal, lower))
  const values = (polarity: Polarity, test: (value: string) => boolean): CompiledClause => ({
    polarity,
    test,
    kind: 'values',
  })
  const operator: ScopeOperator = clause.operator
  switch (operator) {
    case 'EQUAL':
    case 'ISIN':
      return values('positive', equal)
    case 'NOTEQUAL':
    case 'ISNOTIN':
      return values('negative', equal)
    case 'LESSTHAN':
      return values(
        'positive',
        ordered((order) => order < 0),
      )
    case 'LESSTHAN_OR_EQUAL':
      return values(
        'positive',
        ordered((order) => order <= 0),
      )
    case 'GREATERTHAN':
      return values(
        'positive',
        ordered((order) => order > 0),
      )
    case 'GREATERTHAN_OR_EQUAL':
      return values(
        'positive',
        ordered((order) => order >= 0),
      )
    case 'CONTAINS':
      return values('positive', contains)
    case 'NOTCONTAINS':
      return values('negative', contains)
    case 'STARTSWITH':
      return values('positive', startsWith)
    case 'NOTSTARTSWITH':
      return values('negative', startsWith)
    case 'ENDSWITH':
      return values('positive', endsWith)
    case 'NOTENDSWITH':
      return values('negative', endsWith)
    case 'ISBITSET':
      return values('positive', bitSet)
    case 'ISBITNOTSET':
      return values('negative', bitSet)
    case 'ISNULL':
      return { polarity: 'negative', test: null, kind: 'null-test' }
    case 'ISNOTNULL':
      return { polarity: 'positive', test: null, kind: 'null-test' }
    case 'ISMEMBEROF':
      return { polarity: 'positive', test: null, kind: 'membership' }
    case 'ISNOTMEMBEROF':
      return { polarity: 'negative', test: null, kind: 'membership' }
  }
}

/** Evaluates one clause against an object's attributes. */
export function evaluateClause(
  clause: ScopeClause,
  source: AttributeBag,
  membership: MembershipLookup | null = null,
): ClauseResult {
  const compiled = compile(clause)
  const negate = compiled.polarity === 'negative'
  switch (compiled.kind) {
    case 'null-test': {
      const actualValues = source.values(clause.attribute)
      const present = actualValues.length > 0
      return { clause, result: negate ? !present : present, actualValues, note: null }
    }
    case 'membership': {
      const actualValues = source.dn === null ? [] : [source.dn]
      if (!membership || source.dn === null) {
        return {
          clause,
          result: negate,
          actualValues,
          note: 'Group membership was not evaluated (no connector space to look the group up in).',
        }
      }
      const answer = membership(clause.value)
      const note = answer.groupFound
        ? null
        : `The group ${clause.value} is not in this connector space; the object is treated as not a member.`
      return { clause, result: negate ? !answer.isMember : answer.isMember, actualValues, note }
    }
    case 'values': {
      const actualValues = source.values(clause.attribute)
      const test = compiled.test ?? (() => false)
      const any = actualValues.some(test)
      return { clause, result: negate ? !any : any, actualValues, note: bitNote(clause, actualValues) }
    }
  }
}

function bitNote(clause: ScopeClause, actualValues: readonly string[]): string | null {
  if (clause.operator !== 'ISBITSET' && clause.operator !== 'ISBITNOTSET') return null
  if (integerOf(clause.value) === null) return `The clause value "${clause.value}" is not an integer.`
  const notInteger = actualValues.filter((value) => decimalOf(value) === null)
  return notInteger.length > 0 ? `${clause.attribute} holds a value that is not an integer.` : null
}

/** Evaluates a rule's scope groups: AND inside a group, OR between groups, no groups means in scope. */
export function evaluateScope(
  groups: readonly ScopeGroup[],
  source: AttributeBag,
  membership: MembershipLookup | null = null,
): ScopeResult {
  if (groups.length === 0) return { inScope: true, groups: [] }
  const results = groups.map((group): GroupResult => {
    const clauses = group.clauses.map((clause) => evaluateClause(clause, source, membership))
    const failing = clauses.find((clause) => !clause.result)
    return { matched: failing === undefined, clauses, failingClause: failing?.clause ?? null }
  })
  return { inScope: results.some((group) => group.matched), groups: results }
}

/** Why a scope is false, in words: `mailNickname ISNOTNULL is false (no value)`; one failing clause per group. */
export function scopeFailureText(scope: ScopeResult): string {
  const parts = scope.groups
    .map((group) => group.clauses.find((clause) => !clause.result))
    .filter((clause): clause is ClauseResult => clause !== undefined)
    .map((clause) => `${clauseText(clause.clause)} is false (${describeValues(clause.actualValues)})`)
  if (parts.length <= 1) return parts[0] ?? 'no scoping group matches'
  return parts.map((part, position) => `group ${position + 1}: ${part}`).join('; ')
}

/** The failing clause to name for an out-of-scope rule: the first group's first false clause. */
export function firstFailingClause(scope: ScopeResult): ScopeClause | null {
  if (scope.inScope) return null
  return scope.groups.find((group) => group.failingClause !== null)?.failingClause ?? null
}
