/** The seven operators of Metaverse Search, as the Service Manager offers them. */
export type SearchOperator =
  'equals' | 'contains' | 'not-contains' | 'present' | 'not-present' | 'starts-with' | 'ends-with'

/** Every operator, in the Service Manager's order. */
export const SEARCH_OPERATORS: readonly SearchOperator[] = [
  'equals',
  'contains',
  'not-contains',
  'present',
  'not-present',
  'starts-with',
  'ends-with',
]

/**
 * One row of the clause grid: Attribute | Operator | Value. Comparisons are case-insensitive.
 * `present` and `not-present` ignore the value. A multi-valued attribute matches when any value
 * does; `not-contains` matches objects that have the attribute and no value containing the text
 * (like SQL's NOT LIKE, objects without the attribute do not match).
 */
export interface SearchClause {
  readonly attribute: string
  readonly operator: SearchOperator
  readonly value?: string
}

/** Clauses that must all hold (AND). */
export interface ClauseGroup {
  readonly clauses: readonly SearchClause[]
}

/**
 * A Metaverse Search: optionally scoped to one object type, with groups OR-ed together. One group is
 * the Service Manager's behaviour; no group at all (or an empty group) matches every object in scope.
 */
export interface MetaverseQuery {
  readonly objectType?: string
  readonly groups: readonly ClauseGroup[]
}
