import type { ComparisonSlot } from './comparison-slot'
import { QUERY_TABLE, type QueryArgs, type QueryResult } from './query-table'

/** What the comparison queries answer from: the compared snapshot beside the open one, when there is one. */
export interface ComparisonHolder {
  readonly comparison: ComparisonSlot | null
}

type ComparisonQuery =
  'comparison' | 'comparisonImpact' | 'comparisonRulePair' | 'comparisonObject' | 'comparisonReport'

/** How the comparison queries of the table are answered; with nothing compared, each gives its empty answer. */
export const COMPARISON_HANDLERS: {
  readonly [N in ComparisonQuery]: (holder: ComparisonHolder, ...args: QueryArgs<N>) => QueryResult<N>
} = {
  comparison: ({ comparison }) => comparison?.overview() ?? null,
  comparisonImpact: ({ comparison }, request) =>
    comparison?.impactPage(request) ?? { total: 0, offset: 0, rows: [] },
  comparisonRulePair: ({ comparison }, request) => comparison?.rulePair(request) ?? { a: null, b: null },
  comparisonObject: ({ comparison }, request) =>
    comparison?.compareObject(request.dn, request.connector) ?? null,
  comparisonReport: ({ comparison }, request) =>
    comparison?.report(request) ?? QUERY_TABLE.comparisonReport.empty,
}
