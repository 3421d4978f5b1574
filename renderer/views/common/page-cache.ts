import type { RowSource } from './row-source'

/** Rows fetched so far for one search, by page. */
export interface PageCache<Row> {
  readonly searchId: number
  readonly total: number
  readonly pageSize: number
  readonly pages: ReadonlyMap<number, readonly Row[]>
  /** Rows in `pages`, so that "every row is loaded" needs no pass over them. */
  readonly loaded: number
}

/** A cache holding the first page of a search. */
export function firstPage<Row>(
  answer: { readonly searchId: number; readonly total: number; readonly rows: readonly Row[] },
  pageSize: number,
): PageCache<Row> {
  return {
    searchId: answer.searchId,
    total: answer.total,
    pageSize,
    pages: new Map([[0, answer.rows]]),
    loaded: answer.rows.length,
  }
}

/** The cache with one more page (a page already held is replaced). */
export function withPage<Row>(cache: PageCache<Row>, page: number, rows: readonly Row[]): PageCache<Row> {
  const pages = new Map(cache.pages)
  const replaced = pages.get(page)?.length ?? 0
  pages.set(page, rows)
  return { ...cache, pages, loaded: cache.loaded - replaced + rows.length }
}

/** Pages covering rows [start, end) that are neither cached nor already asked for. */
export function missingPages(
  cache: PageCache<unknown>,
  start: number,
  end: number,
  asked: ReadonlySet<number>,
): number[] {
  const last = Math.min(end, cache.total) - 1
  if (last < 0 || cache.pageSize <= 0) return []
  const pages: number[] = []
  for (let page = Math.floor(Math.max(0, start) / cache.pageSize); page * cache.pageSize <= last; page++) {
    if (!cache.pages.has(page) && !asked.has(page)) pages.push(page)
  }
  return pages
}

/** The cached rows by position: a row when its page is cached, else undefined. Costs nothing per row. */
export function pageRowSource<Row>(cache: PageCache<Row>): RowSource<Row> {
  return {
    count: cache.total,
    complete: cache.loaded >= cache.total,
    rowAt: (index) =>
      index >= 0 && index < cache.total
        ? cache.pages.get(Math.floor(index / cache.pageSize))?.[index % cache.pageSize]
        : undefined,
  }
}
