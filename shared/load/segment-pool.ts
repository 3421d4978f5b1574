import type { SegmentJob, SegmentOutcome } from '../io/source'
import { type ReadChunk, readAhead } from './read-ahead'
import { SegmentReader } from './segment-reader'

/** What a segment reader thread sends back. */
export type ReaderReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly bytes: number; readonly objects: number }
  | { readonly kind: 'done'; readonly outcome: SegmentOutcome }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * Object files together below this are read in one thread unless more are asked for (`SYNCLENS_READERS`). A reader's
 * fixed costs (its start, its bundle, its own warm-up of each format, its heap, its segments held until they are
 * joined) are a large share of a small load: counted in instructions, a second thread added a third to the work of
 * opening 48 MB of XML (2026-12-07). Measured with the command on 2 cores (2026-12-07, 6 interleaved rounds each):
 * 119 MB of XML opened no faster in two threads (medians 2.07 against 2.15 s) and peaked at 187 to 198 MB, over the
 * budget of 0.35x + 150 MB (192 MB); 236 MB opened faster in every round (medians 3.14 against 4.01 s on a busy
 * machine; 2.41 against 2.84 s in the bench before) and peaked at 214 to 229 MB, within its budget of 233 MB. Above
 * this the memory bound decides (`threadsWithinMemory`), as does how idle the cores are.
 */
export const AUTOMATIC_PARALLEL_MIN_BYTES = 2e8

/**
 * The same bound for the browser build, which cannot see how busy the machine is (a second thread on a busy machine
 * costs more CPU than it saves time) and reads picked files in Blob slices: it keeps the gigabyte (10^9 bytes) it was
 * measured with, where two threads opened 1.06 GB of connector spaces 42 % faster.
 */
export const BROWSER_PARALLEL_MIN_BYTES = 1e9

/** Progress from a reader at most this often (bytes). */
const PROGRESS_BYTES = 4 << 20

/**
 * The body of a segment reader thread, whatever the platform: reads the job's range in chunks, one ahead
 * (`readAhead`, whose buffer rules `readChunk` follows), into a store segment and hands it back; `reply` transfers
 * the segment's buffer when given one. Never throws: a failure is a reply, sent once no read is left in flight.
 */
export async function readSegmentRange(
  job: SegmentJob,
  chunkBytes: number,
  readChunk: ReadChunk,
  reply: (message: ReaderReply, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  let message: ReaderReply
  let transfer: ArrayBuffer[] | undefined
  try {
    const reader = new SegmentReader(job)
    let bytes = 0
    let reported = 0
    for await (const chunk of readAhead(readChunk, job.start, job.end, chunkBytes)) {
      reader.push(chunk)
      bytes += chunk.byteLength
      if (reader.failed) break
      if (bytes - reported >= PROGRESS_BYTES) {
        reported = bytes
        reply({ kind: 'progress', bytes, objects: reader.objects })
      }
    }
    const outcome = reader.end()
    message = { kind: 'done', outcome }
    transfer = [outcome.store.buffer as ArrayBuffer]
  } catch (error) {
    message = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  reply(message, transfer)
}

/** A segment reader thread as the pool sees it: a Node worker thread or a Web Worker, adapted. */
export interface ReaderThread<Message> {
  /** Sends it a read. */
  post(message: Message): void
  /** Hears its replies and its failure until the returned function is called. */
  listen(onReply: (reply: ReaderReply) => void, onError: (error: Error) => void): () => void
  /** Ends it. */
  terminate(): void
}

interface QueuedRead {
  readonly take: () => SegmentJob | null
  readonly onBytes: (bytes: number, objects: number) => void
  readonly resolve: (outcome: SegmentOutcome | null) => void
  readonly reject: (error: Error) => void
}

/**
 * The reader threads of one load, all started at once (each compiles its code meanwhile) and ended by `close`: a
 * read waits for a thread that is ready (it said so) and idle; only then does the load name the segment (`take`),
 * which `message` turns into what the thread is sent (or an error, which fails that read).
 */
export class SegmentReaderPool<Message> {
  private readonly idle: ReaderThread<Message>[] = []
  private readonly all: ReaderThread<Message>[] = []
  private readonly queue: QueuedRead[] = []
  private closed = false

  public constructor(
    threads: readonly ReaderThread<Message>[],
    private readonly message: (job: SegmentJob) => Message | Error,
  ) {
    for (const thread of threads) {
      this.all.push(thread)
      // Heard for the thread's whole life: a thread that fails while idle is dropped, never handed a segment.
      let ready = false
      thread.listen(
        (reply) => {
          if (reply.kind !== 'ready' || ready) return
          ready = true
          this.idle.push(thread)
          this.next()
        },
        () => this.drop(thread),
      )
    }
  }

  /** Reads one segment in the next thread that is free; null when no thread is left or `take` names none. */
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

  /** Ends every thread; reads still waiting fail. */
  public close(): void {
    this.closed = true
    for (const thread of this.all) thread.terminate()
    for (const queued of this.queue.splice(0)) queued.reject(new Error('the load was closed'))
  }

  /** A thread that failed (to start, or later): reads waiting for one resolve null when none is left. */
  private drop(thread: ReaderThread<Message>): void {
    const index = this.all.indexOf(thread)
    if (index >= 0) this.all.splice(index, 1)
    const idle = this.idle.indexOf(thread)
    if (idle >= 0) this.idle.splice(idle, 1)
    if (this.all.length === 0) for (const queued of this.queue.splice(0)) queued.resolve(null)
  }

  /** Ends a thread that has no more to read. */
  private end(thread: ReaderThread<Message>): void {
    this.drop(thread)
    thread.terminate()
  }

  private next(): void {
    while (!this.closed && this.idle.length > 0 && this.queue.length > 0) {
      const queued = this.queue.shift()
      const thread = this.idle.pop()
      if (queued === undefined || thread === undefined) return
      const job = queued.take()
      if (job === null) {
        // Nothing is left for this thread: end it now rather than with the load, so that its heap is gone before
        // the loading thread joins the segments, where the load's memory peaks. A later read finds no thread and
        // resolves null, which leaves its segment to the loading thread.
        this.end(thread)
        queued.resolve(null)
        continue
      }
      const message = this.message(job)
      if (message instanceof Error) {
        this.idle.push(thread)
        queued.reject(message)
        continue
      }
      this.run(thread, message, queued)
    }
  }

  private run(thread: ReaderThread<Message>, message: Message, queued: QueuedRead): void {
    const finish = (): void => {
      stop()
      this.idle.push(thread)
      this.next()
    }
    const stop = thread.listen(
      (reply) => {
        if (reply.kind === 'progress') queued.onBytes(reply.bytes, reply.objects)
        else if (reply.kind === 'done') {
          finish()
          queued.resolve(reply.outcome)
        } else if (reply.kind === 'failed') {
          finish()
          queued.reject(new Error(reply.message))
        }
      },
      (error) => {
        // The thread's own listener drops it.
        stop()
        queued.reject(error)
      },
    )
    thread.post(message)
  }
}
