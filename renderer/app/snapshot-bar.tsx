import type { SnapshotSummary } from '../../shared/app/host-api'
import { snapshotGaps } from '../../shared/model/snapshot-summary'
import { TrainingBadge } from '../views/training/training-badge'
import { ExportReport } from './export-report'
import { useHost } from '../ui/host-context'
import { IssueList, issueCountLabel } from './issue-list'

/** The header facts of an open snapshot: name, server, build, connectors, load issues, Export report and Close. */
export function SnapshotBar({ summary }: { readonly summary: SnapshotSummary }) {
  const host = useHost()
  const connectors = summary.connectors.length
  const connectorNames = summary.connectors
    .map((connector) => `${connector.name} (${connector.type})`)
    .join('\n')
  const hasErrors = summary.issues.some((issue) => issue.severity === 'error')
  const gaps = snapshotGaps(summary)

  return (
    <div className="snapshot-bar" data-testid="snapshot-bar">
      <h1 className="snapshot-bar__name" title={summary.name}>
        {summary.name}
      </h1>
      <TrainingBadge summary={summary} />
      <dl className="snapshot-bar__facts">
        <div>
          <dt>Server</dt>
          <dd data-testid="snapshot-server">{summary.server ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>AAD Connect</dt>
          <dd data-testid="snapshot-version">{summary.serverConfigurationVersion ?? 'unknown'}</dd>
        </div>
        <div title={connectorNames}>
          <dt>Connectors</dt>
          <dd data-testid="snapshot-connectors">{connectors}</dd>
        </div>
      </dl>
      {gaps.length > 0 && (
        <>
          <button
            type="button"
            className="badge-button badge-button--gap"
            popoverTarget="snapshot-gaps"
            data-testid="snapshot-gaps"
            title={gaps.map((gap) => gap.message).join('\n')}
          >
            {gaps.map((gap) => gap.label).join(' · ')}
          </button>
          <div
            id="snapshot-gaps"
            popover="auto"
            className="issues-popover"
            aria-label="What the snapshot holds"
          >
            <h2 className="section-title">What this snapshot holds</h2>
            <ul className="gap-list">
              {gaps.map((gap) => (
                <li key={gap.kind} data-gap={gap.kind}>
                  <strong>{gap.label}.</strong> {gap.message}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      <div className="snapshot-bar__end">
        {summary.issues.length > 0 && (
          <>
            <button
              type="button"
              className={hasErrors ? 'badge-button badge-button--error' : 'badge-button'}
              popoverTarget="load-issues"
              data-testid="issues-badge"
            >
              {issueCountLabel(summary.issues)}
            </button>
            <div id="load-issues" popover="auto" className="issues-popover" aria-label="Load issues">
              <h2 className="section-title">Problems found while loading</h2>
              <IssueList issues={summary.issues} />
            </div>
          </>
        )}
        <ExportReport />
        <button type="button" className="button button--quiet" onClick={() => void host.closeSnapshot()}>
          Close
        </button>
      </div>
    </div>
  )
}
