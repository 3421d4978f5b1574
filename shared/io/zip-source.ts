import {
  ERR_AMBIGUOUS_ARCHIVE,
  ERR_BAD_FORMAT,
  ERR_EOCDR_NOT_FOUND,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  ERR_SPLIT_ZIP_FILE,
  type Entry as ZipJsEntry,
  Reader,
  Writer,
  ZipReader,
} from '@zip.js/zip.js/index-native.js'
import { quotedExcerpt } from '../text/excerpt'
import { memoryBytes, type RandomAccessBytes, type SnapshotSource, type SourceFile } from './source'
import { formatBytes } from '../text/format'

const KIB = 1024
const MIB = 1024 * KIB
const GIB = 1024 * MIB

/** How much of a zip SyncLens accepts; anything beyond is refused before a byte is inflated. */
export interface ZipLimits {
  /** Most entries (files and folders) in the central directory. */
  readonly maxEntries: number
  /** Most bytes all files hold together once inflated. */
  readonly maxTotalSize: number
  /** Most bytes one file holds once inflated (a whole file may be read into memory). */
  readonly maxEntrySize: number
  /**
   * Highest inflated-to-compressed ratio of one file, and of all files together against the archive's size;
   * beyond it the archive is treated as a zip bomb.
   */
  readonly maxRatio: number
}

/** The limits used when the caller gives none. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalSize: 8 * GIB,
  maxEntrySize: 2 * GIB,
  maxRatio: 200,
}

// Small, repetitive files (an empty rule list, a run of spaces) legitimately compress beyond any ratio.
const RATIO_CHECK_MIN_SIZE = MIB
// The same for a whole archive of such files: below this total, the archive's ratio is not checked.
const TOTAL_RATIO_CHECK_MIN_SIZE = 64 * MIB
// No single read asks for more: the central directory of 100,000 entries with long names is about 25 MiB, and
// entry data is read in chunks. A hostile end record claiming a directory of gigabytes is refused here.
const MAX_SINGLE_READ = 64 * MIB

/** Why a zip was refused. */
export type ZipProblem =
  | 'not-a-zip'
  | 'damaged'
  | 'split-archive'
  | 'too-many-entries'
  | 'too-large'
  | 'zip-bomb'
  | 'overlapping-entries'
  | 'unsafe-name'
  | 'duplicate-name'
  | 'empty'

/** A refused zip: the problem, the entry it concerns (if one) and what to do, in a sentence or two. */
export interface ZipError {
  readonly problem: ZipProblem
  readonly entry: string | null
  readonly message: string
}

/** The outcome of opening a zip. */
export type ZipOpenResult =
  { readonly ok: true; readonly source: SnapshotSource } | { readonly ok: false; readonly error: ZipError }

/**
 * Names that are never snapshot content: hidden files, macOS resource forks, Windows and package-manager litter.
 *
 * Disk folders and zips skip the same names, so a zipped folder loads like the folder itself.
 */
export function isSkippedName(segment: string): boolean {
  return segment.startsWith('.') || SKIPPED_NAMES.has(segment.toLowerCase())
}

const SKIPPED_NAMES: ReadonlySet<string> = new Set([
  '__macosx',
  'node_modules',
  'thumbs.db',
  'desktop.ini',
  '$recycle.bin',
  'system volume information',
])

/** One file entry of the central directory, as SyncLens reads it. */
interface Entry {
  readonly path: string
  readonly size: number
  readonly compressedSize: number
  /** Offset of the entry's local header in the archive. */
  readonly offset: number
  /** Where the next entry's local header (or the central directory) starts: the entry's data must end before. */
  readonly boundary: number
  /** Why the entry cannot be read (encrypted, unknown compression), or null. */
  readonly unreadable: string | null
  readonly zipEntry: ZipJsEntry
}

class ZipRefused extends Error {
  public constructor(
    public readonly problem: ZipProblem,
    public readonly entry: string | null,
    message: string,
  ) {
    super(message)
  }
}

