import { Bitset } from '../store/bitset'
import type { TextMatch } from '../text/fold'
import type { ValueColumn } from '../store/value-column'
import { foldCase, matchesFolded } from '../text/fold'
import type { MetaverseQuery, SearchClause } from './metaverse-query'
import type { MvColumns } from './mv-columns'

/** When a group's candidates are fewer than this share of a row range, clauses are checked per row. */
const PER_ROW_SHARE = 1 / 64

/** How a plan uses the sorted value index for Equals and Starts with. */
export type IndexUse = 'build' | 'if-built'

interface PreparedClause {
  readonly column: ValueColumn | null
  readonly operator: SearchClause['operator']
  readonly value: string
  /** Set once for the whole store (index or presence based), else computed per row range. */
  whole: Bitset | null
}

/**
 * A Metaverse query prepared against a store and evaluated over row ranges.
 *
 * Clauses that an index answers for the whole store at once (Equals and Starts with through the
 * sorted index, Is present / Is not present through the presence set) are computed once; the others
 * (Contains, Ends with, Does not contain, and Equals/Starts with without an index) scan only the
 * range asked for, or check candidate rows one by one when earlier clauses left few. That is what
 * lets the incremental search hand over its first rows after scanning only the first range.
 */
export class QueryPlan {
  private readonly groups: readonly (readonly PreparedClause[])[]
  private readonly scope: Bitset
  /** Attributes scanned for Equals or Starts with for want of an index. */
  public readonly unindexed: readonly string[]

  public constructor(
    private readonly store: MvColumns,
    query: MetaverseQuery,
    indexUse: IndexUse,
  ) {
    const rows = store.mvRowCount
    this.scope =
      query.objectType === undefined || query.objectType === ''
        ? Bitset.full(rows)
        : store.mvRowsOfType(query.objectType)
    const unindexed: string[] = []
    const groups = query.groups.length === 0 ? [{ clauses: [] }] : query.groups
    this.groups = groups.map((group) =>
      group.clauses
        .map((clause): PreparedClause => {
          const column = store.mvColumn(clause.attribute)
          const prepared: PreparedClause = {
            column,
            operator: clause.operator,
            value: clause.value ?? '',
            whole: null,
          }
          const indexable = clause.operator === 'equals' || clause.operator === 'starts-with'
          if (indexable && column !== null && !column.indexed && indexUse === 'if-built') {
            unindexed.push(clause.attribute)
          }
          if (column === null || isWhole(prepared, indexUse)) prepared.whole = wholeSet(prepared, rows)
          return prepared
        })
        // Whole-store sets first: they are cheap, and they shrink what the scans must look at.
        .sort((left, right) => (left.whole === null ? 1 : 0) - (right.whole === null ? 1 : 0)),
    )
    this.unindexed = unindexed
  }

  /** Number of rows the plan covers. */
  public get rowCount(): number {
    return this.store.mvRowCount
  }

  /**
   * The matching rows in [from, to), as bits of a fresh set (other bits clear). `from` must be a
   * multiple of 32.
   */
  public evaluate(from: number, to: number): Bitset {
    const result = new Bitset(this.rowCount)
    for (const group of this.groups) {
      const candidates = new Bitset(this.rowCount).or(this.scope, from, to)
      for (const clause of group) {
        if (!this.narrow(candidates, clause, from, to)) break
      }
      result.or(candidates, from, to)
    }
    return result
  }

  /** Applies one clause to the candidates; false when none remain. */
  private narrow(candidates: Bitset, clause: PreparedClause, from: number, to: number): boolean {
    if (clause.whole !== null) {
      candidates.and(clause.whole, from, to)
      return candidates.countRange(from, to) > 0
    }
    const column = clause.column
    if (column === null) return false
    const remaining = candidates.countRange(from, to)
    if (remaining === 0) return false
    if (remaining < (to - from) * PER_ROW_SHARE) {
      candidates.forEachInRange(from, to, (row) => {
        if (!matchesRow(column.valuesOf(row), clause)) candidates.delete(row)
      })
    } else {
      const found = new Bitset(this.rowCount)
      const match = textMatchOf(clause.operator)
      column.addScannedMatches(clause.value, match, from, to, found)
      if (clause.operator === 'not-contains') {
        candidates.and(column.present(this.rowCount), from, to).andNot(found, from, to)
      } else candidates.and(found, from, to)
    }
    return candidates.countRange(from, to) > 0
  }
}

function isWhole(clause: PreparedClause, indexUse: IndexUse): boolean {
  switch (clause.operator) {
    case 'present':
    case 'not-present':
      return true
    case 'equals':
    case 'starts-with':
      return indexUse === 'build' || clause.column?.indexed === true
    case 'contains':
    case 'not-contains':
    case 'ends-with':
      return false
  }
}

/** The whole-store set of an index- or presence-based clause, or of any clause on a missing attribute. */
function wholeSet(clause: PreparedClause, rows: number): Bitset {
  const column = clause.column
  if (column === null) return clause.operator === 'not-present' ? Bitset.full(rows) : new Bitset(rows)
  switch (clause.operator) {
    case 'present':
      return column.present(rows)
    case 'not-present':
      return Bitset.full(rows).andNot(column.present(rows))
    case 'equals':
    case 'starts-with': {
      const set = new Bitset(rows)
      column.addIndexedMatches(clause.value, clause.operator, set)
      return set
    }
    case 'contains':
    case 'not-contains':
    case 'ends-with':
      return new Bitset(rows)
  }
}

function textMatchOf(operator: SearchClause['operator']): TextMatch {
  switch (operator) {
    case 'equals':
      return 'equals'
    case 'starts-with':
      return 'starts-with'
    case 'ends-with':
      return 'ends-with'
    case 'contains':
    case 'not-contains':
    case 'present':
    case 'not-present':
      return 'contains'
  }
}

/** Whether one object's values of the clause's attribute satisfy it. */
export function matchesRow(
  values: readonly string[],
  clause: Pick<SearchClause, 'operator' | 'value'>,
): boolean {
  const needle = foldCase(clause.value ?? '')
  switch (clause.operator) {
    case 'present':
      return values.length > 0
    case 'not-present':
      return values.length === 0
    case 'not-contains':
      return values.length > 0 && !values.some((value) => foldCase(value).includes(needle))
    case 'equals':
    case 'starts-with':
    case 'ends-with':
    case 'contains': {
      const match = textMatchOf(clause.operator)
      return values.some((value) => matchesFolded(foldCase(value), needle, match))
    }
  }
}
