import { useCallback, useMemo, useState } from 'react'
import type { ImpactState, ImpactSummary } from '../../../shared/app/comparison-queries'
import type { ImpactEvent, ObjectImpact } from '../../../shared/compare/compare-model'
import { formatCount, formatDuration, percent } from '../../../shared/text/format'
import { useHost } from '../../ui/host-context'
import { useDebouncedValue } from '../../ui/use-debounced-value'
import { DataGrid, type GridColumn } from '../common/data-grid'
import { usePagedSearch } from '../common/use-paged-search'
import { eventLabel, IMPACT_EVENTS } from './impact-text'
import { ObjectComparisonPanel } from './object-comparison-panel'
import { ProgressMeter } from '../common/progress-meter'

const COLUMNS: readonly GridColumn<ObjectImpact>[] = [
  { id: 'event', header: 'What happens', width: 'minmax(9rem, 0.9fr)', text: (row) => eventLabel(row.event) },
  { id: 'dn', header: 'Object', width: 'minmax(16rem, 2.4fr)', text: (row) => row.dn },
  { id: 'type', header: 'Type', width: 'minmax(5rem, 0.5fr)', text: (row) => row.objectType },
  {
    id: 'changes',
    header: 'Attributes that change',
    width: 'minmax(10rem, 1.5fr)',
    text: (row) =>
      row.changes.length > 0 ? row.changes.map((change) => change.attribute).join(', ') : row.reason,
  },
  {
    id: 'data',
    header: 'Source data',
    width: 'minmax(6rem, 0.6fr)',
    text: (row) => (row.dataDiffers ? 'differs' : ''),
  },
]

const NO_ROWS: readonly ObjectImpact[] = []

/** The objects whose Entra ID state would change, filterable, each opening its attributes under both configurations. */
function ImpactResults({ summary }: { readonly summary: ImpactSummary }) {
  const host = useHost()
  const [event, setEvent] = useState<ImpactEvent | ''>('')
  const [attribute, setAttribute] = useState('')
  const [text, setText] = useState('')
  const [selected, setSelected] = useState<ObjectImpact | null>(null)
  const debouncedText = useDebouncedValue(text, 200)
  const runKey = `${summary.elapsedMs}|${event}|${attribute}|${debouncedText}`
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await host.comparisonImpact({
        offset,
        limit,
        ...(event === '' ? {} : { event }),
        ...(attribute === '' ? {} : { attribute }),
        ...(debouncedText === '' ? {} : { text: debouncedText }),
      })
      return { searchId: 0, total: page.total, offset: page.offset, rows: page.rows, elapsedMs: 0 }
    },
    [host, event, attribute, debouncedText],
  )
  const search = usePagedSearch(runKey, fetchPage)
  const { counts } = summary
  const eventCounts: Readonly<Record<ImpactEvent, number>> = {
    deleted: counts.deleted,
    provisioned: counts.provisioned,
    changed: counts.changed,
    disconnected: counts.disconnected,
  }
  return (
    <div className="compare-impact__results">
      <div className="compare-impact__filters" role="search">
        <label className="field">
          <span>Show</span>
          <select
            className="select"
            value={event}
            onChange={(change) => setEvent(change.currentTarget.value as ImpactEvent | '')}
            data-testid="impact-event"
          >
            <option value="">
              Every change (
              {formatCount(counts.changed + counts.provisioned + counts.deleted + counts.disconnected)})
            </option>
            {IMPACT_EVENTS.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label} ({formatCount(eventCounts[entry.id])})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Attribute</span>
          <select
            className="select"
            value={attribute}
            onChange={(change) => setAttribute(change.currentTarget.value)}
            data-testid="impact-attribute"
          >
            <option value="">Any</option>
            {summary.byAttribute.map((entry) => (
              <option key={entry.attribute} value={entry.attribute}>
                {entry.attribute} ({formatCount(entry.objects)})
              </option>
            ))}
          </select>
        </label>
        <label className="field field--grow">
          <span>DN contains</span>
          <input
            className="input"
            value={text}
            onChange={(change) => setText(change.currentTarget.value)}
            data-testid="impact-text"
          />
        </label>
        <span className="muted small" data-testid="impact-shown">
          {search.total === null
            ? 'Reading…'
            : `${formatCount(search.total)} object${search.total === 1 ? '' : 's'}`}
        </span>
      </div>
      <div className="compare-impact__split">
        <DataGrid
          id="impact-grid"
          label="Objects whose Entra ID state would change"
          columns={COLUMNS}
          rows={search.rows ?? NO_ROWS}
          rowKey={(row) => row.key}
          onVisibleRange={search.loadRange}
          onSelectRow={setSelected}
          onActivate={setSelected}
          selectedKey={selected?.key ?? null}
          focus="row"
          emptyMessage={search.error ?? 'No object matches these filters.'}
          testId="impact-grid"
        />
        <div className="compare-impact__object">
          {selected === null ? (
            <p className="empty-state">
              Pick an object to see its Entra ID attributes under both configurations.
            </p>
          ) : (
            <ObjectComparisonPanel key={selected.key} dn={selected.dn} aMvId={selected.aMvId} />
          )}
        </div>
      </div>
    </div>
  )
}