/** zip.js reads through this: every read is one bounded slice of the archive. */
class ArchiveReader extends Reader<null> {
  public constructor(
    private readonly archive: RandomAccessBytes,
    private readonly name: string,
  ) {
    super(null)
    this.size = archive.size
  }

  public override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    if (length > MAX_SINGLE_READ) {
      return Promise.reject(
        new ZipRefused(
          'damaged',
          null,
          `${this.name} declares a table of contents of ${formatBytes(length)}, far more than any snapshot needs; it is damaged or hostile. SyncLens did not open it.`,
        ),
      )
    }
    return this.archive.read(index, length)
  }
}

/**
 * Opens a zip as a snapshot source, reading it by random access: nothing is extracted anywhere, and memory holds
 * the table of contents plus the chunk being inflated, whatever the archive's size.
 *
 * The central directory is read with zip.js and checked before a byte is inflated: entry count, sizes, ratios
 * (per file and for the whole archive), names, duplicates and entries whose data overlap (the shape of zip bombs
 * that reuse one compressed stream). A file that cannot be read (encrypted, damaged, an unknown compression) is
 * listed and fails when read, so the loader skips it with a warning and loads the rest. A single folder at the
 * top of the zip (the usual "zip the export folder" shape) is stripped from paths.
 */
export async function openZipSource(
  name: string,
  archive: RandomAccessBytes | Uint8Array,
  limits: Partial<ZipLimits> = {},
): Promise<ZipOpenResult> {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const bytes = archive instanceof Uint8Array ? memoryBytes(archive) : archive
  try {
    const directory = await readDirectory(name, bytes, effective)
    const entries = stripCommonFolder(directory.entries)
    if (entries.length === 0) {
      throw new ZipRefused(
        'empty',
        null,
        `${name} holds no files. Zip the folder written by Get-ADSyncServerConfiguration and open that zip.`,
      )
    }
    const budget = new InflateBudget(name, directory.totalSize)
    return {
      ok: true,
      source: { name, files: entries.map((entry) => zipEntryFile(name, bytes, entry, budget)) },
    }
  } catch (error) {
    if (error instanceof ZipRefused) {
      return { ok: false, error: { problem: error.problem, entry: error.entry, message: error.message } }
    }
    return { ok: false, error: await explainOpenFailure(name, bytes, error) }
  }
}

async function explainOpenFailure(name: string, bytes: RandomAccessBytes, error: unknown): Promise<ZipError> {
  const reason = error instanceof Error ? error.message : String(error)
  if (reason === ERR_SPLIT_ZIP_FILE) {
    return {
      problem: 'split-archive',
      entry: null,
      message: `${name} is one part of a split archive. Join the parts into one .zip (or unzip them) and open that.`,
    }
  }
  const head = await bytes.read(0, 4).catch(() => new Uint8Array(0))
  const signature = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)
  if (!signature) {
    return {
      problem: 'not-a-zip',
      entry: null,
      message: `${name} is not a zip archive. Open a .zip, a snapshot folder or a single export file.`,
    }
  }
  if (reason === ERR_EOCDR_NOT_FOUND || reason === ERR_BAD_FORMAT) {
    return {
      problem: 'damaged',
      entry: null,
      message: `${name} is cut short: its table of contents is missing. Copy or download it again.`,
    }
  }
  return {
    problem: 'damaged',
    entry: null,
    message: `${name} is damaged (${reason}). Copy or download it again.`,
  }
}

interface Directory {
  readonly entries: Entry[]
  /** Bytes all accepted files hold once inflated, as declared. */
  readonly totalSize: number
}

