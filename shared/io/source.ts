import type { LoadIssue } from '../model/load-issue'

/** One file of a snapshot, whatever holds it (disk, browser File, zip entry). */
export interface SourceFile {
  /** Path relative to the snapshot root, `/`-separated. */
  readonly path: string
  /** Size in bytes. */
  readonly size: number
  /** Reads the whole file. Only for small files (configuration, scripts); stream the rest. */
  readAll(): Promise<Uint8Array>
  /** Reads the first `length` bytes (content sniffing). */
  head(length: number): Promise<Uint8Array>
  /**
   * Streams the file in chunks of bytes. A chunk is the caller's until it asks for the one after next: a source may
   * read the next chunk ahead, and then reuse the first chunk's buffer (two buffers taking turns).
   */
  chunks(): AsyncIterable<Uint8Array>
}

/** A snapshot as a list of files, read-only. */
export interface SnapshotSource {
  /** Display name (folder, zip or file name). */
  readonly name: string
  readonly files: readonly SourceFile[]
  /** What the host offers to load faster (a reopen cache, parallel readers); absent parts load in-thread. */
  readonly accelerators?: LoadAccelerators
}

/** What a host offers to load a source faster; see shared/load/load-snapshot.ts for how each is used. */
export interface LoadAccelerators {
  /** The reopen cache of this source's objects, keyed by its files as they are now. */
  readonly cache?: ObjectCache
  /** Reads parts of object files in parallel (worker threads), each into a store segment. */
  readonly segments?: SegmentLoaderFactory
}

/**
 * The reopen cache of one source. Keyed by the source's files as they were when `read` was called (sizes,
 * modification times, a hash of their heads), never stored inside the snapshot.
 */
export interface ObjectCache {
  /**
   * The cached objects, opened to be read piece by piece, or null when there are none for the files as they are now
   * (or the cache is off). The caller closes them, or hands them to the store read from them, which reads its long
   * texts, large columns and attribute entries from there when they are first needed and closes them once it has
   * (`BinaryReaderOptions.deferLarge`).
   */
  read(): Promise<ByteInput | null>
  /**
   * Keeps the objects for the next open of the same files: `produce` gives their bytes, and the cache calls it
   * once the load's caller has what it waits for (a later turn of the event loop). Best effort, never throws.
   */
  write(produce: () => ByteOutput): void
}

/**
 * Bytes read where they are kept (a file, a buffer), piece by piece, so that a reader never needs them all in memory
 * at once.
 */
export interface ByteInput {
  readonly byteLength: number
  /** Fills `target` with the bytes from `position` on; throws when fewer are left. */
  read(target: Uint8Array, position: number): void
  /** Releases what holds the bytes (a file); reading afterwards throws. */
  close(): void
  /**
   * Closes the bytes and removes them where they are kept, for good: a reopen cache entry found damaged after it
   * was taken, so that the next open reads the snapshot's files and keeps it afresh. Absent where the bytes are not
   * the cache's own (memory, a file shipped with the app). Never throws.
   */
  discard?(): void
}

/** Bytes produced piece by piece, their total known before the first piece is made. */
export interface ByteOutput {
  readonly byteLength: number
  /** The bytes, in order; each piece may be made as it is asked for, and may be reused for the next one. */
  pieces(): Iterable<Uint8Array>
}

/** The bytes of an input from `start` on, as an input of their own (closing it closes the whole). */
export function inputFrom(input: ByteInput, start: number): ByteInput {
  const bytes = (input as { readonly bytes?: Uint8Array }).bytes
  if (bytes !== undefined) return memoryInput(bytes, start)
  return {
    byteLength: Math.max(0, input.byteLength - start),
    read: (target, position) => input.read(target, start + position),
    close: () => input.close(),
    ...(input.discard === undefined ? {} : { discard: () => input.discard?.() }),
  }
}

/** A buffer in memory as a ByteInput: the bytes from `start` on (all by default). */
export function memoryInput(bytes: Uint8Array, start = 0): ByteInput & { readonly bytes: Uint8Array } {
  const own = bytes.subarray(start)
  return {
    bytes: own,
    byteLength: own.byteLength,
    read: (target, position) => {
      if (position < 0 || position + target.byteLength > own.byteLength)
        throw new RangeError('read past the end of the data')
      target.set(own.subarray(position, position + target.byteLength))
    },
    close: () => undefined,
  }
}

/** Which byte range of which object file a segment reader reads, and how (see shared/load/segment-reader.ts). */
export interface SegmentJob {
  /** The file's path in the source. */
  readonly path: string
  readonly kind: 'csexport' | 'mv-objects'
  /** Byte range [start, end) of the file. */
  readonly start: number
  readonly end: number
  /** The connector the file's objects belong to, when known. */
  readonly connectorId: string | null
  readonly connectorName: string | null
  /** The range starts after the file's first byte (its objects get a root element of their own). */
  readonly startsInside: boolean
  /** The range ends before the file's last byte. */
  readonly endsInside: boolean
}

