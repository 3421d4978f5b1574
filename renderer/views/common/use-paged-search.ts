import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { MAX_PAGE_LIMIT, type SearchPage } from '../../../shared/app/view-queries'
import { firstPage, missingPages, pageRowSource, withPage, type PageCache } from './page-cache'
import type { RowSource } from './row-source'

/** Rows asked per page. */
export const SEARCH_PAGE_SIZE = 200

/** How often a search that is still checking objects is asked again (milliseconds). */
const CHECKING_REFRESH_MS = 500

/** Asks the host for one page; `searchId` pages an earlier answer without searching again. */
export type PageFetcher<Row> = (offset: number, limit: number, searchId?: number) => Promise<SearchPage<Row>>

/** A search as the results grid sees it. */
export interface PagedSearch<Row> {
  /** The matches by position (undefined until their page arrives); null before the first answer. */
  readonly rows: RowSource<Row> | null
  readonly total: number | null
  readonly elapsedMs: number
  /** While the session is still checking objects (their flows, or their computed values): how far it got. */
  readonly checking: SearchPage<Row>['checking'] | null
  /** Objects of a computed metaverse whose values could not be computed, and the first of them. */
  readonly uncomputed: SearchPage<Row>['uncomputed'] | null
  readonly searching: boolean
  readonly error: string | null
  /** Fetches the pages covering rows [start, end). */
  readonly loadRange: (start: number, end: number) => void
  /** Every match (fetching the missing pages), for CSV export. */
  readonly allRows: () => Promise<readonly Row[]>
}

/** The answer on screen: its pages, and how far the session got when it is still checking. */
interface ShownSearch<Row> {
  readonly key: string
  readonly pages: PageCache<Row>
  readonly checking: SearchPage<Row>['checking'] | null
  readonly uncomputed: SearchPage<Row>['uncomputed'] | null
}

/**
 * Runs a search whenever `runKey` changes (null: not yet searched) and fetches further pages as the grid scrolls.
 * `fetchPage` must only depend on what `runKey` names.
 */
export function usePagedSearch<Row>(runKey: string | null, fetchPage: PageFetcher<Row>): PagedSearch<Row> {
  const [cache, setCache] = useState<ShownSearch<Row> | null>(null)
  const [elapsedMs, setElapsedMs] = useState(0)
  const [failure, setFailure] = useState<{ readonly key: string; readonly message: string } | null>(null)
  const asked = useRef(new Set<number>())
  const fetcher = useRef(fetchPage)
  const latest = useRef<ShownSearch<Row> | null>(null)

  useLayoutEffect(() => {
    fetcher.current = fetchPage
  })

  useEffect(() => {
    if (runKey === null) return
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    // A search that has not checked every object yet ("has unmapped attributes") is asked again until it
    // has; each answer replaces the shown matches, so results grow while the session checks.
    const run = (): void => {
      fetcher.current(0, SEARCH_PAGE_SIZE).then(
        (page) => {
          if (!live) return
          asked.current = new Set()
          setCache({
            key: runKey,
            pages: firstPage(page, SEARCH_PAGE_SIZE),
            checking: page.checking ?? null,
            uncomputed: page.uncomputed ?? null,
          })
          setElapsedMs(page.elapsedMs)
          if (page.checking) timer = setTimeout(run, CHECKING_REFRESH_MS)
        },
        (reason: unknown) => {
          if (live)
            setFailure({ key: runKey, message: reason instanceof Error ? reason.message : String(reason) })
        },
      )
    }
    asked.current = new Set()
    run()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [runKey])

  const current = cache !== null && cache.key === runKey ? cache : null
  const error = failure !== null && failure.key === runKey ? failure.message : null

  // Layout effects, so that the grid's passive effects (which ask for the rows on screen) see this render's search.
  useLayoutEffect(() => {
    latest.current = current
  })

  // Stable across pages (it reads the current cache from a ref), so the grid never re-renders for a new callback.
  const loadRange = useCallback((start: number, end: number) => {
    const shown = latest.current
    if (!shown) return
    const { pages } = shown
    // One page beyond each end of the visible rows: while scrolling, the next page is usually there already.
    const margin = pages.pageSize
    for (const page of missingPages(pages, start - margin, end + margin, asked.current)) {
      asked.current.add(page)
      fetcher.current(page * pages.pageSize, pages.pageSize, pages.searchId).then(
        (answer) =>
          setCache((previous) =>
            previous && previous.key === shown.key && previous.pages.searchId === pages.searchId
              ? { ...previous, pages: withPage(previous.pages, page, answer.rows) }
              : previous,
          ),
        () => asked.current.delete(page),
      )
    }
  }, [])

  const allRows = useCallback(async (): Promise<readonly Row[]> => {
    if (!current) return []
    const { pages } = current
    const rows: Row[] = []
    // The largest pages the session gives: 60 round trips for 300,000 matches instead of 1,500 grid pages.
    for (let offset = 0; offset < pages.total; offset += MAX_PAGE_LIMIT) {
      const limit = Math.min(MAX_PAGE_LIMIT, pages.total - offset)
      const answer = await fetcher.current(offset, limit, pages.searchId)
      for (const row of answer.rows) rows.push(row)
      if (answer.rows.length < limit) break
    }
    return rows
  }, [current])

  const rows = useMemo(() => (current ? pageRowSource(current.pages) : null), [current])

  return {
    rows,
    total: current ? current.pages.total : null,
    elapsedMs,
    checking: current ? current.checking : null,
    uncomputed: current ? current.uncomputed : null,
    searching: runKey !== null && current === null && error === null,
    error,
    loadRange,
    allRows,
  }
}
