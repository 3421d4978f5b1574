import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  type ByteInput,
  type ByteOutput,
  inputFrom,
  type ObjectCache,
  type SnapshotSource,
} from '../shared/io/source'
import { STORE_FORMAT_VERSION } from '../shared/store/object-store'
import { generateTrainingSnapshot, type TrainingSnapshotOptions } from '../shared/training/index'
import {
  type EntryHeader,
  entryHeader,
  entryHeaderBytes,
  entrySource,
  labelledFor,
  SHIPPED_LABEL_MAX_BYTES,
  SHIPPED_TRAINING_FILE,
  shippedEntry,
  shippedLabel,
  shippedObjects,
} from '../shared/training/shipped-entry'
import { objectCacheSettings, type ObjectCacheSettings, openFileInput } from './object-cache'
import { writeFileAtomic } from './atomic-write'
import { scheduleCacheWrite } from './cache-writes'
import { bundleFolder, type RunningBundle, runningBundle } from './running-bundle'

/** Bumped when what an entry holds beside the objects changes. */
const ENTRY_FORMAT = 1
const PREFIX = 'training-'
const SUFFIX = '.slstore'

/** Where the entry lives and what identifies it; the defaults suit the app and the CLI. */
export interface TrainingSourceOptions {
  readonly settings?: ObjectCacheSettings
  /** The bundle running (the default: this thread's), whose folder holds the entry its build shipped. */
  readonly bundle?: RunningBundle | null
  /** The build the entry belongs to (the running bundle's content hash), or null for none. */
  readonly buildKey?: () => Promise<string | null>
  /** The generator's size and seed (the defaults: the snapshot users open). */
  readonly training?: TrainingSnapshotOptions
}

/**
 * The built-in training snapshot, opened fast: its generated files are the same for every run of one build of
 * SyncLens, so they can be kept (the configuration whole, the object files' heads) with the loaded objects, and
 * read back instead of generating and parsing about 50 KB of XML per user. Two places keep them:
 * - the build ships an entry beside the running bundle (SHIPPED_TRAINING_FILE), for the bundle whose SHA-256 its
 *   label names, and for the default generator options; it is read whether or not the cache is on;
 * - the reopen cache folder keeps one per build (keyed by the running bundle's content), written by the first
 *   open that found no shipped entry it could use, and read first.
 * Where the code is not a bundle (development, tests), the snapshot is generated each time.
 */
export async function trainingSnapshotSource(options: TrainingSourceOptions = {}): Promise<SnapshotSource> {
  const settings = options.settings ?? objectCacheSettings()
  const training = options.training ?? {}
  const bundle = options.bundle === undefined ? runningBundle() : options.bundle
  // Generated at most once: for the XML when kept objects are damaged, and for the files an entry keeps.
  let generated: SnapshotSource | null = null
  const generate = (): SnapshotSource => (generated ??= generateTrainingSnapshot(training))
  // The bundle's bytes key the cache's entry and must match the shipped one's label: read once for both.
  let bytes: Promise<Uint8Array | null> | null = null
  const ownBytes = (): Promise<Uint8Array | null> => (bytes ??= bundleBytes(bundle))
  const caching = settings.enabled && settings.maxBytes > 0
  const build = caching ? await (options.buildKey ?? (async () => keyOf(await ownBytes())))() : null
  const target =
    build === null ? null : path.join(settings.folder, `${PREFIX}${entryKey(build, training)}${SUFFIX}`)
  if (target !== null) {
    const kept = await readEntry(target, generate)
    if (kept !== null) return kept
  }
  const shipped = await readShippedEntry(
    bundleFolder(bundle),
    bundle?.kind === 'source',
    ownBytes,
    training,
    generate,
    target,
  )
  if (shipped !== null) return shipped
  if (target === null) return generate()
  return { ...generate(), accelerators: { cache: keepingCache(generate, target) } }
}

function entryKey(build: string, training: TrainingSnapshotOptions): string {
  return crypto
    .createHash('sha256')
    .update(`${build}\n${JSON.stringify([training.users ?? null, training.seed ?? null])}`)
    .digest('hex')
    .slice(0, 40)
}

/**
 * The build a cache entry belongs to, from the running bundle's bytes (`bundleBytes`: the command's file, or the
 * text the app's snapshot worker was started from), the entry's format and the store's; null where there is no
 * bundle.
 */
function keyOf(bytes: Uint8Array | null): string | null {
  if (bytes === null) return null
  const hash = crypto.createHash('sha256')
  hash.update(`synclens-training ${ENTRY_FORMAT} ${STORE_FORMAT_VERSION}\n`)
  hash.update(bytes)
  return hash.digest('hex').slice(0, 40)
}

