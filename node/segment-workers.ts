import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isMainThread, type MessagePort, Worker, workerData } from 'node:worker_threads'
import type { SegmentJob, SegmentLoader, SegmentLoaderFactory, SegmentOutcome } from '../shared/io/source'
import {
  AUTOMATIC_PARALLEL_MIN_BYTES,
  type ReaderReply,
  type ReaderThread,
  readSegmentRange,
  SegmentReaderPool,
} from '../shared/load/segment-pool'
import { alternatingBuffers } from '../shared/load/read-ahead'
import { bundleFolder, type RunningBundle, runningBundle } from './running-bundle'
import { READER_THREAD_LIMITS, startReaderThreads } from './worker-heap'

/** Readers on a typical admin workstation's cores; more rarely pays for their memory. */
const MAX_READERS = 8
/** Marks a worker thread started to read segments (from the reader bundle, or its parent's bundle in this role). */
const ROLE = 'synclens-segment-reader'
/** Streamed reads use 1 MiB chunks, as the disk source's (measured about 3x faster than 64 KiB). */
const READ_CHUNK_BYTES = 1 << 20

/** The reader threads' own bundle, written by the build beside the command's and the app worker's bundles. */
export const SEGMENT_READER_FILE = 'segment-reader.cjs'
declare const __SEGMENT_READER_SHA256__: string | undefined
/** The SHA-256 of the reader bundle built with this one (scripts/build-electron.mjs); null outside a build. */
const READER_SHA256 = typeof __SEGMENT_READER_SHA256__ === 'string' ? __SEGMENT_READER_SHA256__ : null

/**
 * The code reader threads start from: the reader bundle beside the running bundle, read into memory and started
 * from there when its SHA-256 is the one the build embedded (so a thread runs the very bytes that were checked, as
 * the app's snapshot worker does), else the running bundle itself in the reader role, as before the reader bundle
 * existed. A reader thread started from the reader bundle compiles and holds only the reading code: measured on Node
 * 24, 21 MB and 55 ms from start to ready, against 44 MB and 140 ms from the command's bundle; at 100k objects with
 * eight threads the open peaked 176 MB lower. Null where the running code is not a bundle.
 */
export function readerScript(
  bundle: RunningBundle | null,
  expectedSha256: string | null = READER_SHA256,
  read: (file: string) => Buffer = (file) => fs.readFileSync(file),
): RunningBundle | null {
  const folder = bundleFolder(bundle)
  if (bundle === null || folder === null || expectedSha256 === null) return bundle
  try {
    const code = read(path.join(folder, SEGMENT_READER_FILE))
    if (createHash('sha256').update(code).digest('hex') !== expectedSha256) return bundle
    return { kind: 'source', code: code.toString('utf8') }
  } catch {
    // Not there (a bundle copied on its own) or unreadable: the running bundle reads as well, at a higher cost.
    return bundle
  }
}

/** What the owner sends a segment reader. */
interface ReadMessage {
  readonly job: SegmentJob
  readonly absolute: string
}

/** Whether this thread was started as a segment reader (the bundle's entry then runs `serveSegmentReads`). */
export function isSegmentReaderThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE
}

/** The body of a segment reader thread: reads each range it is sent and hands the segment back, transferred. */
export function serveSegmentReads(port: MessagePort): void {
  port.on('message', (message: ReadMessage) => {
    void readSegment(message, (reply, transfer) => port.postMessage(reply, transfer))
  })
  port.postMessage({ kind: 'ready' } satisfies ReaderReply)
}

