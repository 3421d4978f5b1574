/** What the browser build opens at startup. */
export type BrowserStart = 'training' | 'empty'

/** The training snapshot, unless the page address says `?start=empty` (tests of the start page, demos). */
export function browserStart(search: string): BrowserStart {
  return new URLSearchParams(search).get('start') === 'empty' ? 'empty' : 'training'
}
