/** A problem found while reading a snapshot. One file's problem never stops the others from loading. */
export interface LoadIssue {
  readonly severity: 'error' | 'warning'
  /** File path relative to the snapshot root (or the file name when a single file was opened). */
  readonly file: string
  /** 1-based line, when the problem has a position. */
  readonly line: number | null
  /** 1-based column, when the problem has a position. */
  readonly column: number | null
  /** What is wrong and what to do about it, in one or two sentences. */
  readonly message: string
}

/** Builds a load issue; position is optional. */
export function loadIssue(
  severity: LoadIssue['severity'],
  file: string,
  message: string,
  position?: { readonly line: number; readonly column: number },
): LoadIssue {
  return {
    severity,
    file,
    message: boundedMessage(message),
    line: position?.line ?? null,
    column: position?.column ?? null,
  }
}

/** Longest message an issue carries; a longer one echoes a value from the file, and is cut in its middle. */
export const MAX_ISSUE_MESSAGE = 2000

/**
 * A message no longer than MAX_ISSUE_MESSAGE: readers quote names and values from the file, and a hostile file
 * makes them megabytes long. The start (what is wrong) and the end (what to do) are kept.
 */
function boundedMessage(message: string): string {
  if (message.length <= MAX_ISSUE_MESSAGE) return message
  const keep = (MAX_ISSUE_MESSAGE - 60) / 2
  const cut = message.length - 2 * keep
  return `${message.slice(0, keep)} … (${cut.toLocaleString('en-US')} characters left out) … ${message.slice(-keep)}`
}

/** Formats an issue as `file:line:column: message` for the command line and logs. */
export function formatLoadIssue(issue: LoadIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`
  return `${where}: ${issue.message}`
}

/** Issues kept per file; the rest are counted in one line. A person fixes a file from its first problems. */
export const MAX_ISSUES_PER_FILE = 1000

/**
 * Collects the issues of a load, keeping the first MAX_ISSUES_PER_FILE of each file and counting the rest, so a
 * hostile file with millions of problems costs a count, not millions of objects (or a view that cannot show them).
 */
export class IssueCollector {
  private readonly kept: LoadIssue[] = []
  private readonly perFile = new Map<string, { kept: number; dropped: number; droppedErrors: number }>()

  public constructor(private readonly maxPerFile = MAX_ISSUES_PER_FILE) {}

  /** Adds one issue, or counts it when its file already has the most kept. */
  public push(issue: LoadIssue): void {
    let counts = this.perFile.get(issue.file)
    if (counts === undefined) {
      counts = { kept: 0, dropped: 0, droppedErrors: 0 }
      this.perFile.set(issue.file, counts)
    }
    if (counts.kept < this.maxPerFile) {
      counts.kept += 1
      this.kept.push(issue)
    } else {
      counts.dropped += 1
      if (issue.severity === 'error') counts.droppedErrors += 1
    }
  }

  /** Adds issues one by one (never spread: a list may hold hundreds of thousands). */
  public pushAll(issues: Iterable<LoadIssue>): void {
    for (const issue of issues) this.push(issue)
  }

  /** The kept issues in the order they came, then one line per file saying how many more it had. */
  public list(): LoadIssue[] {
    const all = this.kept.slice()
    for (const [file, counts] of this.perFile) {
      if (counts.dropped === 0) continue
      const errors = counts.droppedErrors > 0 ? ` (${formatNumber(counts.droppedErrors)} of them errors)` : ''
      all.push(
        loadIssue(
          counts.droppedErrors > 0 ? 'error' : 'warning',
          file,
          `${formatNumber(counts.dropped)} more problem(s) in this file are not listed${errors}; the first ` +
            `${formatNumber(counts.kept)} are. Fix those and open the snapshot again to see the rest.`,
        ),
      )
    }
    return all
  }
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US')
}
