import type { RandomAccessBytes, SnapshotSource, SourceFile } from '../../shared/io/source'
import { openZipSource } from '../../shared/io/zip-source'
import { generateTrainingSnapshot } from '../../shared/training/index'
import {
  entrySource,
  labelledFor,
  SHIPPED_TRAINING_FILE,
  shippedEntry,
  shippedObjects,
} from '../../shared/training/shipped-entry'
import { browserReaderCount, browserSegmentReaders } from './browser-segments'
import type { BrowserSnapshotDescriptor } from './browser-source'

// The worker's side of opening browser files: reading them (and generating the training snapshot) happens
// here, in the snapshot worker, so the UI thread's bundle carries neither the zip reader nor the generator.

/**
 * Chunk size for streaming a browser file. Each read of a Blob slice is a round trip to the browser process, so
 * larger chunks cost fewer of them: the 10k snapshot (236 MB) picked in headless Chromium opened in a median 4.14 s
 * with 4 MiB against 4.61 s with 1 MiB (12 interleaved rounds each, 11 of 12 pairs faster). With the slices read
 * ahead (below), 16 MB of a file are held while it is read.
 */
export const BROWSER_CHUNK_BYTES = 4 << 20
/**
 * Slices read ahead of the one the parser works on, so that a slow answer from the browser process leaves the parser
 * with work: the 10k open took a median 3.06 s with three against 3.48 s with one (12 interleaved rounds each; 7
 * rounds of 12 near 3.0 s against 2 of 12, though paired rounds split six and six).
 */
const BROWSER_READ_AHEAD = 3

/**
 * A snapshot file read from a Blob, in slices, without loading it whole unless asked.
 *
 * Every Blob read is a round trip to the browser process, so when a head covers the whole (small) file, those
 * bytes are kept for the readAll that usually follows, and released by it.
 */
export function blobSourceFile(path: string, blob: Blob, chunkSize = BROWSER_CHUNK_BYTES): SourceFile {
  const bytesOf = async (part: Blob): Promise<Uint8Array> => new Uint8Array(await part.arrayBuffer())
  let whole: Promise<Uint8Array> | null = null
  return {
    path,
    size: blob.size,
    readAll: () => {
      const bytes = whole ?? bytesOf(blob)
      whole = null
      return bytes
    },
    head: (length) => {
      if (length < blob.size) return bytesOf(blob.slice(0, length))
      whole ??= bytesOf(blob)
      return whole
    },
    chunks: async function* () {
      // The next slices are already on their way while the parser works on this one: each Blob read is a round trip
      // to the browser process, which would otherwise leave the parser waiting once per chunk.
      const pending: Promise<Uint8Array>[] = []
      let requested = 0
      const request = (): void => {
        while (pending.length < BROWSER_READ_AHEAD && requested < blob.size) {
          const read = bytesOf(blob.slice(requested, requested + chunkSize))
          // A read left behind by a consumer that stops early must not surface as an unhandled rejection.
          read.catch(() => undefined)
          pending.push(read)
          requested += chunkSize
        }
      }
      request()
      for (let current = pending.shift(); current !== undefined; current = pending.shift()) {
        request()
        yield await current
      }
    },
  }
}

/** Random access to a Blob (a picked or dropped File): each read is one slice, so a zip is never read whole. */
export function blobBytes(blob: Blob): RandomAccessBytes {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  }
}

function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

/**
 * Turns what the page sent into a snapshot source (runs in the worker, so reading stays off the UI thread).
 *
 * A single file that is a zip (by content, whatever its name) is opened as the snapshot it holds, read by random
 * access from the File (its table of contents, then each entry when the loader reads it); a refused
 * zip rejects with the reason, which the host shows as a failed load. The training snapshot is read from the entry
 * the build shipped beside the page, or generated here.
 */
export async function resolveBrowserFiles(descriptor: BrowserSnapshotDescriptor): Promise<SnapshotSource> {
  if (!('files' in descriptor)) return (await shippedTraining()) ?? generateTrainingSnapshot()
  const [only] = descriptor.files
  if (descriptor.files.length === 1 && only) {
    const file = blobSourceFile(only.path, only.file)
    if (isZip(await file.head(4))) {
      const opened = await openZipSource(descriptor.name, blobBytes(only.file))
      if (!opened.ok) throw new Error(opened.error.message)
      return opened.source
    }
  }
  const threads = browserReaderCount(descriptor.readers ?? null, coresOfThisMachine())
  return {
    name: descriptor.name,
    files: descriptor.files.map((ref) => blobSourceFile(ref.path, ref.file)),
    ...(threads > 1
      ? {
          accelerators: {
            segments: browserSegmentReaders(
              new Map(descriptor.files.map((ref) => [ref.path, ref.file])),
              threads,
              descriptor.readers !== undefined,
            ),
          },
        }
      : {}),
  }
}

/** The cores the browser reports (`navigator.hardwareConcurrency`), where it reports any. */
function coresOfThisMachine(): number | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency
}

/**
 * The training snapshot from the entry the build shipped in the page's folder (scripts/ship-training.mjs), or null
 * where there is none (the dev server, `vite build` alone), it was shipped for another build of this worker (its
 * label names the worker script's file, which Vite names by a hash of its content) or it cannot be read. Nothing
 * keeps objects read in its place: the browser build has no cache.
 */
export async function shippedTraining(
  workerUrl: string | null = typeof self === 'undefined' ? null : self.location.href,
  fetchBytes: (url: URL) => Promise<Response> = (url) => fetch(url),
): Promise<SnapshotSource | null> {
  if (workerUrl === null) return null
  const worker = new URL(workerUrl).pathname.split('/').pop() ?? ''
  let bytes: Uint8Array
  try {
    const response = await fetchBytes(new URL(`../${SHIPPED_TRAINING_FILE}`, workerUrl))
    if (!response.ok) return null
    bytes = new Uint8Array(await response.arrayBuffer())
  } catch {
    return null
  }
  const shipped = shippedEntry(bytes)
  if (
    shipped === null ||
    shipped.label.worker !== worker ||
    !labelledFor(shipped.label, undefined, undefined)
  )
    return null
  let generated: SnapshotSource | null = null
  const generate = (): SnapshotSource => (generated ??= generateTrainingSnapshot())
  return entrySource(shipped.header.files, shippedObjects(bytes, shipped.header), generate, () => undefined)
}
