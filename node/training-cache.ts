import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DETECTION_HEAD_BYTES } from '../shared/io/detect'
import {
  type ByteInput,
  type ByteOutput,
  inputFrom,
  memoryFile,
  memoryInput,
  type ObjectCache,
  type SnapshotSource,
  type SourceFile,
} from '../shared/io/source'
import { STORE_FORMAT_VERSION } from '../shared/store/object-store'
import {
  generateTrainingSnapshot,
  TRAINING_SNAPSHOT_NAME,
  type TrainingSnapshotOptions,
} from '../shared/training/index'
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
 * The training entry a build ships beside its bundles (`npm run build` writes it: scripts/build-electron.mjs), so
 * that the training snapshot opens fast from the first start on.
 */
export const SHIPPED_TRAINING_FILE = 'training.slstore'
/**
 * A shipped entry's first line. Its second is a label in JSON: the SHA-256 of the bundle it belongs to and the
 * generator's options; a kept entry's bytes follow.
 */
export const SHIPPED_TRAINING_MAGIC = 'SYNCLENS-TRAINING 1\n'

/** What a shipped entry's label says. */
interface ShippedLabel {
  readonly bundle: string
  readonly users: number | null
  readonly seed: number | null
}

/** Files an entry holds whole (configuration, manifest) or by their head (object files, for recognition). */
interface EntryFile {
  readonly path: string
  readonly size: number
  /** The whole file, or its first DETECTION_HEAD_BYTES for an object file. */
  readonly bytes: string
  readonly whole: boolean
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
  const generate = (): SnapshotSource => generateTrainingSnapshot(training)
  const caching = settings.enabled && settings.maxBytes > 0
  const build = caching ? await (options.buildKey ?? (() => bundleKey(bundle)))() : null
  const target =
    build === null ? null : path.join(settings.folder, `${PREFIX}${entryKey(build, training)}${SUFFIX}`)
  if (target !== null) {
    const kept = await readEntry(target, generate)
    if (kept !== null) return kept
  }
  const shipped = await readShippedEntry(bundle, training, generate, target)
  if (shipped !== null) return shipped
  if (target === null) return generate()
  const generated = generate()
  return { ...generated, accelerators: { cache: keepingCache(() => generated, target) } }
}

function entryKey(build: string, training: TrainingSnapshotOptions): string {
  return crypto
    .createHash('sha256')
    .update(`${build}\n${JSON.stringify([training.users ?? null, training.seed ?? null])}`)
    .digest('hex')
    .slice(0, 40)
}

/**
 * The running bundle's content hash, or null when the code is not a bundle: the command's file, or the text the
 * app's snapshot worker was started from (it has no file of its own: `startSnapshotWorker`).
 */
export async function bundleKey(bundle: RunningBundle | null = runningBundle()): Promise<string | null> {
  const bytes = await bundleBytes(bundle)
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
  const files: EntryFile[] = []
  for (const file of generated.files) {
    const whole =
      file.size <= DETECTION_HEAD_BYTES || !/\.xml$/i.test(file.path) || isConfiguration(file.path)
    const bytes = whole ? await file.readAll() : await file.head(DETECTION_HEAD_BYTES)
    files.push({ path: file.path, size: file.size, bytes: Buffer.from(bytes).toString('base64'), whole })
  }
  const header = Buffer.from(JSON.stringify(files))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.byteLength, 0)
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  const objects = produce()
  await writeFileAtomic(
    target,
    (function* () {
      yield length
      yield header
      yield* objects.pieces()
    })(),
    { overwrite: true, sync: false },
  )
}

/** The training snapshot's object files are the connector spaces and the metaverse; the rest is configuration. */
function isConfiguration(filePath: string): boolean {
  return !filePath.startsWith('ConnectorSpaces/') && !filePath.startsWith('Metaverse/')
}

