import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DETECTION_HEAD_BYTES } from '../shared/io/detect'
import {
  type ByteOutput,
  inputFrom,
  memoryFile,
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
import { type RunningBundle, runningBundle } from './running-bundle'

/** Bumped when what an entry holds beside the objects changes. */
const ENTRY_FORMAT = 1
const PREFIX = 'training-'
const SUFFIX = '.slstore'

/** Where the entry lives and what identifies it; the defaults suit the app and the CLI. */
export interface TrainingSourceOptions {
  readonly settings?: ObjectCacheSettings
  /** The build the entry belongs to (the running bundle's content hash), or null for none. */
  readonly buildKey?: () => Promise<string | null>
  /** The generator's size and seed (the defaults: the snapshot users open). */
  readonly training?: TrainingSnapshotOptions
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
 * The built-in training snapshot, opened fast after the first time: its generated files are the same for every
 * run of one build of SyncLens, so the first open keeps them (the configuration whole, the object files' heads)
 * with the loaded objects in the reopen cache folder, keyed by the running bundle's content. Later opens read the
 * objects back instead of generating and parsing about 50 KB of XML per user. Where the code is not a bundle
 * (development, tests) or the cache is off, the snapshot is generated each time.
 */
export async function trainingSnapshotSource(options: TrainingSourceOptions = {}): Promise<SnapshotSource> {
  const settings = options.settings ?? objectCacheSettings()
  const training = options.training ?? {}
  const generate = (): SnapshotSource => generateTrainingSnapshot(training)
  const build = settings.enabled && settings.maxBytes > 0 ? await (options.buildKey ?? bundleKey)() : null
  if (build === null) return generate()
  const key = crypto
    .createHash('sha256')
    .update(`${build}\n${JSON.stringify([training.users ?? null, training.seed ?? null])}`)
    .digest('hex')
    .slice(0, 40)
  const file = path.join(settings.folder, `${PREFIX}${key}${SUFFIX}`)
  const kept = await readEntry(file, generate)
  if (kept !== null) return kept
  const generated = generate()
  return { ...generated, accelerators: { cache: keepingCache(() => generated, file) } }
}

/**
 * The running bundle's content hash, or null when the code is not a bundle: the command's file, or the text the
 * app's snapshot worker was started from (it has no file of its own: `startSnapshotWorker`).
 */
export async function bundleKey(bundle: RunningBundle | null = runningBundle()): Promise<string | null> {
  if (bundle === null) return null
  try {
    const hash = crypto.createHash('sha256')
    hash.update(`synclens-training ${ENTRY_FORMAT} ${STORE_FORMAT_VERSION}\n`)
    hash.update(bundle.kind === 'file' ? await fs.promises.readFile(bundle.path) : bundle.code)
    return hash.digest('hex').slice(0, 40)
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

/** The snapshot from a kept entry, or null when there is none or it cannot be read. */
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
  try {
    const now = new Date()
    await fs.promises.utimes(file, now, now).catch(() => undefined)
    let full: SnapshotSource | null = null
    const generatedSnapshot = (): SnapshotSource => (full ??= generate())
    const generatedFile = (filePath: string): SourceFile => {
      const found = generatedSnapshot().files.find((candidate) => candidate.path === filePath)
      if (found === undefined) throw new Error(`the training snapshot has no ${filePath}`)
      return found
    }
    return {
      name: TRAINING_SNAPSHOT_NAME,
      files: files.map((entry): SourceFile => {
        const kept = Buffer.from(entry.bytes, 'base64')
        const view = new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength)
        if (entry.whole) return memoryFile(entry.path, view)
        // An object file is only recognised from its head; its content is generated if the objects must be read.
        return {
          path: entry.path,
          size: entry.size,
          head: async (length) => view.subarray(0, length),
          readAll: () => generatedFile(entry.path).readAll(),
          chunks: () => generatedFile(entry.path).chunks(),
        }
      }),
      accelerators: {
        // A damaged entry is read past (the objects are generated and parsed) and written anew.
        cache: {
          read: () => {
            const input = openFileInput(file)
            return Promise.resolve(input === null ? null : inputFrom(input, objectsStart))
          },
          write: keepingCache(generatedSnapshot, file).write,
        },
      },
    }
  } catch {
    return null
  }
}
