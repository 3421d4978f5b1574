import { useMemo, useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { CsSearchQuery, CsSearchScope } from '../../../shared/search/connector-space-search'
import { DEFAULT_CS_COLUMNS, type CsSearchRow } from '../../../shared/search/result-rows'
import { formatCount } from '../../../shared/text/format'
import { useHost } from '../../ui/host-context'
import { useNavigate } from '../../ui/navigation-context'
import { toCsv } from '../common/csv'
import { DataGrid, type GridColumn } from '../common/data-grid'
import { ExportCsvButton } from '../common/export-csv-button'
import { usePagedSearch } from '../common/use-paged-search'
import { useHostQuery } from '../common/use-host-query'
import { ColumnSettings } from '../common/column-settings'
import { gapMessage } from '../common/snapshot-gaps'

/** The scopes of Search Connector Space, with their labels; the first three take a value. */
export const CS_SCOPES: readonly (readonly [CsSearchScope, string])[] = [
  ['dn', 'DN or anchor'],
  ['rdn', 'RDN'],
  ['subtree', 'Sub-tree'],
  ['disconnectors', 'Disconnectors'],
  ['pending-import', 'Pending import'],
  ['pending-export', 'Pending export'],
  ['import-errors', 'Import errors'],
  ['export-errors', 'Export errors'],
  ['all', 'All'],
]

/** True for the scopes that search by a typed value. */
export function scopeTakesValue(scope: CsSearchScope): boolean {
  return scope === 'dn' || scope === 'rdn' || scope === 'subtree'
}

const NO_RESULTS: readonly CsSearchRow[] = []

/** A result's key in the grid: its connector-space object id. */
function resultKey(row: CsSearchRow): string {
  return row.id
}

const NO_NAMES: readonly string[] = []

function csColumns(connectorName: string, attributes: readonly string[]): GridColumn<CsSearchRow>[] {
  return [
    ...attributes.map((attribute, index): GridColumn<CsSearchRow> => ({
      id: `attr-${index}`,
      header: attribute,
      width: index === 0 ? 'minmax(11rem, 1.6fr)' : 'minmax(10rem, 1.4fr)',
      text: (row) => row.values[index] ?? '',
    })),
    { id: 'dn', header: 'DN', width: 'minmax(16rem, 2.4fr)', text: (row) => row.dn },
    { id: 'objectType', header: 'Object type', width: 'minmax(7rem, 0.8fr)', text: (row) => row.objectType },
    { id: 'connector', header: 'Connector', width: 'minmax(9rem, 1fr)', text: () => connectorName },
    {
      id: 'explicit',
      header: 'Explicit',
      width: 'minmax(7.5rem, 0.6fr)',
      text: (row) => (row.connectorState === 'explicit' ? 'Yes' : row.isConnector ? '' : 'Disconnector'),
    },
  ]
}

/** Search Connector Space for one connector: scope, value, object type, and the DN | Object type | Connector | Explicit grid. */
export function CsSearchView({
  summary,
  connectorId,
  linkScope,
}: {
  readonly summary: SnapshotSummary
  readonly connectorId: string
  /** A scope asked for by a link (the pipeline diagram's Import and Export boxes): searched at once. */
  readonly linkScope?: CsSearchScope | undefined
}) {
  const host = useHost()
  const navigate = useNavigate()
  const connector = summary.connectors.find((candidate) => candidate.id === connectorId)
  const [scope, setScope] = useState<CsSearchScope>('all')
  const [value, setValue] = useState('')
  const [objectType, setObjectType] = useState('')
  const [attributeColumns, setAttributeColumns] = useState<readonly string[]>(DEFAULT_CS_COLUMNS)
  const names = useHostQuery(`cs-attributes|${connectorId}`, () => host.connectorSpaceAttributes(connectorId))
  const attributeNames = names.status === 'done' ? names.value : NO_NAMES
  const [submitted, setSubmitted] = useState<{ readonly query: CsSearchQuery; readonly run: number } | null>(
    null,
  )
  const [appliedScope, setAppliedScope] = useState<CsSearchScope | undefined>(undefined)
  if (linkScope !== appliedScope) {
    setAppliedScope(linkScope)
    if (linkScope !== undefined) {
      setScope(linkScope)
      setSubmitted((previous) => ({ query: { scope: linkScope }, run: (previous?.run ?? 0) + 1 }))
    }
  }
  const runKey =
    submitted === null
      ? null
      : `${submitted.run}|${JSON.stringify(submitted.query)}|${attributeColumns.join('|')}`
  const search = usePagedSearch<CsSearchRow>(runKey, (offset, limit, searchId) =>
    host.searchConnectorSpace({
      connectorId,
      query: submitted?.query ?? { scope: 'all' },
      columns: attributeColumns,
      offset,
      limit,
      ...(searchId === undefined ? {} : { searchId }),
    }),
  )
  // Kept across renders: a new column list makes the grid rebuild its column model and every row.
  const columns = useMemo(
    () =>
      csColumns(
        summary.connectors.find((candidate) => candidate.id === connectorId)?.name ?? '',
        attributeColumns,
      ),
    [summary.connectors, connectorId, attributeColumns],
  )
  if (!connector)
    return (
      <main className="view empty-state" data-testid="cs-search-empty">
        {gapMessage(summary, ['no-configuration', 'no-objects']) ??
          'This snapshot has no connector to search.'}
      </main>
    )
  const status = search.error
    ? `The search failed: ${search.error}`
    : search.searching
      ? 'Searching…'
      : search.total === null
        ? 'Pick a scope and press Search.'
        : `Total retrieved: ${formatCount(search.total)} matching records (${Math.round(search.elapsedMs)} ms)`

  return (
    <main className="view cs-search" data-testid="cs-search">
      <form
        className="search-form"
        aria-label={`Search Connector Space of ${connector.name}`}
        onSubmit={(event) => {
          event.preventDefault()
          const query: CsSearchQuery = {
            scope,
            ...(scopeTakesValue(scope) ? { value } : {}),
            ...(objectType === '' ? {} : { objectType }),
          }
          setSubmitted((previous) => ({ query, run: (previous?.run ?? 0) + 1 }))
        }}
      >
        <div className="search-form__top">
          <h2 className="view-title">Search Connector Space: {connector.name}</h2>
          <label className="field">
            <span>Scope</span>
            <select
              className="select"
              value={scope}
              onChange={(event) => setScope(event.target.value as CsSearchScope)}
              data-testid="cs-scope"
            >
              {CS_SCOPES.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--grow">
            <span>{scope === 'subtree' ? 'DN of the sub-tree' : 'Value'}</span>
            <input
              className="input"
              value={scopeTakesValue(scope) ? value : ''}
              disabled={!scopeTakesValue(scope)}
              onChange={(event) => setValue(event.target.value)}
              spellCheck={false}
              data-testid="cs-value"
            />
          </label>
          <label className="field">
            <span>Object type</span>
            <select
              className="select"
              value={objectType}
              onChange={(event) => setObjectType(event.target.value)}
            >
              <option value="">Any</option>
              {Object.keys(connector.byObjectType).map((type) => (
                <option key={type} value={type}>
                  {type} ({formatCount(connector.byObjectType[type] ?? 0)})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
      <section className="results" aria-label="Search Results">
        <div className="results__bar">
          <h3 className="section-title">Search Results</h3>
          <span className="results__status" role="status" aria-live="polite" data-testid="result-count">
            {status}
          </span>
          <ColumnSettings
            columns={attributeColumns}
            attributes={attributeNames}
            onChange={setAttributeColumns}
            fixedColumns="DN, Object type, Connector and Explicit"
          />
          <ExportCsvButton
            label={`Connector space ${connector.name}`}
            disabled={!search.total}
            build={async () => toCsv(columns, await search.allRows())}
          />
        </div>
        <DataGrid
          id={`cs-results-${connectorId}`}
          label={`Connector space objects of ${connector.name}`}
          columns={columns}
          rows={search.rows ?? NO_RESULTS}
          rowKey={resultKey}
          onVisibleRange={search.loadRange}
          onActivate={(row) => navigate({ view: 'object', target: { csId: row.id } })}
          rowClass={(row) => (row.isConnector ? undefined : 'data-grid__row--subdued')}
          emptyMessage={
            connector.csObjects === 0
              ? `This snapshot holds no object of ${connector.name}: add its connector-space export (csexport "${connector.name}" file.xml /f:x, or the collector script).`
              : search.total === 0
                ? 'No object in this connector space matches.'
                : 'Results appear here. Double-click a result or press Enter to open it.'
          }
          testId="cs-results"
        />
      </section>
    </main>
  )
}
