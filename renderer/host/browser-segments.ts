import type { SegmentJob, SegmentLoader, SegmentLoaderFactory, SegmentOutcome } from '../../shared/io/source'
import {
  BROWSER_PARALLEL_MIN_BYTES,
  type ReaderReply,
  type ReaderThread,
  SegmentReaderPool,
} from '../../shared/load/segment-pool'

/** What the snapshot worker sends a segment reader: the range to read and the picked file it is in. */
export interface BrowserSegmentRead {
  readonly job: SegmentJob
  readonly file: Blob
}

/** Readers on a typical admin workstation's cores; more rarely pays for their memory (as in the app). */
const MAX_THREADS = 8

/** Starts one segment reader (a Web Worker, `segment-reader.worker.ts`). */
export type ReaderWorkerFactory = () => Worker

/** The Web Worker that reads segments, started from its bundled file (`worker-src 'self'`). */
export function spawnReaderWorker(): Worker {
  return new Worker(new URL('./segment-reader.worker.ts', import.meta.url), {
    type: 'module',
    name: 'synclens-segment-reader',
  })
}

/**
 * Threads a load of picked files reads with, the snapshot worker included: the count asked for (`?readers=` in the
 * page's address, for tests and measurements), else one per core the browser reports, within MAX_THREADS. A page
 * cannot see how busy the machine is, so the count chosen here only applies from BROWSER_PARALLEL_MIN_BYTES, where
 * the readers' extra memory fits.
 */
export function browserReaderCount(asked: number | null, cores: number | undefined): number {
  if (asked !== null) return Math.max(1, Math.min(64, Math.floor(asked)))
  return Math.max(1, Math.min(MAX_THREADS, cores ?? 1))
}

/**
 * Segment readers in Web Workers for picked files (`files` maps a source path to its Blob): each reads ranges of a
 * file by itself (a Blob is sent, not its bytes) and hands its segment back, transferred.
 */
export function browserSegmentReaders(
  files: ReadonlyMap<string, Blob>,
  threads: number,
  asked: boolean,
  startWorker: ReaderWorkerFactory = spawnReaderWorker,
): SegmentLoaderFactory {
  return {
    parallelism: threads,
    ...(asked ? {} : { minTotalBytes: BROWSER_PARALLEL_MIN_BYTES, automatic: true }),
    start: (count) => new BrowserSegmentLoader(files, (count ?? threads) - 1, startWorker),
  }
}

function webReaderThread(worker: Worker): ReaderThread<BrowserSegmentRead> {
  return {
    post: (message) => worker.postMessage(message),
    listen: (onReply, onError) => {
      const message = (event: MessageEvent<ReaderReply>): void => onReply(event.data)
      const error = (event: ErrorEvent): void => {
        event.preventDefault()
        onError(new Error(event.message !== '' ? event.message : 'a segment reader could not start'))
      }
      worker.addEventListener('message', message)
      worker.addEventListener('error', error)
      return () => {
        worker.removeEventListener('message', message)
        worker.removeEventListener('error', error)
      }
    },
    terminate: () => worker.terminate(),
  }
}

class BrowserSegmentLoader implements SegmentLoader {
  private readonly pool: SegmentReaderPool<BrowserSegmentRead>

  public constructor(
    private readonly files: ReadonlyMap<string, Blob>,
    threads: number,
    startWorker: ReaderWorkerFactory,
  ) {
    const started: ReaderThread<BrowserSegmentRead>[] = []
    for (let count = 0; count < threads; count += 1) {
      try {
        started.push(webReaderThread(startWorker()))
      } catch {
        // A reader that cannot be started leaves its share to the others, or to the snapshot worker.
      }
    }
    this.pool = new SegmentReaderPool(started, (job) => {
      const file = this.files.get(job.path)
      return file === undefined ? new Error(`${job.path} is not a picked file`) : { job, file }
    })
  }

  public async readRange(path: string, start: number, length: number): Promise<Uint8Array> {
    const file = this.files.get(path)
    if (file === undefined) throw new Error(`${path} is not a picked file`)
    return new Uint8Array(await file.slice(start, start + length).arrayBuffer())
  }

  public read(
    take: () => SegmentJob | null,
    onBytes: (bytes: number, objects: number) => void,
  ): Promise<SegmentOutcome | null> {
    return this.pool.read(take, onBytes)
  }

  public close(): void {
    this.pool.close()
  }
}
