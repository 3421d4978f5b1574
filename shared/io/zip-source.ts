import { Inflate } from 'fflate'
import type { SnapshotSource, SourceFile } from './source'

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
  /** Highest inflated-to-compressed ratio of one file; beyond it the file is treated as a zip bomb. */
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
// Inflating a 16 KiB slice yields at most about 17 MiB, which bounds memory even when a header lies;
// it was also the fastest slice size measured with fflate (larger pushes make it copy more).
const INFLATE_SLICE = 16 * KIB
const STORED_CHUNK = MIB

/** Why a zip was refused. */
export type ZipProblem =
  | 'not-a-zip'
  | 'damaged'
  | 'split-archive'
  | 'too-many-entries'
  | 'too-large'
  | 'zip-bomb'
  | 'unsafe-name'
  | 'duplicate-name'
  | 'encrypted'
  | 'unsupported-method'
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

interface Entry {
  readonly path: string
  readonly method: 0 | 8
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly dataStart: number
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

/**
 * Opens a zip held in memory as a snapshot source, without extracting anything anywhere.
 *
 * Entries come from the central directory; each file is inflated only when read, and again on every
 * read, so memory holds the archive plus what the reader keeps. A single folder at the top of the zip
 * (the usual "zip the export folder" shape) is stripped from paths.
 */
export function openZipSource(
  name: string,
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
): ZipOpenResult {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits }
  try {
    const entries = stripCommonFolder(readCentralDirectory(name, bytes, effective))
    if (entries.length === 0) {
      throw new ZipRefused(
        'empty',
        null,
        `${name} holds no files. Zip the folder written by Get-ADSyncServerConfiguration and open that zip.`,
      )
    }
    return { ok: true, source: { name, files: entries.map((entry) => zipEntryFile(name, bytes, entry)) } }
  } catch (error) {
    if (error instanceof ZipRefused) {
      return { ok: false, error: { problem: error.problem, entry: error.entry, message: error.message } }
    }
    // Reads past the end of a truncated buffer surface as RangeError from DataView.
    return {
      ok: false,
      error: {
        problem: 'damaged',
        entry: null,
        message: `${name} is damaged (${error instanceof Error ? error.message : String(error)}). Copy or download it again.`,
      },
    }
  }
}

function readCentralDirectory(name: string, bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndOfCentralDirectory(view)
  if (end < 0) {
    const looksLikeZip = bytes.byteLength >= 4 && view.getUint32(0, true) === LOCAL_HEADER
    throw new ZipRefused(
      looksLikeZip ? 'damaged' : 'not-a-zip',
      null,
      looksLikeZip
        ? `${name} is cut short: its table of contents is missing. Copy or download it again.`
        : `${name} is not a zip archive. Open a .zip, a snapshot folder or a single export file.`,
    )
  }
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    throw new ZipRefused(
      'split-archive',
      null,
      `${name} is one part of a split archive. Join the parts into one .zip (or unzip them) and open that.`,
    )
  }
  let count = view.getUint16(end + 10, true)
  let directorySize = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(name, view, end)
    count = zip64.count
    directorySize = zip64.directorySize
    offset = zip64.offset
  }
  if (count > limits.maxEntries) {
    throw new ZipRefused(
      'too-many-entries',
      null,
      `${name} holds ${count} entries; SyncLens opens at most ${limits.maxEntries}. Zip only the snapshot folder.`,
    )
  }
  if (offset + directorySize > bytes.byteLength) {
    throw new ZipRefused('damaged', null, `${name} is cut short. Copy or download it again.`)
  }

  const entries: Entry[] = []
  const seen = new Set<string>()
  let total = 0
  for (let index = 0; index < count; index++) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new ZipRefused(
        'damaged',
        null,
        `${name} has a damaged table of contents. Copy or download it again.`,
      )
    }
    const record = readCentralRecord(name, view, bytes, offset)
    offset = record.next
    const path = safePath(record.rawName)
    if (path === null || isSkippedPath(path)) continue
    if (record.flags & 1) {
      throw new ZipRefused(
        'encrypted',
        path,
        `${path} in ${name} is password-protected. Unzip it with the password, then open the folder.`,
      )
    }
    if (record.method !== 0 && record.method !== 8) {
      throw new ZipRefused(
        'unsupported-method',
        path,
        `${path} in ${name} uses compression method ${record.method}${record.method === 9 ? ' (Deflate64, which Windows uses for big files)' : ''}, which SyncLens cannot read. Unzip it and open the folder, or re-zip it with standard Deflate.`,
      )
    }
    if (seen.has(path)) {
      throw new ZipRefused(
        'duplicate-name',
        path,
        `${name} holds ${path} twice. Re-create the zip from the snapshot folder.`,
      )
    }
    seen.add(path)
    checkSizes(name, path, record, limits)
    total += record.size
    if (total > limits.maxTotalSize) {
      throw new ZipRefused(
        'too-large',
        path,
        `${name} inflates to more than ${formatBytes(limits.maxTotalSize)}. Unzip it and open the folder instead.`,
      )
    }
    entries.push({
      path,
      method: record.method,
      crc: record.crc,
      compressedSize: record.compressedSize,
      size: record.size,
      dataStart: localDataStart(name, path, view, record),
    })
  }
  return entries
}

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_END = 0x06064b50

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, so it sits within the last 64 KiB.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let position = view.byteLength - 22; position >= lowest; position--) {
    if (view.getUint32(position, true) === END_OF_DIRECTORY) return position
  }
  return -1
}

