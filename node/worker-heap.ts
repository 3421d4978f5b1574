import os from 'node:os'
import v8 from 'node:v8'
import type { ResourceLimits } from 'node:worker_threads'

/**
 * The young generation of the thread that holds a snapshot. V8's default (16 MB semi-spaces) collects it every
 * 10 to 15 object reports, and with a large snapshot live each collection takes 6 to 8 ms (300k objects) or
 * more (1m), so one report in ten paid for one. Four times larger semi-spaces collect a quarter as often:
 * measured at 300k, one object's flow with diagnosis went from a p95 of 9.8 ms to 5.0 ms, at no cost to
 * loading, for 150 MB more memory at most.
 */
export const SNAPSHOT_SEMI_SPACE_MB = 64

/**
 * The young generation of the thread that reads a snapshot's files (the `synclens` command's main thread): 16 MB
 * semi-spaces, V8's default up to Node 20. From Node 22 V8 sizes them by the
 * machine's memory (32 MB here), which costs 90 to 160 MB more peak memory while reading a snapshot for no time
 * saved (docs/PERFORMANCE.md, "The runtime").
 */
export const READING_SEMI_SPACE_MB = 16

/**
 * V8 flags of every process that reads snapshots, set when it starts (`steadyHeap`). V8 flags are per process, so
 * they hold for all its threads, and set at run time they need no second process start.
 *
 * `--no-allocation-site-pretenuring`: V8 counts, per allocation site, how many of its objects outlive a minor
 * collection, and once 85 % or more of a site's last hundred or more did, it allocates that site's objects straight
 * in the old generation from then on. Reading a snapshot builds short-lived objects at a few sites millions of
 * times; when a collection happens to find a batch of them alive (measured: five sites of the readers at once,
 * 1,340 to 3,566 objects each, all alive), they stay in the old generation for the rest of the load, where only
 * full collections free them: at 100k in one thread about one load in ten grew from 0.7 GB to 1.4-1.5 GB and
 * took up to 7 s more CPU. Without it, objects that live long are copied once more by minor collections
 * instead (measured: no change in CPU or peak in normal rounds).
 */
export const STEADY_HEAP_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring']

/** Sets STEADY_HEAP_FLAGS in this process (all its threads). */
export function steadyHeap(setFlags: (flags: string) => void = v8.setFlagsFromString): void {
  for (const flag of STEADY_HEAP_FLAGS) setFlags(flag)
}

/**
 * The young generation of a segment reader thread: 4 MB semi-spaces. A reader builds one piece (8 MiB of XML at most)
 * at a time and hands it over, so little of what it makes lives long; at the load's peak, where the loading thread
 * meets the readers, a reader's heap is still there. Measured at 100k objects without a metaverse export in two
 * threads (2026-12-07, 4 rounds each): the reader's heap 48 to 68 MB with 16 MB semi-spaces, 22 to 31 MB with 4;
 * the load's peak 504 to 518 MB against 477 to 507 MB, in the same time.
 */
export const READER_SEMI_SPACE_MB = 4

/** `resourceLimits` of a segment reader thread (V8's young generation is three semi-spaces). */
export const READER_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 3 * READER_SEMI_SPACE_MB }

/** The V8 flag that sets the semi-space size, as Node takes it (with dashes or underscores). */
const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size(?:=(.*))?$/

/**
 * The semi-space size (MB) a V8 flag sets for every thread of this process (`--max-semi-space-size` given to Node or
 * in NODE_OPTIONS; the command starts itself with one), or null where none does (the app). The last one given wins.
 */
export function semiSpaceFlag(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): number | null {
  let found: number | null = null
  for (const args of [(nodeOptions ?? '').split(/\s+/), execArgv]) {
    args.forEach((arg, index) => {
      const match = SEMI_SPACE_FLAG.exec(arg)
      if (match === null) return
      const size = Number(match[1] ?? args[index + 1])
      if (Number.isFinite(size) && size > 0) found = size
    })
  }
  return found
}

/** A thread as `startReaderThreads` waits for it: it comes online, fails or exits. */
export interface StartingThread {
  once(event: 'online' | 'error' | 'exit', listener: () => void): unknown
}

/**
 * Starts reader threads (`start`) with READER_SEMI_SPACE_MB semi-spaces. V8 takes a process's semi-space flag over
 * a thread's `resourceLimits`; so where one is set (`given`), the flag is set to the readers' size while they start,
 * and back to `given` once each has come online (its heap is made by then) or failed. Where none is set, their
 * `resourceLimits` do it. The loading thread's heap was made when the process started, and is not changed.
 */
export function startReaderThreads<T extends StartingThread>(
  start: () => T[],
  given: number | null = semiSpaceFlag(),
  setFlags: (flags: string) => void = v8.setFlagsFromString,
): T[] {
  if (given === null || given === READER_SEMI_SPACE_MB) return start()
  setFlags(`--max-semi-space-size=${READER_SEMI_SPACE_MB}`)
  let threads: T[] = []
  try {
    threads = start()
  } finally {
    let waiting = threads.length
    const restore = (): void => setFlags(`--max-semi-space-size=${given}`)
    if (waiting === 0) restore()
    for (const thread of threads) {
      let started = false
      const done = (): void => {
        if (started) return
        started = true
        waiting -= 1
        if (waiting === 0) restore()
      }
      thread.once('online', done)
      thread.once('error', done)
      thread.once('exit', done)
    }
  }
  return threads
}

/**
 * Share of the machine's memory the snapshot worker's old generation may take. Without a limit a worker that
 * exhausts its heap hits V8's fatal out-of-memory error, which aborts the whole process (the app, or the CLI);
 * with one, Node ends only the worker with ERR_WORKER_OUT_OF_MEMORY and the host carries on. Half the memory
 * leaves the rest to the window, the main process and the machine; the store's typed arrays live outside this
 * heap, so a snapshot's text and objects are what counts against it.
 */
export const SNAPSHOT_HEAP_SHARE = 0.5

/** The old generation never gets less than this, even on a small machine: the training snapshot needs ~100 MB. */
export const MIN_SNAPSHOT_OLD_GENERATION_MB = 1024

/** `resourceLimits` of the snapshot worker thread for a machine with this much memory (bytes). */
export function snapshotWorkerLimits(totalMemoryBytes: number = os.totalmem()): ResourceLimits {
  const share = Math.floor((totalMemoryBytes / 2 ** 20) * SNAPSHOT_HEAP_SHARE)
  return {
    // V8's young generation is three semi-spaces.
    maxYoungGenerationSizeMb: 3 * SNAPSHOT_SEMI_SPACE_MB,
    // V8 clamps this where pointer compression caps one heap (4 GiB in Electron); Node's CLI has no such cap.
    maxOldGenerationSizeMb: Math.max(MIN_SNAPSHOT_OLD_GENERATION_MB, share),
  }
}

/** `resourceLimits` of the snapshot worker thread on this machine. */
export const SNAPSHOT_WORKER_LIMITS: ResourceLimits = snapshotWorkerLimits()

/** The same young-generation setting as a Node command-line flag, for processes that stand in for the worker. */
export const SNAPSHOT_HEAP_FLAGS: readonly string[] = [`--max-semi-space-size=${SNAPSHOT_SEMI_SPACE_MB}`]

/** The code of the error a worker emits when it reached its heap limit (Node's ERR_WORKER_OUT_OF_MEMORY). */
export const WORKER_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY'

/** True for the error a worker thread's `error` event carries when the worker ran out of its allowed heap. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === WORKER_OUT_OF_MEMORY
}
