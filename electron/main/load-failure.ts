import { type LoadIssue, loadIssue } from '../../shared/model/load-issue'

// `formatLoadIssue` writes `file:line:column: message`; the file may itself hold colons (`C:\x.xml`).
const POSITIONED = /^(.+):(\d+):(\d+): (.+)$/s

/**
 * The issues a failed load reports, from the error message that crossed from the worker.
 *
 * Only the message survives the trip, so a position written by `formatLoadIssue` is read back into
 * file, line and column; any other message is an error about the snapshot as a whole.
 */
export function failureIssues(message: string, snapshotName: string): readonly LoadIssue[] {
  const match = POSITIONED.exec(message)
  if (match) {
    const [, file = snapshotName, line = '1', column = '1', text = message] = match
    return [loadIssue('error', file, text, { line: Number(line), column: Number(column) })]
  }
  return [loadIssue('error', snapshotName, message)]
}
