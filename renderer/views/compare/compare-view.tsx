import { useState } from 'react'
import type { ComparisonState, SnapshotSummary } from '../../../shared/app/host-api'
import type { ComparisonOverview } from '../../../shared/app/comparison-queries'
import type { SnapshotFacts } from '../../../shared/compare/compare-model'
import { formatBytes, formatCount, percent } from '../../../shared/text/format'
import { useHost } from '../../ui/host-context'
import { Tabs, tabId, tabPanelId, type TabItem } from '../../ui/tabs'
import { useHostQuery } from '../common/use-host-query'
import { useComparisonPicker, type ComparisonPicker } from './comparison-picker'
import { DifferencesTab } from './differences-tab'
import { ImpactTab } from './impact-tab'
import { useComparisonState } from './use-comparison-state'
import './compare.css'
import { ProgressMeter } from '../common/progress-meter'

const ID_PREFIX = 'compare'

type CompareTab = 'differences' | 'impact'

function PickButtons({ picker, label }: { readonly picker: ComparisonPicker; readonly label: string }) {
  return (
    <div className="compare-start__buttons">
      <button
        type="button"
        className="button button--primary"
        onClick={picker.pickFolder}
        data-testid="compare-with"
      >
        {label}
      </button>
      <button type="button" className="button" onClick={picker.pickFiles}>
        Compare with files…
      </button>
    </div>
  )
}

function Start({
  summary,
  picker,
  state,
}: {
  readonly summary: SnapshotSummary
  readonly picker: ComparisonPicker
  readonly state: ComparisonState
}) {
  const host = useHost()
  if (state.phase === 'loading') {
    const done = percent(state.progress.bytesRead, state.progress.bytesTotal)
    return (
      <div className="compare-start" aria-busy="true" data-testid="compare-loading">
        <h2 className="view-title">
          Reading {state.name} to compare with {summary.name}
        </h2>
        <ProgressMeter label="Snapshot read" percent={done} />
        <p className="small">
          {formatBytes(state.progress.bytesRead)} of {formatBytes(state.progress.bytesTotal)}
        </p>
        <button type="button" className="button" onClick={() => void host.cancelComparison()}>
          Cancel
        </button>
      </div>
    )
  }
  return (
    <div className="compare-start" data-testid="compare-start">
      <h2 className="view-title">Compare {summary.name} with another snapshot</h2>
      {state.phase === 'failed' && (
        <p className="error-text" data-testid="compare-failure">
          {state.name} could not be compared: {state.message}
        </p>
      )}
      <p>
        Pick the other server&apos;s snapshot (the staging server, or the configuration after an upgrade):
        SyncLens lists every connector, rule, schema and setting that differs, the out-of-box rules edited in
        place, and what would change in Entra ID for each object if its configuration replaced this
        one&apos;s.
      </p>
      <p className="muted small">
        {summary.name} is A, the reference; the snapshot you pick is B. Names compare case-insensitively and
        renamed connectors are paired.
      </p>
      <PickButtons picker={picker} label="Compare with…" />
    </div>
  )
}

function FactsLine({ label, facts }: { readonly label: string; readonly facts: SnapshotFacts }) {
  const details = [
    facts.server,
    facts.version === null ? null : `Entra Connect ${facts.version}`,
    `${facts.rules} rules`,
    `${formatCount(facts.csObjects)} connector-space objects`,
  ].filter((part) => part !== null)
  const warnings = facts.configurationWarningCount
  return (
    <>
      <p className="compare-facts__line">
        <span className="compare-facts__side">{label}</span> <strong>{facts.name}</strong>{' '}
        <span className="muted small">{details.join(' · ')}</span>
      </p>
      {warnings > 0 && (
        <details className="compare-facts__warning" data-testid={`configuration-warnings-${label}`}>
          <summary>
            {label} has {formatCount(warnings)} problem{warnings === 1 ? '' : 's'} in its configuration files:
            what a file that could not be read holds is missing here and may show as removed or added.
          </summary>
          <ul>
            {facts.configurationWarnings.map((warning) => (
              <li key={warning} className="code small">
                {warning}
              </li>
            ))}
            {warnings > facts.configurationWarnings.length && (
              <li className="small">
                … and {formatCount(warnings - facts.configurationWarnings.length)} more.
              </li>
            )}
          </ul>
        </details>
      )}
    </>
  )
}

