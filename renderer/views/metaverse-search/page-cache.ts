/** Rows fetched so far for one search, by page. */
export interface PageCache<Row> {
  readonly searchId: number
  readonly total: number
  readonly pageSize: number
  readonly pages: ReadonlyMap<number, readonly Row[]>
}

/** A cache holding the first page of a search. */
export function firstPage<Row>(
  answer: { readonly searchId: number; readonly total: number; readonly rows: readonly Row[] },
  pageSize: number,
): PageCache<Row> {
  return { searchId: answer.searchId, total: answer.total, pageSize, pages: new Map([[0, answer.rows]]) }
}

/** The cache with one more page. */
export function withPage<Row>(cache: PageCache<Row>, page: number, rows: readonly Row[]): PageCache<Row> {
  const pages = new Map(cache.pages)
  pages.set(page, rows)
  return { ...cache, pages }
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

/** One slot per match: the row when its page is cached, else undefined. */
export function rowSlots<Row>(cache: PageCache<Row>): (Row | undefined)[] {
  const slots = new Array<Row | undefined>(cache.total).fill(undefined)
  for (const [page, rows] of cache.pages) {
    rows.forEach((row, offset) => {
      const index = page * cache.pageSize + offset
      if (index < slots.length) slots[index] = row
    })
  }
  return slots
}
