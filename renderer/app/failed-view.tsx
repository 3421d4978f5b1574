import type { LoadIssue } from '../../shared/model/load-issue'
import { useHost } from '../ui/host-context'
import { IssueList } from './issue-list'
import type { SnapshotPickers } from './snapshot-pickers'

/** The page shown when a snapshot could not be opened: why, the per-file problems, and a way back. */
export function FailedView({
  name,
  message,
  issues,
  pickers,
}: {
  readonly name: string
  readonly message: string
  readonly issues: readonly LoadIssue[]
  readonly pickers: SnapshotPickers
}) {
  const host = useHost()
  return (
    <main className="failed" data-testid="failed-page">
      <h1 className="failed__title">Could not open {name}</h1>
      <p className="failed__message" role="alert">
        {message}
      </p>
      {issues.length > 0 && (
        <section aria-labelledby="failed-issues">
          <h2 id="failed-issues" className="section-title">
            Problems found
          </h2>
          <IssueList issues={issues} />
        </section>
      )}
      <div className="failed__actions">
        <button type="button" className="button button--primary" onClick={() => void host.closeSnapshot()}>
          Back to start
        </button>
        <button type="button" className="button" onClick={pickers.pickFolder}>
          Open another folder
        </button>
      </div>
    </main>
  )
}
