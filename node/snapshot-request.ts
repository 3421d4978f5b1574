import fs from 'node:fs'
import path from 'node:path'
import { TRAINING_SNAPSHOT_NAME } from '../shared/training/environment'
import { diskSourceName } from './disk-source'

/** Files on disk to open: one folder, zip or file, or several loose files. */
export interface PathsRequest {
  readonly paths: readonly string[]
}

/** The built-in Contoso training snapshot, generated in the worker. */
export interface TrainingRequest {
  readonly kind: 'training'
}

/** What the main process asks the snapshot worker to open. */
export type SnapshotRequest = PathsRequest | TrainingRequest

/** The request for the training snapshot. */
export const TRAINING_REQUEST: TrainingRequest = { kind: 'training' }

/** The name the snapshot will carry once loaded, known before loading starts (for the loading screen). */
export function snapshotRequestName(request: SnapshotRequest): string {
  return 'paths' in request ? diskSourceName(request.paths) : TRAINING_SNAPSHOT_NAME
}

/** The outcome of checking paths before asking the worker to open them. */
export type PathCheck =
  { readonly ok: true; readonly request: PathsRequest } | { readonly ok: false; readonly message: string }

/**
 * Checks paths given on the command line, by the OS or dropped on the window before anything reads them.
 *
 * One path may be a folder, a zip or a file; several paths must all be files. Everything must exist.
 */
export async function checkSnapshotPaths(paths: readonly string[]): Promise<PathCheck> {
  if (paths.length === 0) return { ok: false, message: 'Nothing to open: no folder or file was given.' }
  const absolutes = [...new Set(paths.map((candidate) => path.resolve(candidate)))]
  for (const absolute of absolutes) {
    let stat: fs.Stats
    try {
      stat = await fs.promises.stat(absolute)
    } catch {
      return {
        ok: false,
        message: `${absolute} does not exist or cannot be read. Check the path and try again.`,
      }
    }
    if (absolutes.length > 1 && !stat.isFile()) {
      return {
        ok: false,
        message: `${absolute} is a folder. Open one folder or one .zip on its own, or several files without folders.`,
      }
    }
    if (!stat.isFile() && !stat.isDirectory()) {
      return { ok: false, message: `${absolute} is neither a folder nor a regular file.` }
    }
  }
  return { ok: true, request: { paths: absolutes } }
}
