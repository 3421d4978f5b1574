import type { AbortSignalLike } from '../model/cancel'
import type { ObjectStore } from '../store/object-store'
import type { MetaverseQuery } from './metaverse-query'
import type { MvColumns } from './mv-columns'
import { QueryPlan, type IndexUse } from './query-plan'
import {
  mvSearchRows,
  pageBounds,
  type MvSearchRow,
  type PageOptions,
  type SearchResult,
} from './result-rows'

/** Rows scanned per step of the incremental search (a multiple of 32). */
const BATCH_ROWS = 1 << 16
/**
 * Rows scanned by the first step when the caller sets no batch size; each later step doubles up to
 * BATCH_ROWS. A broad query (Is not present) matches most rows, and naming every match of a full
 * first step kept the first rows waiting past 100 ms at 100k objects.
 */
const FIRST_BATCH_ROWS = 1 << 12

/** Options of a Metaverse Search. */
export interface MetaverseSearchOptions extends PageOptions {
  /** Keeps only the objects for which it returns true (e.g. "has unmapped attributes"). */
  readonly extraFilter?: (mvId: string) => boolean
  /**
   * Whether Equals and Starts with build a missing sorted index (default true: a second or so per
   * attribute at a million objects, then a few milliseconds per search). False scans instead (tens
   * of milliseconds), for a host that builds indexes later (`ObjectStore.prepareSearchIndex`).
   */
  readonly buildIndexes?: boolean
  /**
   * Only the first rows are searched (default: all): on a computed metaverse, the rows whose values are computed so
   * far. The extra filter then sees only those.
   */
  readonly firstRows?: number
}

/** The result of a Metaverse Search: the total, the page asked for, and every match as a row number. */
export type MetaverseSearchResult = SearchResult<MvSearchRow>

/**
 * The metaverse rows matching a query, ascending (the order objects were loaded in). Equals and
 * Starts with build the attribute's sorted index on first use unless told not to.
 */
export function matchMetaverse(
  store: MvColumns,
  query: MetaverseQuery,
  options: Pick<MetaverseSearchOptions, 'extraFilter' | 'buildIndexes' | 'firstRows'> = {},
): Uint32Array {
  const plan = new QueryPlan(store, query, options.buildIndexes === false ? 'if-built' : 'build')
  const rows = Math.max(0, Math.min(plan.rowCount, options.firstRows ?? plan.rowCount))
  return filterRows(store, plan.evaluate(0, rows).rowsInRange(0, rows), options.extraFilter)
}

/** Runs a Metaverse Search and returns the total, one page of grid rows, and every match. */
export function searchMetaverse(
  store: MvColumns,
  query: MetaverseQuery,
  options: MetaverseSearchOptions = {},
): MetaverseSearchResult {
  return metaverseResultPage(store, matchMetaverse(store, query, options), options)
}

/** Another page over matches found before (`matchMetaverse`, or a result's `matches`). */
export function metaverseResultPage(
  store: MvColumns,
  matches: Uint32Array,
  options: PageOptions = {},
): MetaverseSearchResult {
  const [start, end] = pageBounds(matches.length, options)
  const page = mvSearchRows(store, matches.subarray(start, end), options.columns)
  return { total: matches.length, ids: page.map((row) => row.id), page, matches }
}

/** Matches found by one step of an incremental search. */
export interface MetaverseSearchBatch {
  /** Ids of the matches of this step, in result order. */
  readonly ids: readonly string[]
  /** Their metaverse rows (for `mvSearchRows`), in the same order. */
  readonly rows: Uint32Array
  /** Matches so far, this batch included. */
  readonly matched: number
  /** Rows looked at so far, out of `rowCount`. */
  readonly scanned: number
  readonly rowCount: number
  /** True on the last batch. */
  readonly done: boolean
}

/** Options of the incremental search. */
export interface IncrementalSearchOptions {
  readonly extraFilter?: (mvId: string) => boolean
  /** Rows scanned per step (rounded to a multiple of 32); by default 4,096 first, doubling up to 65,536. */
  readonly batchRows?: number
  /** Stops the search between steps. */
  readonly signal?: AbortSignalLike
  /** Awaited between steps so the host can answer other messages (default: a resolved promise). */
  readonly yieldControl?: () => Promise<void>
}

/**
 * The search as a sequence of steps, each covering the next range of rows; every step yields a
 * batch (possibly empty) so that progress shows. Equals and Starts with use the sorted index when it
 * exists and scan otherwise; the index of such an attribute is built after the last batch, so the
 * first results come without waiting for it and the next search is instant.
 */
export function* metaverseSearchSteps(
  store: ObjectStore,
  query: MetaverseQuery,
  options: Pick<IncrementalSearchOptions, 'extraFilter' | 'batchRows'> = {},
): Generator<MetaverseSearchBatch, void, void> {
  const indexUse: IndexUse = 'if-built'
  const plan = new QueryPlan(store, query, indexUse)
  const rowCount = plan.rowCount
  const fixedStep = options.batchRows !== undefined
  let step = fixedStep ? Math.max(32, Math.ceil((options.batchRows ?? 0) / 32) * 32) : FIRST_BATCH_ROWS
  let matched = 0
  let from = 0
  do {
    const to = Math.min(rowCount, from + step)
    const rows = filterRows(store, plan.evaluate(from, to).rowsInRange(from, to), options.extraFilter)
    matched += rows.length
    const ids = Array.from(rows, (row) => store.mvIdAt(row))
    yield { ids, rows, matched, scanned: to, rowCount, done: to >= rowCount }
    from = to
    if (!fixedStep) step = Math.min(BATCH_ROWS, step * 2)
  } while (from < rowCount)
  store.prepareSearchIndex(plan.unindexed)
}

/**
 * Runs a Metaverse Search step by step, handing each batch to `onBatch` as soon as it is found, and
 * resolves with the total (or with `cancelled` when the signal stopped it).
 */
export async function searchMetaverseIncremental(
  store: ObjectStore,
  query: MetaverseQuery,
  onBatch: (batch: MetaverseSearchBatch) => void,
  options: IncrementalSearchOptions = {},
): Promise<{ readonly total: number; readonly cancelled: boolean }> {
  const pause = options.yieldControl ?? (() => Promise.resolve())
  let total = 0
  for (const batch of metaverseSearchSteps(store, query, options)) {
    if (options.signal?.aborted === true) return { total, cancelled: true }
    total = batch.matched
    onBatch(batch)
    if (!batch.done) await pause()
  }
  return { total, cancelled: false }
}

function filterRows(
  store: MvColumns,
  rows: Uint32Array,
  extraFilter: ((mvId: string) => boolean) | undefined,
): Uint32Array {
  if (extraFilter === undefined) return rows
  return rows.filter((row) => extraFilter(store.mvIdAt(row)))
}
