import fs from 'node:fs'
import path from 'node:path'
import { formatLoadIssue } from '../../shared/model/load-issue'
import { type LoadedSnapshot, loadSnapshot, NotASnapshotError } from '../../shared/load/load-snapshot'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { openDiskSource, SnapshotOpenError } from '../disk-source'
import { CliError, type CliIo, EXIT } from './cli-io'
import { formatLoadProgress, StatusLine } from './load-progress'

let demo: Promise<LoadedSnapshot> | undefined

/** The path that names the built-in Contoso training snapshot instead of a folder. */
export const DEMO_PATH = 'demo'

/**
 * Opens the snapshot at `target` (folder, zip or single file, or `demo` for the training snapshot) for a
 * command. A real folder named `demo` in the current directory wins over the training snapshot.
 *
 * Every way this can fail becomes a CliError with exit code 3 and a sentence saying what to do. With
 * `io.status` (a terminal), the load's progress is shown in place while it runs.
 */
export async function openSnapshotForCli(target: string, io?: CliIo): Promise<LoadedSnapshot> {
  const resolved = path.resolve(target)
  if (target === DEMO_PATH && !fs.existsSync(resolved)) {
    // Generated in memory, so one process (a test run, a script) loads it once.
    demo ??= loadSnapshot(generateTrainingSnapshot())
    return demo
  }
  if (!fs.existsSync(resolved)) {
    throw new CliError(
      `Cannot read ${resolved}: no such file or folder. Give the folder written by Get-ADSyncServerConfiguration, a snapshot .zip, or a single export file.`,
      EXIT.unreadable,
    )
  }
  const status = io?.status === undefined ? null : new StatusLine(io.status)
  try {
    const source = await openDiskSource(resolved)
    return await loadSnapshot(source, (progress) => status?.show(formatLoadProgress(progress)))
  } catch (error) {
    if (error instanceof NotASnapshotError) {
      const details = error.issues.map((issue) => `\n  ${formatLoadIssue(issue)}`).join('')
      throw new CliError(`${error.message}${details}`, EXIT.unreadable)
    }
    if (error instanceof CliError) throw error
    if (error instanceof SnapshotOpenError) throw new CliError(error.message, EXIT.unreadable)
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError(`Cannot read ${resolved}: ${reason}`, EXIT.unreadable)
  } finally {
    status?.done()
  }
}
