import type { ObjectCache, SourceFile } from '../io/source'
import type { LoadIssue } from '../model/load-issue'
import { ObjectStore } from '../store/object-store'
import type { ProgressTracker } from './progress'

/** An object file as the cache names it: its index in the load's progress and the file. */
interface CachedFileEntry {
  readonly index: number
  readonly file: SourceFile
}

/** What the cache keeps beside the store: the object files' issues and object counts. */
interface CacheHeader {
  readonly issues: readonly LoadIssue[]
  readonly objects: Readonly<Record<string, number>>
}

/**
 * The objects of a source read back from its reopen cache, finished and ready, with the issues the object files
 * had when they were read; null when the cache has nothing for the files as they are now, or holds something it
 * cannot read (then the files are read as usual).
 */
export async function restoreObjects(
  cache: ObjectCache,
  files: readonly CachedFileEntry[],
  context: { readonly issues: LoadIssue[] },
  tracker: ProgressTracker,
): Promise<ObjectStore | null> {
  const bytes = await cache.read()
  if (bytes === null || bytes.byteLength < 4) return null
  try {
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as CacheHeader
    const store = ObjectStore.fromBinary(bytes.subarray(4 + headerLength))
    context.issues.push(...header.issues)
    for (const entry of files) tracker.finish(entry.index, header.objects[entry.file.path] ?? 0)
    return store
  } catch {
    // A damaged or outdated cache entry is not the user's problem: the files are read again and it is replaced.
    return null
  }
}

/**
 * Hands a freshly loaded store to the reopen cache, which copies it once the caller has what it waits for (the
 * first screen); any failure only means no cache next time.
 */
export function keepObjects(
  cache: ObjectCache,
  store: ObjectStore,
  issues: readonly LoadIssue[],
  files: readonly CachedFileEntry[],
  tracker: ProgressTracker,
): void {
  const progress = tracker.snapshot().files
  const objects: Record<string, number> = {}
  for (const entry of files) objects[entry.file.path] = progress[entry.index]?.objects ?? 0
  cache.write(() => {
    const header = new TextEncoder().encode(JSON.stringify({ issues, objects } satisfies CacheHeader))
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, header.byteLength, true)
    return [length, header, ...store.toBinaryParts()]
  })
}
