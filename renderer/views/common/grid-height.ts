/** Grid row height in pixels; fixed so the virtualizer never measures. */
export const GRID_ROW_HEIGHT = 30

/** Grid header height in pixels. */
export const GRID_HEADER_HEIGHT = 34

/** Top and bottom border of the grid box. */
const BORDERS = 2

/**
 * The height of a grid box that shows `rowCount` rows without empty space under them, at most `maxRows` rows
 * (the grid scrolls past that) and at least `minRows`, which leaves room for the empty message.
 */
export function fitGridHeight(rowCount: number, maxRows: number, minRows = 2): number {
  const shown = Math.min(Math.max(rowCount, minRows), maxRows)
  return GRID_HEADER_HEIGHT + shown * GRID_ROW_HEIGHT + BORDERS
}

/** The smallest width (rem) a CSS grid track asks for: `12rem` or `minmax(12rem, 2fr)`; 0 for other forms. */
function trackMinRem(track: string): number {
  const match = /^\s*(?:minmax\(\s*)?([\d.]+)rem\b/.exec(track)
  return match?.[1] === undefined ? 0 : Number(match[1])
}

/**
 * The minimum width of a grid's rows: the sum of its tracks' minimums. The header and the body both take it,
 * so the absolutely placed body rows keep the header's columns when the grid is narrower than that.
 */
export function gridMinWidth(tracks: readonly string[]): string {
  const rem = tracks.reduce((sum, track) => sum + trackMinRem(track), 0)
  return `${Math.round(rem * 100) / 100}rem`
}