async function readDirectory(name: string, bytes: RandomAccessBytes, limits: ZipLimits): Promise<Directory> {
  const reader = new ZipReader(new ArchiveReader(bytes, name), {
    useWebWorkers: false,
    // SyncLens checks names itself (it never extracts), with messages that say what to do.
    filenameValidation: 'tolerant',
  })
  const all: ZipJsEntry[] = []
  for await (const entry of reader.getEntriesGenerator()) {
    all.push(entry)
    if (all.length > limits.maxEntries) {
      throw new ZipRefused(
        'too-many-entries',
        null,
        `${name} holds more than ${limits.maxEntries} entries; SyncLens opens at most ${limits.maxEntries}. Zip only the snapshot folder.`,
      )
    }
  }
  const boundaries = entryBoundaries(name, all, reader.directoryOffset ?? bytes.size)
  const entries: Entry[] = []
  const seen = new Set<string>()
  let total = 0
  let compressedTotal = 0
  for (const zipEntry of all) {
    const rawName = decodeName(zipEntry.rawFilename, zipEntry.filenameUTF8)
    const path = safePath(rawName)
    if (path === null || zipEntry.directory || isSkippedPath(path)) continue
    if (seen.has(path)) {
      throw new ZipRefused(
        'duplicate-name',
        path,
        `${name} holds ${quotedExcerpt(path)} twice. Re-create the zip from the snapshot folder.`,
      )
    }
    seen.add(path)
    checkSizes(name, path, zipEntry, limits)
    total += zipEntry.uncompressedSize
    compressedTotal += zipEntry.compressedSize
    if (total > limits.maxTotalSize) {
      throw new ZipRefused(
        'too-large',
        path,
        `${name} inflates to more than ${formatBytes(limits.maxTotalSize)}. Unzip it and open the folder instead.`,
      )
    }
    entries.push({
      path,
      size: zipEntry.uncompressedSize,
      compressedSize: zipEntry.compressedSize,
      offset: zipEntry.offset,
      boundary: boundaries.get(zipEntry) ?? bytes.size,
      unreadable: unreadableReason(zipEntry),
      zipEntry,
    })
  }
  if (total > TOTAL_RATIO_CHECK_MIN_SIZE && total > limits.maxRatio * Math.max(bytes.size, compressedTotal)) {
    throw new ZipRefused(
      'zip-bomb',
      null,
      `${name} claims to inflate ${Math.round(total / bytes.size)} times its size (at most ${limits.maxRatio} is accepted), which is how zip bombs look. SyncLens did not open it.`,
    )
  }
  return { entries, totalSize: total }
}

/**
 * Where each entry's data must end: the next local header in archive order, else the central directory.
 *
 * Entries whose headers share an offset, or whose declared data runs into the next entry, overlap: a real zip
 * never does that, and a zip bomb does it to inflate one compressed stream many times. The whole archive is
 * refused. The exact start of each entry's data is only known from its local header, read when the entry is;
 * that read checks the data against the boundary again.
 */
function entryBoundaries(
  name: string,
  entries: readonly ZipJsEntry[],
  directoryOffset: number,
): Map<ZipJsEntry, number> {
  const ordered = entries.slice().sort((left, right) => left.offset - right.offset)
  const boundaries = new Map<ZipJsEntry, number>()
  for (let index = 0; index < ordered.length; index++) {
    const entry = ordered[index]
    if (entry === undefined) continue
    const next = ordered[index + 1]
    const boundary = next === undefined ? directoryOffset : next.offset
    const minimumEnd = entry.offset + LOCAL_HEADER_SIZE + entry.rawFilename.byteLength + entry.compressedSize
    if (next !== undefined && minimumEnd > boundary) {
      const first = quotedExcerpt(decodeName(entry.rawFilename, entry.filenameUTF8))
      const second = quotedExcerpt(decodeName(next.rawFilename, next.filenameUTF8))
      throw new ZipRefused(
        'overlapping-entries',
        null,
        `${name} has entries whose data overlap (${first} and ${second}): one compressed stream would be read several times, which is how zip bombs look. SyncLens did not open it.`,
      )
    }
    boundaries.set(entry, boundary)
  }
  return boundaries
}

