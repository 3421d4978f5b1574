import { useMemo, useState } from 'react'
import type { ObjectReport, ReportUnmapped } from '../../../shared/engine/object-report'
import { isActionable } from '../../../shared/model/diagnosis-codes'
import type { Attribute, CsObject, ObjectError } from '../../../shared/model/objects'
import { useNavigate } from '../../ui/navigation-context'
import { toCsv } from '../common/csv'
import { DataGrid, type GridColumn } from '../common/data-grid'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { ExportCsvButton } from '../common/export-csv-button'
import { fitGridHeight } from '../common/grid-height'
import { ProblemsToggle } from '../common/problems-toggle'
import { csLineageView, type CsLineageView } from './cs-lineage'
import { changeRows, type ChangeRow } from './cs-object-rows'
import { RowAction } from '../common/row-action'

interface HeldRow {
  readonly attribute: Attribute
  readonly findings: readonly ReportUnmapped[]
  /** True when a finding is blocking or unmapped. */
  readonly actionable: boolean
}

function heldColumns(onDiagnose: (attribute: string) => void): GridColumn<HeldRow>[] {
  return [
    { id: 'name', header: 'Attribute', width: 'minmax(10rem, 1.2fr)', text: (row) => row.attribute.name },
    { id: 'type', header: 'Type', width: '6rem', text: (row) => row.attribute.type },
    {
      id: 'values',
      header: 'Value',
      width: 'minmax(16rem, 3fr)',
      text: (row) => row.attribute.values.join('; '),
    },
    {
      id: 'findings',
      header: 'Findings',
      width: 'minmax(12.5rem, 1.3fr)',
      text: (row) => row.findings.map((finding) => `${finding.code} (${finding.severity})`).join('; '),
      render: (row) => (
        <span className="cell-chips">
          {row.findings.map((finding, index) => (
            <DiagnosisChip key={index} code={finding.code} tone={finding.severity} reason={finding.message} />
          ))}
          <RowAction onAct={() => onDiagnose(row.attribute.name)}>Why?</RowAction>
        </span>
      ),
    },
  ]
}

const CHANGE_COLUMNS: readonly GridColumn<ChangeRow>[] = [
  { id: 'kind', header: 'Change', width: 'minmax(8rem, 0.9fr)', text: (row) => row.kind },
  { id: 'operation', header: 'Operation', width: '6rem', text: (row) => row.operation },
  { id: 'attribute', header: 'Attribute', width: 'minmax(9rem, 1fr)', text: (row) => row.attribute },
  { id: 'old', header: 'Old value', width: 'minmax(10rem, 1.5fr)', text: (row) => row.oldValues.join('; ') },
  { id: 'new', header: 'New value', width: 'minmax(10rem, 1.5fr)', text: (row) => row.newValues.join('; ') },
]

function ErrorBox({ error }: { readonly error: ObjectError }) {
  return (
    <div className="error-box" data-testid={`${error.kind}-error`}>
      <DiagnosisChip
        code={error.kind === 'export' ? 'EXPORT_ERROR' : 'EXPRESSION_ERROR'}
        label={`${error.kind} error`}
        reason={error.message}
      />
      <strong>{error.name}</strong> {error.code !== null && <code>{error.code}</code>}
      <p>{error.message}</p>
      {error.detail !== null && <pre className="error-box__detail">{error.detail}</pre>}
      <p className="muted small">
        First {error.firstOccurred ?? 'unknown'}, last {error.lastOccurred ?? 'unknown'}
        {error.retryCount !== null && `, ${error.retryCount} retries`}
      </p>
    </div>
  )
}

