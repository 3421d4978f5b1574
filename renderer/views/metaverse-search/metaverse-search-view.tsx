import { useCallback, useMemo, useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { SearchPage } from '../../../shared/app/view-queries'
import type { MvSearchRow } from '../../../shared/search/result-rows'
import { formatCount } from '../../../shared/text/format'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { toCsv } from '../common/csv'
import { DataGrid, type GridColumn } from '../common/data-grid'
import { ExportCsvButton } from '../common/export-csv-button'
import { useHostQuery } from '../common/use-host-query'
import { usePagedSearch } from '../common/use-paged-search'
import { ColumnSettings } from '../common/column-settings'
import { gapMessage } from '../common/snapshot-gaps'
import { INITIAL_DRAFT, initialDraft, toMetaverseQuery, type SearchDraft } from './search-draft'
import { SearchForm } from './search-form'

/** The grid columns: Display name (the id when there is none), Object type, then the chosen attributes. */
export function searchColumns(attributes: readonly string[]): GridColumn<MvSearchRow>[] {
  return [
    {
      id: 'displayName',
      header: 'Display name',
      width: 'minmax(14rem, 2fr)',
      text: (row) => row.displayName ?? row.id,
      render: (row) => (
        <span
          className={row.displayName === null ? 'cell-text cell-text--code' : 'cell-text'}
          title={row.displayName === null ? 'No displayName: the object id is shown' : row.displayName}
        >
          {row.displayName ?? row.id}
        </span>
      ),
    },
    { id: 'objectType', header: 'Object type', width: 'minmax(7rem, 0.8fr)', text: (row) => row.objectType },
    ...attributes.map((attribute, index): GridColumn<MvSearchRow> => ({
      id: `attr-${index}`,
      header: attribute,
      width: 'minmax(9rem, 1.2fr)',
      text: (row) => row.values[index] ?? '',
    })),
  ]
}

const NO_RESULTS: readonly MvSearchRow[] = []
const NO_NAMES: readonly string[] = []

/** A result's key in the grid: its metaverse object id. */
function resultKey(row: MvSearchRow): string {
  return row.id
}

/** Metaverse Search: object-type scope, OR groups of clauses, the unmapped filter, and a virtualized result grid. */
export function MetaverseSearchView({
  summary,
  objectType,
  inScopeOf,
}: {
  readonly summary: SnapshotSummary
  /** A scope asked for by a link (Sync Rules "Find objects in scope"); searches at once. */
  readonly objectType?: string | undefined
  /** A rule whose scope the link asked for: only its objects are kept, until the user removes it. */
  readonly inScopeOf?: { readonly ruleId: string; readonly ruleName: string } | undefined
}) {
  const host = useHost()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<SearchDraft>(() => initialDraft(summary.metaverse.source))
  const [columns, setColumns] = useState<readonly string[]>([])
  const [submitted, setSubmitted] = useState<{ readonly draft: SearchDraft; readonly run: number } | null>(
    null,
  )
  const attributes = useHostQuery('mv-attributes', () => host.metaverseAttributes())
  const attributeNames = attributes.status === 'done' ? attributes.value : NO_NAMES

  const [appliedLink, setAppliedLink] = useState<string | undefined>(undefined)
  const [ruleScope, setRuleScope] = useState<{ readonly ruleId: string; readonly ruleName: string } | null>(
    null,
  )
  const linkKey = objectType === undefined ? undefined : `${objectType}|${inScopeOf?.ruleId ?? ''}`
  // A scope asked for by a link is applied while rendering, so the search starts with the first paint.
  if (objectType !== undefined && linkKey !== appliedLink) {
    const scoped = { ...INITIAL_DRAFT, objectType, groups: [{ id: 1, clauses: [] }] }
    setAppliedLink(linkKey)
    setRuleScope(inScopeOf ?? null)
    setDraft(scoped)
    setSubmitted((previous) => ({ draft: scoped, run: (previous?.run ?? 0) + 1 }))
  }

  const request = useMemo(
    () =>
      submitted === null
        ? null
        : {
            query: toMetaverseQuery(submitted.draft),
            unmappedOnly: submitted.draft.unmappedOnly,
            columns,
            inScopeOfRule: ruleScope?.ruleId,
          },
    [submitted, columns, ruleScope],
  )
  const runKey = request === null || submitted === null ? null : `${submitted.run}|${JSON.stringify(request)}`
  const search = usePagedSearch<MvSearchRow>(runKey, (offset, limit, searchId) =>
    host.searchMetaverse({
      query: request?.query ?? { groups: [] },
      columns: request?.columns ?? [],
      offset,
      limit,
      ...(request?.unmappedOnly === true ? { unmappedOnly: true } : {}),
      ...(request?.inScopeOfRule === undefined ? {} : { inScopeOfRule: request.inScopeOfRule }),
      ...(searchId === undefined ? {} : { searchId }),
    }),
  )
  const gridColumns = useMemo(() => searchColumns(columns), [columns])
  const submit = useCallback(
    () => setSubmitted((previous) => ({ draft, run: (previous?.run ?? 0) + 1 })),
    [draft],
  )

  const status = search.error
    ? `The search failed: ${search.error}`
    : search.searching
      ? 'Searching…'
      : search.total === null
        ? 'Set the clauses and press Search.'
        : search.checking
          ? `${formatCount(search.total)} matching so far: ${progressText(search.checking)}…`
          : `${formatCount(search.total)} matching (${formatMs(search.elapsedMs)})`

  const uncomputed = search.uncomputed
  return (
    <main className="view mv-search" data-testid="mv-search">
      <SearchForm
        draft={draft}
        onChange={setDraft}
        onSubmit={submit}
        summary={summary}
        attributes={attributeNames}
      />
      {ruleScope !== null && (
        <p className="rule-scope-filter" data-testid="rule-scope-filter">
          <span className="chip chip--info">In the scope of {ruleScope.ruleName}</span>
          <span className="muted small">Only objects its scoping filter keeps.</span>
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              setRuleScope(null)
              setSubmitted((previous) => (previous === null ? null : { ...previous, run: previous.run + 1 }))
            }}
          >
            Remove this filter
          </button>
        </p>
      )}
      {uncomputed && (
        <p className="uncomputed-values" role="alert" data-testid="uncomputed-values">
          <span className="chip chip--error">SyncLens fault</span>
          <span>
            SyncLens could not compute the values of {formatCount(uncomputed.count)}{' '}
            {uncomputed.count === 1 ? 'object' : 'objects'} from the rules, so no value clause finds{' '}
            {uncomputed.count === 1 ? 'it' : 'them'}.
          </span>
          <button
            type="button"
            className="link-button small"
            onClick={() => navigate({ view: 'object', target: { mvId: uncomputed.firstMvId } })}
          >
            Open the first to see the error
          </button>
        </p>
      )}
      <section className="results" aria-label="Search Results">
        <div className="results__bar">
          <h3 className="section-title">Search Results</h3>
          <span className="results__status" role="status" aria-live="polite" data-testid="result-count">
            {status}
          </span>
          <ColumnSettings
            columns={columns}
            attributes={attributeNames}
            onChange={setColumns}
            fixedColumns="Display name and Object type"
          />
          <ExportCsvButton
            label="Metaverse Search results"
            disabled={!search.total}
            build={async () => toCsv(gridColumns, await search.allRows())}
          />
        </div>
        <DataGrid
          id="mv-results"
          label="Metaverse Search results"
          columns={gridColumns}
          rows={search.rows ?? NO_RESULTS}
          rowKey={resultKey}
          onVisibleRange={search.loadRange}
          onActivate={(row) => navigate({ view: 'object', target: { mvId: row.id } })}
          emptyMessage={
            summary.metaverse.objects === 0
              ? (gapMessage(summary, ['no-objects', 'no-configuration']) ??
                'This snapshot holds no metaverse object: add the metaverse export, or the connector-space exports it is computed from.')
              : search.checking?.of === 'values'
                ? 'Computing each object’s values from its connected objects’ rules; matches appear here as they are found.'
                : search.checking
                  ? 'Checking each object’s flows; matches appear here as they are found.'
                  : search.total === 0
                    ? 'No metaverse object matches. Loosen a clause, or add an OR group.'
                    : 'Results appear here. Double-click a result or press Enter to open it.'
          }
          testId="mv-results"
        />
      </section>
    </main>
  )
}

/** How far a search that is still checking objects got, as the status line says it. */
function progressText(checking: NonNullable<SearchPage<MvSearchRow>['checking']>): string {
  const counts = `${formatCount(checking.checked)} of ${formatCount(checking.total)} objects`
  return checking.of === 'values'
    ? `computed the values of ${counts} (no metaverse export: values come from the rules)`
    : `checked the flows of ${counts}`
}

/** Milliseconds as the status line shows them. */
function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(2)} s`
}
