import { useState, type KeyboardEvent, type ReactNode } from 'react'
import type { ExportFlowRow } from '../../../shared/engine/export-flow'
import type { FlowOutcome, SourceValues } from '../../../shared/engine/flow-value'
import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { RuleRef } from '../../../shared/engine/rule-text'
import { useNavigate } from '../../app/navigation-context'
import { copyText } from '../shared/clipboard'
import { DiagnosisChip } from '../shared/diagnosis-chip'
import { flowStatusChip } from '../shared/diagnosis-codes'
import { ProblemsToggle } from '../shared/problems-toggle'
import type { FlowLine, TargetedExportRow } from './flow-lines'
import type { RulePaneTarget } from './rule-pane'

/** Values as one cell shows them. */
export function valuesText(values: readonly string[] | null): string {
  if (values === null) return '—'
  if (values.length === 0) return '(none)'
  return values.join('; ')
}

function sourceText(sources: readonly SourceValues[]): string {
  return sources.map((source) => valuesText(source.values)).join(' | ')
}

function outcomeText(outcome: FlowOutcome): string {
  switch (outcome.kind) {
    case 'value':
      return valuesText(outcome.values)
    case 'null':
      return 'NULL'
    case 'authoritativeNull':
      return 'AuthoritativeNull'
    case 'ignoreThisFlow':
      return 'IgnoreThisFlow'
    case 'error':
      return 'Error'
    case 'not-evaluated':
      return '—'
  }
}

function RuleLink({ rule }: { readonly rule: RuleRef }) {
  const navigate = useNavigate()
  return (
    <button
      type="button"
      className="link-button cell-text"
      title={`Open ${rule.name} in Sync Rules`}
      onClick={(event) => {
        event.stopPropagation()
        navigate({ view: 'rules', ruleId: rule.id })
      }}
    >
      {rule.name}
    </button>
  )
}

function Cell({
  side,
  children,
  title,
  className,
}: {
  readonly side: 'import' | 'export'
  readonly children: ReactNode
  readonly title?: string
  readonly className?: string
}) {
  return (
    <td className={className} title={title} data-side={side}>
      {children}
    </td>
  )
}

function ImportCells({ row }: { readonly row: ImportFlowRow | undefined }) {
  if (!row) return <td className="flow__empty" colSpan={6} />
  const chip = flowStatusChip(row)
  const reason = row.scopeFailure !== null ? `${row.reason} Failing clause: ${row.scopeFailure}` : row.reason
  return (
    <>
      <Cell side="import" title={sourceText(row.sourceValues)}>
        {sourceText(row.sourceValues)}
      </Cell>
      <Cell side="import">
        <RuleLink rule={row.rule} />
      </Cell>
      <Cell side="import" className="num">
        {row.rule.precedence}
      </Cell>
      <Cell side="import" title={row.dataSource}>
        <code className="cell-code">{row.dataSource}</code>
      </Cell>
      <Cell side="import">{row.flowType}</Cell>
      <Cell side="import">
        <DiagnosisChip code={chip.code} label={chip.label} reason={reason} />
        {row.applyOnce && row.status !== 'apply-once' && <span className="chip chip--info">Apply Once</span>}
        {row.scopeFailure !== null && (
          <span className="failing-clause" data-testid="failing-clause">
            {row.scopeFailure}
          </span>
        )}
      </Cell>
    </>
  )
}

function ExportCells({ item }: { readonly item: TargetedExportRow | undefined }) {
  if (!item) return <td className="flow__empty" colSpan={5} />
  const row: ExportFlowRow = item.row
  const chip = flowStatusChip(row)
  const reason = row.scopeFailure !== null ? `${row.reason} Failing clause: ${row.scopeFailure}` : row.reason
  return (
    <>
      <Cell side="export">
        <RuleLink rule={row.rule} />
      </Cell>
      <Cell side="export" className="num">
        {row.rule.precedence}
      </Cell>
      <Cell side="export" title={`${item.connector}: ${row.csAttribute}`}>
        <span className="muted">{item.connector}:</span> {row.csAttribute}
      </Cell>
      <Cell
        side="export"
        title={`Computed ${outcomeText(row.computed)}; in the target ${valuesText(row.targetValueInSnapshot)}`}
      >
        {outcomeText(row.computed)}
        {row.targetValueInSnapshot !== null && (
          <span className="muted"> (now {valuesText(row.targetValueInSnapshot)})</span>
        )}
      </Cell>
      <Cell side="export">
        <DiagnosisChip code={chip.code} label={chip.label} reason={reason} />
        {row.scopeFailure !== null && (
          <span className="failing-clause" data-testid="failing-clause">
            {row.scopeFailure}
          </span>
        )}
      </Cell>
    </>
  )
}

/**
 * Import Attribute Flow next to Export Attribute Flow, aligned by metaverse attribute: source value, rule,
 * metaverse value, rule, target value on one line. Losing rows sit subdued under the winner; a row opens the rule pane.
 */
