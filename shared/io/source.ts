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
  /** Streams the file in chunks of bytes. */
  chunks(): AsyncIterable<Uint8Array>
}

/** A snapshot as a list of files, read-only. */
export interface SnapshotSource {
  /** Display name (folder, zip or file name). */
  readonly name: string
  readonly files: readonly SourceFile[]
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