/** One issue as a segment reader met it, before the file's issue budget (caps, report-once) applies. */
export interface RecordedIssue {
  readonly issue: LoadIssue
  /** The report-once key, when the issue is one of a kind reported once per file. */
  readonly onceKey: string | null
}

/** What a segment reader hands back. */
export interface SegmentOutcome {
  /** The objects read, as a store segment in binary form (`ObjectStore.toBinary`). */
  readonly store: Uint8Array
  readonly objects: number
  /** The issues met, positions counted from the segment's first byte. */
  readonly issues: readonly RecordedIssue[]
  /**
   * False when the segment did not read as a whole run of objects (an XML error, a wrong root, too many issues
   * to record): the file is then read again from the start in one piece, which reports what a serial read does.
   */
  readonly clean: boolean
  /** Values with bytes that are not valid UTF-8. */
  readonly invalidTextValues: number
}

/** Starts a set of parallel segment readers for one load. */
export interface SegmentLoaderFactory {
  /**
   * How many threads read segments at once, the loading thread included (it reads the first segments straight
   * into the store): 1 reads in one thread; N starts N - 1 readers.
   */
  readonly parallelism: number
  /** The smallest piece worth a reader (tests cut small files); 4 MiB when absent, 16 MiB of files in all. */
  readonly minSegmentBytes?: number
  /** Object files together below this many bytes are read in one thread whatever `parallelism` says. */
  readonly minTotalBytes?: number
  /**
   * True when the host chose `parallelism` itself (from the machine's cores), false or absent when the user asked
   * for it: a chosen count is lowered where more threads would take the load past its memory budget
   * (`threadsWithinMemory`).
   */
  readonly automatic?: boolean
  /**
   * Awaited once before `parallelism` is first read, and only for a load large enough to be split: a factory that
   * decides its thread count by measuring the machine (the idle time of its cores) waits here until it has measured
   * enough.
   */
  settle?(): Promise<void>
  /**
   * Starts readers ahead of the load, as soon as its object files are known to be large enough to be split, so
   * that their start overlaps the reading of the configuration: `start` takes them, `release` ends those it did not
   * take. `bound` caps the threads, the loading thread included (the load's memory bound for a count the host
   * chooses). Optional: a factory without it starts its readers in `start`.
   */
  prepare?(bound: number): void
  /** Ends the readers `prepare` started that no `start` took (the load read in one thread, or from the cache). */
  release?(): void
  /** Readers for one load, `threads - 1` of them (`parallelism - 1` when not given); `close` ends them. */
  start(threads?: number): SegmentLoader
}

/** Parallel segment readers of one load. */
export interface SegmentLoader {
  /**
   * Reads `length` bytes of a file from `start` (to find where segments may start, and the loading thread's own
   * chunks): into `into` where it is given and long enough (the result is then a view of it), else a new buffer.
   */
  readRange(path: string, start: number, length: number, into?: Uint8Array): Promise<Uint8Array>
  /**
   * Bytes the loading thread reads at a time from its own segments (1 MiB where not given). The loading thread hands
   * each reader its next segment, and hears that a reader is done only between two of its own chunks: the shorter
   * they are, the less a reader waits, and the more reads there are.
   */
  readonly ownReadBytes?: number
  /**
   * Reads one segment in the next reader that is free (started and idle): `take` is called then and names the
   * job, so that the load decides who reads what as late as it can; when it gives null, the read resolves null.
   * `onBytes` is told how many bytes of the segment are read so far.
   */
  read(
    take: () => SegmentJob | null,
    onBytes: (bytes: number, objects: number) => void,
  ): Promise<SegmentOutcome | null>
  /** Ends the readers (after the load, or when it is cancelled). */
  close(): void
}

/** A source file over bytes already in memory (tests, zip entries, browser fallbacks). */
export function memoryFile(path: string, bytes: Uint8Array, chunkSize = 1 << 20): SourceFile {
  return {
    path,
    size: bytes.byteLength,
    readAll: async () => bytes,
    head: async (length) => bytes.subarray(0, length),
    chunks: async function* () {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
        yield bytes.subarray(offset, offset + chunkSize)
      }
    },
  }
}

/** The file name part of a `/`-separated path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? path : path.slice(slash + 1)
}

/** Random access to the bytes of an archive, wherever they are (a file on disk, a browser File, memory). */
export interface RandomAccessBytes {
  /** Size in bytes. */
  readonly size: number
  /** Reads `length` bytes from `offset`; fewer at the end of the data. */
  read(offset: number, length: number): Promise<Uint8Array>
}

/** Random access to bytes already in memory (tests, small archives). */
export function memoryBytes(bytes: Uint8Array): RandomAccessBytes {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
  }
}