function readZip64End(
  name: string,
  view: DataView,
  end: number,
): { count: number; directorySize: number; offset: number } {
  const locator = end - 20
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
    throw new ZipRefused('damaged', null, `${name} has a damaged ZIP64 table of contents. Copy it again.`)
  }
  const record = readUint64(name, view, locator + 8)
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END) {
    throw new ZipRefused('damaged', null, `${name} has a damaged ZIP64 table of contents. Copy it again.`)
  }
  return {
    count: readUint64(name, view, record + 32),
    directorySize: readUint64(name, view, record + 40),
    offset: readUint64(name, view, record + 48),
  }
}

function readUint64(name: string, view: DataView, position: number): number {
  const value = view.getUint32(position, true) + view.getUint32(position + 4, true) * 0x1_0000_0000
  if (!Number.isSafeInteger(value)) {
    throw new ZipRefused('damaged', null, `${name} declares an impossible size or offset. Copy it again.`)
  }
  return value
}

interface CentralRecord {
  readonly rawName: string
  readonly flags: number
  readonly method: number
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly localOffset: number
  readonly next: number
}

function readCentralRecord(name: string, view: DataView, bytes: Uint8Array, offset: number): CentralRecord {
  const flags = view.getUint16(offset + 8, true)
  const nameLength = view.getUint16(offset + 28, true)
  const extraLength = view.getUint16(offset + 30, true)
  const commentLength = view.getUint16(offset + 32, true)
  const nameStart = offset + 46
  const nameBytes = bytes.subarray(nameStart, nameStart + nameLength)
  let compressedSize = view.getUint32(offset + 20, true)
  let size = view.getUint32(offset + 24, true)
  let localOffset = view.getUint32(offset + 42, true)
  const extraStart = nameStart + nameLength
  for (let position = extraStart; position + 4 <= extraStart + extraLength;) {
    const id = view.getUint16(position, true)
    const length = view.getUint16(position + 2, true)
    if (id === 0x0001) {
      // ZIP64 extra field: only the fields saturated in the fixed record are present, in this order.
      let field = position + 4
      const fieldEnd = field + length
      const take = (): number => {
        if (field + 8 > fieldEnd) {
          throw new ZipRefused('damaged', null, `${name} has a damaged ZIP64 entry. Copy it again.`)
        }
        const value = readUint64(name, view, field)
        field += 8
        return value
      }
      if (size === 0xffffffff) size = take()
      if (compressedSize === 0xffffffff) compressedSize = take()
      if (localOffset === 0xffffffff) localOffset = take()
    }
    position += 4 + length
  }
  return {
    rawName: decodeName(nameBytes, (flags & 0x800) !== 0),
    flags,
    method: view.getUint16(offset + 10, true),
    crc: view.getUint32(offset + 16, true),
    compressedSize,
    size,
    localOffset,
    next: extraStart + extraLength + commentLength,
  }
}

function checkSizes(name: string, path: string, record: CentralRecord, limits: ZipLimits): void {
  if (record.size > limits.maxEntrySize) {
    throw new ZipRefused(
      'too-large',
      path,
      `${path} in ${name} inflates to ${formatBytes(record.size)}, more than the ${formatBytes(limits.maxEntrySize)} SyncLens reads from one zipped file. Unzip it and open the folder instead.`,
    )
  }
  if (record.method === 0 && record.compressedSize !== record.size) {
    throw new ZipRefused('damaged', path, `${path} in ${name} has inconsistent sizes. Copy the zip again.`)
  }
  const ratio = record.compressedSize === 0 ? Infinity : record.size / record.compressedSize
  if (record.size >= RATIO_CHECK_MIN_SIZE && ratio > limits.maxRatio) {
    throw new ZipRefused(
      'zip-bomb',
      path,
      `${path} in ${name} claims to inflate ${Math.round(ratio)} times its stored size (at most ${limits.maxRatio} is accepted), which is how zip bombs look. SyncLens did not open it.`,
    )
  }
}

