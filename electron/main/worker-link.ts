import type { WorkerLink, WorkerStop } from '../../shared/app/host-core'
import { connectSession } from '../../shared/app/session-rpc'
import { nodePort } from '../../node/node-port'
import type { SnapshotRequest } from '../../node/snapshot-request'
import { startSnapshotWorker } from '../../node/snapshot-worker-start'
import { isWorkerOutOfMemory } from '../../node/worker-heap'

/**
 * A snapshot session served by a new worker thread running the bundled `snapshot-worker.cjs`, checked against the
 * SHA-256 the build embedded (null outside a build) before it starts.
 */
export function workerLink(
  workerFile: string,
  workerSha256: string | null = null,
): WorkerLink<SnapshotRequest> {
  const worker = startSnapshotWorker(workerFile, workerSha256)
  return {
    client: connectSession<SnapshotRequest>(nodePort(worker)),
    stopped: workerStopped(worker),
    close: () => void worker.terminate(),
  }
}

/** The events of a worker thread that tell it stopped. */
export interface WorkerEvents {
  once(event: 'error', listener: (error: Error & { code?: unknown }) => void): unknown
  once(event: 'exit', listener: (code: number) => void): unknown
}

/** Resolves once a worker thread stops on its own, saying whether it ran out of memory. */
export function workerStopped(worker: WorkerEvents): Promise<WorkerStop> {
  return new Promise<WorkerStop>((resolve) => {
    worker.once('error', (error: Error & { code?: unknown }) =>
      resolve({ outOfMemory: isWorkerOutOfMemory(error), reason: error.message }),
    )
    worker.once('exit', (code: number) =>
      resolve({ outOfMemory: false, reason: `it exited with code ${code}` }),
    )
  })
}
