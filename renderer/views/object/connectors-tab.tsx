import type { ReportConnection } from '../../../shared/engine/object-report'
import { useNavigate } from '../../ui/navigation-context'
import { toCsv } from '../common/csv'
import { DataGrid, type GridColumn } from '../common/data-grid'
import { ExportCsvButton } from '../common/export-csv-button'

const COLUMNS: readonly GridColumn<ReportConnection>[] = [
  { id: 'connector', header: 'Connector', width: 'minmax(10rem, 1fr)', text: (row) => row.connector },
  { id: 'dn', header: 'Distinguished name', width: 'minmax(18rem, 3fr)', text: (row) => row.dn },
  {
    id: 'objectType',
    header: 'Object type',
    width: 'minmax(7rem, 0.7fr)',
    text: (row) => row.objectType ?? 'not in snapshot',
  },
  {
    id: 'lineageType',
    header: 'Lineage type',
    width: 'minmax(7rem, 0.7fr)',
    text: (row) => row.lineageType ?? '',
  },
  {
    id: 'lineageTime',
    header: 'Lineage time',
    width: 'minmax(9rem, 1fr)',
    text: (row) => row.lineageTime ?? '',
  },
]

/** The Connectors tab: every connector-space object of the metaverse object; a row opens that object. */
export function ConnectorsTab({ connections }: { readonly connections: readonly ReportConnection[] }) {
  const navigate = useNavigate()
  return (
    <div className="tab-body" data-testid="connectors-tab">
      <div className="results__bar">
        <span className="muted small">
          Double-click a row or press Enter to open the connector-space object.
        </span>
        <ExportCsvButton label="Connectors" build={() => toCsv(COLUMNS, connections)} />
      </div>
      <DataGrid
        id="mv-connectors"
        label="Connectors"
        columns={COLUMNS}
        rows={connections}
        rowKey={(row) => row.csId}
        onActivate={(row) => navigate({ view: 'object', target: { csId: row.csId } })}
        rowClass={(row) => (row.isConnector ? undefined : 'data-grid__row--subdued')}
        emptyMessage="No connector space holds this object."
        testId="connectors-grid"
      />
    </div>
  )
}
