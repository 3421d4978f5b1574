import { useMemo, useState } from 'react'
import type { ReportMvAttribute, ReportUnmapped } from '../../../shared/engine/object-report'
import { isActionable } from '../../../shared/model/diagnosis-codes'
import { toCsv } from '../common/csv'
import { CellText, DataGrid, type GridColumn } from '../common/data-grid'
import { useNavigate } from '../../ui/navigation-context'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { ExportCsvButton } from '../common/export-csv-button'
import { ProblemsToggle } from '../common/problems-toggle'
import { RowAction } from '../common/row-action'

/** One Attributes-tab row: the metaverse attribute with the findings about it. */
interface AttributeRow {
  readonly attribute: ReportMvAttribute
  readonly findings: readonly ReportUnmapped[]
  /** True when a finding is blocking or unmapped: what "Problems only" keeps and the row highlight marks. */
  readonly actionable: boolean
}

const COMPUTED_NOTE = 'Not in the export: the engine computed the winning rule of this attribute.'

function columns(
  onDiagnose: ((attribute: string) => void) | null,
  onOpenRule: (ruleId: string) => void,
): GridColumn<AttributeRow>[] {
  return [
    { id: 'name', header: 'Attribute', width: 'minmax(10rem, 1.2fr)', text: (row) => row.attribute.name },
    {
      id: 'value',
      header: 'Value',
      width: 'minmax(14rem, 2.4fr)',
      text: (row) => row.attribute.values.join('; '),
      render: (row) =>
        row.attribute.values.length > 1 ? (
          <details className="values">
            <summary className="cell-text">
              {row.attribute.values[0]}{' '}
              <span className="muted">(+{row.attribute.values.length - 1} more)</span>
            </summary>
            <ul className="values__list">
              {row.attribute.values.map((value, index) => (
                <li key={index}>{value}</li>
              ))}
            </ul>
          </details>
        ) : (
          <span className="cell-text" title={row.attribute.values[0]}>
            {row.attribute.values[0] ?? ''}
          </span>
        ),
    },
    { id: 'type', header: 'Type', width: '6rem', text: (row) => row.attribute.type },
    {
      id: 'connector',
      header: 'Contributing connector',
      width: 'minmax(9rem, 1fr)',
      text: (row) => row.attribute.contributingConnector ?? '',
      render: (row) => (
        <CellText
          text={row.attribute.contributingConnector ?? ''}
          title={
            row.attribute.lineageSource === 'computed'
              ? `${row.attribute.contributingConnector ?? ''}\n${COMPUTED_NOTE}`
              : (row.attribute.contributingConnector ?? '')
          }
        />
      ),
    },
    {
      id: 'rule',
      header: 'Sync rule',
      width: 'minmax(10rem, 1.3fr)',
      text: (row) => row.attribute.syncRule ?? '',
      render: (row) => {
        const { syncRule, syncRuleId, lineageSource } = row.attribute
        if (syncRule === null) return <span className="cell-text cell-text--dim">no rule writes it</span>
        const title = lineageSource === 'computed' ? `${syncRule}\n${COMPUTED_NOTE}` : syncRule
        return (
          <span className="cell-rule">
            {syncRuleId === null ? (
              <CellText text={syncRule} title={title} />
            ) : (
              <button
                type="button"
                className="link-button cell-text"
                title={`${title}\nOpen in Sync Rules`}
                tabIndex={-1}
                onClick={(event) => {
                  event.stopPropagation()
                  onOpenRule(syncRuleId)
                }}
              >
                {syncRule}
              </button>
            )}
            {lineageSource === 'computed' && (
              <span className="computed-mark" title={COMPUTED_NOTE} data-testid="computed-lineage">
                computed
              </span>
            )}
          </span>
        )
      },
    },
    {
      id: 'modified',
      header: 'Last modified',
      width: 'minmax(9rem, 0.9fr)',
      text: (row) => row.attribute.lastModified ?? '',
    },
    {
      id: 'findings',
      header: 'Findings',
      width: 'minmax(12.5rem, 1.2fr)',
      text: (row) => row.findings.map((finding) => `${finding.code} (${finding.severity})`).join('; '),
      render: (row) => (
        <span className="cell-chips">
          {row.findings.map((finding, index) => (
            <DiagnosisChip
              key={index}
              code={finding.code}
              tone={finding.severity}
              reason={`${finding.connector}: ${finding.message}`}
            />
          ))}
          {onDiagnose && <RowAction onAct={() => onDiagnose(row.attribute.name)}>Why?</RowAction>}
        </span>
      ),
    },
  ]
}

/** The Attributes tab: every metaverse attribute with its lineage and findings; W asks why one does not sync. */
export function AttributesTab({
  attributes,
  unmapped,
  onDiagnose,
  selected,
  onSelect,
}: {
  readonly attributes: readonly ReportMvAttribute[]
  readonly unmapped: readonly ReportUnmapped[]
  readonly onDiagnose: ((attribute: string) => void) | null
  readonly selected: string | null
  readonly onSelect: (attribute: string) => void
}) {
  const [problemsOnly, setProblemsOnly] = useState(false)
  const rows = useMemo(
    () =>
      attributes.map((attribute): AttributeRow => {
        const findings = unmapped.filter(
          (finding) => finding.attribute.toLowerCase() === attribute.name.toLowerCase(),
        )
        return {
          attribute,
          findings,
          actionable: findings.some((finding) => isActionable(finding.severity)),
        }
      }),
    [attributes, unmapped],
  )
  const navigate = useNavigate()
  const gridColumns = useMemo(
    () => columns(onDiagnose, (ruleId) => navigate({ view: 'rules', ruleId })),
    [onDiagnose, navigate],
  )
  const shown = problemsOnly ? rows.filter((row) => row.actionable) : rows
  return (
    <div className="tab-body" data-testid="attributes-tab">
      <div className="results__bar">
        <span className="muted small">
          {attributes.length} attributes. Enter opens a row&apos;s sync rule; W asks why it does not sync.
        </span>
        <ProblemsToggle
          checked={problemsOnly}
          onChange={setProblemsOnly}
          count={rows.filter((row) => row.actionable).length}
        />
        <ExportCsvButton label="Metaverse attributes" build={() => toCsv(gridColumns, shown)} />
      </div>
      <DataGrid
        id="mv-attributes"
        label="Metaverse attributes"
        columns={gridColumns}
        rows={shown}
        rowKey={(row) => row.attribute.name}
        initialSelectedKey={selected}
        onSelectRow={(row) => onSelect(row.attribute.name)}
        onActivate={(row) => {
          if (row.attribute.syncRuleId !== null) navigate({ view: 'rules', ruleId: row.attribute.syncRuleId })
        }}
        onKey={(event, row) => {
          if (event.key.toLowerCase() !== 'w' || !onDiagnose || event.ctrlKey || event.metaKey) return false
          onDiagnose(row.attribute.name)
          return true
        }}
        rowClass={(row) => (row.actionable ? 'data-grid__row--flagged' : undefined)}
        emptyMessage={
          problemsOnly ? 'No attribute has a finding.' : 'The metaverse object has no attributes.'
        }
        testId="attributes-grid"
      />
    </div>
  )
}