/** The running bundle's bytes (its file's, or the UTF-8 of the text it was started from), or null. */
async function bundleBytes(bundle: RunningBundle | null): Promise<Uint8Array | null> {
  if (bundle === null) return null
  if (bundle.kind === 'source') return Buffer.from(bundle.code, 'utf8')
  try {
    return await fs.promises.readFile(bundle.path)
  } catch {
    return null
  }
}

/** The cache of a freshly generated training snapshot: writes its files and objects once the first screen is up. */
function keepingCache(generated: () => SnapshotSource, target: string): ObjectCache {
  return {
    read: () => Promise.resolve(null),
    write: (produce) => scheduleCacheWrite(() => writeEntry(generated(), produce, target)),
  }
}

async function writeEntry(
  generated: SnapshotSource,
  produce: () => ByteOutput,
  target: string,
): Promise<void> {
  const header = await entryHeaderBytes(generated)
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  const objects = produce()
  await writeFileAtomic(
    target,
    (function* () {
      yield header
      yield* objects.pieces()
    })(),
    { overwrite: true, sync: false },
  )
}

/** The snapshot from an entry kept in the cache folder, or null when there is none or it cannot be read. */
async function readEntry(file: string, generate: () => SnapshotSource): Promise<SnapshotSource | null> {
  const kept = await entryOnDisk(file, () => Promise.resolve(0))
  if (kept === null) return null
  const now = new Date()
  await fs.promises.utimes(file, now, now).catch(() => undefined)
  return entrySource(kept.files, kept.objects, generate, keepingCache(generate, file).write)
}

/** An entry's file list and its objects, read a section at a time from a file. */
interface EntryOnDisk {
  readonly files: EntryHeader['files']
  readonly objects: () => ByteInput | null
}

/**
 * The entry that starts where `start` says (given the file's first bytes; null: the file holds none) in `file`, its
 * file list read now and its objects when the load asks; null when there is none or it cannot be read.
 */
async function entryOnDisk(
  file: string,
  start: (first: Uint8Array) => Promise<number | null>,
): Promise<EntryOnDisk | null> {
  let header: EntryHeader | null
  let entryStart: number | null
  try {
    const handle = await fs.promises.open(file, 'r')
    try {
      const size = (await handle.stat()).size
      const first = Buffer.alloc(Math.min(size, SHIPPED_LABEL_MAX_BYTES))
      await handle.read(first, 0, first.length, 0)
      entryStart = await start(first)
      if (entryStart === null || entryStart + 4 > size) return null
      const length = Buffer.alloc(4)
      await handle.read(length, 0, 4, entryStart)
      const headerLength = length.readUInt32LE(0)
      if (headerLength > size - entryStart - 4) return null
      const head = Buffer.alloc(4 + headerLength)
      const { bytesRead } = await handle.read(head, 0, head.length, entryStart)
      if (bytesRead !== head.length) return null
      header = entryHeader(head)
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
  if (header === null) return null
  const objectsStart = entryStart + header.objectsStart
  return {
    files: header.files,
    objects: () => {
      const input = openFileInput(file)
      return input === null ? null : inputFrom(input, objectsStart)
    },
  }
}

/**
 * The snapshot from the entry the build shipped in the running bundle's folder (SHIPPED_TRAINING_FILE), or null when
 * there is none, it belongs to another bundle (`ownBytes`: the running one's) or other generator options, or it
 * cannot be read. It is never written; `target` is where the cache keeps the objects instead if the shipped ones
 * turn out damaged (null: nowhere). The command reads it a section at a time, as the cache's entries; the app's
 * worker reads it whole (`whole`): inside the app's archive a file can be read but not opened by descriptor.
 */
async function readShippedEntry(
  folder: string | null,
  whole: boolean,
  ownBytes: () => Promise<Uint8Array | null>,
  training: TrainingSnapshotOptions,
  generate: () => SnapshotSource,
  target: string | null,
): Promise<SnapshotSource | null> {
  if (folder === null) return null
  const file = path.join(folder, SHIPPED_TRAINING_FILE)
  const write = target === null ? () => undefined : keepingCache(generate, target).write
  const ours = async (label: Readonly<Record<string, unknown>>): Promise<boolean> => {
    if (!labelledFor(label, training.users, training.seed)) return false
    const own = await ownBytes()
    return own !== null && crypto.createHash('sha256').update(own).digest('hex') === label.bundle
  }
  if (!whole) {
    const shipped = await entryOnDisk(file, async (first) => {
      const labelled = shippedLabel(first)
      return labelled !== null && (await ours(labelled.label)) ? labelled.entryStart : null
    })
    return shipped === null ? null : entrySource(shipped.files, shipped.objects, generate, write)
  }
  let bytes: Uint8Array
  try {
    const read = await fs.promises.readFile(file)
    bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength)
  } catch {
    return null
  }
  const shipped = shippedEntry(bytes)
  if (shipped === null || !(await ours(shipped.label))) return null
  return entrySource(shipped.header.files, shippedObjects(bytes, shipped.header), generate, write)
}
