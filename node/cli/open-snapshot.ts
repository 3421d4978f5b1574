import fs from 'node:fs'
import path from 'node:path'
import { createSnapshotSession, type SnapshotSession } from '../../shared/app/session'
import type { SnapshotSummary } from '../../shared/app/host-api'
import { NotASnapshotError } from '../../shared/load/load-snapshot'
import { formatLoadIssue } from '../../shared/model/load-issue'
import { openDiskSource, SnapshotOpenError } from '../disk-source'
import { trainingSnapshotSource } from '../training-cache'
import { CliError, type CliIo, EXIT } from './cli-io'
import { formatLoadProgress, StatusLine } from './load-progress'

/** The path that names the built-in Contoso training snapshot instead of a folder. */
export const DEMO_PATH = 'demo'

/** A loaded snapshot as the commands ask it: the session the app uses, and its summary. */
export interface CliSnapshot {
  readonly session: SnapshotSession
  readonly summary: SnapshotSummary
}

/** A load that is never cancelled: a command runs until it is done or the user stops the process. */
const NEVER_CANCELLED = { aborted: false }

let demo: Promise<CliSnapshot> | undefined

/**
 * Forgets the snapshots this process opened and keeps (the training snapshot): the next open reads them again. For
 * a command run again after a cache entry it had taken turned out damaged.
 */
export function forgetOpenedSnapshots(): void {
  demo = undefined
}

/** True when `target` names the training snapshot (a real folder named `demo` wins). */
export function isDemo(target: string): boolean {
  return target === DEMO_PATH && !fs.existsSync(path.resolve(target))
}

/**
 * Opens the snapshot at `target` (folder, zip or single file, or `demo` for the training snapshot) in a
 * SnapshotSession, the same service the app asks, so a question gets one answer in both.
 *
 * Every way this can fail becomes a CliError with exit code 3 and a sentence saying what to do; so does a
 * snapshot of which nothing could be read. With `io.status` (a terminal), the load's progress is shown in
 * place while it runs.
 */
export async function openSnapshotForCli(target: string, io?: CliIo): Promise<CliSnapshot> {
  if (isDemo(target)) {
    // Generated in memory, so one process (a test run, a script) loads it once.
    demo ??= trainingSnapshotSource().then((source) => load(source, target, null))
    return demo
  }
  const resolved = path.resolve(target)
  if (!fs.existsSync(resolved)) {
    throw new CliError(
      `Cannot read ${resolved}: no such file or folder. Give the folder written by Get-ADSyncServerConfiguration, a snapshot .zip, or a single export file.`,
      EXIT.unreadable,
    )
  }
  const status = io?.status === undefined ? null : new StatusLine(io.status, io.columns)
  try {
    return await load(await openDiskSource(resolved), resolved, status)
  } catch (error) {
    if (error instanceof CliError) throw error
    if (error instanceof SnapshotOpenError) throw new CliError(error.message, EXIT.unreadable)
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError(`Cannot read ${resolved}: ${reason}`, EXIT.unreadable)
  } finally {
    status?.done()
  }
}

async function load(
  source: Parameters<SnapshotSession['load']>[0],
  where: string,
  status: StatusLine | null,
): Promise<CliSnapshot> {
  const session = createSnapshotSession()
  let summary: SnapshotSummary
  try {
    summary = await session.load(
      source,
      (progress) => status?.show(formatLoadProgress(progress)),
      NEVER_CANCELLED,
    )
  } catch (error) {
    if (error instanceof NotASnapshotError)
      throw new CliError(withIssues(error.message, error.issues), EXIT.unreadable)
    throw error
  }
  if (nothingLoaded(summary) && summary.issues.length > 0) {
    throw new CliError(
      withIssues(`Nothing in ${where} could be read, so there is nothing to show.`, summary.issues),
      EXIT.unreadable,
    )
  }
  return { session, summary }
}

/**
 * True when the load kept nothing: no connector, rule, metaverse schema or object of any kind. A connector named
 * only from a connector-space file that yielded no object (a file refused whole) is not something loaded.
 */
export function nothingLoaded(summary: SnapshotSummary): boolean {
  return (
    summary.connectors.every((connector) => connector.inferred && connector.csObjects === 0) &&
    summary.rules.total === 0 &&
    summary.metaverseObjectTypes.length === 0 &&
    summary.metaverse.objects === 0 &&
    summary.unassignedCsObjects === 0
  )
}

function withIssues(message: string, issues: SnapshotSummary['issues']): string {
  return `${message}${issues.map((issue) => `\n  ${formatLoadIssue(issue)}`).join('')}`
}

/** A session answer that only a session without a snapshot leaves null: that would be a defect here. */
export function loaded<T>(answer: T | null, question: string): T {
  if (answer === null) throw new Error(`the session held no snapshot when asked for ${question}`)
  return answer
}
