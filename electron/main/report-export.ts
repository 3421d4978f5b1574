import type { ExportReportOutcome } from '../../shared/app/host-api'
import type { ReportAnswer, ReportFormat, ReportRequest } from '../../shared/app/view-queries'

/** What an export needs from the app: the worker's report, the save dialog and the disk. */
export interface ReportExportPorts {
  /** Asks the snapshot worker for the rendered report. */
  report(request: ReportRequest): Promise<ReportAnswer>
  /** Shows the save dialog proposing `fileName`; null when the user cancels. */
  chooseSavePath(fileName: string, format: ReportFormat): Promise<string | null>
  /** Whether a file exists at `target` now. */
  exists(target: string): Promise<boolean>
  /** Writes `content` atomically; refuses an existing file unless `overwrite`. */
  write(target: string, content: string, overwrite: boolean): Promise<void>
  /** The bare file name of a path, for the answer (the renderer is never told folders). */
  baseName(target: string): string
}

/**
 * File > Export Report and `HostApi.exportReport`: the worker renders the report, the user picks where
 * in the native save dialog, and the file is written atomically. One export at a time.
 */
export class ReportExporter {
  private busy = false

  public constructor(private readonly ports: ReportExportPorts) {}

  /** Runs one export; never throws, every ending is an outcome. */
  public async export(format: ReportFormat, objectCsId?: string): Promise<ExportReportOutcome> {
    if (this.busy)
      return { status: 'failed', message: 'A report is already being exported; finish that first.' }
    this.busy = true
    try {
      return await this.run(format, objectCsId)
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    } finally {
      this.busy = false
    }
  }

  private async run(format: ReportFormat, objectCsId: string | undefined): Promise<ExportReportOutcome> {
    const answer = await this.ports.report(objectCsId === undefined ? { format } : { format, objectCsId })
    if ('error' in answer) return { status: 'failed', message: answer.error }
    const target = await this.ports.chooseSavePath(answer.fileName, format)
    if (target === null) return { status: 'cancelled' }
    // The save dialog itself asks before the user picks an existing file (Windows and macOS always,
    // Linux through showOverwriteConfirmation), so only a file that existed then may be replaced; one
    // that appeared since the dialog closed is kept.
    const confirmedReplace = await this.ports.exists(target)
    await this.ports.write(target, answer.content, confirmedReplace)
    return { status: 'saved', fileName: this.ports.baseName(target) }
  }
}
