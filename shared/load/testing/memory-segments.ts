/** Segment readers that run in the test's own thread over files held in memory, one read at a time or all at once. */
import type { SegmentLoaderFactory, SnapshotSource } from '../../io/source'
import { SegmentReader } from '../segment-reader'

/** How the test's readers behave. */
export interface MemorySegmentOptions {
  /** The smallest piece (and the least bytes of object files) that is cut. */
  readonly minSegmentBytes: number
  /** Bytes pushed at a time. */
  readonly chunkBytes?: number
  /**
   * Bytes the loading thread reads at a time (`SegmentLoader.ownReadBytes`): 8 KiB unless given, so that its pieces
   * take many chunks and its two buffers many turns.
   */
  readonly ownReadBytes?: number
  /** Threads reading, the loading thread included. */
  readonly parallelism?: number
  /** Milliseconds a reader waits before it takes a segment (a reader thread that starts late). */
  readonly readerDelayMs?: number
  /** The reader lets the loading thread run after each chunk (a slow reader: the loading thread reads most). */
  readonly yieldEveryChunk?: boolean
  /** Every n-th segment a reader takes, its read fails (a reader thread out of memory, a file gone). */
  readonly failEvery?: number
  /** The count is the host's own choice (`SegmentLoaderFactory.automatic`), not one the user asked for. */
  readonly automatic?: boolean
}

/** A factory over a source's files whose readers run here (in chunks of `chunkBytes`), cutting at `minSegmentBytes`. */
export function memorySegments(
  source: SnapshotSource,
  options: MemorySegmentOptions,
): SegmentLoaderFactory & { readonly jobs: { path: string; start: number; end: number }[] } {
  const jobs: { path: string; start: number; end: number }[] = []
  const bytesOf = async (path: string): Promise<Uint8Array> => {
    const file = source.files.find((candidate) => candidate.path === path)
    if (file === undefined) throw new Error(`no file ${path}`)
    return file.readAll()
  }
  const read = new Map<string, Uint8Array>()
  const delay = options.readerDelayMs ?? 0
  return {
    jobs,
    parallelism: options.parallelism ?? 4,
    minSegmentBytes: options.minSegmentBytes,
    ...(options.automatic === true ? { automatic: true } : {}),
    start: () => ({
      ownReadBytes: options.ownReadBytes ?? 8 << 10,
      // Into the caller's buffer where it gives one, as the disk readers do, and at once (before the promise is
      // even awaited) once the file is known, as a read from the file cache may be: a load that kept a chunk past
      // its turn, or read ahead into the buffer it was scanning, then reads bytes of a later chunk.
      readRange: (path, start, length, into) => {
        const copy = (file: Uint8Array): Uint8Array => {
          const bytes = file.subarray(start, start + length)
          if (into === undefined || into.byteLength < bytes.byteLength) return bytes.slice()
          into.set(bytes)
          return into.subarray(0, bytes.byteLength)
        }
        const known = read.get(path)
        if (known !== undefined) return Promise.resolve(copy(known))
        return bytesOf(path).then((file) => {
          read.set(path, file)
          return copy(file)
        })
      },
      read: async (take, onBytes) => {
        await new Promise((resolve) =>
          delay > 0 ? setTimeout(resolve, delay) : queueMicrotask(() => resolve(0)),
        )
        const job = take()
        if (job === null) return null
        jobs.push({ path: job.path, start: job.start, end: job.end })
        if (options.failEvery !== undefined && jobs.length % options.failEvery === 0)
          throw new Error('the reader thread stopped')
        const bytes = (await bytesOf(job.path)).subarray(job.start, job.end)
        const reader = new SegmentReader(job)
        const step = options.chunkBytes ?? 4096
        for (let offset = 0; offset < bytes.length; offset += step) {
          reader.push(bytes.slice(offset, offset + step))
          if (options.yieldEveryChunk === true) await Promise.resolve()
          onBytes(Math.min(bytes.length, offset + step), reader.objects)
        }
        return reader.end()
      },
      close: () => undefined,
    }),
  }
}