function unreadableReason(entry: ZipJsEntry): string | null {
  if (entry.encrypted) {
    return 'it is password-protected. Unzip the archive with the password, then open the folder.'
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    const deflate64 = entry.compressionMethod === 9 ? ' (Deflate64, which Windows uses for big files)' : ''
    return `it uses compression method ${entry.compressionMethod}${deflate64}, which SyncLens cannot read. Unzip the archive and open the folder, or re-zip it with standard Deflate.`
  }
  return null
}

function checkSizes(name: string, path: string, entry: ZipJsEntry, limits: ZipLimits): void {
  const size = entry.uncompressedSize
  if (size > limits.maxEntrySize) {
    throw new ZipRefused(
      'too-large',
      path,
      `${path} in ${name} inflates to ${formatBytes(size)}, more than the ${formatBytes(limits.maxEntrySize)} SyncLens reads from one zipped file. Unzip it and open the folder instead.`,
    )
  }
  if (entry.compressionMethod === 0 && !entry.encrypted && entry.compressedSize !== size) {
    throw new ZipRefused('damaged', path, `${path} in ${name} has inconsistent sizes. Copy the zip again.`)
  }
  const ratio = entry.compressedSize === 0 ? Infinity : size / entry.compressedSize
  if (size >= RATIO_CHECK_MIN_SIZE && ratio > limits.maxRatio) {
    throw new ZipRefused(
      'zip-bomb',
      path,
      `${path} in ${name} claims to inflate ${Math.round(ratio)} times its stored size (at most ${limits.maxRatio} is accepted), which is how zip bombs look. SyncLens did not open it.`,
    )
  }
}

/**
 * Bytes inflated from one archive across all reads: each file is read a few times at most (its head, then
 * whole), so twice the declared total plus the heads is plenty; beyond it something is looping on a hostile zip.
 */
class InflateBudget {
  private used = 0
  private readonly limit: number

  public constructor(
    private readonly name: string,
    totalSize: number,
  ) {
    this.limit = 2 * totalSize + 64 * MIB
  }

  public spend(bytes: number): void {
    this.used += bytes
    if (this.used > this.limit) {
      throw new Error(
        `SyncLens has inflated more than ${formatBytes(this.limit)} from ${this.name}, twice what it declares; the rest is not read.`,
      )
    }
  }
}

const LOCAL_HEADER = 0x04034b50
const LOCAL_HEADER_SIZE = 30
/**
 * A zip entry name as a `/`-separated relative path; null for folders and names that are nothing.
 *
 * Backslashes (written by some Windows tools) become slashes; `.` and empty segments are dropped.
 * Names that climb out (`..`), are absolute or carry a colon or control characters are refused: a snapshot zip
 * never needs them, and they mark a hostile archive.
 */
function safePath(rawName: string): string | null {
  const name = rawName.replace(/\\/g, '/')
  const hasControl = [...name].some((character) => (character.codePointAt(0) ?? 0) < 0x20)
  // A colon makes a drive path (`C:x`) or an NTFS stream (`a.xml:evil`) on Windows; no export file has one.
  if (hasControl || name.startsWith('/') || name.includes(':')) {
    throw new ZipRefused(
      'unsafe-name',
      rawName,
      `The zip holds an entry named ${quotedExcerpt(rawName)}, an absolute or invalid path. SyncLens did not open it.`,
    )
  }
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.includes('..')) {
    throw new ZipRefused(
      'unsafe-name',
      rawName,
      `The zip holds an entry named ${quotedExcerpt(rawName)}, which points outside the archive. SyncLens did not open it.`,
    )
  }
  if (segments.length === 0 || name.endsWith('/')) return null
  return segments.join('/')
}

function isSkippedPath(path: string): boolean {
  return path.split('/').some(isSkippedName)
}

