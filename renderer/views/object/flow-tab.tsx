import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { ExportFlowRow } from '../../../shared/engine/export-flow'
import type { ImportFlowRow } from '../../../shared/engine/import-flow'
import type { ReportUnmapped } from '../../../shared/engine/object-report'
import type { RuleRef } from '../../../shared/engine/rule-text'
import { useNavigate } from '../../ui/navigation-context'
import { copyText } from '../../ui/clipboard'
import type { DiagnosisCode, Tone } from '../../../shared/model/diagnosis-codes'
import { useRememberedSize } from '../../ui/remembered-size'
import { Splitter } from '../../ui/splitter'
import { useElementWidth } from '../../ui/use-element-width'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { flowStatusChip } from '../common/diagnosis-codes'
import { ProblemsToggle } from '../common/problems-toggle'
import { outcomeText } from '../../../shared/model/flow-outcome'
import type { FlowLine, TargetedExportRow } from './flow-lines'
import {
  flowDisplayRows,
  flowRowText,
  foldedCount,
  isLosingRow,
  placeFindings,
  sourceText,
  valuesText,
  type FlowDisplayRow,
} from './flow-rows'
import type { RulePaneTarget } from './rule-pane'
import { RowAction } from '../common/row-action'

function sameAttribute(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase()
}

function RuleLink({ rule }: { readonly rule: RuleRef }) {
  const navigate = useNavigate()
  return (
    <button
      type="button"
      className="link-button flow__rule"
      title={`${rule.name} (precedence ${rule.precedence}): open in Sync Rules`}
      onClick={(event) => {
        event.stopPropagation()
        navigate({ view: 'rules', ruleId: rule.id })
      }}
    >
      {rule.name}
    </button>
  )
}

/**
 * The tone of a row's chip: green when it flows, red when the row is the break the engine found on the line,
 * otherwise a quiet fact (a losing rule, a rule out of scope, a flow with nothing to carry).
 */
function rowTone(
  row: ImportFlowRow | ExportFlowRow,
  code: DiagnosisCode,
  breaks: readonly ReportUnmapped[],
): Tone {
  if (code === 'OK') return 'ok'
  if (row.winner && breaks.some((finding) => finding.code === code)) return 'blocking'
  return 'info'
}

