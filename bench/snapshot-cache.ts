/**
 * Benchmark snapshots, generated once with the training generator and kept outside the repository
 * (`~/.cache/synclens-bench/<size>/`, or `$SYNCLENS_BENCH_CACHE`). A folder counts only once its
 * marker file is written, so an interrupted generation is redone rather than measured.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTrainingFiles, type TrainingFilesSummary } from '../shared/training/index'
import { sizeLabel } from './options'

/** Bumped when the generator's output changes in a way that makes cached folders stale. */
const CACHE_FORMAT = 1
const MARKER = 'bench-snapshot.json'

/**
 * Training users per metaverse object: the generator adds groups, contacts and seeded cases to the
 * people it is asked for (10,000 users give 10,678 metaverse objects).
 */
const USERS_PER_MV_OBJECT = 10_000 / 10_678

/** A cached benchmark snapshot. */
export interface BenchSnapshot {
  readonly size: number
  readonly folder: string
  readonly users: number
  readonly generated: TrainingFilesSummary
  /** Bytes of each object file (connector spaces and metaverse), by path inside the folder. */
  readonly objectFiles: readonly { readonly path: string; readonly bytes: number }[]
  /** Bytes of every XML file of the snapshot. */
  readonly xmlBytes: number
}

interface Marker extends BenchSnapshot {
  readonly format: number
}

/** Where benchmark snapshots are kept. */
export function cacheRoot(): string {
  return process.env.SYNCLENS_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'synclens-bench')
}

/** Users to ask the generator for so that the snapshot has about `size` metaverse objects. */
export function usersForSize(size: number): number {
  return Math.max(1, Math.round(size * USERS_PER_MV_OBJECT))
}

/** The cached snapshot of a size, or null when it has not been generated (completely) yet. */
export function cachedSnapshot(size: number, root = cacheRoot()): BenchSnapshot | null {
  const folder = path.join(root, sizeLabel(size))
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(folder, MARKER), 'utf8')) as Marker
    if (marker.format !== CACHE_FORMAT) return null
    return { ...marker, folder }
  } catch {
    return null
  }
}

/**
 * Generates the snapshot of a size into the cache. The generator is synchronous, so each chunk is
 * written with a synchronous write: a write stream could not drain while it runs and would queue
 * the whole file (gigabytes at the large sizes) in memory.
 */
export function generateSnapshot(size: number, root = cacheRoot()): BenchSnapshot {
  const folder = path.join(root, sizeLabel(size))
  const partial = `${folder}.partial-${process.pid}`
  fs.rmSync(partial, { recursive: true, force: true })
  const users = usersForSize(size)
  const descriptors = new Map<string, number>()
  const bytes = new Map<string, number>()
  try {
    const generated = generateTrainingFiles({ users }, (file, chunk) => {
      let fd = descriptors.get(file)
      if (fd === undefined) {
        const target = path.join(partial, file)
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fd = fs.openSync(target, 'w')
        descriptors.set(file, fd)
      }
      bytes.set(file, (bytes.get(file) ?? 0) + fs.writeSync(fd, chunk))
    })
    for (const fd of descriptors.values()) fs.closeSync(fd)
    descriptors.clear()
    const objectFiles = generated.files
      .filter((file) => file.startsWith('ConnectorSpaces/') || file.startsWith('Metaverse/'))
      .map((file) => ({ path: file, bytes: bytes.get(file) ?? 0 }))
    const xmlBytes = [...bytes].filter(([file]) => file.endsWith('.xml')).reduce((sum, [, n]) => sum + n, 0)
    const snapshot: BenchSnapshot = { size, folder, users, generated, objectFiles, xmlBytes }
    const marker: Marker = { ...snapshot, format: CACHE_FORMAT }
    fs.writeFileSync(path.join(partial, MARKER), JSON.stringify(marker, null, 1))
    fs.rmSync(folder, { recursive: true, force: true })
    fs.renameSync(partial, folder)
    return snapshot
  } finally {
    for (const fd of descriptors.values()) fs.closeSync(fd)
    fs.rmSync(partial, { recursive: true, force: true })
  }
}

/**
 * The snapshot without its metaverse export, as a customer's export often comes (the configuration and the connector
 * spaces only), so that SyncLens computes the metaverse: a sibling folder (`<size>-computed`) of hard links to the
 * snapshot's configuration and connector-space files (copies where the file system refuses links), without the
 * manifest, which names the metaverse file. Made again on each call; hard links cost no space beside the snapshot.
 */
export function computedMetaverseView(snapshot: BenchSnapshot): string {
  const folder = `${snapshot.folder}-computed`
  fs.rmSync(folder, { recursive: true, force: true })
  for (const entry of fs.readdirSync(snapshot.folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const relative = path.relative(snapshot.folder, path.join(entry.parentPath, entry.name))
    const top = relative.split(path.sep)[0] ?? ''
    if (top === 'Metaverse' || relative === MARKER || relative === 'snapshot.json') continue
    const target = path.join(folder, relative)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    try {
      fs.linkSync(path.join(snapshot.folder, relative), target)
    } catch {
      fs.copyFileSync(path.join(snapshot.folder, relative), target)
    }
  }
  return folder
}