function stripCommonFolder(entries: Entry[]): Entry[] {
  const first = entries[0]?.path.split('/')[0]
  if (first === undefined) return entries
  const prefix = `${first}/`
  if (!entries.every((entry) => entry.path.startsWith(prefix))) return entries
  return entries.map((entry) => ({ ...entry, path: entry.path.slice(prefix.length) }))
}

function zipEntryFile(
  zipName: string,
  bytes: RandomAccessBytes,
  entry: Entry,
  budget: InflateBudget,
): SourceFile {
  const chunks = (): AsyncGenerator<Uint8Array> => entryChunks(zipName, bytes, entry, budget)
  return {
    path: entry.path,
    size: entry.size,
    readAll: async () => {
      // Filled in place: collecting the chunks first would hold a large file twice.
      const all = new Uint8Array(entry.size)
      let offset = 0
      for await (const chunk of chunks()) {
        all.set(chunk, offset)
        offset += chunk.byteLength
      }
      return all
    },
    head: async (length) => {
      const parts: Uint8Array[] = []
      let have = 0
      for await (const chunk of chunks()) {
        parts.push(chunk)
        have += chunk.byteLength
        if (have >= length) break
      }
      return concat(parts, Math.min(have, length))
    },
    chunks,
  }
}

/** The end of a read that the consumer stopped early (a head, a failed scanner); never shown. */
class ReadStopped extends Error {}

/**
 * Hands inflated chunks from zip.js (which pushes) to the loader (which pulls), one at a time: zip.js waits until
 * the loader has taken a chunk, so memory holds at most two, however large the entry.
 */
class ChunkChannel {
  private chunk: Uint8Array | null = null
  private ended = false
  private failure: unknown = null
  private stopped = false
  private wakeConsumer: (() => void) | null = null
  private wakeProducer: (() => void) | null = null

  /** Called by zip.js's writer; resolves when the chunk was taken, rejects when the loader stopped reading. */
  public async put(chunk: Uint8Array): Promise<void> {
    if (this.stopped) throw new ReadStopped()
    this.chunk = chunk
    this.wake('consumer')
    await new Promise<void>((resolve) => {
      this.wakeProducer = resolve
    })
    if (this.stopped) throw new ReadStopped()
  }

  /** The producer is done, successfully or not. */
  public end(failure: unknown = null): void {
    this.ended = true
    this.failure = failure
    this.wake('consumer')
  }

  /** The consumer stops: the producer's next (or pending) put rejects, which ends zip.js's read. */
  public stop(): void {
    this.stopped = true
    this.wake('producer')
  }

  /** The next chunk, or null at the end; throws what the producer failed with. */
  public async take(): Promise<Uint8Array | null> {
    for (;;) {
      const chunk = this.chunk
      if (chunk !== null) {
        this.chunk = null
        this.wake('producer')
        return chunk
      }
      if (this.ended) {
        if (this.failure !== null) throw this.failure
        return null
      }
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve
      })
    }
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer
    if (side === 'consumer') this.wakeConsumer = null
    else this.wakeProducer = null
    wake?.()
  }
}

/** zip.js writes an entry's inflated bytes here; sizes are checked as they arrive, not after. */
class ChannelWriter extends Writer<void> {
  private produced = 0

  public constructor(
    private readonly channel: ChunkChannel,
    private readonly declared: number,
    private readonly where: string,
    private readonly budget: InflateBudget,
  ) {
    super()
  }

  public override async writeUint8Array(array: Uint8Array): Promise<void> {
    if (array.byteLength === 0) return
    this.produced += array.byteLength
    if (this.produced > this.declared) {
      throw new Error(
        `${this.where} inflates to more than the ${this.declared} bytes its header declares; the zip is damaged or hostile.`,
      )
    }
    this.budget.spend(array.byteLength)
    await this.channel.put(array)
  }

  public override getData(): void {
    if (this.produced !== this.declared) {
      throw new Error(
        `${this.where} holds ${this.produced} bytes, not the ${this.declared} its header declares; the zip is damaged.`,
      )
    }
  }
}

