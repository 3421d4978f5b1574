/** Limits for a two-pane split, in pixels. */
export interface SplitLimits {
  /** Smallest width of the first pane. */
  readonly minFirst: number
  /** Smallest width of the second pane. */
  readonly minSecond: number
}

/**
 * The first pane's width after a drag or key press, kept inside the limits. When the container is too narrow
 * for both minimums, the second pane (the detail) keeps its minimum and the first pane shrinks.
 */
export function clampSplit(requested: number, containerWidth: number, limits: SplitLimits): number {
  const max = containerWidth - limits.minSecond
  const clamped = Math.min(max, Math.max(limits.minFirst, requested))
  return Math.max(0, Math.round(clamped))
}

/** Keyboard step for a focused splitter: arrows move by `step`, with Shift by five steps. */
export function splitKeyDelta(key: string, shiftKey: boolean, step = 16): number {
  const size = shiftKey ? step * 5 : step
  switch (key) {
    case 'ArrowLeft':
      return -size
    case 'ArrowRight':
      return size
    default:
      return 0
  }
}