/** The Impact tab: compute (with progress and Cancel), then the summary and the objects. */
export function ImpactTab({ impact, objects }: { readonly impact: ImpactState; readonly objects: number }) {
  const host = useHost()
  switch (impact.phase) {
    case 'idle':
      return (
        <div className="compare-impact__start">
          <p>
            The impact evaluates every object under both configurations and lists what would change in Entra
            ID if B&apos;s configuration replaced A&apos;s: attributes, objects provisioned, deleted or
            disconnected.
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void host.computeImpact()}
            data-testid="compute-impact"
          >
            Compute the impact on {formatCount(objects)} objects
          </button>
        </div>
      )
    case 'running': {
      const done = impact.total === 0 ? 0 : percent(impact.done, impact.total)
      const left =
        impact.done === 0 ? null : ((impact.total - impact.done) * impact.elapsedMs) / impact.done / 1000
      return (
        <div className="compare-impact__start" aria-busy="true" data-testid="impact-running">
          <ProgressMeter label="Objects compared" percent={done} />
          <p className="small">
            {formatCount(impact.done)} of {formatCount(impact.total)} objects, {formatDuration(left)} left
          </p>
          <button type="button" className="button" onClick={() => void host.cancelImpact()}>
            Cancel
          </button>
        </div>
      )
    }
    case 'failed':
      return (
        <div className="compare-impact__start">
          <p className="error-text">The impact could not be computed: {impact.message}</p>
          <button type="button" className="button" onClick={() => void host.computeImpact()}>
            Try again
          </button>
        </div>
      )
    case 'done':
      return <ImpactDone summary={impact.summary} />
  }
}

function ImpactDone({ summary }: { readonly summary: ImpactSummary }) {
  const { counts } = summary
  const line = useMemo(
    () =>
      `${formatCount(counts.objectsCompared)} objects compared in ${formatDuration(summary.elapsedMs / 1000)}: ${formatCount(counts.changed)} change, ${formatCount(counts.provisioned)} provisioned, ${formatCount(counts.deleted)} deleted, ${formatCount(counts.disconnected)} disconnected.`,
    [counts, summary.elapsedMs],
  )
  return (
    <div className="compare-impact" data-testid="impact-done">
      <div className="compare-impact__summary">
        <p className="small">{summary.basis}</p>
        <p data-testid="impact-counts">
          <strong>{line}</strong>
          {counts.dataDiffers > 0 && ` Source data differs for ${formatCount(counts.dataDiffers)} objects.`}
        </p>
        {summary.caveats.map((caveat) => (
          <p key={caveat} className="muted small">
            {caveat}
          </p>
        ))}
      </div>
      <ImpactResults summary={summary} />
    </div>
  )
}