async function readSegment(
  { job, absolute }: ReadMessage,
  reply: (message: ReaderReply, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  let descriptor: number | null = null
  try {
    if (job.end > job.start) descriptor = fs.openSync(absolute, 'r')
    const size = Math.min(READ_CHUNK_BYTES, Math.max(1, job.end - job.start))
    const nextBuffer = alternatingBuffers(size)
    await readSegmentRange(
      job,
      size,
      (position, length) => {
        const buffer = nextBuffer()
        if (descriptor === null) return buffer.subarray(0, 0)
        const file = descriptor
        return new Promise<Uint8Array>((resolve, reject) => {
          fs.read(file, buffer, 0, length, position, (error, bytesRead) => {
            if (error === null) resolve(buffer.subarray(0, bytesRead))
            else reject(error)
          })
        })
      },
      reply,
    )
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    if (descriptor !== null) fs.closeSync(descriptor)
  }
}

/**
 * Threads to read with, the loading thread included (it reads too; N starts N - 1 reader threads): one per core
 * that is idle by the load average (every core where the system does not say: Windows), within MAX_READERS, and
 * one where the other cores are busy: on a busy machine a second thread costs more CPU than it saves wall time
 * (docs/PERFORMANCE.md). `SYNCLENS_READERS` overrides it; 1 loads in one thread.
 */
export function segmentReaderCount(
  cores = os.availableParallelism(),
  setting = process.env.SYNCLENS_READERS,
  load = os.loadavg()[0] ?? 0,
): number {
  const asked = askedReaders(setting)
  if (asked !== null) return Math.min(asked, 64)
  const idle = Math.floor(cores - load + 0.5)
  return Math.max(1, Math.min(MAX_READERS, cores, idle))
}

/** The thread count `SYNCLENS_READERS` asks for, or null where it asks for none (unset, or not a count). */
export function askedReaders(setting = process.env.SYNCLENS_READERS): number | null {
  const asked = Number(setting)
  return setting !== undefined && Number.isInteger(asked) && asked >= 1 ? asked : null
}

/** The machine's CPU time so far, summed over its cores, in milliseconds (`os.cpus()`), and this process's. */
export interface CpuSample {
  readonly idle: number
  readonly total: number
  /** CPU time of this process so far, all its threads (`process.cpuUsage()`), in milliseconds. */
  readonly own: number
}

/** Samples the machine's CPU times and this process's. */
export function sampleCpus(cpus = os.cpus(), own = ownCpuMs()): CpuSample {
  let idle = 0
  let total = 0
  for (const { times } of cpus) {
    idle += times.idle
    total += times.user + times.nice + times.sys + times.idle + times.irq
  }
  return { idle, total, own }
}

/** CPU time of this process so far, in milliseconds. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Shortest window, per core, over which idle time says how busy the machine is: the kernel counts CPU time in
 * 10 ms ticks, so four ticks a core at least. Opening a snapshot's folder takes about 50 ms before its objects are
 * read (measured at 100k, page cache warm), which is what the window usually is.
 */
const MIN_WINDOW_MS_PER_CORE = 40

/**
 * Threads to read with, judged by how busy other processes kept the machine since `before` (the snapshot's
 * opening: detecting the files and reading the configuration): the cores they left, counted as the idle time plus
 * this process's own, less the loading thread's core, rounded, plus the loading thread, within the cores and
 * MAX_READERS. This process's own time counts as left over: during the opening its helper threads (reading file
 * heads, compiling, collecting) keep much of a second core busy (measured at 100k on an idle 2-core machine: 10 to
 * 30 ms idle of a 90 to 100 ms window, which counted as busy read in one thread two opens in three). Null when the
 * window is too short to tell (then the load average decides: `segmentReaderCount`). Unlike the one-minute load
 * average, this does not count the process's own work of the last minute, nor a load that has just ended.
 */
export function readersByIdleTime(before: CpuSample, after: CpuSample, cores: number): number | null {
  const total = after.total - before.total
  if (cores < 1 || total < MIN_WINDOW_MS_PER_CORE * cores) return null
  const left = Math.max(0, after.idle - before.idle) + Math.max(0, after.own - before.own)
  const spareCores = Math.max(0, (Math.min(left, total) / total) * cores - 1)
  return Math.max(1, Math.min(MAX_READERS, cores, 1 + Math.floor(spareCores + 0.5)))
}

/** The size from which a load picks its thread count itself (shared with the browser build). */
export { AUTOMATIC_PARALLEL_MIN_BYTES }

/**
 * Segment readers in worker threads for files on disk (`absolute` maps a source path to its file), started from the
 * reader bundle beside the running one, or from the running bundle itself (`readerScript`). Where the running code
 * is not a bundle, or one thread is to read, `parallelism` is 1 and the load reads in its own thread.
 * A count chosen automatically applies from AUTOMATIC_PARALLEL_MIN_BYTES of object files; an asked one from 16 MiB.
 */
export function diskSegmentReaders(
  absolute: ReadonlyMap<string, string>,
  readers: number | ReaderDecision = idleReaders(),
  asked = askedReaders() !== null,
  script: RunningBundle | null = runningBundle(),
  cores = os.availableParallelism(),
): SegmentLoaderFactory {
  let count: number | null = null
  // Decided when the objects are about to be read, not when the snapshot is opened: see idleReaders.
  const decided = (): number => (count ??= typeof readers === 'number' ? readers : readers.count())
  // The reader bundle is read and checked once, whether the readers start ahead of the load or in `start`.
  let code: RunningBundle | null | undefined
  const readerCode = (): RunningBundle | null => (code === undefined ? (code = readerScript(script)) : code)
  /** Readers started by `prepare`, until `start` takes them or `release` ends them. */
  let ahead: ReaderThread<ReadMessage>[] = []
  // A `prepare` after `start` (a cache lookup that answered late) starts nothing: the load has its readers.
  let started = false
  return {
    get parallelism() {
      return script === null ? 1 : decided()
    },
    ...(asked ? {} : { minTotalBytes: AUTOMATIC_PARALLEL_MIN_BYTES, automatic: true }),
    settle: () => (script === null || typeof readers === 'number' ? Promise.resolve() : readers.settle()),
    prepare: (bound) => {
      if (script === null || started || ahead.length > 0) return
      const known = typeof readers === 'number' ? readers : asked ? segmentReaderCount(cores) : null
      ahead = startReaders(readerCode(), readersAhead(bound, known, cores))
    },
    release: () => {
      for (const reader of ahead.splice(0)) reader.terminate()
    },
    start: (threads) => {
      started = true
      return new WorkerSegmentLoader(readerCode(), absolute, (threads ?? decided()) - 1, ahead.splice(0))
    },
  }
}

/**
 * Readers to start ahead of a load (`prepare`), before its thread count is decided, within `bound` threads: the count
 * known already (asked for, or given), else one where there are two cores or more. One is what an idle 2-core machine
 * reads with, and the reader any larger load adds first; more are started when the count is decided (their start
 * then overlaps the loading thread's first segments). On a busy machine the load then reads in one thread and ends it
 * unused: the cost is one reader's start (0.1 to 0.2 s on this 2-core machine, 2026-12-07), against the 2 s or more
 * of CPU of opening 200 MB of XML, the least that is split.
 */
export function readersAhead(bound: number, known: number | null, cores: number): number {
  const threads = known ?? (cores >= 2 ? 2 : 1)
  return Math.max(0, Math.min(bound, threads) - 1)
}

/** A thread count decided when asked (`count`), once `settle` has waited for what it is decided by. */
export interface ReaderDecision {
  settle(): Promise<void>
  count(): number
}

/** Longest `settle` waits for a window long enough to measure (a clock that does not move would wait forever). */
const MAX_SETTLE_MS = 200
/** How often `settle` samples the cores while it waits. */
const SETTLE_STEP_MS = 10

/**
 * The thread count of a load opened now: `SYNCLENS_READERS` when set; else by the idle time of the cores from now
 * until it is asked (`readersByIdleTime`). The opening of a snapshot usually gives that window its length (about 50
 * ms), but not always (measured: the app's snapshot worker reached the objects 35 ms after the open, too short on
 * 2 cores, and the load average of the runs before it then said one thread); so `settle` waits until the window is
 * long enough, at most MAX_SETTLE_MS. It is only awaited for loads large enough to be split, where such a wait is
 * under a hundredth of the load. The load average decides where the window stays too short.
 */
export function idleReaders(
  cores = os.availableParallelism(),
  sample: () => CpuSample = () => sampleCpus(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): ReaderDecision {
  if (askedReaders() !== null) {
    const asked = segmentReaderCount(cores)
    return { settle: () => Promise.resolve(), count: () => asked }
  }
  const before = sample()
  return {
    settle: async () => {
      for (let waited = 0; waited < MAX_SETTLE_MS; waited += SETTLE_STEP_MS) {
        if (readersByIdleTime(before, sample(), cores) !== null) return
        await sleep(SETTLE_STEP_MS)
      }
    },
    count: () => readersByIdleTime(before, sample(), cores) ?? segmentReaderCount(cores),
  }
}

/**
 * `count` reader threads started from `script` (none where it is null), each in the reader role with the readers'
 * heap (`startReaderThreads`), as the pool hears them.
 */
function startReaders(script: RunningBundle | null, count: number): ReaderThread<ReadMessage>[] {
  // None to start: the readers' heap flag is then left alone.
  if (script === null || count <= 0) return []
  const workers = startReaderThreads(() => {
    const made: Worker[] = []
    for (let index = 0; index < count; index += 1) {
      made.push(
        new Worker(script.kind === 'file' ? script.path : script.code, {
          eval: script.kind === 'source',
          workerData: { role: ROLE },
          resourceLimits: READER_THREAD_LIMITS,
        }),
      )
    }
    return made
  })
  return workers.map((worker) => {
    worker.unref()
    return nodeReaderThread(worker)
  })
}

/**
 * A reader thread, as the pool hears it. A thread started ahead of its load (`prepare`) may say it is ready, or
 * fail, before the pool listens: what it said until the first `listen` is kept and heard there.
 */
export function nodeReaderThread(worker: Worker): ReaderThread<ReadMessage> {
  const early: ReaderReply[] = []
  let failure: Error | null = null
  const keep = (reply: ReaderReply): void => void early.push(reply)
  const keepFailure = (error: Error): void => {
    failure ??= error
  }
  worker.on('message', keep)
  worker.on('error', keepFailure)
  let heard = false
  return {
    post: (message) => worker.postMessage(message),
    listen: (onReply, onError) => {
      worker.on('message', onReply)
      worker.on('error', onError)
      if (!heard) {
        heard = true
        worker.off('message', keep)
        worker.off('error', keepFailure)
        for (const reply of early.splice(0)) onReply(reply)
        if (failure !== null) onError(failure)
      }
      return () => {
        worker.off('message', onReply)
        worker.off('error', onError)
      }
    },
    terminate: () => void worker.terminate(),
  }
}

/**
 * The reader threads of one load (`SegmentReaderPool`), each started in the reader role from `readerScript`, and the
 * file handles the load reads ranges with.
 */
class WorkerSegmentLoader implements SegmentLoader {
  /**
   * A quarter of a reader's chunks: a reader waits, each segment, for half the loading thread's chunk on average.
   * Measured at 100k objects without a metaverse export, two threads (2026-12-07): with 1 MiB chunks the reader was
   * idle 627 ms of an 8.4 s load, with 256 KiB 190 ms; over 5 interleaved rounds the open took 7.43 s against 7.67 s
   * (median), in the same CPU time. A read from the file cache costs a few microseconds here; a browser's Blob slice
   * costs far more (the browser build's loader keeps the default).
   */
  public readonly ownReadBytes = READ_CHUNK_BYTES / 4
  private readonly pool: SegmentReaderPool<ReadMessage>
  private readonly handles = new Map<string, Promise<fs.promises.FileHandle>>()

  public constructor(
    script: RunningBundle | null,
    private readonly absolute: ReadonlyMap<string, string>,
    threads: number,
    ahead: readonly ReaderThread<ReadMessage>[] = [],
  ) {
    const wanted = Math.max(0, threads)
    // Readers started ahead of the load (`prepare`) first; those beyond the count decided since end unused.
    for (const surplus of ahead.slice(wanted)) surplus.terminate()
    const started = [...ahead.slice(0, wanted), ...startReaders(script, wanted - ahead.length)]
    this.pool = new SegmentReaderPool(started, (job) => {
      const file = this.absolute.get(job.path)
      return file === undefined
        ? new Error(`${job.path} is not a file of this snapshot on disk`)
        : { job, absolute: file }
    })
  }

  public async readRange(
    path: string,
    start: number,
    length: number,
    into?: Uint8Array,
  ): Promise<Uint8Array> {
    const file = this.file(path)
    let handle = this.handles.get(file)
    if (handle === undefined) {
      handle = fs.promises.open(file, 'r')
      this.handles.set(file, handle)
    }
    const buffer = into !== undefined && into.byteLength >= length ? into : new Uint8Array(length)
    const { bytesRead } = await (await handle).read(buffer, 0, length, start)
    return buffer.subarray(0, bytesRead)
  }

  public read(
    take: () => SegmentJob | null,
    onBytes: (bytes: number, objects: number) => void,
  ): Promise<SegmentOutcome | null> {
    return this.pool.read(take, onBytes)
  }

  public close(): void {
    this.pool.close()
    for (const handle of this.handles.values())
      void handle.then((opened) => opened.close()).catch(() => undefined)
    this.handles.clear()
  }

  private file(path: string): string {
    const file = this.absolute.get(path)
    if (file === undefined) throw new Error(`${path} is not a file of this snapshot on disk`)
    return file
  }
}
