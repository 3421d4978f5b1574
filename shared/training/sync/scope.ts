/**
 * Scoping filters as the generator applies them to decide which rules reach an object. It follows the
 * choices of the engine (shared/engine/scoping.ts): case-insensitive text, numeric comparison when
 * both sides are integers, and an absent attribute satisfies every negative operator.
 */
import type { ScopeOperator } from '../../model/sync-rule'
import { type Attributes, valuesOf } from '../attributes'
import type { ScopeClauseSpec } from '../rules/rule-spec'

const INTEGER = /^[+-]?\d+$/

function compare(value: string, wanted: string): number {
  if (INTEGER.test(value.trim()) && INTEGER.test(wanted.trim())) {
    const left = BigInt(value.trim())
    const right = BigInt(wanted.trim())
    return left < right ? -1 : left > right ? 1 : 0
  }
  const left = value.toLowerCase()
  const right = wanted.toLowerCase()
  return left < right ? -1 : left > right ? 1 : 0
}

function bitsSet(value: string, mask: string): boolean {
  if (!INTEGER.test(value.trim()) || !INTEGER.test(mask.trim())) return false
  const bits = BigInt(mask.trim())
  return (BigInt(value.trim()) & bits) === bits
}

/** The positive test of an operator on one value, and whether the operator is the negation of it. */
function valueTest(
  operator: ScopeOperator,
  wanted: string,
): { test: (value: string) => boolean; negated: boolean } {
  const lower = wanted.toLowerCase()
  switch (operator) {
    case 'EQUAL':
    case 'ISIN':
      return { test: (value) => compare(value, wanted) === 0, negated: false }
    case 'NOTEQUAL':
    case 'ISNOTIN':
      return { test: (value) => compare(value, wanted) === 0, negated: true }
    case 'LESSTHAN':
      return { test: (value) => compare(value, wanted) < 0, negated: false }
    case 'LESSTHAN_OR_EQUAL':
      return { test: (value) => compare(value, wanted) <= 0, negated: false }
    case 'GREATERTHAN':
      return { test: (value) => compare(value, wanted) > 0, negated: false }
    case 'GREATERTHAN_OR_EQUAL':
      return { test: (value) => compare(value, wanted) >= 0, negated: false }
    case 'CONTAINS':
      return { test: (value) => value.toLowerCase().includes(lower), negated: false }
    case 'NOTCONTAINS':
      return { test: (value) => value.toLowerCase().includes(lower), negated: true }
    case 'STARTSWITH':
      return { test: (value) => value.toLowerCase().startsWith(lower), negated: false }
    case 'NOTSTARTSWITH':
      return { test: (value) => value.toLowerCase().startsWith(lower), negated: true }
    case 'ENDSWITH':
      return { test: (value) => value.toLowerCase().endsWith(lower), negated: false }
    case 'NOTENDSWITH':
      return { test: (value) => value.toLowerCase().endsWith(lower), negated: true }
    case 'ISBITSET':
      return { test: (value) => bitsSet(value, wanted), negated: false }
    case 'ISBITNOTSET':
      return { test: (value) => bitsSet(value, wanted), negated: true }
    case 'ISNULL':
    case 'ISNOTNULL':
    case 'ISMEMBEROF':
    case 'ISNOTMEMBEROF':
      // Not value tests; handled by clauseHolds. The generator's rules never scope on membership.
      return { test: () => false, negated: operator === 'ISNOTMEMBEROF' }
  }
}

/** True when a clause holds for the object. */
export function clauseHolds(clause: ScopeClauseSpec, attributes: Attributes): boolean {
  const values = valuesOf(attributes, clause.attribute)
  if (clause.operator === 'ISNULL') return values.length === 0
  if (clause.operator === 'ISNOTNULL') return values.length > 0
  const { test, negated } = valueTest(clause.operator, clause.value)
  return negated ? !values.some(test) : values.some(test)
}

/** True when any group holds (every clause of it), or when there are no groups. */
export function inScope(groups: readonly (readonly ScopeClauseSpec[])[], attributes: Attributes): boolean {
  return (
    groups.length === 0 || groups.some((group) => group.every((clause) => clauseHolds(clause, attributes)))
  )
}
