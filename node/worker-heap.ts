/**
 * The young generation of the thread that holds a snapshot. V8's default (16 MB semi-spaces) collects it every
 * 10 to 15 object reports, and with a large snapshot live each collection takes 6 to 8 ms (300k objects) or
 * more (1m), so one report in ten paid for one. Four times larger semi-spaces collect a quarter as often:
 * measured at 300k, one object's flow with diagnosis went from a p95 of 9.8 ms to 5.0 ms, at no cost to
 * loading, for 150 MB more memory at most.
 */
export const SNAPSHOT_SEMI_SPACE_MB = 64

/** `resourceLimits` of the snapshot worker thread: V8's young generation is three semi-spaces. */
export const SNAPSHOT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 * SNAPSHOT_SEMI_SPACE_MB } as const

/** The same setting as a Node command-line flag, for processes that stand in for the worker (the benchmark). */
export const SNAPSHOT_HEAP_FLAGS: readonly string[] = [`--max-semi-space-size=${SNAPSHOT_SEMI_SPACE_MB}`]
