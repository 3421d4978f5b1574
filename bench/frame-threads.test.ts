import { describe, expect, it } from 'vitest'
import { frameThreadTimes, traceEvents, type TraceEvent } from './frame-threads'

const MAIN = { pid: 7, tid: 1 }
const mark = (ts: number, where = MAIN): TraceEvent => ({
  name: 'grid-frame',
  cat: 'blink.user_timing',
  ph: 'R',
  ts,
  ...where,
})
const task = (ts: number, dur: number, tdur: number, where = MAIN): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  cat: 'toplevel',
  ph: 'X',
  ts,
  dur,
  tdur,
  ...where,
})

describe('frameThreadTimes', () => {
  it('sums the main thread time of each frame, splitting a task across a boundary by its wall time', () => {
    const events = [
      mark(1_000),
      task(1_100, 4_000, 3_000), // frame 1
      mark(10_000),
      task(18_000, 4_000, 2_000), // half in frame 2, half in frame 3
      mark(20_000),
      task(25_000, 60_000, 6_000), // waited for a core: 60 ms of wall, 6 ms of work, all in frame 3
      mark(90_000),
    ]

    expect(frameThreadTimes(events, 'grid-frame')).toEqual([3, 1, 7])
  })

  it('counts nested tasks once, and only the thread that set the marks', () => {
    const events = [
      mark(0),
      task(100, 10_000, 8_000),
      task(200, 2_000, 2_000), // run inside the task above
      task(300, 5_000, 5_000, { pid: 7, tid: 2 }), // a worker thread of the same renderer
      task(300, 5_000, 5_000, { pid: 9, tid: 1 }), // another process
      { ...task(400, 1_000, 1_000), name: 'ParseHTML' }, // not a task record
      mark(20_000),
    ]

    expect(frameThreadTimes(events, 'grid-frame')).toEqual([8])
  })

  it('gives null when there is nothing to cut or to count', () => {
    expect(frameThreadTimes([mark(0), task(10, 5, 5)], 'grid-frame')).toBeNull()
    expect(frameThreadTimes([mark(0), mark(10)], 'grid-frame')).toBeNull()
    expect(
      frameThreadTimes([mark(0), { ...task(1, 5, 0), tdur: undefined }, mark(10)], 'grid-frame'),
    ).toBeNull()
  })
})

describe('traceEvents', () => {
  it('reads both shapes of a trace file and refuses anything else', () => {
    expect(traceEvents({ traceEvents: [mark(1)] })).toHaveLength(1)
    expect(traceEvents([mark(1), mark(2)])).toHaveLength(2)
    expect(() => traceEvents({ events: [] })).toThrow(/no traceEvents/)
  })
})
