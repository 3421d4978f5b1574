import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type ResourceLimits, Worker } from 'node:worker_threads'
import { bundleSourceData } from './running-bundle'
import { SNAPSHOT_WORKER_LIMITS } from './worker-heap'

/** The snapshot worker's code is not the code this build shipped: it was changed after packaging. */
export class WorkerIntegrityError extends Error {
  public constructor(message: string) {
    super(message)
    this.name = 'WorkerIntegrityError'
  }
}

/** The SHA-256 of a worker bundle, as the build embeds it in the main process. */
export function workerDigest(code: Uint8Array): string {
  return createHash('sha256').update(code).digest('hex')
}

/**
 * Starts the snapshot worker thread from its bundle, checked before it runs.
 *
 * The bundle is read into memory and started from there (`eval`), so the worker is the very bytes that were
 * checked: in the packaged app they come from inside app.asar, where Electron's ASAR integrity covers them (a file
 * unpacked beside the archive would be covered by nothing), and they must match the SHA-256 the build embedded in
 * the main process. A mismatch refuses to start with WorkerIntegrityError. Outside a build (tests, tools), no digest
 * is given and the bundle is started as it is. The worker receives the same text (`workerData`, see runningBundle):
 * its segment reader threads start from it, so they too run the checked bytes, and its caches know their build.
 */
export function startSnapshotWorker(
  file: string,
  expectedSha256: string | null,
  resourceLimits: ResourceLimits = SNAPSHOT_WORKER_LIMITS,
): Worker {
  const code = fs.readFileSync(file)
  if (expectedSha256 !== null) {
    const actual = workerDigest(code)
    if (actual !== expectedSha256) {
      throw new WorkerIntegrityError(
        `SyncLens's snapshot worker (${file}) is not the one this version shipped (SHA-256 ${actual}, expected ` +
          `${expectedSha256}), so it was not started. Reinstall SyncLens.`,
      )
    }
  }
  const text = code.toString('utf8')
  return new Worker(text, {
    eval: true,
    resourceLimits,
    // A snapshot reopened from the cache keeps its entry open until it has read its texts: ending the worker (a
    // snapshot closed) closes the files it opened. Node's default, stated because SyncLens relies on it.
    trackUnmanagedFds: true,
    workerData: bundleSourceData(text, path.resolve(file)),
  })
}
