/** Keys that move the selection in a grid. */
export type GridNavigationKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End'

/** True for a key the grid handles as navigation. */
export function isGridNavigationKey(key: string): key is GridNavigationKey {
  return ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].includes(key)
}

/**
 * The row index a navigation key selects.
 *
 * `current` is -1 when nothing is selected: then Down, PageDown and Home select the first row and Up,
 * PageUp and End the last. `pageSize` is the number of rows a page jump moves (at least 1). Returns -1 for
 * an empty grid.
 */
export function nextRowIndex(
  key: GridNavigationKey,
  current: number,
  count: number,
  pageSize: number,
): number {
  if (count <= 0) return -1
  const last = count - 1
  const page = Math.max(1, Math.floor(pageSize))
  const clamp = (index: number): number => Math.min(last, Math.max(0, index))
  if (current < 0 || current > last) {
    return key === 'ArrowUp' || key === 'PageUp' || key === 'End' ? last : 0
  }
  switch (key) {
    case 'ArrowUp':
      return clamp(current - 1)
    case 'ArrowDown':
      return clamp(current + 1)
    case 'PageUp':
      return clamp(current - page)
    case 'PageDown':
      return clamp(current + page)
    case 'Home':
      return 0
    case 'End':
      return last
  }
}

/** How many whole rows fit in a viewport, less one so a page jump keeps one row of context. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1)
}
