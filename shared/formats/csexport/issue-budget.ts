import type { LoadIssue } from '../../model/load-issue'
import { loadIssue } from '../../model/load-issue'

/** Warnings reported per file before the rest are summarised in one line. */
const MAX_WARNINGS = 200
const MAX_ONCE_KEYS = 1000

/** Passes issues on, but never floods: warnings are capped and repeated kinds reported once. */
export class IssueBudget {
  private warnings = 0
  private readonly seen = new Set<string>()

  /** Creates a budget for one file. */
  public constructor(
    private readonly file: string,
    private readonly onIssue: (issue: LoadIssue) => void,
  ) {}

  /** Reports an issue; errors always pass, warnings until the cap. */
  public report(issue: LoadIssue): void {
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
    if (this.seen.has(key) || this.seen.size >= MAX_ONCE_KEYS) return
    this.seen.add(key)
    this.report(loadIssue('warning', this.file, message, position))
  }
}
