import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ByteInput, ByteOutput, ObjectCache } from '../shared/io/source'
import { STORE_FORMAT_VERSION } from '../shared/store/object-store'
import { writeFileAtomic } from './atomic-write'
import { cacheRoot, cachesSwitchedOff } from './cache-root'
import { scheduleCacheWrite } from './cache-writes'

/** Bumped when what the cache keeps beside the store changes. */
const CACHE_FORMAT = 1
/** Bytes of each file's head and tail that go into the key (with its size and modification time). */
const HASHED_BYTES = 64 << 10
/** The cache's size when no setting says otherwise. */
const DEFAULT_MAX_BYTES = 4 * 2 ** 30
const SUFFIX = '.slstore'

/** Where the reopen cache lives, how large it may grow, whether it is on. */
export interface ObjectCacheSettings {
  readonly enabled: boolean
  readonly folder: string
  readonly maxBytes: number
}

/**
 * The cache settings from the environment: `SYNCLENS_CACHE=off` turns it off, `SYNCLENS_CACHE_DIR` moves it,
 * `SYNCLENS_CACHE_MAX_MB` caps it (4 GiB by default). By default it lives in the user's cache folder, never
 * beside a snapshot: `%LOCALAPPDATA%\SyncLens\Cache` on Windows, `~/Library/Caches/SyncLens` on macOS,
 * `$XDG_CACHE_HOME/synclens` (`~/.cache/synclens`) elsewhere.
 */
export function objectCacheSettings(env: NodeJS.ProcessEnv = process.env): ObjectCacheSettings {
  const megabytes = Number(env.SYNCLENS_CACHE_MAX_MB)
  return {
    enabled: !cachesSwitchedOff(env),
    folder: path.join(cacheRoot(env), 'stores'),
    maxBytes: Number.isFinite(megabytes) && megabytes >= 0 ? megabytes * 2 ** 20 : DEFAULT_MAX_BYTES,
  }
}

/** A file of a snapshot on disk, as the cache keys it. */
export interface CachedDiskFile {
  readonly absolute: string
  readonly relative: string
}

/**
 * The reopen cache of a snapshot on disk: one file per snapshot state, named by a hash of every file's path,
 * size, modification time and first and last 64 KiB. Any change to any file gives another key, so a changed
 * snapshot is read afresh; entries are used oldest-first evicted once the folder passes its cap.
 */
export function diskObjectCache(
  files: readonly CachedDiskFile[],
  settings: ObjectCacheSettings = objectCacheSettings(),
): ObjectCache | undefined {
  if (!settings.enabled || settings.maxBytes === 0) return undefined
  let key: Promise<string | null> | null = null
  const keyNow = (): Promise<string | null> => (key ??= cacheKey(files).catch(() => null))
  return {
    read: async () => {
      const name = await keyNow()
      if (name === null) return null
      const file = path.join(settings.folder, `${name}${SUFFIX}`)
      const input = openFileInput(file)
      if (input === null) return null
      const now = new Date()
      await fs.promises.utimes(file, now, now).catch(() => undefined)
      return { ...input, discard: () => discardEntry(input, file) }
    },
    write: (produce) => scheduleCacheWrite(() => writeEntry(keyNow(), produce, settings)),
  }
}

/**
 * A cache entry opened to be read a section at a time (the store is rebuilt from it without the whole file in
 * memory), or null when there is none. Reads are synchronous: the store is rebuilt by synchronous code, and a
 * read of one section from the page cache or a local disk is shorter than a turn of the event loop.
 */
export function openFileInput(file: string): ByteInput | null {
  let descriptor: number
  let byteLength: number
  try {
    descriptor = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    byteLength = fs.fstatSync(descriptor).size
  } catch {
    fs.closeSync(descriptor)
    return null
  }
  let open = true
  return {
    byteLength,
    read: (target, position) => {
      if (!open) throw new Error(`${file} is closed`)
      for (let done = 0; done < target.byteLength;) {
        const read = fs.readSync(descriptor, target, done, target.byteLength - done, position + done)
        if (read === 0) throw new Error(`${file} ends at ${position + done} bytes`)
        done += read
      }
    },
    close: () => {
      if (!open) return
      open = false
      fs.closeSync(descriptor)
    },
  }
}

/**
 * Closes an entry and removes its file: it was found damaged after the reopen had taken it (a block that does not
 * read as written), and the next open would take it again. A failure to remove it leaves it for the next write of
 * the same key, which replaces it.
 */
function discardEntry(input: ByteInput, file: string): void {
  input.close()
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Left to be replaced.
  }
}

/** Writes an entry a batch at a time as it is made (temporary file, then renamed): no whole copy in memory. */
async function writeEntry(
  key: Promise<string | null>,
  produce: () => ByteOutput,
  settings: ObjectCacheSettings,
): Promise<void> {
  const name = await key
  if (name === null) return
  const output = produce()
  if (output.byteLength > settings.maxBytes) return
  await fs.promises.mkdir(settings.folder, { recursive: true })
  const target = path.join(settings.folder, `${name}${SUFFIX}`)
  await writeFileAtomic(target, output.pieces(), { overwrite: true, sync: false })
  await evictOldest(settings, target)
}

/** Removes the least recently used entries until the folder is within its cap (the entry just written stays). */
async function evictOldest(settings: ObjectCacheSettings, keep: string): Promise<void> {
  const names = await fs.promises.readdir(settings.folder)
  const entries: { file: string; size: number; used: number }[] = []
  for (const name of names) {
    if (!name.endsWith(SUFFIX)) continue
    const file = path.join(settings.folder, name)
    const stat = await fs.promises.stat(file).catch(() => null)
    if (stat !== null) entries.push({ file, size: stat.size, used: stat.mtimeMs })
  }
  let total = entries.reduce((sum, entry) => sum + entry.size, 0)
  for (const entry of entries.sort((left, right) => left.used - right.used)) {
    if (total <= settings.maxBytes) break
    if (entry.file === keep) continue
    await fs.promises.rm(entry.file, { force: true })
    total -= entry.size
  }
}

/** The key of the files as they are now. */
async function cacheKey(files: readonly CachedDiskFile[]): Promise<string> {
  const hash = crypto.createHash('sha256')
  hash.update(`synclens-objects ${CACHE_FORMAT} ${STORE_FORMAT_VERSION}\n`)
  for (const file of [...files].sort((left, right) => (left.relative < right.relative ? -1 : 1))) {
    const handle = await fs.promises.open(file.absolute, 'r')
    try {
      const stat = await handle.stat()
      hash.update(`${file.relative}\0${stat.size}\0${stat.mtimeMs}\n`)
      const head = Buffer.alloc(Math.min(HASHED_BYTES, stat.size))
      await handle.read(head, 0, head.length, 0)
      const tail = Buffer.alloc(Math.min(HASHED_BYTES, stat.size))
      await handle.read(tail, 0, tail.length, stat.size - tail.length)
      hash.update(head)
      hash.update(tail)
    } finally {
      await handle.close()
    }
  }
  return hash.digest('hex')
}
