import fs from 'node:fs'
import path from 'node:path'
import type { ReportFormat } from '../../../shared/app/view-queries'
import { formatCount } from '../../../shared/text/format'
import { AtomicWriteError, writeFileAtomic } from '../../atomic-write'
import { CliError, type CliIo, EXIT } from '../cli-io'
import { findCsObjectByDn } from '../find-object'
import { StatusLine } from '../load-progress'
import { isDemo, openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens report`. */
export interface ReportCommandOptions {
  /** `--object DN`: report on one connector-space object. */
  readonly object?: string
  /** `--connector NAME`: the connector space of `--object` when the DN is in several. */
  readonly connector?: string
  /** `--format html|csv|json`. */
  readonly format: ReportFormat
  /** `--out FILE`. */
  readonly out: string
  /** `--force`: replace FILE when it exists. */
  readonly force?: boolean
}

/**
 * `synclens report <path> [--object DN [--connector NAME]] --format html|csv|json --out FILE [--force]`:
 * the unmapped attributes and their diagnoses, of the whole snapshot or of one object, the same file the app's
 * File > Export Report writes, written atomically; an existing FILE is kept unless --force is given, and a
 * FILE inside the snapshot being read is refused.
 */
export async function reportCommand(target: string, options: ReportCommandOptions, io: CliIo): Promise<void> {
  if (options.connector !== undefined && options.object === undefined) {
    throw new CliError('"report": --connector goes with --object DN.', EXIT.usage)
  }
  if (!isDemo(target)) refuseOutputInside(target, options.out)
  const snapshot = await openSnapshotForCli(target, io)
  const { session, summary } = snapshot
  const csObject =
    options.object === undefined ? null : findCsObjectByDn(snapshot, options.object, options.connector)
  // A whole-snapshot report reads every object (about a minute at a million): say so while it runs.
  const status = io.status === undefined || csObject !== null ? null : new StatusLine(io.status, io.columns)
  const objects = summary.metaverse.objects + summary.connectors.reduce((sum, c) => sum + c.csObjects, 0)
  status?.show(`Checking ${formatCount(objects)} objects for the report…`)
  const file = session.report({
    format: options.format,
    ...(csObject === null ? {} : { objectCsId: csObject.id }),
  })
  status?.done()
  if ('error' in file) throw new CliError(file.error, EXIT.notFound)
  try {
    await writeFileAtomic(options.out, file.content, { overwrite: options.force === true })
  } catch (error) {
    if (error instanceof AtomicWriteError) throw new CliError(error.message, EXIT.cannotWrite)
    throw error
  }
  const about = csObject === null ? `snapshot ${summary.name}` : csObject.dn
  io.stdout(`Wrote ${options.format.toUpperCase()} report of ${about} to ${options.out}\n`)
}

/**
 * Refuses an output path inside the snapshot being read (the folder, or the zip or export file itself),
 * symbolic links followed: SyncLens never writes into a snapshot, not even with --force.
 */
export function refuseOutputInside(snapshotPath: string, out: string, what = 'the report'): void {
  const snapshot = realPath(path.resolve(snapshotPath))
  const output = realPath(path.resolve(out))
  const isFolder = fs.statSync(snapshot, { throwIfNoEntry: false })?.isDirectory() ?? false
  const relative = path.relative(comparable(snapshot), comparable(output))
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
  const inside = relative === '' || (isFolder && !outside)
  if (inside) {
    throw new CliError(
      `--out ${out} is inside the snapshot being read (${snapshot}), and SyncLens never writes into a ` +
        `snapshot. Write ${what} somewhere else, for example your home or documents folder.`,
      EXIT.usage,
    )
  }
}

/** The real path of `target`, or of its deepest existing folder joined with the rest (the file may not exist). */
function realPath(target: string): string {
  try {
    return fs.realpathSync.native(target)
  } catch {
    const parent = path.dirname(target)
    return parent === target ? target : path.join(realPath(parent), path.basename(target))
  }
}

/** Windows and macOS file systems ignore case by default, so a path differing only in case is the same file. */
function comparable(target: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? target.toLowerCase() : target
}
