import { REPORT_FORMATS, type ReportFormat } from '../../../shared/app/view-queries'
import { buildReport, type Report } from '../../../shared/report/index'
import { renderReportAs } from '../../../shared/app/report-file'
import { formatCount } from '../../../shared/text/format'
import { AtomicWriteError, writeFileAtomic } from '../../atomic-write'
import { CliError, type CliIo, EXIT } from '../cli-io'
import { StatusLine } from '../load-progress'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens report`. */
export interface ReportCommandOptions {
  /** `--object DN`: report on one connector-space object. */
  readonly object?: string
  /** `--connector NAME`: the connector space of `--object` when the DN is in several. */
  readonly connector?: string
  /** `--format html|csv|json`. */
  readonly format?: string
  /** `--out FILE`. */
  readonly out?: string
  /** `--force`: replace FILE when it exists. */
  readonly force: boolean
}

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value)
}

/**
 * `synclens report <path> [--object DN [--connector NAME]] --format html|csv|json --out FILE [--force]`:
 * the unmapped attributes and their diagnoses, of the whole snapshot or of one object, written atomically;
 * an existing FILE is kept unless --force is given.
 */
export async function reportCommand(target: string, options: ReportCommandOptions, io: CliIo): Promise<void> {
  const format = options.format?.toLowerCase()
  if (format === undefined || !isReportFormat(format)) {
    throw new CliError(`"report" needs --format ${REPORT_FORMATS.join('|')}.`, EXIT.usage)
  }
  if (options.out === undefined || options.out === '') {
    throw new CliError('"report" needs --out FILE (the file to write).', EXIT.usage)
  }
  const snapshot = await openSnapshotForCli(target, io)
  // A whole-snapshot report reads every object (about a minute at a million): say so while it runs.
  const status = io.status === undefined || options.object !== undefined ? null : new StatusLine(io.status)
  status?.show(
    `Checking ${formatCount(snapshot.objects.csRowCount + snapshot.objects.mvRowCount)} objects for the report…`,
  )
  const result = buildReport(snapshot, {
    ...(options.object === undefined ? {} : { objectDn: options.object }),
    ...(options.connector === undefined ? {} : { connector: options.connector }),
  })
  status?.done()
  if (!result.ok) {
    throw new CliError(
      result.error.message,
      result.error.problem === 'object-not-found' ? EXIT.failure : EXIT.usage,
    )
  }
  try {
    await writeFileAtomic(options.out, renderReportAs(result.report, format), { overwrite: options.force })
  } catch (error) {
    if (error instanceof AtomicWriteError) throw new CliError(error.message, EXIT.failure)
    throw error
  }
  io.stdout(`Wrote ${format.toUpperCase()} report of ${describe(result.report)} to ${options.out}\n`)
}

function describe(report: Report): string {
  switch (report.kind) {
    case 'snapshot':
      return `${report.snapshot} (${report.groups.length} connector and object type groups)`
    case 'object':
      return `${report.dn} (${report.unmapped.length} unmapped attributes)`
  }
}
