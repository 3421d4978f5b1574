import { beforeAll, describe, expect, it } from 'vitest'
import type { SnapshotSession } from '../../../shared/app/session'
import type { ObjectReport } from '../../../shared/engine/object-report'
import type { CsObject } from '../../../shared/model/objects'
import { caseCsId, trainingSession } from '../testing/training-session'
import { exportPreviewRows, importPreviewRows, ownExportTarget } from './preview-rows'

let session: SnapshotSession

beforeAll(async () => {
  session = await trainingSession()
})

function caseObject(caseId: string): { readonly object: CsObject; readonly report: ObjectReport } {
  const csId = caseCsId(session, caseId)
  const object = session.csObject(csId)
  const report = session.objectReport({ csId })
  if (!object || !report) throw new Error(`No object for ${caseId}`)
  return { object, report }
}

describe('Preview pages of a connector-space object', () => {
  it("lists the AD object's own import mappings, winner first per attribute, with initial and final values", () => {
    const { object, report } = caseObject('department-from-hr')

    const rows = importPreviewRows(report, object.id)

    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => 'csObjectId' in row.row && row.row.csObjectId === object.id)).toBe(true)
    const department = rows.filter((row) => row.attribute.toLowerCase() === 'department')
    expect(department.length).toBeGreaterThan(0)
    const names = rows.map((row) => row.attribute.toLowerCase())
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    for (const row of rows) {
      expect(['Direct', 'Constant', 'Expression']).toContain(row.mappingType)
      if (!row.winner) expect(row.finalValue).toBe('unchanged')
    }
  })

  it('has no export page for a source connector, and the target rows for an Entra ID object', () => {
    const { object, report } = caseObject('ok-title')
    expect(ownExportTarget(report, object)).toBeNull()
    expect(exportPreviewRows(null)).toEqual([])

    const aad = report.connectors.find((connection) => connection.connector !== object.connectorName)
    if (!aad) throw new Error('The case object has no Entra ID connection')
    const aadObject = session.csObject(aad.csId)
    const aadReport = session.objectReport({ csId: aad.csId })
    if (!aadObject || !aadReport) throw new Error('No Entra ID object')
    const target = ownExportTarget(aadReport, aadObject)
    const rows = exportPreviewRows(target)

    const title = rows.find((row) => row.attribute === 'title' && row.winner)
    expect(title).toMatchObject({ initialValue: 'Financial Controller', finalValue: 'Financial Controller' })
  })
})