function Comparison({
  overview,
  state,
  picker,
  tab,
  onTab,
}: {
  readonly overview: ComparisonOverview
  readonly state: Extract<ComparisonState, { phase: 'ready' }>
  readonly picker: ComparisonPicker
  readonly tab: CompareTab
  readonly onTab: (tab: CompareTab) => void
}) {
  const host = useHost()
  const [exportNote, setExportNote] = useState<string | null>(null)
  const impactCount =
    state.impact.phase === 'done'
      ? state.impact.summary.counts.changed +
        state.impact.summary.counts.provisioned +
        state.impact.summary.counts.deleted +
        state.impact.summary.counts.disconnected
      : null
  const tabs: readonly TabItem<CompareTab>[] = [
    { id: 'differences', label: 'Differences', count: overview.configuration.differenceCount },
    { id: 'impact', label: 'Impact', count: impactCount },
  ]
  const exportHtml = (): void => {
    setExportNote(null)
    void host.exportComparison('html').then((outcome) => {
      if (outcome.status === 'saved') setExportNote(`Saved ${outcome.fileName}.`)
      else if (outcome.status === 'failed') setExportNote(`The report could not be saved: ${outcome.message}`)
    })
  }
  const objects = Math.max(
    overview.a.mvObjects,
    overview.b.mvObjects,
    overview.a.csObjects,
    overview.b.csObjects,
  )
  return (
    <>
      <header className="compare-header">
        <div className="compare-facts">
          <FactsLine label="A" facts={overview.a} />
          <FactsLine label="B" facts={overview.b} />
        </div>
        <div className="compare-header__actions">
          <button type="button" className="button" onClick={exportHtml} data-testid="export-comparison">
            Export report…
          </button>
          <button type="button" className="button" onClick={picker.pickFolder}>
            Compare with another…
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void host.closeComparison()}
            data-testid="close-comparison"
          >
            Close comparison
          </button>
        </div>
        {exportNote !== null && <p className="small compare-header__note">{exportNote}</p>}
      </header>
      {overview.configuration.notes.map((note) => (
        <p key={note} className="page-note">
          {note}
        </p>
      ))}
      <Tabs label="Comparison" idPrefix={ID_PREFIX} tabs={tabs} selected={tab} onSelect={onTab} />
      <div
        id={tabPanelId(ID_PREFIX)}
        role="tabpanel"
        aria-labelledby={tabId(ID_PREFIX, tab)}
        className="compare-panel"
      >
        {tab === 'differences' ? (
          <DifferencesTab overview={overview} />
        ) : (
          <ImpactTab impact={state.impact} objects={objects} />
        )}
      </div>
    </>
  )
}

function Ready({
  state,
  picker,
}: {
  readonly state: Extract<ComparisonState, { phase: 'ready' }>
  readonly picker: ComparisonPicker
}) {
  const host = useHost()
  const [tab, setTab] = useState<CompareTab>('differences')
  // Asked again when the impact settles, so its counts reach the overview; the last answer stays on screen meanwhile.
  const key = `${state.summary.name}|${state.impact.phase}`
  const overview = useHostQuery(key, () => host.comparison())
  const [shown, setShown] = useState<ComparisonOverview | null>(null)
  const latest = overview.status === 'done' ? overview.value : null
  if (latest !== null && latest !== shown) setShown(latest)
  const current = latest ?? shown
  if (overview.status === 'failed') return <p className="empty-state error-text">{overview.message}</p>
  if (current === null) {
    return (
      <p className="empty-state">
        {overview.status === 'loading' ? 'Comparing…' : 'The comparison was closed.'}
      </p>
    )
  }
  return <Comparison overview={current} state={state} picker={picker} tab={tab} onTab={setTab} />
}

/** The Compare view: pick a second snapshot, then its differences with this one and the impact on objects. */
export function CompareView({ summary }: { readonly summary: SnapshotSummary }) {
  const host = useHost()
  const state = useComparisonState(host)
  const picker = useComparisonPicker(host)
  return (
    <main className="compare-view" data-testid="compare-view" data-comparison={state?.phase ?? 'none'}>
      {state === null ? null : state.phase === 'ready' ? (
        <Ready state={state} picker={picker} />
      ) : (
        <Start summary={summary} picker={picker} state={state} />
      )}
      {picker.inputs}
    </main>
  )
}
