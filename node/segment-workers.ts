import fs from 'node:fs'
import os from 'node:os'
import { isMainThread, type MessagePort, Worker, workerData } from 'node:worker_threads'
import type { SegmentJob, SegmentLoader, SegmentLoaderFactory, SegmentOutcome } from '../shared/io/source'
import { SegmentReader } from '../shared/load/segment-reader'

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
    void readSegment(message, (reply, transfer) => port.postMessage(reply, transfer))
  })
}

async function readSegment(
  { job, absolute }: ReadMessage,
  reply: (message: ReaderMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  try {
    const reader = new SegmentReader(job)
    let bytes = 0
    let reported = 0
    if (job.end > job.start) {
      const stream = fs.createReadStream(absolute, {
        flags: 'r',
        start: job.start,
        end: job.end - 1,
        highWaterMark: READ_CHUNK_BYTES,
      })
      for await (const chunk of stream) {
        const buffer = chunk as Buffer
        reader.push(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength))
        bytes += buffer.byteLength
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
  }
}

/** The script a reader thread runs: the running bundle itself (the CLI, the snapshot worker, the benchmark). */
function runningBundle(): string | null {
  const script = typeof __filename === 'string' ? __filename : ''
  // Under tsx (development, tests) the entry is TypeScript, which a bare worker thread cannot run: read in-thread.
  return script.endsWith('.cjs') ? script : null
}

/**
 * Readers to start: every core but one, within MAX_READERS; so one core loads in its own thread. Measured on a
 * busy 2-core machine, two readers cost 1.4x the CPU of one thread (each compiles the reader and keeps a heap of
 * its own, and the segments are joined) and twice the memory, with no core to spare for them: docs/PERFORMANCE.md.
 * `SYNCLENS_READERS` overrides it; 1 loads in one thread.
 */
export function segmentReaderCount(
  cores = os.availableParallelism(),
  setting = process.env.SYNCLENS_READERS,
): number {
  const asked = Number(setting)
  if (setting !== undefined && Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64)
  return Math.max(1, Math.min(MAX_READERS, cores - 1))
}

/**
 * Segment readers in worker threads for files on disk (`absolute` maps a source path to its file). Where the
 * running code is not a bundle, or there is one core, `parallelism` is 1 and the load reads in its own thread.
 */
export function diskSegmentReaders(
  absolute: ReadonlyMap<string, string>,
  readers = segmentReaderCount(),
): SegmentLoaderFactory {
  const script = runningBundle()
  return {
    parallelism: script === null ? 1 : readers,
    start: () => new WorkerSegmentLoader(script ?? '', absolute, readers),
  }
}

interface QueuedRead {
  readonly message: ReadMessage
  readonly onBytes: (bytes: number, objects: number) => void
  readonly resolve: (outcome: SegmentOutcome) => void
  readonly reject: (error: Error) => void
}

/** A pool of reader threads for one load, started as reads arrive, all ended by `close`. */
class WorkerSegmentLoader implements SegmentLoader {
  private readonly idle: Worker[] = []
  private readonly all: Worker[] = []
  private readonly queue: QueuedRead[] = []
  private closed = false

  public constructor(
    private readonly script: string,
    private readonly absolute: ReadonlyMap<string, string>,
    private readonly readers: number,
  ) {}

  public async readRange(path: string, start: number, length: number): Promise<Uint8Array> {
    const handle = await fs.promises.open(this.file(path), 'r')
    try {
      const buffer = new Uint8Array(length)
      const { bytesRead } = await handle.read(buffer, 0, length, start)
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  }

  public read(job: SegmentJob, onBytes: (bytes: number, objects: number) => void): Promise<SegmentOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { job, absolute: this.file(job.path) }, onBytes, resolve, reject })
      this.next()
    })
  }

  public close(): void {
    this.closed = true
    for (const worker of this.all) void worker.terminate()
    for (const queued of this.queue.splice(0)) queued.reject(new Error('the load was closed'))
  }

  private file(path: string): string {
    const file = this.absolute.get(path)
    if (file === undefined) throw new Error(`${path} is not a file of this snapshot on disk`)
    return file
  }

  private next(): void {
    if (this.closed) return
    const queued = this.queue.shift()
    if (queued === undefined) return
    let worker = this.idle.pop()
    if (worker === undefined) {
      if (this.all.length >= this.readers) {
        this.queue.unshift(queued)
        return
      }
      worker = new Worker(this.script, { workerData: { role: ROLE } })
      worker.unref()
      this.all.push(worker)
    }
    this.run(worker, queued)
  }

  private run(worker: Worker, queued: QueuedRead): void {
    const finish = (): void => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      this.idle.push(worker)
      this.next()
    }
    const onMessage = (message: ReaderMessage): void => {
      if (message.kind === 'progress') queued.onBytes(message.bytes, message.objects)
      else if (message.kind === 'done') {
        finish()
        queued.resolve(message.outcome)
      } else {
        finish()
        queued.reject(new Error(message.message))
      }
    }
    const onError = (error: Error): void => {
      worker.off('message', onMessage)
      this.all.splice(this.all.indexOf(worker), 1)
      queued.reject(error)
      this.next()
    }
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.postMessage(queued.message)
  }
}
