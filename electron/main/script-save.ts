import type { ExportReportOutcome } from '../../shared/app/host-api'
import type { ReportAnswer } from '../../shared/app/view-queries'
import type { FixDraft } from '../../shared/fix/draft'

/** What saving a script needs from the app: the worker's script, the save dialog and the disk. */
export interface ScriptSavePorts {
  /** Asks the snapshot worker for the draft's script file. */
  script(draft: FixDraft): Promise<ReportAnswer>
  /** Shows the save dialog proposing `fileName`; null when the user cancels. */
  chooseSavePath(fileName: string): Promise<string | null>
  /** Whether a file exists at `target` now. */
  exists(target: string): Promise<boolean>
  /** Writes `content` atomically; refuses an existing file unless `overwrite`. */
  write(target: string, content: string, overwrite: boolean): Promise<void>
  /** The bare file name of a path, for the answer (the renderer is never told folders). */
  baseName(target: string): string
}

/**
 * Save script in "Draft a fix": the worker writes the script from the draft (checked against the snapshot), the
 * user picks where in the native save dialog, and the file is written atomically. One save at a time.
 */
export class ScriptSaver {
  private busy = false

  public constructor(private readonly ports: ScriptSavePorts) {}

  /** Saves one script; never throws, every ending is an outcome. */
  public async save(draft: FixDraft): Promise<ExportReportOutcome> {
    if (this.busy) return { status: 'failed', message: 'A script is already being saved; finish that first.' }
    this.busy = true
    try {
      const answer = await this.ports.script(draft)
      if ('error' in answer) return { status: 'failed', message: answer.error }
      const target = await this.ports.chooseSavePath(answer.fileName)
      if (target === null) return { status: 'cancelled' }
      // The dialog asked before the user picked an existing file; one that appeared since is kept.
      const confirmedReplace = await this.ports.exists(target)
      await this.ports.write(target, answer.content, confirmedReplace)
      return { status: 'saved', fileName: this.ports.baseName(target) }
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    } finally {
      this.busy = false
    }
  }
}
