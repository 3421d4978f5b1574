import fs from 'node:fs'
import path from 'node:path'
import { formatLoadIssue } from '../../shared/model/load-issue'
import { type LoadedSnapshot, loadSnapshot, NotASnapshotError } from '../../shared/snapshot/load-snapshot'
import { openDiskSource, SnapshotOpenError } from '../node/disk-source'
import { CliError, EXIT } from './cli-io'

/**
 * Opens the snapshot at `target` (folder, zip or single file) for a command.
 *
 * Every way this can fail becomes a CliError with exit code 3 and a sentence saying what to do.
 */
export async function openSnapshotForCli(target: string): Promise<LoadedSnapshot> {
  const resolved = path.resolve(target)
  if (!fs.existsSync(resolved)) {
    throw new CliError(
      `Cannot read ${resolved}: no such file or folder. Give the folder written by Get-ADSyncServerConfiguration, a snapshot .zip, or a single export file.`,
      EXIT.unreadable,
    )
  }
  try {
    const source = await openDiskSource(resolved)
    return await loadSnapshot(source)
  } catch (error) {
    if (error instanceof NotASnapshotError) {
      const details = error.issues.map((issue) => `\n  ${formatLoadIssue(issue)}`).join('')
      throw new CliError(`${error.message}${details}`, EXIT.unreadable)
    }
    if (error instanceof CliError) throw error
    if (error instanceof SnapshotOpenError) throw new CliError(error.message, EXIT.unreadable)
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError(`Cannot read ${resolved}: ${reason}`, EXIT.unreadable)
  }
}
