import type { LoadIssue } from '../../model/load-issue'
import { loadIssue } from '../../model/load-issue'

/** Warnings reported per file before the rest are summarised in one line. */
const MAX_WARNINGS = 200
const MAX_ONCE_KEYS = 1000

/**
 * Receives every issue a reader meets, before any cap or report-once rule: a segment of a file read in parallel
 * records them, and the file's one budget replays the segments' records in order (`replay`), so that a file read
 * in pieces reports exactly what it reports read in one.
 */
export type IssueRecorder = (issue: LoadIssue, onceKey: string | null) => void

/** Passes issues on, but never floods: warnings are capped and repeated kinds reported once. */
export class IssueBudget {
  private warnings = 0
  private readonly seen = new Set<string>()

  /** Creates a budget for one file; with a recorder, every issue goes to it instead, uncapped. */
  public constructor(
    private readonly file: string,
    private readonly onIssue: (issue: LoadIssue) => void,
    private readonly recorder?: IssueRecorder,
  ) {}

  /** Passes on an issue recorded by a segment's reader, as that reader would have reported it. */
  public replay(issue: LoadIssue, onceKey: string | null): void {
    if (onceKey === null) this.report(issue)
    else this.once(onceKey, issue)
  }

  /** Reports an issue; errors always pass, warnings until the cap. */
  public report(issue: LoadIssue): void {
    if (this.recorder !== undefined) {
      this.recorder(issue, null)
      return
    }
    if (issue.severity === 'error') {
      this.onIssue(issue)
      return
    }
    this.warnings++
    if (this.warnings <= MAX_WARNINGS) this.onIssue(issue)
    else if (this.warnings === MAX_WARNINGS + 1) {
      this.onIssue(
        loadIssue(
          'warning',
          this.file,
          `more than ${MAX_WARNINGS} warnings in this file; the rest are not listed`,
        ),
      )
    }
  }

  /** Reports a warning the first time `key` is seen. */
  public warnOnce(
    key: string,
    message: string,
    position?: { readonly line: number; readonly column: number },
  ): void {
    const issue = loadIssue('warning', this.file, message, position)
    if (this.recorder !== undefined) this.recorder(issue, key)
    else this.once(key, issue)
  }

  private once(key: string, issue: LoadIssue): void {
    if (this.seen.has(key) || this.seen.size >= MAX_ONCE_KEYS) return
    this.seen.add(key)
    this.report(issue)
  }
}
