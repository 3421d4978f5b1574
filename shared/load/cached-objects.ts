import { inputFrom, type ObjectCache, type SourceFile } from '../io/source'
import type { IssueCollector, LoadIssue } from '../model/load-issue'
import { ObjectStore } from '../store/object-store'
import type { ProgressTracker } from './progress'

/** An object file as the cache names it: its index in the load's progress and the file. */
interface CachedFileEntry {
  readonly index: number
  readonly file: SourceFile
}

/** The rows one object file's objects took in the store: [first, end) of connector-space and metaverse rows. */
export interface FileRows {
  readonly cs: readonly [number, number]
  readonly mv: readonly [number, number]
}

/** What the cache keeps beside the store: the object files' issues, object counts and rows. */
interface CacheHeader {
  readonly issues: readonly LoadIssue[]
  readonly objects: Readonly<Record<string, number>>
  readonly rows: readonly [string, FileRows][]
}

/** What a load keeps about its object files besides the store. */
interface ObjectFacts {
  readonly issues: IssueCollector
  readonly rows: Map<string, FileRows>
}

/**
 * The objects of a source read back from its reopen cache, finished and ready, with the issues the object files
 * had when they were read; null when the cache has nothing for the files as they are now, or holds something it
 * cannot read (then the files are read as usual).
 */
export async function restoreObjects(
  cache: ObjectCache,
  files: readonly CachedFileEntry[],
  context: ObjectFacts,
  tracker: ProgressTracker,
): Promise<ObjectStore | null> {
  const input = await cache.read().catch(() => null)
  if (input === null) return null
  // The store's long text runs stay in the entry until they are needed: it then owns the open entry.
  let owned = false
  try {
    const length = new Uint8Array(4)
    input.read(length, 0)
    const headerLength = new DataView(length.buffer).getUint32(0, true)
    if (4 + headerLength > input.byteLength) return null
    const headerBytes = new Uint8Array(headerLength)
    input.read(headerBytes, 4)
    const header = JSON.parse(new TextDecoder().decode(headerBytes)) as CacheHeader
    const store = ObjectStore.fromBinary(inputFrom(input, 4 + headerLength), { deferLarge: true })
    for (const issue of header.issues) context.issues.push(issue)
    for (const [path, rows] of header.rows) context.rows.set(path, rows)
    for (const entry of files) tracker.finish(entry.index, header.objects[entry.file.path] ?? 0)
    owned = store.deferredBytes > 0
    return store
  } catch {
    // A damaged or outdated cache entry is not the user's problem: the files are read again and it is replaced.
    return null
  } finally {
    if (!owned) input.close()
  }
}

/**
 * Hands a freshly loaded store to the reopen cache, which writes it a piece at a time once the caller has what it
 * waits for (the first screen); any failure only means no cache next time.
 */
export function keepObjects(
  cache: ObjectCache,
  store: ObjectStore,
  context: ObjectFacts,
  files: readonly CachedFileEntry[],
  tracker: ProgressTracker,
): void {
  const progress = tracker.snapshot().files
  const objects: Record<string, number> = {}
  for (const entry of files) objects[entry.file.path] = progress[entry.index]?.objects ?? 0
  const header: CacheHeader = { issues: context.issues.list(), objects, rows: [...context.rows] }
  cache.write(() => {
    const bytes = new TextEncoder().encode(JSON.stringify(header))
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, bytes.byteLength, true)
    const binary = store.toBinaryOutput()
    return {
      byteLength: 4 + bytes.byteLength + binary.byteLength,
      pieces: function* () {
        yield length
        yield bytes
        yield* binary.pieces()
      },
    }
  })
}
