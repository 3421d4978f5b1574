import fs from 'node:fs'
import os from 'node:os'
import { isMainThread, type MessagePort, Worker, workerData } from 'node:worker_threads'
import type { SegmentJob, SegmentLoader, SegmentLoaderFactory, SegmentOutcome } from '../shared/io/source'
import { SegmentReader } from '../shared/load/segment-reader'
import { type RunningBundle, runningBundle } from './running-bundle'
import { READER_THREAD_LIMITS } from './worker-heap'

/** Readers on a typical admin workstation's cores; more rarely pays for their memory. */
const MAX_READERS = 8
/** Marks a worker thread started to read segments (the same bundle as its parent, started in this role). */
const ROLE = 'synclens-segment-reader'
/** Streamed reads use 1 MiB chunks, as the disk source's (measured about 3x faster than 64 KiB). */
const READ_CHUNK_BYTES = 1 << 20
/** Progress from a reader at most this often (bytes). */
const PROGRESS_BYTES = 4 << 20

/** What the owner sends a segment reader. */
interface ReadMessage {
  readonly job: SegmentJob
  readonly absolute: string
}

/** What a segment reader sends back. */
type ReaderMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly bytes: number; readonly objects: number }
  | { readonly kind: 'done'; readonly outcome: SegmentOutcome }
  | { readonly kind: 'failed'; readonly message: string }

/** Whether this thread was started as a segment reader (the bundle's entry then runs `serveSegmentReads`). */
export function isSegmentReaderThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE
}

/** The body of a segment reader thread: reads each range it is sent and hands the segment back, transferred. */
export function serveSegmentReads(port: MessagePort): void {
  port.on('message', (message: ReadMessage) => {
    readSegment(message, (reply, transfer) => port.postMessage(reply, transfer))
  })
  port.postMessage({ kind: 'ready' } satisfies ReaderMessage)
}

