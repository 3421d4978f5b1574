/**
 * Cache entries are written after the first screen, off the path the user waits on: a load hands its entry over
 * and returns. The writes still in flight are tracked here, so a test (or a process about to exit) can wait for
 * them instead of polling the folder.
 */
const pending = new Set<Promise<void>>()

/** Runs `write` once the event loop has turned (the first screen renders first); its failure is ignored. */
export function scheduleCacheWrite(write: () => Promise<void>): void {
  const done = new Promise<void>((resolve) => {
    setTimeout(() => {
      write()
        .catch(() => undefined)
        .finally(resolve)
    }, 0)
  })
  pending.add(done)
  void done.then(() => pending.delete(done))
}

/** Resolves once every cache write scheduled so far has ended, written or not. */
export async function cacheWritesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending)
}
