import type { SnapshotSource } from '../shared/io/source'
import { openDiskFiles, openDiskSource } from './disk-source'
import type { SnapshotRequest } from './snapshot-request'
import { trainingSnapshotSource } from './training-cache'

/**
 * Turns a request into files; runs in the worker so that walking a big folder never blocks the window. Kept apart
 * from snapshot-request.ts, which the main process imports, so that the training generator is bundled only into
 * the worker.
 */
export async function openSnapshotRequest(request: SnapshotRequest): Promise<SnapshotSource> {
  if (!('paths' in request)) return trainingSnapshotSource()
  const [only] = request.paths
  return request.paths.length === 1 && only !== undefined
    ? openDiskSource(only)
    : openDiskFiles(request.paths)
}
