import fs from 'node:fs'
import path from 'node:path'
import type { LoadAccelerators, RandomAccessBytes, SnapshotSource, SourceFile } from '../shared/io/source'
import { diskObjectCache } from './object-cache'
import { diskSegmentReaders } from './segment-workers'
import { isSkippedName, openZipSource } from '../shared/io/zip-source'
import { alternatingBuffers, readAhead } from '../shared/load/read-ahead'

/** How much of a disk location SyncLens walks before it gives up. */
export interface DiskLimits {
  /** Most files in a snapshot folder (after skipping hidden and junk names). */
  readonly maxFiles: number
}

/** The limits used when the caller gives none. */
export const DEFAULT_DISK_LIMITS: DiskLimits = { maxFiles: 100_000 }

/** Streamed reads use 1 MiB chunks: measured about 3x faster than Node's default 64 KiB (docs/PERFORMANCE.md). */
export const READ_CHUNK_BYTES = 1 << 20

/** A snapshot location that cannot be opened; the message names the path and says what to do. */
export class SnapshotOpenError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'SnapshotOpenError'
  }
}

/**
 * Opens a folder, a zip or a single file as a snapshot source, read-only.
 *
 * A folder is walked recursively, skipping hidden and junk names and any symbolic link that leads
 * outside it; a zip is read by random access (its table of contents, then each entry's data when the
 * entry is read), so its size does not bound what can be opened. Files are only ever opened for reading.
 */
export async function openDiskSource(
  target: string,
  limits: Partial<DiskLimits> = {},
): Promise<SnapshotSource> {
  const effective: DiskLimits = { ...DEFAULT_DISK_LIMITS, ...limits }
  const absolute = path.resolve(target)
  const stat = await statOrExplain(absolute)
  if (stat.isDirectory()) return openFolder(absolute, effective)
  if (!stat.isFile()) {
    throw new SnapshotOpenError(
      `${absolute} is neither a folder nor a regular file. Open a snapshot folder, a .zip or an export file.`,
    )
  }
  if (await looksLikeZip(absolute)) return openZipFile(absolute, stat.size)
  const name = path.basename(absolute)
  return {
    name,
    files: [diskFile(absolute, name, stat.size)],
    accelerators: accelerators([{ absolute, relative: name }]),
  }
}

/**
 * The reopen cache and parallel readers of files on disk (a zip's entries, inflated in memory, get neither).
 * `SYNCLENS_CACHE=off` turns the cache off; see node/object-cache.ts.
 */
function accelerators(files: readonly { absolute: string; relative: string }[]): LoadAccelerators {
  const cache = diskObjectCache(files)
  return {
    segments: diskSegmentReaders(new Map(files.map((file) => [file.relative, file.absolute]))),
    ...(cache === undefined ? {} : { cache }),
  }
}

/** Opens several loose files (dropped together) as one snapshot; every path must be a regular file. */
export async function openDiskFiles(targets: readonly string[]): Promise<SnapshotSource> {
  const absolutes = [...new Set(targets.map((target) => path.resolve(target)))]
  const stats = await Promise.all(absolutes.map(statOrExplain))
  const common = commonFolder(absolutes)
  const files = absolutes.map((absolute, index) => {
    const stat = stats[index]
    if (!stat?.isFile()) {
      throw new SnapshotOpenError(
        `${absolute} is a folder. Drop one folder or one .zip on its own, or several files without folders.`,
      )
    }
    return diskFile(absolute, toSlashes(path.relative(common, absolute)), stat.size)
  })
  const located = absolutes.map((absolute) => ({
    absolute,
    relative: toSlashes(path.relative(common, absolute)),
  }))
  return { name: diskFilesName(targets), files, accelerators: accelerators(located) }
}

/** The display name of a snapshot made of these paths, as the sources above name it. */
export function diskSourceName(targets: readonly string[]): string {
  const [only] = targets
  return targets.length === 1 && only !== undefined
    ? path.basename(path.resolve(only))
    : diskFilesName(targets)
}

function diskFilesName(targets: readonly string[]): string {
  const absolutes = [...new Set(targets.map((target) => path.resolve(target)))]
  const folder = path.basename(commonFolder(absolutes))
  return folder ? `${absolutes.length} files in ${folder}` : `${absolutes.length} files`
}

function commonFolder(absolutes: readonly string[]): string {
  const [first, ...rest] = absolutes.map((absolute) => path.dirname(absolute))
  if (first === undefined) return ''
  let common = first
  for (const folder of rest) {
    while (common !== path.dirname(common) && path.relative(common, folder).startsWith('..')) {
      common = path.dirname(common)
    }
  }
  return common
}

async function openFolder(root: string, limits: DiskLimits): Promise<SnapshotSource> {
  const found = await walkFolder(root, limits.maxFiles)
  if (found.length === 0) {
    throw new SnapshotOpenError(
      `${root} holds no files. Open the folder written by Get-ADSyncServerConfiguration, a snapshot .zip or an export file.`,
    )
  }
  const sizes = await mapLimited(found, 64, async (file) => (await statOrExplain(file.absolute)).size)
  return {
    name: path.basename(root),
    files: found.map((file, index) => diskFile(file.absolute, file.relative, sizes[index] ?? 0)),
    accelerators: accelerators(found),
  }
}

interface FoundFile {
  readonly absolute: string
  readonly relative: string
}

