/**
 * Main-thread time per frame, from a Chromium trace: what a frame cost the renderer, apart from the time it waited
 * for a core. On a shared machine a frame's wall time also counts the moments the renderer was not running at all;
 * the trace's thread time (`tdur`) of the main thread's tasks does not. Frames are cut by the User Timing marks
 * the benchmark page sets at every animation frame (`FRAME_MARK` in grid-page/frames.ts).
 */

/** The parts of a Chromium trace event this reads (Trace Event Format; times in microseconds). */
export interface TraceEvent {
  readonly name?: string
  readonly cat?: string
  readonly ph?: string
  readonly pid?: number
  readonly tid?: number
  readonly ts?: number
  readonly dur?: number
  readonly tdur?: number
  readonly args?: { readonly name?: string }
}

/** The names under which Chromium's scheduler records one task of a thread. */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])

/** The events of a trace file as Playwright's `browser.stopTracing()` writes it (an object or a bare array). */
export function traceEvents(json: unknown): readonly TraceEvent[] {
  if (Array.isArray(json)) return json as TraceEvent[]
  if (typeof json === 'object' && json !== null && 'traceEvents' in json) {
    const events = (json as { traceEvents: unknown }).traceEvents
    if (Array.isArray(events)) return events as TraceEvent[]
  }
  throw new Error('Not a Chromium trace: no traceEvents array.')
}

/**
 * The main thread's time in each frame, in milliseconds, one figure per pair of consecutive `mark` events (so one
 * fewer than the marks). The main thread is the one that set the marks. A task that spans a frame boundary counts
 * in each frame in proportion to its wall time there; tasks run inside another task (nested loops) count once, as
 * part of the outer one. Null when the trace has under two marks or no task with thread time on that thread.
 */
export function frameThreadTimes(events: readonly TraceEvent[], mark: string): number[] | null {
  const marks = events.filter((event) => event.name === mark && typeof event.ts === 'number')
  const first = marks[0]
  if (marks.length < 2 || first === undefined) return null
  const { pid, tid } = first
  const bounds = marks.map((event) => event.ts ?? 0).sort((a, b) => a - b)
  const tasks = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.pid === pid &&
        event.tid === tid &&
        TASK_NAMES.has(event.name ?? '') &&
        typeof event.ts === 'number' &&
        typeof event.dur === 'number' &&
        typeof event.tdur === 'number',
    )
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))
  if (tasks.length === 0) return null
  const frames = new Array<number>(bounds.length - 1).fill(0)
  let outerEnd = Number.NEGATIVE_INFINITY
  let frame = 0
  for (const task of tasks) {
    const start = task.ts ?? 0
    const wall = task.dur ?? 0
    const end = start + wall
    if (end <= outerEnd) continue
    outerEnd = end
    while (frame < frames.length && (bounds[frame + 1] ?? 0) <= start) frame += 1
    for (let index = frame; index < frames.length && (bounds[index] ?? 0) < end; index += 1) {
      const overlap = Math.min(end, bounds[index + 1] ?? 0) - Math.max(start, bounds[index] ?? 0)
      if (overlap <= 0) continue
      frames[index] = (frames[index] ?? 0) + ((task.tdur ?? 0) * overlap) / wall / 1000
    }
  }
  return frames
}
