import { type LoadIssue, loadIssue } from '../model/load-issue'

// `formatLoadIssue` writes `file:line:column: message`; the file may itself hold colons (`C:\x.xml`).
const POSITIONED = /^(.+):(\d+):(\d+): (.+)$/s

/**
 * The issues a failed load reports, from the error message that crossed from the worker.
 *
 * A position written by `formatLoadIssue` is read back into file, line and column, so the failed view can
 * list it; any other message is about the snapshot as a whole and the view shows it as the message alone.
 */
export function failureIssues(message: string, snapshotName: string): readonly LoadIssue[] {
  const match = POSITIONED.exec(message)
  if (match) {
    const [, file = snapshotName, line = '1', column = '1', text = message] = match
    return [loadIssue('error', file, text, { line: Number(line), column: Number(column) })]
  }
  return []
}
