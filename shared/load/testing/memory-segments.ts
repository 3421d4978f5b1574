/** Segment readers that run in the test's own thread over files held in memory, one read at a time or all at once. */
import type { SegmentLoaderFactory, SnapshotSource } from '../../io/source'
import { SegmentReader } from '../segment-reader'

/** A factory over a source's files whose readers run here (in chunks of `chunkBytes`), cutting at `minSegmentBytes`. */
export function memorySegments(
  source: SnapshotSource,
  options: { readonly minSegmentBytes: number; readonly chunkBytes?: number; readonly parallelism?: number },
): SegmentLoaderFactory & { readonly jobs: { path: string; start: number; end: number }[] } {
  const jobs: { path: string; start: number; end: number }[] = []
  const bytesOf = async (path: string): Promise<Uint8Array> => {
    const file = source.files.find((candidate) => candidate.path === path)
    if (file === undefined) throw new Error(`no file ${path}`)
    return file.readAll()
  }
  return {
    jobs,
    parallelism: options.parallelism ?? 4,
    minSegmentBytes: options.minSegmentBytes,
    start: () => ({
      readRange: async (path, start, length) => (await bytesOf(path)).slice(start, start + length),
      read: async (job, onBytes) => {
        jobs.push({ path: job.path, start: job.start, end: job.end })
        const bytes = (await bytesOf(job.path)).subarray(job.start, job.end)
        const reader = new SegmentReader(job)
        const step = options.chunkBytes ?? 4096
        for (let offset = 0; offset < bytes.length; offset += step) {
          reader.push(bytes.slice(offset, offset + step))
          onBytes(Math.min(bytes.length, offset + step), reader.objects)
        }
        return reader.end()
      },
      close: () => undefined,
    }),
  }
}
