import { beforeAll, describe, expect, it } from 'vitest'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import { outcomeText } from '../../../shared/model/flow-outcome'
import type { SnapshotSession } from '../../../shared/app/session'
import { caseCsId, trainingSession } from '../testing/training-session'
import { flowLines, type FlowLine } from './flow-lines'
import {
  flowDisplayRows,
  flowRowText,
  foldedCount,
  isLosingRow,
  placeFindings,
  sourceText,
  valuesText,
} from './flow-rows'

let session: SnapshotSession

beforeAll(async () => {
  session = await trainingSession()
})

function linesOf(caseId: string): FlowLine[] {
  const report = session.objectReport({ csId: caseCsId(session, caseId) })
  return report ? flowLines(report, (id) => id === AAD_CONNECTOR_ID) : []
}

function lineOf(lines: readonly FlowLine[], attribute: string): FlowLine {
  const line = lines.find((candidate) => candidate.attribute.toLowerCase() === attribute.toLowerCase())
  if (!line) throw new Error(`No flow line ${attribute}`)
  return line
}

describe('flowDisplayRows', () => {
  it('shows one row per line while folded, the winners on it', () => {
    const lines = linesOf('department-from-hr')

    const rows = flowDisplayRows(lines, () => false)

    expect(rows).toHaveLength(lines.length)
    expect(rows.every((row) => row.kind === 'line')).toBe(true)
    const department = rows.find((row) => row.line.attribute === 'department')
    expect(department?.importRow?.winner).toBe(true)
    expect(department?.exportItem?.entraId).toBe(true)
  })

  it('unfolds only the expanded line, its losing rows subdued under the winner', () => {
    const lines = linesOf('department-from-hr')
    const department = lineOf(lines, 'department')

    const rows = flowDisplayRows(lines, (line) => line === department)
    const own = rows.filter((row) => row.line === department)

    expect(own).toHaveLength(foldedCount(department) + 1)
    expect(own.map((row) => row.kind)).toEqual(['line', ...own.slice(1).map(() => 'sub')])
    expect(own[1]?.importRow?.status).toBe('overridden')
    expect(own[1] && isLosingRow(own[1])).toBe(true)
    expect(rows).toHaveLength(lines.length + foldedCount(department))
  })

  it('folds nothing under a line with a single contributor on each side', () => {
    const title = lineOf(linesOf('ok-title'), 'title')
    expect(foldedCount(title)).toBe(title.imports.length - 1)
    expect(flowDisplayRows([title], () => true)).toHaveLength(Math.max(title.imports.length, 1))
  })
})

describe('placeFindings', () => {
  it('puts a missing outbound flow on the empty export side', () => {
    const line = lineOf(linesOf('employee-type-no-outbound'), 'employeeType')
    const [row] = flowDisplayRows([line], () => false)

    const placed = row ? placeFindings(row) : null

    expect(placed?.export.map((finding) => finding.code)).toEqual(['NO_OUTBOUND_FLOW'])
    expect(placed?.attribute).toEqual([])
  })

  it('places nothing on a folded sub-row', () => {
    const line = lineOf(linesOf('department-from-hr'), 'department')
    const sub = flowDisplayRows([line], () => true)[1]
    expect(sub && placeFindings(sub)).toEqual({ import: [], export: [], attribute: [] })
  })
})

describe('flow texts', () => {
  it.each([
    [null, '—'],
    [[], '(none)'],
    [['a', 'b'], 'a; b'],
  ] as const)('valuesText(%j) is %s', (values, text) => {
    expect(valuesText(values)).toBe(text)
  })

  it.each([
    [{ kind: 'value', values: ['x'] }, 'x'],
    [{ kind: 'null' }, 'NULL'],
    [{ kind: 'authoritativeNull' }, 'AuthoritativeNull'],
    [{ kind: 'ignoreThisFlow' }, 'IgnoreThisFlow'],
    [{ kind: 'not-evaluated' }, '—'],
  ] as const)('outcomeText(%j) in a cell is %s', (outcome, text) => {
    expect(outcomeText(outcome, 'cell')).toBe(text)
  })

  it('copies a row as tab-separated columns in reading order', () => {
    const department = lineOf(linesOf('department-from-hr'), 'department')
    const [row] = flowDisplayRows([department], () => false)

    const cells = row ? flowRowText(row).split('\t') : []

    expect(cells).toHaveLength(6)
    expect(cells[0]).toBe('department')
    expect(cells[3]).toBe('Inside Sales')
    expect(cells[5]).toBe('Inside Sales')
  })
})

describe('sourceText', () => {
  it('shows one source bare and labels each of several with its attribute', () => {
    expect(sourceText([])).toBe('—')
    expect(sourceText([{ attribute: 'department', values: ['Sales'] }])).toBe('Sales')
    expect(
      sourceText([
        { attribute: 'givenName', values: ['Ana'] },
        { attribute: 'sn', values: [] },
      ]),
    ).toBe('givenName: Ana · sn: (none)')
  })
})
