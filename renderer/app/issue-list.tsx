import { formatLoadIssue, type LoadIssue } from '../../shared/model/load-issue'

/** How many issues are listed before the rest are summarised (a broken export can have thousands). */
const SHOWN_ISSUES = 200

/** Load issues as `file:line:column: message` lines, errors marked. */
export function IssueList({ issues }: { readonly issues: readonly LoadIssue[] }) {
  const shown = issues.slice(0, SHOWN_ISSUES)
  return (
    <ul className="issue-list" data-testid="issue-list">
      {shown.map((issue, index) => (
        <li key={index} className={`issue issue--${issue.severity}`}>
          <span className="issue__severity">{issue.severity}</span>
          <span className="issue__text">{formatLoadIssue(issue)}</span>
        </li>
      ))}
      {issues.length > shown.length && (
        <li className="issue issue--more">and {issues.length - shown.length} more</li>
      )}
    </ul>
  )
}

/** "2 errors, 5 warnings" for a list of issues. */
export function issueCountLabel(issues: readonly LoadIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const warnings = issues.length - errors
  const parts = [
    errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
  return parts.filter((part) => part !== '').join(', ')
}