function localDataStart(name: string, path: string, view: DataView, record: CentralRecord): number {
  const header = record.localOffset
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) {
    throw new ZipRefused(
      'damaged',
      path,
      `${path} in ${name} cannot be found in the archive. Copy the zip again.`,
    )
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true)
  if (start + record.compressedSize > view.byteLength) {
    throw new ZipRefused('damaged', path, `${path} in ${name} is cut short. Copy or download the zip again.`)
  }
  return start
}

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
      `The zip holds an entry named ${JSON.stringify(rawName)}, an absolute or invalid path. SyncLens did not open it.`,
    )
  }
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.includes('..')) {
    throw new ZipRefused(
      'unsafe-name',
      rawName,
      `The zip holds an entry named ${JSON.stringify(rawName)}, which points outside the archive. SyncLens did not open it.`,
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

function zipEntryFile(zipName: string, bytes: Uint8Array, entry: Entry): SourceFile {
  const chunks = (): Generator<Uint8Array> => entryChunks(zipName, bytes, entry)
  return {
    path: entry.path,
    size: entry.size,
    readAll: async () => {
      // Filled in place: collecting the chunks first would hold a large file twice.
      const all = new Uint8Array(entry.size)
      let offset = 0
      for (const chunk of chunks()) {
        all.set(chunk, offset)
        offset += chunk.byteLength
      }
      return all
    },
    head: async (length) => {
      const parts: Uint8Array[] = []
      let have = 0
      for (const chunk of chunks()) {
        if (have >= length) break
        parts.push(chunk)
        have += chunk.byteLength
      }
      return concat(parts, have).subarray(0, length)
    },
    chunks: async function* () {
      yield* chunks()
    },
  }
}

/** Inflates one entry slice by slice, checking its size and checksum against the central directory. */
function* entryChunks(zipName: string, bytes: Uint8Array, entry: Entry): Generator<Uint8Array> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
  const where = `${entry.path} in ${zipName}`
  let crc = CRC_INITIAL
  let produced = 0
  const accept = (chunk: Uint8Array): Uint8Array => {
    produced += chunk.byteLength
    if (produced > entry.size) {
      throw new Error(
        `${where} inflates to more than the ${entry.size} bytes its header declares; the zip is damaged or hostile.`,
      )
    }
    crc = crc32Update(crc, chunk)
    return chunk
  }
  if (entry.method === 0) {
    for (let offset = 0; offset < data.byteLength; offset += STORED_CHUNK) {
      yield accept(data.subarray(offset, offset + STORED_CHUNK))
    }
  } else {
    const pending: Uint8Array[] = []
    const inflate = new Inflate((chunk) => {
      if (chunk.byteLength > 0) pending.push(chunk)
    })
    for (let offset = 0; offset === 0 || offset < data.byteLength; offset += INFLATE_SLICE) {
      const last = offset + INFLATE_SLICE >= data.byteLength
      try {
        inflate.push(data.subarray(offset, offset + INFLATE_SLICE), last)
      } catch (error) {
        throw new Error(
          `${where} cannot be inflated (${error instanceof Error ? error.message : String(error)}); the zip is damaged. Copy it again.`,
          { cause: error },
        )
      }
      while (pending.length > 0) {
        const chunk = pending.shift()
        if (chunk) yield accept(chunk)
      }
    }
  }
  if (produced !== entry.size) {
    throw new Error(
      `${where} holds ${produced} bytes, not the ${entry.size} its header declares; the zip is damaged.`,
    )
  }
  if (crc32Final(crc) !== entry.crc) {
    throw new Error(`${where} fails its checksum; the zip is damaged. Copy or download it again.`)
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]?.byteLength === length) return parts[0]
  const joined = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    joined.set(part.subarray(0, length - offset), offset)
    offset += part.byteLength
    if (offset >= length) break
  }
  return joined
}

const CRC_INITIAL = 0xffffffff
const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32Update(crc: number, chunk: Uint8Array): number {
  const table = CRC_TABLE
  let c = crc
  for (let index = 0; index < chunk.byteLength; index++) {
    c = table[(c ^ chunk[index]) & 0xff] ^ (c >>> 8)
  }
  return c
}

function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0
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

function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(bytes % GIB === 0 ? 0 : 1)} GiB`
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 1)} MiB`
  return `${bytes} bytes`
}