/** A connector-space object: synchronized attributes, staged changes, errors and lineage. */
export function CsObjectPanel({
  object,
  report,
  onDiagnose,
}: {
  readonly object: CsObject
  /** The object's computed flow and findings; null when it could not be computed. */
  readonly report: ObjectReport | null
  readonly onDiagnose: (attribute: string) => void
}) {
  const navigate = useNavigate()
  const unmapped = useMemo(() => report?.unmapped ?? [], [report])
  const lineage = useMemo(() => csLineageView(object, report?.importFlow ?? []), [object, report])
  const [problemsOnly, setProblemsOnly] = useState(false)
  const rows = useMemo(
    () =>
      (object.synchronized?.attributes ?? []).map((attribute): HeldRow => {
        const findings = unmapped.filter(
          (finding) =>
            finding.attribute.toLowerCase() === attribute.name.toLowerCase() &&
            finding.connector === (object.connectorName ?? finding.connector),
        )
        return {
          attribute,
          findings,
          actionable: findings.some((finding) => isActionable(finding.severity)),
        }
      }),
    [object, unmapped],
  )
  const columns = useMemo(() => heldColumns(onDiagnose), [onDiagnose])
  const changes = useMemo(() => changeRows(object), [object])
  const shown = problemsOnly ? rows.filter((row) => row.actionable) : rows
  return (
    <div className="tab-body cs-object" data-testid="cs-object">
      <dl className="facts">
        <div>
          <dt>Distinguished name</dt>
          <dd className="mono">{object.dn}</dd>
        </div>
        <div>
          <dt>Object type</dt>
          <dd>{object.objectType}</dd>
        </div>
        <div>
          <dt>Connector</dt>
          <dd>{object.connectorName ?? object.connectorId ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            {object.isConnector
              ? 'Connector'
              : object.connectorState === 'explicit'
                ? 'Explicit disconnector'
                : 'Disconnector'}
          </dd>
        </div>
        {object.mvLink && (
          <div>
            <dt>Metaverse object</dt>
            <dd>
              <button
                type="button"
                className="link-button mono"
                onClick={() =>
                  object.mvLink && navigate({ view: 'object', target: { mvId: object.mvLink.mvObjectId } })
                }
              >
                {object.mvLink.mvObjectId}
              </button>
              {object.mvLink.lineageType !== null && (
                <span className="muted"> {object.mvLink.lineageType}</span>
              )}
              {object.mvLink.lineageTime !== null && (
                <span className="muted"> {object.mvLink.lineageTime}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {object.importError && <ErrorBox error={object.importError} />}
      {object.exportError && <ErrorBox error={object.exportError} />}
      <div className="results__bar">
        <h3 className="section-title">Synchronized attributes</h3>
        <ProblemsToggle
          checked={problemsOnly}
          onChange={setProblemsOnly}
          count={rows.filter((row) => row.actionable).length}
        />
        <ExportCsvButton label={`Attributes of ${object.dn}`} build={() => toCsv(columns, shown)} />
      </div>
      <div className="grid-box grid-box--fit" style={{ height: fitGridHeight(shown.length, 14) }}>
        <DataGrid
          id={`cs-held-${object.id}`}
          label="Synchronized attributes"
          columns={columns}
          rows={shown}
          rowKey={(row) => row.attribute.name}
          onKey={(event, row) => {
            if (event.key.toLowerCase() !== 'w' || event.ctrlKey || event.metaKey) return false
            onDiagnose(row.attribute.name)
            return true
          }}
          rowClass={(row) => (row.actionable ? 'data-grid__row--flagged' : undefined)}
          emptyMessage={
            object.synchronized
              ? 'No attribute matches.'
              : 'Never synchronized: the object has only staged changes.'
          }
          testId="cs-attributes-grid"
        />
      </div>
      <h3 className="section-title">Pending import and export</h3>
      {changes.length === 0 ? (
        <p className="muted small">Nothing is staged: no pending import and no pending export.</p>
      ) : (
        <div className="grid-box grid-box--fit" style={{ height: fitGridHeight(changes.length, 8, 1) }}>
          <DataGrid
            id={`cs-changes-${object.id}`}
            label="Pending changes"
            columns={CHANGE_COLUMNS}
            rows={changes}
            rowKey={(row) => `${row.kind}|${row.attribute}`}
            emptyMessage="Nothing is staged."
            testId="cs-changes-grid"
          />
        </div>
      )}
      <h3 className="section-title">Lineage</h3>
      <LineageSection view={lineage} />
    </div>
  )
}

/** The Lineage section: the same link the header shows, then the rules that apply (from the export or computed). */
function LineageSection({ view }: { readonly view: CsLineageView }) {
  const navigate = useNavigate()
  switch (view.kind) {
    case 'disconnector':
      return (
        <p className="muted small" data-testid="cs-lineage">
          {view.explicit ? 'Explicit disconnector' : 'Disconnector'}: the object was never projected or joined
          to a metaverse object, so no rule flows its attributes.
        </p>
      )
    case 'connector-without-link':
      return (
        <p className="muted small" data-testid="cs-lineage">
          The export marks the object as a connector but names no metaverse object: its lineage is not in the
          snapshot.
        </p>
      )
    case 'linked':
      return (
        <div className="lineage" data-testid="cs-lineage">
          <p className="small">
            Linked to metaverse object{' '}
            <button
              type="button"
              className="link-button mono"
              onClick={() => navigate({ view: 'object', target: { mvId: view.mvObjectId } })}
            >
              {view.mvObjectId}
            </button>
            {view.lineageType !== null && <span className="muted"> by {view.lineageType}</span>}
            {view.lineageTime !== null && <span className="muted"> at {view.lineageTime}</span>}
          </p>
          {view.rules.length === 0 ? (
            <p className="muted small">No inbound rule of this connector applies to the object.</p>
          ) : (
            <>
              <p className="muted small">
                {view.source === 'snapshot'
                  ? 'Rules recorded in the export:'
                  : 'The export records no rule lineage; the inbound rules that apply to the object, as SyncLens computes them:'}
              </p>
              <ul className="lineage__rules">
                {view.rules.map((rule, index) => (
                  <li key={`${rule.ruleId ?? rule.ruleName}|${index}`}>
                    {rule.ruleId !== null ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          rule.ruleId !== null && navigate({ view: 'rules', ruleId: rule.ruleId })
                        }
                      >
                        {rule.ruleName}
                      </button>
                    ) : (
                      rule.ruleName
                    )}
                    {rule.detail !== null && <span className="muted"> {rule.detail}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )
  }
}