/** The snapshot from an entry kept in the cache folder, or null when there is none or it cannot be read. */
async function readEntry(file: string, generate: () => SnapshotSource): Promise<SnapshotSource | null> {
  let files: EntryFile[]
  let objectsStart: number
  try {
    const handle = await fs.promises.open(file, 'r')
    try {
      const length = Buffer.alloc(4)
      await handle.read(length, 0, 4, 0)
      const headerLength = length.readUInt32LE(0)
      if (headerLength > (await handle.stat()).size - 4) return null
      const header = Buffer.alloc(headerLength)
      const { bytesRead } = await handle.read(header, 0, headerLength, 4)
      if (bytesRead !== headerLength) return null
      files = JSON.parse(header.toString('utf8')) as EntryFile[]
      objectsStart = 4 + headerLength
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
  const now = new Date()
  await fs.promises.utimes(file, now, now).catch(() => undefined)
  return entrySource(
    files,
    () => {
      const input = openFileInput(file)
      return input === null ? null : inputFrom(input, objectsStart)
    },
    generate,
    file,
  )
}

/**
 * The snapshot from the entry the build shipped beside the running bundle, or null when there is none, it belongs
 * to another bundle or other generator options, or it cannot be read. It is read whole into memory (inside the
 * app's archive a file can be read but not opened by descriptor), never written; `target` is where the cache keeps
 * the objects instead if the shipped ones turn out damaged.
 */
async function readShippedEntry(
  bundle: RunningBundle | null,
  training: TrainingSnapshotOptions,
  generate: () => SnapshotSource,
  target: string | null,
): Promise<SnapshotSource | null> {
  const folder = bundleFolder(bundle)
  if (folder === null) return null
  let bytes: Buffer
  try {
    bytes = await fs.promises.readFile(path.join(folder, SHIPPED_TRAINING_FILE))
  } catch {
    return null
  }
  const magic = Buffer.from(SHIPPED_TRAINING_MAGIC)
  if (!bytes.subarray(0, magic.length).equals(magic)) return null
  const labelEnd = bytes.indexOf(0x0a, magic.length)
  if (labelEnd === -1) return null
  const label = parseLabel(bytes.toString('utf8', magic.length, labelEnd))
  if (label === null || label.users !== (training.users ?? null) || label.seed !== (training.seed ?? null))
    return null
  const own = await bundleBytes(bundle)
  if (own === null || crypto.createHash('sha256').update(own).digest('hex') !== label.bundle) return null
  const entryStart = labelEnd + 1
  if (bytes.length < entryStart + 4) return null
  const headerLength = bytes.readUInt32LE(entryStart)
  const objectsStart = entryStart + 4 + headerLength
  if (objectsStart > bytes.length) return null
  let files: EntryFile[]
  try {
    files = JSON.parse(bytes.toString('utf8', entryStart + 4, objectsStart)) as EntryFile[]
  } catch {
    return null
  }
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return entrySource(files, () => memoryInput(view, objectsStart), generate, target)
}

function parseLabel(text: string): ShippedLabel | null {
  try {
    const label = JSON.parse(text) as Partial<Record<keyof ShippedLabel, unknown>> | null
    const optional = (value: unknown): value is number | null => value === null || typeof value === 'number'
    if (label === null || typeof label.bundle !== 'string' || !optional(label.users) || !optional(label.seed))
      return null
    return { bundle: label.bundle, users: label.users, seed: label.seed }
  } catch {
    return null
  }
}

/**
 * The training snapshot from an entry's files and objects. An object file is only recognised from its head; its
 * content is generated if the objects must be read from the XML (the entry's objects are damaged), and those objects
 * are then kept at `target` (when the cache is on).
 */
function entrySource(
  entries: readonly EntryFile[],
  objects: () => ByteInput | null,
  generate: () => SnapshotSource,
  target: string | null,
): SnapshotSource | null {
  try {
    let full: SnapshotSource | null = null
    const generatedSnapshot = (): SnapshotSource => (full ??= generate())
    const generatedFile = (filePath: string): SourceFile => {
      const found = generatedSnapshot().files.find((candidate) => candidate.path === filePath)
      if (found === undefined) throw new Error(`the training snapshot has no ${filePath}`)
      return found
    }
    return {
      name: TRAINING_SNAPSHOT_NAME,
      files: entries.map((entry): SourceFile => {
        const kept = Buffer.from(entry.bytes, 'base64')
        const view = new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength)
        if (entry.whole) return memoryFile(entry.path, view)
        return {
          path: entry.path,
          size: entry.size,
          head: async (length) => view.subarray(0, length),
          readAll: () => generatedFile(entry.path).readAll(),
          chunks: () => generatedFile(entry.path).chunks(),
        }
      }),
      accelerators: {
        // A damaged entry is read past (the objects are generated and parsed) and, the cache on, written anew.
        cache: {
          read: () => Promise.resolve(objects()),
          write: target === null ? () => undefined : keepingCache(generatedSnapshot, target).write,
        },
      },
    }
  } catch {
    return null
  }
}
