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
  return { severity, file, message, line: position?.line ?? null, column: position?.column ?? null }
}

/** Formats an issue as `file:line:column: message` for the command line and logs. */
export function formatLoadIssue(issue: LoadIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`
  return `${where}: ${issue.message}`
}
