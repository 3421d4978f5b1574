import { useMemo } from 'react'
import type { ObjectReport, ReportExport } from '../../../shared/engine/object-report'
import type { CsObject } from '../../../shared/model/objects'
import { useNavigate } from '../../ui/navigation-context'
import { toCsv } from '../common/csv'
import { CellText, DataGrid, type GridColumn } from '../common/data-grid'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { flowStatusChip } from '../common/diagnosis-codes'
import { ExportCsvButton } from '../common/export-csv-button'
import { fitGridHeight } from '../common/grid-height'
import { exportPreviewRows, importPreviewRows, ownExportTarget, type PreviewRow } from './preview-rows'

function statusReason(row: PreviewRow): string {
  const chip = flowStatusChip(row.row)
  return [
    row.row.reason,
    chip.detail !== null ? `Overridden ${chip.detail}.` : '',
    row.row.scopeFailure !== null ? `Failing clause: ${row.row.scopeFailure}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ')
}

function previewColumns(attributeHeader: string): GridColumn<PreviewRow>[] {
  return [
    {
      id: 'rule',
      header: 'Sync Rule',
      width: 'minmax(12rem, 2fr)',
      text: (row) => row.ruleName,
      render: (row) => (
        <CellText text={row.ruleName} title={`${row.ruleName} (precedence ${row.precedence})`} />
      ),
    },
    { id: 'source', header: 'Data Source', width: 'minmax(10rem, 1.6fr)', text: (row) => row.dataSource },
    { id: 'mapping', header: 'Mapping Type', width: '7.5rem', text: (row) => row.mappingType },
    { id: 'attribute', header: attributeHeader, width: 'minmax(9rem, 1.2fr)', text: (row) => row.attribute },
    { id: 'initial', header: 'Initial Value', width: 'minmax(8rem, 1.3fr)', text: (row) => row.initialValue },
    {
      id: 'final',
      header: 'Final Value',
      width: 'minmax(8rem, 1.3fr)',
      text: (row) => row.finalValue,
      render: (row) =>
        row.winner ? (
          <CellText text={row.finalValue} />
        ) : (
          <span className="cell-text cell-text--dim" title="This row writes nothing: see its status.">
            {row.finalValue}
          </span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      width: 'minmax(9.5rem, 1fr)',
      text: (row) => {
        const chip = flowStatusChip(row.row)
        return chip.detail === null ? chip.label : `${chip.label} ${chip.detail}`
      },
      render: (row) => {
        const chip = flowStatusChip(row.row)
        return <DiagnosisChip code={chip.code} label={chip.label} reason={statusReason(row)} />
      },
    },
  ]
}

const IMPORT_COLUMNS = previewColumns('Metaverse Attribute')
const EXPORT_COLUMNS = previewColumns('Target Attribute')

/** Why a connector-space object has no Export Attribute Flow rows, in one sentence. */
function noExportMessage(object: CsObject, target: ReportExport | null, hasMetaverse: boolean): string {
  const connector = object.connectorName ?? 'this connector'
  if (!hasMetaverse) return 'The object is not joined to a metaverse object, so nothing flows out to it.'
  if (target === null)
    return `No outbound rule writes to ${connector}: nothing flows from the metaverse to this object.`
  return `The outbound rules to ${connector} map no attribute of this object.`
}

function PreviewPage({
  id,
  title,
  lead,
  rows,
  columns,
  emptyMessage,
  onOpenRule,
  onDiagnose,
}: {
  readonly id: string
  readonly title: string
  readonly lead: string
  readonly rows: readonly PreviewRow[]
  readonly columns: readonly GridColumn<PreviewRow>[]
  readonly emptyMessage: string
  readonly onOpenRule: (ruleId: string) => void
  readonly onDiagnose: (attribute: string) => void
}) {
  const headingId = `${id}-title`
  return (
    <section className="preview-page" aria-labelledby={headingId} data-testid={id}>
      <div className="results__bar">
        <h3 id={headingId} className="section-title">
          {title}
        </h3>
        <span className="muted small">{lead}</span>
        <ExportCsvButton label={title} disabled={rows.length === 0} build={() => toCsv(columns, rows)} />
      </div>
      <div className="grid-box grid-box--fit" style={{ height: fitGridHeight(rows.length, 12) }}>
        <DataGrid
          id={`${id}-grid`}
          label={title}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
          onActivate={(row) => onOpenRule(row.ruleId)}
          onKey={(event, row) => {
            if (event.key.toLowerCase() !== 'w' || event.ctrlKey || event.metaKey || event.altKey)
              return false
            onDiagnose(row.attribute)
            return true
          }}
          rowClass={(row) => (row.winner ? undefined : 'data-grid__row--subdued')}
          emptyMessage={emptyMessage}
          testId={`${id}-grid`}
        />
      </div>
    </section>
  )
}

/**
 * The Service Manager's Preview of a connector-space object, read from the same computed flow as the aligned
 * Attribute Flow: Import Attribute Flow (this object into the metaverse) and Export Attribute Flow (the
 * metaverse onto this object), each row with the rule, its source, mapping type, the attribute, the value
 * before and after, and SyncLens's status. Nothing is committed: a snapshot is only read.
 */
export function PreviewTab({
  report,
  object,
  onDiagnose,
}: {
  readonly report: ObjectReport | null
  readonly object: CsObject
  readonly onDiagnose: (attribute: string) => void
}) {
  const navigate = useNavigate()
  const importRows = useMemo(() => (report ? importPreviewRows(report, object.id) : []), [report, object.id])
  const target = useMemo(() => (report ? ownExportTarget(report, object) : null), [report, object])
  const exportRows = useMemo(() => exportPreviewRows(target), [target])
  const openRule = (ruleId: string): void => navigate({ view: 'rules', ruleId })
  const connector = object.connectorName ?? object.connectorId ?? 'its connector'
  return (
    <div className="tab-body preview" data-testid="preview-tab">
      <p className="muted small preview__lead">
        What a full synchronization of this object computes, as the Service Manager&apos;s Preview shows it
        (nothing is committed). Double-click a row or press Enter to open its rule; press W to ask why.
      </p>
      <PreviewPage
        id="preview-import"
        title="Import Attribute Flow"
        lead={`${connector} → metaverse`}
        rows={importRows}
        columns={IMPORT_COLUMNS}
        emptyMessage={
          report === null
            ? 'The flow could not be computed for this object.'
            : 'No inbound rule of this connector maps an attribute of this object.'
        }
        onOpenRule={openRule}
        onDiagnose={onDiagnose}
      />
      <PreviewPage
        id="preview-export"
        title="Export Attribute Flow"
        lead={`metaverse → ${connector}`}
        rows={exportRows}
        columns={EXPORT_COLUMNS}
        emptyMessage={noExportMessage(object, target, report?.metaverse != null)}
        onOpenRule={openRule}
        onDiagnose={onDiagnose}
      />
      {target !== null && target.state !== 'connected' && (
        <p className="muted small" data-testid="preview-export-state">
          Target state: {target.state.replace(/-/g, ' ')}.
        </p>
      )}
    </div>
  )
}
