/** What the browser build opens at startup. */
export type BrowserStart = 'training' | 'empty'

/** The training snapshot, unless the page address says `?start=empty` (tests of the start page, demos). */
export function browserStart(search: string): BrowserStart {
  return new URLSearchParams(search).get('start') === 'empty' ? 'empty' : 'training'
}

/**
 * The thread count a load of picked files reads with when the page's address says `?readers=N` (the snapshot worker
 * and N - 1 segment readers; 1 reads in one thread), for measurements and tests; null when it says none.
 */
export function browserReaders(search: string): number | null {
  const asked = Number(new URLSearchParams(search).get('readers') ?? '')
  return Number.isInteger(asked) && asked >= 1 ? asked : null
}
