import { beforeAll, describe, expect, it } from 'vitest'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import type { SnapshotSession } from '../../../shared/app/session'
import { caseCsId, trainingSession } from '../testing/training-session'
import { flowLines, type FlowLine } from './flow-lines'

let session: SnapshotSession

beforeAll(async () => {
  session = await trainingSession()
})

function linesOf(caseId: string): FlowLine[] {
  const report = session.objectReport({ csId: caseCsId(session, caseId) })
  expect(report).not.toBeNull()
  return report ? flowLines(report, (id) => id === AAD_CONNECTOR_ID) : []
}

function lineOf(lines: readonly FlowLine[], attribute: string): FlowLine | undefined {
  return lines.find((line) => line.attribute.toLowerCase() === attribute.toLowerCase())
}

describe('flowLines on the training snapshot', () => {
  it('puts the winning import first and the overridden rule under it, next to the export to Entra ID', () => {
    const department = lineOf(linesOf('department-from-hr'), 'department')

    expect(department?.imports.map((row) => row.status).slice(0, 2)).toEqual(['contributes', 'overridden'])
    expect(department?.imports[1]?.overriddenBy?.name).toBe(department?.imports[0]?.rule.name)
    expect(department?.mvValues).toEqual(['Inside Sales'])
    expect(department?.exports[0]?.row.csAttribute).toBe('department')
  })

  it('keeps an out-of-scope row with its failing clause and marks the line as a problem', () => {
    const proxy = lineOf(linesOf('proxy-addresses-out-of-scope'), 'proxyAddresses')
    const outOfScope = proxy?.imports.find((row) => row.status === 'out-of-scope')

    expect(outOfScope?.failingClause?.attribute).toBe('mailNickname')
    expect(proxy?.problem).toBe(true)
  })

  it('flags the break of a seeded case as a problem, and no line of a healthy user', () => {
    const mobile = lineOf(linesOf('mobile-local-format'), 'mobile')

    expect(mobile?.problem).toBe(true)
    expect(mobile?.breaks.map((finding) => [finding.code, finding.severity])).toEqual([
      ['EXPRESSION_NULL', 'blocking'],
    ])
    expect(linesOf('ok-title').filter((line) => line.problem)).toEqual([])
  })

  it('leaves a connector-wide gap to the connector: the employeeID line of one user is no problem', () => {
    const employeeId = lineOf(linesOf('employee-id-not-selected'), 'employeeID')

    expect(employeeId?.problem).toBe(false)
    expect(employeeId?.unmapped.some((finding) => finding.code === 'NOT_SELECTED_ON_CONNECTOR')).toBe(false)
  })

  it('sorts lines by attribute name without regard to case', () => {
    const names = linesOf('ok-title').map((line) => line.attribute)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })))
    expect(lineOf(linesOf('ok-title'), 'title')?.problem).toBe(false)
    expect(lineOf(linesOf('ok-title'), 'title')?.exports[0]?.row.status).toBe('in-sync')
  })
})