async function walkFolder(root: string, maxFiles: number): Promise<FoundFile[]> {
  const realRoot = await fs.promises.realpath(root)
  const visited = new Set<string>([realRoot])
  const found: FoundFile[] = []
  const pending: { readonly folder: string; readonly relative: string }[] = [{ folder: root, relative: '' }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const entries = await readFolder(next.folder)
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue
      const absolute = path.join(next.folder, entry.name)
      const relative = next.relative ? `${next.relative}/${entry.name}` : entry.name
      let isFolder = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await linkTargetInside(absolute, realRoot)
        if (target === null) continue
        isFolder = target.stat.isDirectory()
        isFile = target.stat.isFile()
        if (isFolder) {
          // A link back to a folder already walked would loop forever.
          if (visited.has(target.real)) continue
          visited.add(target.real)
        }
      }
      if (isFolder) {
        pending.push({ folder: absolute, relative })
      } else if (isFile) {
        found.push({ absolute, relative })
        if (found.length > maxFiles) {
          throw new SnapshotOpenError(
            `${root} holds more than ${maxFiles} files. Open the snapshot folder itself, not a folder above it.`,
          )
        }
      }
    }
  }
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}

async function readFolder(folder: string): Promise<fs.Dirent[]> {
  try {
    return await fs.promises.readdir(folder, { withFileTypes: true })
  } catch (error) {
    throw new SnapshotOpenError(explain(folder, error), { cause: error })
  }
}

/** The real path and kind of a link's target, or null when it is broken or leads outside the snapshot folder. */
async function linkTargetInside(
  link: string,
  realRoot: string,
): Promise<{ readonly real: string; readonly stat: fs.Stats } | null> {
  try {
    const real = await fs.promises.realpath(link)
    if (!isInside(realRoot, real)) return null
    return { real, stat: await fs.promises.stat(real) }
  } catch {
    return null
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

async function looksLikeZip(absolute: string): Promise<boolean> {
  if (path.extname(absolute).toLowerCase() === '.zip') return true
  const head = await readHead(absolute, 4)
  // Local file header, or the end record of an empty archive.
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1
}

async function openZipFile(absolute: string, size: number): Promise<SnapshotSource> {
  const result = await openZipSource(path.basename(absolute), fileBytes(absolute, size))
  if (!result.ok) throw new SnapshotOpenError(`${absolute}: ${result.error.message}`)
  return result.source
}

/**
 * Random access to a file on disk. Each read opens the file, reads and closes it: a source has no close, and a
 * handle left open would keep a dropped zip locked on Windows; reads are slices of hundreds of KiB, so the open
 * costs little.
 */
export function fileBytes(absolute: string, size: number): RandomAccessBytes {
  return {
    size,
    read: async (offset, length) => {
      let handle: fs.promises.FileHandle | undefined
      try {
        handle = await fs.promises.open(absolute, 'r')
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)))
        let filled = 0
        while (filled < buffer.byteLength) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, offset + filled)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        return buffer.subarray(0, filled)
      } catch (error) {
        throw new Error(explain(absolute, error), { cause: error })
      } finally {
        await handle?.close()
      }
    },
  }
}

function diskFile(absolute: string, relative: string, size: number): SourceFile {
  return {
    path: relative,
    size,
    readAll: async () => {
      try {
        const buffer = await fs.promises.readFile(absolute, { flag: 'r' })
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      } catch (error) {
        throw new Error(explain(absolute, error), { cause: error })
      }
    },
    head: (length) => readHead(absolute, length),
    chunks: async function* () {
      let handle: fs.promises.FileHandle | undefined
      try {
        const opened = await fs.promises.open(absolute, 'r')
        handle = opened
        const nextBuffer = alternatingBuffers(READ_CHUNK_BYTES)
        const read = async (position: number, length: number): Promise<Uint8Array> => {
          const buffer = nextBuffer()
          const { bytesRead } = await opened.read(buffer, 0, length, position)
          return buffer.subarray(0, bytesRead)
        }
        yield* readAhead(read, 0, Number.POSITIVE_INFINITY, READ_CHUNK_BYTES)
      } catch (error) {
        throw new Error(explain(absolute, error), { cause: error })
      } finally {
        await handle?.close()
      }
    },
  }
}

async function readHead(absolute: string, length: number): Promise<Uint8Array> {
  let handle: fs.promises.FileHandle | undefined
  try {
    handle = await fs.promises.open(absolute, 'r')
    const buffer = new Uint8Array(Math.max(0, length))
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0)
    return buffer.subarray(0, bytesRead)
  } catch (error) {
    throw new Error(explain(absolute, error), { cause: error })
  } finally {
    await handle?.close()
  }
}

async function statOrExplain(absolute: string): Promise<fs.Stats> {
  try {
    return await fs.promises.stat(absolute)
  } catch (error) {
    throw new SnapshotOpenError(explain(absolute, error), { cause: error })
  }
}

/** A sentence naming the path and what went wrong, from a Node file-system error. */
function explain(absolute: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  switch (code) {
    case 'ENOENT':
      return `${absolute} does not exist. Check the path, or open the snapshot again from where it now is.`
    case 'EACCES':
    case 'EPERM':
      return `${absolute} cannot be read: permission denied. Copy the snapshot somewhere you can read, or fix its permissions.`
    case 'ENOTDIR':
      return `${absolute} is not a folder, but part of its path is a file. Check the path.`
    case 'ERR_FS_FILE_TOO_LARGE':
      return `${absolute} is too large to read in one piece (more than 2 GiB).`
    case 'EISDIR':
      return `${absolute} is a folder where a file was expected.`
    default:
      return `${absolute} cannot be read (${error instanceof Error ? error.message : String(error)}).`
  }
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/')
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += limit) {
    for (const result of await Promise.all(items.slice(start, start + limit).map(map))) results.push(result)
  }
  return results
}