export function FlowTab({
  lines,
  selected,
  onSelect,
  onOpenRule,
  onDiagnose,
  csId,
  mvId,
}: {
  readonly lines: readonly FlowLine[]
  readonly selected: string | null
  readonly onSelect: (attribute: string) => void
  readonly onOpenRule: (target: RulePaneTarget) => void
  readonly onDiagnose: (attribute: string) => void
  readonly csId: string | null
  readonly mvId: string | null
}) {
  const [problemsOnly, setProblemsOnly] = useState(false)
  const shown = problemsOnly ? lines.filter((line) => line.flagged) : lines
  const flagged = lines.filter((line) => line.flagged).length

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, line: FlowLine, rowText: string): void => {
    const rows = [
      ...(event.currentTarget.closest('tbody')?.querySelectorAll<HTMLElement>('tr[tabindex]') ?? []),
    ]
    const index = rows.indexOf(event.currentTarget)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      rows[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus()
    } else if (event.key.toLowerCase() === 'w' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      onDiagnose(line.attribute)
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') {
      event.preventDefault()
      copyText(rowText)
    }
  }

  return (
    <div className="flow" data-testid="flow-tab">
      <div className="results__bar">
        <span className="muted small">
          Each line reads: source value → inbound rule → metaverse value → outbound rule → target value. Press
          W on a line to ask why it does not sync.
        </span>
        <ProblemsToggle checked={problemsOnly} onChange={setProblemsOnly} count={flagged} />
      </div>
      <div className="flow__scroll">
        <table className="flow__table" aria-label="Attribute flow aligned by attribute">
          <colgroup>
            <col className="col-source" />
            <col className="col-rule" />
            <col className="col-prec" />
            <col className="col-data" />
            <col className="col-type" />
            <col className="col-status" />
            <col className="col-mv" />
            <col className="col-mvvalue" />
            <col className="col-rule" />
            <col className="col-prec" />
            <col className="col-target" />
            <col className="col-value" />
            <col className="col-status" />
          </colgroup>
          <thead>
            <tr className="flow__groups">
              <th colSpan={6}>Import Attribute Flow (connector space → metaverse)</th>
              <th colSpan={2} className="flow__mv-head">
                Metaverse
              </th>
              <th colSpan={5}>Export Attribute Flow (metaverse → target)</th>
            </tr>
            <tr>
              <th>Source value</th>
              <th>Sync Rule</th>
              <th>Prec.</th>
              <th>Data Source</th>
              <th>Mapping</th>
              <th>Status</th>
              <th className="flow__mv-head">Attribute</th>
              <th className="flow__mv-head">Value</th>
              <th>Sync Rule</th>
              <th>Prec.</th>
              <th>Target attribute</th>
              <th>Target value</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={13} className="flow__none">
                  {problemsOnly
                    ? 'No attribute of this object has a problem.'
                    : 'No rule flows an attribute of this object.'}
                </td>
              </tr>
            )}
            {shown.flatMap((line) => {
              const count = Math.max(line.imports.length, line.exports.length, 1)
              const isSelected = selected !== null && selected.toLowerCase() === line.attribute.toLowerCase()
              return Array.from({ length: count }, (_, index) => {
                const importRow = line.imports[index]
                const exportItem = line.exports[index]
                const losing =
                  (importRow ? !importRow.winner : true) && (exportItem ? !exportItem.row.winner : true)
                const classes = ['flow__row']
                if (index === 0) classes.push('flow__row--first')
                if (index > 0 && losing) classes.push('flow__row--losing')
                if (isSelected) classes.push('flow__row--selected')
                const rowText = [
                  line.attribute,
                  valuesText(line.mvValues),
                  importRow ? `${importRow.rule.name}: ${importRow.status}` : '',
                  exportItem ? `${exportItem.row.rule.name}: ${exportItem.row.status}` : '',
                ].join('\t')
                return (
                  <tr
                    key={`${line.attribute}-${index}`}
                    className={classes.join(' ')}
                    tabIndex={index === 0 ? 0 : -1}
                    aria-selected={isSelected}
                    data-attribute={line.attribute}
                    data-testid={index === 0 ? 'flow-line' : 'flow-subrow'}
                    onFocus={() => onSelect(line.attribute)}
                    onKeyDown={(event) => onKeyDown(event, line, rowText)}
                    onClick={(event) => {
                      const side = (event.target as HTMLElement).closest('td')?.dataset.side
                      onSelect(line.attribute)
                      if (side === 'import' && importRow)
                        onOpenRule({
                          ruleId: importRow.rule.id,
                          ruleName: importRow.rule.name,
                          target: importRow.mvAttribute,
                          csId: importRow.csObjectId,
                        })
                      if (side === 'export' && exportItem && mvId !== null)
                        onOpenRule({
                          ruleId: exportItem.row.rule.id,
                          ruleName: exportItem.row.rule.name,
                          target: exportItem.row.csAttribute,
                          mvId,
                        })
                    }}
                  >
                    <ImportCells row={importRow} />
                    {index === 0 && (
                      <>
                        <th scope="rowgroup" rowSpan={count} className="flow__mv">
                          <div className="flow__mv-name">{line.attribute}</div>
                          {line.unmapped.map((finding, findingIndex) => (
                            <DiagnosisChip
                              key={findingIndex}
                              code={finding.code}
                              reason={`${finding.connector}: ${finding.message}`}
                            />
                          ))}
                          {csId !== null && (
                            <button
                              type="button"
                              className="link-button small"
                              onClick={(event) => {
                                event.stopPropagation()
                                onDiagnose(line.attribute)
                              }}
                              data-testid="why-button"
                            >
                              Why?
                            </button>
                          )}
                        </th>
                        <td
                          rowSpan={count}
                          className="flow__mv flow__mv-value"
                          title={valuesText(line.mvValues)}
                        >
                          {valuesText(line.mvValues)}
                        </td>
                      </>
                    )}
                    <ExportCells item={exportItem} />
                  </tr>
                )
              })
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
