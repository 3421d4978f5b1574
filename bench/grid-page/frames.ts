/** What a benchmark page publishes on `window.gridBench` for the Playwright driver. */
export interface GridBench {
  /** The DOM id of the scrolled grid. */
  readonly gridId: string
  readonly rows: number
  /**
   * Brings up the first rows (renders the grid, or presses Search) and resolves with the milliseconds until the
   * first data rows are in the DOM and painted.
   */
  firstRows(): Promise<number>
  /** Scrolls the grid by `step` pixels per frame for `frames` frames; resolves with each frame's duration. */
  scroll(frames: number, step: number): Promise<number[]>
}

declare global {
  interface Window {
    gridBench?: GridBench
  }
}

/** Resolves at the next animation frame with its timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve))
}

/** Waits, frame by frame, until `ready` holds, then one more frame so that what it saw is painted. */
export async function framesUntil(ready: () => boolean): Promise<void> {
  while (!ready()) await nextFrame()
  await nextFrame()
}

/** The element with this id; throws when the page has not rendered it. */
export function elementById(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`The page has no #${id}.`)
  return element
}

/** The User Timing mark set at every animation frame while scrolling: a trace cuts its thread time by them. */
export const FRAME_MARK = 'grid-frame'

/**
 * Scrolls `element` by `step` pixels per frame (back to the top at the end) and returns each frame's duration:
 * the time between consecutive animation frames, which includes whatever ran between them (scroll handling,
 * React renders, answers from a worker, layout, paint, garbage collection). Each frame also sets `FRAME_MARK`.
 */
export async function scrollFrames(element: HTMLElement, frames: number, step: number): Promise<number[]> {
  const durations: number[] = []
  let previous = await nextFrame()
  performance.mark(FRAME_MARK)
  for (let frame = 0; frame < frames; frame += 1) {
    const max = element.scrollHeight - element.clientHeight
    element.scrollTop = element.scrollTop + step > max ? 0 : element.scrollTop + step
    const now = await nextFrame()
    performance.mark(FRAME_MARK)
    durations.push(now - previous)
    previous = now
  }
  return durations
}