function readSegment(
  { job, absolute }: ReadMessage,
  reply: (message: ReaderMessage, transfer?: ArrayBuffer[]) => void,
): void {
  let descriptor: number | null = null
  try {
    const reader = new SegmentReader(job)
    // One buffer for every chunk: the reader copies what it keeps before push returns.
    const buffer = new Uint8Array(Math.min(READ_CHUNK_BYTES, Math.max(1, job.end - job.start)))
    let bytes = 0
    let reported = 0
    if (job.end > job.start) {
      descriptor = fs.openSync(absolute, 'r')
      for (let at = job.start; at < job.end && !reader.failed;) {
        const read = fs.readSync(descriptor, buffer, 0, Math.min(buffer.length, job.end - at), at)
        if (read === 0) break
        reader.push(read === buffer.length ? buffer : buffer.subarray(0, read))
        at += read
        bytes += read
        if (bytes - reported >= PROGRESS_BYTES) {
          reported = bytes
          reply({ kind: 'progress', bytes, objects: reader.objects })
        }
      }
    }
    const outcome = reader.end()
    reply({ kind: 'done', outcome }, [outcome.store.buffer as ArrayBuffer])
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

/**
 * Object files together below this are read in one thread unless `SYNCLENS_READERS` asks for more. A reader's
 * fixed costs (its start and warm-up, its own heap, its segments held until they are joined) are a large share of
 * a small load: measured on 2 cores, two threads opened 236 MB of XML 13 % faster for 53 % more memory (over the
 * 0.35x + 150 MB budget) and 35 % more CPU, and 2.35 GB 45 % faster for 36 % more memory and no more CPU.
 */
export const AUTOMATIC_PARALLEL_MIN_BYTES = 1 << 30

/**
 * Segment readers in worker threads for files on disk (`absolute` maps a source path to its file), running the same
 * bundle as this thread (`runningBundle`: the command's file, or the app's snapshot worker's checked text). Where the
 * running code is not a bundle, or one thread is to read, `parallelism` is 1 and the load reads in its own thread.
 * A count chosen automatically applies from AUTOMATIC_PARALLEL_MIN_BYTES of object files; an asked one from 16 MiB.
 */
export function diskSegmentReaders(
  absolute: ReadonlyMap<string, string>,
  readers: number | ReaderDecision = idleReaders(),
  asked = askedReaders() !== null,
  script: RunningBundle | null = runningBundle(),
): SegmentLoaderFactory {
  let count: number | null = null
  // Decided when the objects are about to be read, not when the snapshot is opened: see idleReaders.
  const decided = (): number => (count ??= typeof readers === 'number' ? readers : readers.count())
  return {
    get parallelism() {
      return script === null ? 1 : decided()
    },
    ...(asked ? {} : { minTotalBytes: AUTOMATIC_PARALLEL_MIN_BYTES }),
    settle: () => (script === null || typeof readers === 'number' ? Promise.resolve() : readers.settle()),
    start: () => new WorkerSegmentLoader(script, absolute, decided() - 1),
  }
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

interface QueuedRead {
  readonly take: () => SegmentJob | null
  readonly onBytes: (bytes: number, objects: number) => void
  readonly resolve: (outcome: SegmentOutcome | null) => void
  readonly reject: (error: Error) => void
}

/**
 * The reader threads of one load, all started at once (each compiles the bundle meanwhile) and ended by `close`.
 * A read waits for a thread that is ready and idle; only then does the load name the segment (`take`).
 */
class WorkerSegmentLoader implements SegmentLoader {
  private readonly idle: Worker[] = []
  private readonly all: Worker[] = []
  private readonly queue: QueuedRead[] = []
  private readonly handles = new Map<string, Promise<fs.promises.FileHandle>>()
  private closed = false

  public constructor(
    script: RunningBundle | null,
    private readonly absolute: ReadonlyMap<string, string>,
    threads: number,
  ) {
    for (let count = 0; script !== null && count < threads; count += 1) {
      const worker = new Worker(script.kind === 'file' ? script.path : script.code, {
        eval: script.kind === 'source',
        workerData: { role: ROLE },
        resourceLimits: READER_THREAD_LIMITS,
      })
      worker.unref()
      this.all.push(worker)
      const onStartError = (): void => this.drop(worker)
      worker.once('error', onStartError)
      worker.once('message', (message: ReaderMessage) => {
        worker.off('error', onStartError)
        if (message.kind !== 'ready') return
        this.idle.push(worker)
        this.next()
      })
    }
  }

  public async readRange(path: string, start: number, length: number): Promise<Uint8Array> {
    const file = this.file(path)
    let handle = this.handles.get(file)
    if (handle === undefined) {
      handle = fs.promises.open(file, 'r')
      this.handles.set(file, handle)
    }
    const buffer = new Uint8Array(length)
    const { bytesRead } = await (await handle).read(buffer, 0, length, start)
    return buffer.subarray(0, bytesRead)
  }

  public read(
    take: () => SegmentJob | null,
    onBytes: (bytes: number, objects: number) => void,
  ): Promise<SegmentOutcome | null> {
    return new Promise((resolve, reject) => {
      if (this.closed) reject(new Error('the load was closed'))
      else if (this.all.length === 0) resolve(null)
      else {
        this.queue.push({ take, onBytes, resolve, reject })
        this.next()
      }
    })
  }

  public close(): void {
    this.closed = true
    for (const worker of this.all) void worker.terminate()
    for (const queued of this.queue.splice(0)) queued.reject(new Error('the load was closed'))
    for (const handle of this.handles.values())
      void handle.then((opened) => opened.close()).catch(() => undefined)
    this.handles.clear()
  }

  private file(path: string): string {
    const file = this.absolute.get(path)
    if (file === undefined) throw new Error(`${path} is not a file of this snapshot on disk`)
    return file
  }

  /** A thread that failed to start: reads waiting for one resolve null when none is left. */
  private drop(worker: Worker): void {
    const index = this.all.indexOf(worker)
    if (index >= 0) this.all.splice(index, 1)
    if (this.all.length === 0) for (const queued of this.queue.splice(0)) queued.resolve(null)
  }

  /** Ends a thread that has no more to read. */
  private end(worker: Worker): void {
    this.drop(worker)
    void worker.terminate()
  }

  private next(): void {
    while (!this.closed && this.idle.length > 0 && this.queue.length > 0) {
      const queued = this.queue.shift()
      const worker = this.idle.pop()
      if (queued === undefined || worker === undefined) return
      const job = queued.take()
      if (job === null) {
        // Nothing is left for this thread: end it now rather than with the load, so that its heap is gone before
        // the loading thread joins the segments, where the load's memory peaks. A later read finds no thread and
        // resolves null, which leaves its segment to the loading thread.
        this.end(worker)
        queued.resolve(null)
        continue
      }
      const absolute = this.absolute.get(job.path)
      if (absolute === undefined) {
        this.idle.push(worker)
        queued.reject(new Error(`${job.path} is not a file of this snapshot on disk`))
        continue
      }
      this.run(worker, { job, absolute }, queued)
    }
  }

  private run(worker: Worker, message: ReadMessage, queued: QueuedRead): void {
    const finish = (): void => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      this.idle.push(worker)
      this.next()
    }
    const onMessage = (reply: ReaderMessage): void => {
      if (reply.kind === 'progress') queued.onBytes(reply.bytes, reply.objects)
      else if (reply.kind === 'done') {
        finish()
        queued.resolve(reply.outcome)
      } else if (reply.kind === 'failed') {
        finish()
        queued.reject(new Error(reply.message))
      }
    }
    const onError = (error: Error): void => {
      worker.off('message', onMessage)
      this.drop(worker)
      queued.reject(error)
    }
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.postMessage(message)
  }
}