/** A flow row's status: the short chip, then precedence and mapping (or the failing clause) on the same line. */
function RuleStatus({
  row,
  breaks,
}: {
  readonly row: ImportFlowRow | ExportFlowRow
  readonly breaks: readonly ReportUnmapped[]
}) {
  const chip = flowStatusChip(row)
  const reason = [
    row.reason,
    chip.detail !== null ? `Overridden ${chip.detail}.` : '',
    row.scopeFailure !== null ? `Failing clause: ${row.scopeFailure}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ')
  const applyOnce = 'applyOnce' in row && row.applyOnce && row.status !== 'apply-once'
  return (
    <span className="flow__meta">
      <DiagnosisChip
        code={chip.code}
        label={chip.label}
        reason={reason}
        tone={rowTone(row, chip.code, breaks)}
      />
      {applyOnce && (
        <span className="chip chip--info" title="The rule sets the value only when the target has none.">
          Apply Once
        </span>
      )}
      <span className="flow__prec" title={`Precedence ${row.rule.precedence}`}>
        {row.rule.precedence}
      </span>
      {row.scopeFailure !== null ? (
        <span className="failing-clause" data-testid="failing-clause" title={row.scopeFailure}>
          {row.scopeFailure}
        </span>
      ) : (
        <span className="flow__dim" title={`${row.flowType}: ${row.dataSource}`}>
          {row.flowType}
        </span>
      )}
    </span>
  )
}

/** The two cells of a side without a rule: hatched, or the findings that say why nothing flows there. */
function BlankCells({ findings }: { readonly findings: readonly ReportUnmapped[] }) {
  if (findings.length === 0) return <td className="flow__blank" colSpan={2} data-side="none" />
  const message = findings.map((finding) => `${finding.connector}: ${finding.message}`).join('\n')
  return (
    <td className="flow__finding" colSpan={2} data-side="none" title={message}>
      <span className="flow__meta">
        {findings.map((finding, index) => (
          <DiagnosisChip
            key={index}
            code={finding.code}
            tone={finding.severity}
            reason={`${finding.connector}: ${finding.message}`}
          />
        ))}
      </span>
      <span className="flow__sub">{findings[0]?.message}</span>
    </td>
  )
}

function ImportCells({
  row,
  findings,
  breaks,
}: {
  readonly row: ImportFlowRow | undefined
  readonly findings: readonly ReportUnmapped[]
  readonly breaks: readonly ReportUnmapped[]
}) {
  if (!row) return <BlankCells findings={findings} />
  const losing = row.winner ? '' : ' flow__cell--losing'
  const source = sourceText(row.sourceValues)
  return (
    <>
      <td
        data-side="import"
        className={`flow__cell${losing}`}
        title={`${source}\nfrom ${row.connector.name}: ${row.dataSource}`}
      >
        <span className="flow__main">{source}</span>
        <code className="flow__sub cell-code">{row.dataSource}</code>
      </td>
      <td data-side="import" className={`flow__cell${losing}`}>
        <span className="flow__main flow__main--name">
          <RuleLink rule={row.rule} />
        </span>
        <RuleStatus row={row} breaks={breaks} />
      </td>
    </>
  )
}

function ExportCells({
  item,
  findings,
  breaks,
}: {
  readonly item: TargetedExportRow | undefined
  readonly findings: readonly ReportUnmapped[]
  readonly breaks: readonly ReportUnmapped[]
}) {
  if (!item) return <BlankCells findings={findings} />
  const { row } = item
  const losing = row.winner ? '' : ' flow__cell--losing'
  const computed = outcomeText(row.computed, 'cell')
  const now = row.targetValueInSnapshot === null ? null : valuesText(row.targetValueInSnapshot)
  const pending = row.pendingExportValues === null ? null : valuesText(row.pendingExportValues)
  const target = item.entraId ? row.csAttribute : `${item.connector} · ${row.csAttribute}`
  // The target's own value comes first (what an admin sees in the target); the computed value sits beside it
  // only when it differs, which is the news.
  const differs =
    now !== null &&
    (row.computed.kind === 'value'
      ? computed !== now
      : row.computed.kind === 'authoritativeNull' && (row.targetValueInSnapshot?.length ?? 0) > 0)
  return (
    <>
      <td data-side="export" className={`flow__cell${losing}`}>
        <span className="flow__main flow__main--name">
          <RuleLink rule={row.rule} />
        </span>
        <RuleStatus row={row} breaks={breaks} />
      </td>
      <td
        data-side="export"
        className={`flow__cell${losing}`}
        title={[
          `${item.connector}: ${row.csAttribute}`,
          `In the target: ${now ?? '— (no target object)'}`,
          `Computed: ${computed}`,
          ...(pending !== null ? [`Pending export: ${pending}`] : []),
        ].join('\n')}
      >
        <span className="flow__main flow__target" data-testid="target-value">
          {now === null ? (
            <span className="flow__dim" title="No target object holds a value yet: the computed value.">
              {computed}
            </span>
          ) : (
            <span>{now}</span>
          )}
          {differs && (
            <span className="flow__computed" data-testid="computed-value">
              <span className="flow__computed-label">computes</span> {computed}
            </span>
          )}
        </span>
        <span className="flow__sub">
          {target}
          {pending !== null && ` · pending ${pending}`}
        </span>
      </td>
    </>
  )
}

const FLOW_TABLE_ID = 'flow-table'
const ATTRIBUTE_DEFAULT = 200
const ATTRIBUTE_MIN = 120
const ATTRIBUTE_MAX = 640
const ATTRIBUTE_FIT_MAX = 260

/** The most of the table's width the attribute column takes until the user drags it: the values need the rest. */
const ATTRIBUTE_FIT_SHARE = 0.22

/**
 * The attribute column's width until the user drags it: wide enough for the longest name (a bold 13px name is
 * about 7.6px a character, plus the expander), within limits and within a share of the table's width
 * (`tableWidth`, 0 before it is measured), so `extensionAttribute11` is not cut and a longer name wraps.
 */
export function attributeColumnWidth(
  lines: readonly { readonly attribute: string }[],
  tableWidth = 0,
): number {
  const longest = lines.reduce((max, line) => Math.max(max, line.attribute.length), 0)
  const limit =
    tableWidth > 0 ? Math.min(ATTRIBUTE_FIT_MAX, tableWidth * ATTRIBUTE_FIT_SHARE) : ATTRIBUTE_FIT_MAX
  return Math.round(Math.min(limit, Math.max(ATTRIBUTE_MIN + 20, longest * 7.6 + 34)))
}

/** What the marks on the rows mean, beside the table they mark. */
function FlowLegend() {
  return (
    <ul
      className="flow-legend small"
      aria-label="Row markers"
      data-testid="flow-legend"
      title="Click either side of a line for its rule and trace; press W on a line to ask why it does not sync."
    >
      <li>
        <span className="flow-legend__mark flow-legend__mark--problem" aria-hidden="true" /> the value does
        not arrive
      </li>
      <li>
        <span className="flow-legend__mark flow-legend__mark--selected" aria-hidden="true" /> selected
      </li>
      <li>
        <span className="flow-legend__mark flow-legend__mark--losing" aria-hidden="true" /> a rule that writes
        nothing
      </li>
      <li>
        <span className="flow-legend__mark flow-legend__mark--blank" aria-hidden="true" /> no rule on this
        side
      </li>
      <li>
        <span className="flow-legend__count" aria-hidden="true">
          +2
        </span>{' '}
        rules folded under the winner
      </li>
    </ul>
  )
}

/**
 * Import Attribute Flow next to Export Attribute Flow, one row per metaverse attribute: attribute, source value,
 * inbound rule, metaverse value, outbound rule, target value. The other contributors fold under the winner; a
 * side of a row opens the rule pane. The selected attribute (from the route) is expanded, highlighted and
 * scrolled into view.
 */
export function FlowTab({
  lines,
  selected,
  onSelect,
  onOpenRule,
  onDiagnose,
  onDraftFix,
  csId,
  mvId,
}: {
  readonly lines: readonly FlowLine[]
  readonly selected: string | null
  readonly onSelect: (attribute: string) => void
  readonly onOpenRule: (target: RulePaneTarget) => void
  readonly onDiagnose: (attribute: string) => void
  /** Opens "Draft a fix" for a line (offered on lines with a problem and on the selected line). */
  readonly onDraftFix: (attribute: string) => void
  readonly csId: string | null
  readonly mvId: string | null
}) {
  const [problemsOnly, setProblemsOnly] = useState(false)
  const [expandAll, setExpandAll] = useState(false)
  const [toggled, setToggled] = useState<ReadonlySet<string>>(
    () => new Set(selected === null ? [] : [selected.toLowerCase()]),
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const clickedRef = useRef<string | null>(null)
  const attributeHeadRef = useRef<HTMLTableCellElement>(null)
  const [attributeWidth, setAttributeWidth] = useRememberedSize('flow-attribute-column')
  const attributeHeadWidth = useElementWidth(attributeHeadRef)
  const scrollWidth = useElementWidth(scrollRef)
  const fittedAttributeWidth = useMemo(() => attributeColumnWidth(lines, scrollWidth), [lines, scrollWidth])

  const onlyEntraId = useMemo(
    () => lines.every((line) => line.exports.every((item) => item.entraId)),
    [lines],
  )
  const flagged = useMemo(() => lines.filter((line) => line.flagged).length, [lines])
  const rows = useMemo(() => {
    const shown = problemsOnly ? lines.filter((line) => line.flagged) : lines
    return flowDisplayRows(shown, (line) => expandAll !== toggled.has(line.attribute.toLowerCase()))
  }, [lines, problemsOnly, expandAll, toggled])

  useEffect(() => {
    if (selected === null || sameAttribute(clickedRef.current, selected)) return
    const container = scrollRef.current
    if (!container) return
    // Names are data: compare them in code rather than building a CSS selector from them.
    const row = [...container.querySelectorAll<HTMLElement>('tr[data-testid="flow-line"]')].find((element) =>
      sameAttribute(selected, element.dataset.attribute ?? ''),
    )
    // At the top, under the sticky header (scroll-margin-top), so the rules folded under it show too; again
    // once the table's width is measured, as the names wrap to it and move the line.
    row?.scrollIntoView({ block: 'start' })
  }, [selected, rows, scrollWidth])

  const toggle = (attribute: string, open?: boolean): void => {
    const key = attribute.toLowerCase()
    setToggled((previous) => {
      const next = new Set(previous)
      const isOpen = expandAll !== previous.has(key)
      if (open === isOpen) return previous
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  }

  const select = (attribute: string): void => {
    clickedRef.current = attribute
    onSelect(attribute)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: FlowDisplayRow): void => {
    const focusable = [
      ...(event.currentTarget.closest('tbody')?.querySelectorAll<HTMLElement>('tr[tabindex]') ?? []),
    ]
    const index = focusable.indexOf(event.currentTarget)
    const key = event.key.toLowerCase()
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      focusable[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus()
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault()
      toggle(row.line.attribute, event.key === 'ArrowRight')
    } else if (key === 'w' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      onDiagnose(row.line.attribute)
    } else if ((event.ctrlKey || event.metaKey) && key === 'c') {
      event.preventDefault()
      copyText(flowRowText(row))
    }
  }

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: FlowDisplayRow): void => {
    const side = event.target instanceof Element ? event.target.closest('td')?.dataset.side : undefined
    select(row.line.attribute)
    if (side === 'import' && row.importRow)
      onOpenRule({
        ruleId: row.importRow.rule.id,
        ruleName: row.importRow.rule.name,
        target: row.importRow.mvAttribute,
        csId: row.importRow.csObjectId,
      })
    if (side === 'export' && row.exportItem && mvId !== null)
      onOpenRule({
        ruleId: row.exportItem.row.rule.id,
        ruleName: row.exportItem.row.rule.name,
        target: row.exportItem.row.csAttribute,
        mvId,
      })
  }

  return (
    <div className="flow" data-testid="flow-tab">
      <div className="results__bar">
        <FlowLegend />
        <label className="toggle">
          <input
            type="checkbox"
            checked={expandAll}
            onChange={(event) => {
              setExpandAll(event.target.checked)
              setToggled(new Set())
            }}
            data-testid="expand-all"
          />
          Show every rule
        </label>
        <ProblemsToggle checked={problemsOnly} onChange={setProblemsOnly} count={flagged} />
      </div>
      <div className="flow__scroll" ref={scrollRef}>
        <table
          id={FLOW_TABLE_ID}
          className="flow__table"
          aria-label="Attribute flow, one line per metaverse attribute"
        >
          <colgroup>
            <col
              className="flow__col-attr"
              style={{ width: `${attributeWidth ?? fittedAttributeWidth}px` }}
            />
            <col className="flow__col-source" />
            <col className="flow__col-rule" />
            <col className="flow__col-mv" />
            <col className="flow__col-rule" />
            <col className="flow__col-target" />
          </colgroup>
          <thead>
            <tr className="flow__groups">
              <th className="flow__sticky" />
              <th colSpan={2}>Import · connector space → metaverse</th>
              <th className="flow__mv">Metaverse</th>
              <th colSpan={2}>Export · metaverse → {onlyEntraId ? 'Entra ID' : 'targets'}</th>
            </tr>
            <tr className="flow__heads">
              <th className="flow__sticky" ref={attributeHeadRef}>
                Attribute
                <Splitter
                  className="column-resizer"
                  label="Resize the attribute column"
                  position={attributeWidth ?? (attributeHeadWidth || ATTRIBUTE_DEFAULT)}
                  controls={FLOW_TABLE_ID}
                  onResize={(width) =>
                    setAttributeWidth(Math.min(ATTRIBUTE_MAX, Math.max(ATTRIBUTE_MIN, Math.round(width))))
                  }
                />
              </th>
              <th>Source value</th>
              <th>Inbound rule</th>
              <th className="flow__mv">Value</th>
              <th>Outbound rule</th>
              <th>Target value</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="flow__none">
                  {problemsOnly
                    ? 'No attribute of this object has a problem.'
                    : 'No rule flows an attribute of this object.'}
                </td>
              </tr>
            )}
            {rows.map((row) => {
              const { line } = row
              const isSelected = sameAttribute(selected, line.attribute)
              const folded = foldedCount(line)
              const findings = placeFindings(row)
              const open = expandAll !== toggled.has(line.attribute.toLowerCase())
              const classes = ['flow__row', row.kind === 'line' ? 'flow__row--line' : 'flow__row--sub']
              if (row.kind === 'sub' && isLosingRow(row)) classes.push('flow__row--losing')
              if (isSelected) classes.push('flow__row--selected')
              if (row.kind === 'line' && line.problem) classes.push('flow__row--problem')
              return (
                <tr
                  key={`${line.attribute}\u0000${row.index}`}
                  className={classes.join(' ')}
                  tabIndex={row.kind === 'line' ? 0 : -1}
                  aria-selected={isSelected}
                  data-attribute={line.attribute}
                  data-testid={row.kind === 'line' ? 'flow-line' : 'flow-subrow'}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget && !isSelected) select(line.attribute)
                  }}
                  onKeyDown={(event) => onKeyDown(event, row)}
                  onClick={(event) => onRowClick(event, row)}
                >
                  <th scope="row" className="flow__sticky flow__attr" title={line.attribute}>
                    {row.kind === 'line' ? (
                      <>
                        <span className="flow__main flow__main--name flow__attr-name">
                          {folded > 0 ? (
                            <button
                              type="button"
                              className="flow__expander"
                              aria-expanded={open}
                              aria-label={`${open ? 'Hide' : 'Show'} the other ${folded} rules of ${line.attribute}`}
                              onClick={(event) => {
                                event.stopPropagation()
                                toggle(line.attribute)
                              }}
                            >
                              {open ? '▾' : '▸'}
                            </button>
                          ) : (
                            <span className="flow__expander-space" />
                          )}
                          {line.attribute}
                        </span>
                        <span className="flow__meta">
                          {folded > 0 && !open && (
                            <span className="flow__dim" data-testid="folded-count">
                              +{folded}
                            </span>
                          )}
                          {findings.attribute.map((finding, findingIndex) => (
                            <DiagnosisChip
                              key={findingIndex}
                              code={finding.code}
                              tone={finding.severity}
                              reason={`${finding.connector}: ${finding.message}`}
                            />
                          ))}
                          {csId !== null && (
                            <RowAction onAct={() => onDiagnose(line.attribute)} testId="why-button">
                              Why?
                            </RowAction>
                          )}
                          {csId !== null && (line.flagged || isSelected) && (
                            <RowAction onAct={() => onDraftFix(line.attribute)} testId="draft-fix-button">
                              Draft a fix
                            </RowAction>
                          )}
                        </span>
                      </>
                    ) : (
                      <span className="flow__sub-mark" aria-hidden="true" />
                    )}
                  </th>
                  <ImportCells row={row.importRow} findings={findings.import} breaks={line.breaks} />
                  <td className="flow__mv" data-side="mv" title={valuesText(line.mvValues)}>
                    {row.kind === 'line' && <span className="flow__main">{valuesText(line.mvValues)}</span>}
                  </td>
                  <ExportCells item={row.exportItem} findings={findings.export} breaks={line.breaks} />
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