/** Inflates one entry chunk by chunk, checking its place in the archive, its size and its checksum. */
async function* entryChunks(
  zipName: string,
  bytes: RandomAccessBytes,
  entry: Entry,
  budget: InflateBudget,
): AsyncGenerator<Uint8Array> {
  const where = `${entry.path} in ${zipName}`
  if (entry.unreadable !== null) throw new Error(`${where} cannot be read: ${entry.unreadable}`)
  await checkLocalHeader(where, bytes, entry)
  const channel = new ChunkChannel()
  const writer = new ChannelWriter(channel, entry.size, where, budget)
  const reading = readEntry(entry, writer).then(
    () => channel.end(),
    (error: unknown) => channel.end(error),
  )
  try {
    for (let chunk = await channel.take(); chunk !== null; chunk = await channel.take()) yield chunk
  } catch (error) {
    throw explainReadFailure(where, error)
  } finally {
    channel.stop()
    await reading
  }
}

async function readEntry(entry: Entry, writer: ChannelWriter): Promise<void> {
  if (entry.zipEntry.directory) return
  await entry.zipEntry.getData(writer, {
    useWebWorkers: false,
    checkSignature: true,
  })
}

/** Reads the entry's local header: its data must start where the header says and end before the next entry. */
async function checkLocalHeader(where: string, bytes: RandomAccessBytes, entry: Entry): Promise<void> {
  const header = await bytes.read(entry.offset, LOCAL_HEADER_SIZE)
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  if (header.byteLength < LOCAL_HEADER_SIZE || view.getUint32(0, true) !== LOCAL_HEADER) {
    throw new Error(`${where} cannot be found in the archive; the zip is damaged. Copy it again.`)
  }
  const dataStart = entry.offset + LOCAL_HEADER_SIZE + view.getUint16(26, true) + view.getUint16(28, true)
  if (dataStart + entry.compressedSize > Math.min(entry.boundary, bytes.size)) {
    throw new Error(
      `${where} runs past the end of its place in the archive (cut short, or overlapping the next entry); the zip is damaged. Copy it again.`,
    )
  }
}

function explainReadFailure(where: string, error: unknown): Error {
  if (!(error instanceof Error)) return new Error(`${where} cannot be read (${String(error)}).`)
  if (error.message.startsWith(where) || error.message.startsWith('SyncLens has inflated')) return error
  if (error.message === ERR_INVALID_UNCOMPRESSED_SIZE) {
    return new Error(
      `${where} inflates to another size than its header declares; the zip is damaged or hostile. Copy it again.`,
      { cause: error },
    )
  }
  if (error.message === ERR_AMBIGUOUS_ARCHIVE) {
    return new Error(
      `${where}: its local header disagrees with the table of contents (sizes, checksum or method); the zip is damaged or hostile. Copy it again.`,
      { cause: error },
    )
  }
  const checksum = /signature|crc/i.test(error.message)
  return new Error(
    checksum
      ? `${where} fails its checksum; the zip is damaged. Copy or download it again.`
      : `${where} cannot be inflated (${error.message}); the zip is damaged. Copy it again.`,
    { cause: error },
  )
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const [first] = parts
  if (parts.length === 1 && first !== undefined) return first.subarray(0, length)
  const joined = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    if (offset >= length) break
    const piece = part.subarray(0, length - offset)
    joined.set(piece, offset)
    offset += piece.byteLength
  }
  return joined
}

// Code page 437, the encoding of zip names without the UTF-8 flag (older Windows and DOS tools), for bytes 0x80-0xFF.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeName(raw: Uint8Array, flaggedUtf8: boolean): string {
  if (flaggedUtf8) return new TextDecoder('utf-8').decode(raw)
  // Many tools write UTF-8 without setting the flag; only bytes that are not valid UTF-8 are read as CP437.
  try {
    return utf8.decode(raw)
  } catch {
    return Array.from(raw, (byte) =>
      byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '?'),
    ).join('')
  }
}
