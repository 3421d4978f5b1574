import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ReportFormat } from '../../shared/app/view-queries'
import { createSnapshotSession } from '../../shared/app/session'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { writeFileAtomic } from '../../node/atomic-write'
import { ReportExporter, type ReportExportPorts } from './report-export'

const session = createSnapshotSession()
let folder = ''

beforeAll(async () => {
  await session.load(generateTrainingSnapshot({ users: 40 }), () => undefined, { aborted: false })
}, 60_000)

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-report-export-'))
})

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

/** The real session, disk and atomic write; only the save dialog answers from `answers` (a name, or null). */
function exporter(answers: (string | null)[], asked: { fileName: string; format: ReportFormat }[] = []) {
  const ports: ReportExportPorts = {
    report: async (request) => session.report(request),
    chooseSavePath: async (fileName, format) => {
      asked.push({ fileName, format })
      const answer = answers.shift() ?? null
      return answer === null ? null : path.join(folder, answer)
    },
    exists: async (target) => fs.existsSync(target),
    write: (target, content, overwrite) => writeFileAtomic(target, content, { overwrite }),
    baseName: (target) => path.basename(target),
  }
  return new ReportExporter(ports)
}

describe('ReportExporter', () => {
  it('proposes the report file name, then writes the report where the user chose', async () => {
    const asked: { fileName: string; format: ReportFormat }[] = []

    const outcome = await exporter(['report.html'], asked).export('html')

    expect(outcome).toEqual({ status: 'saved', fileName: 'report.html' })
    expect(asked[0]?.format).toBe('html')
    expect(asked[0]?.fileName).toMatch(/^synclens-report-Contoso-training-snapshot-.*\.html$/)
    expect(fs.readFileSync(path.join(folder, 'report.html'), 'utf8')).toContain('Unmapped attributes')
  })

  it('writes nothing when the user cancels the dialog', async () => {
    const outcome = await exporter([null]).export('csv')

    expect(outcome).toEqual({ status: 'cancelled' })
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('replaces a file the dialog confirmed replacing', async () => {
    fs.writeFileSync(path.join(folder, 'old.json'), 'old')

    const outcome = await exporter(['old.json']).export('json')

    expect(outcome.status).toBe('saved')
    expect(fs.readFileSync(path.join(folder, 'old.json'), 'utf8')).toMatch(/^\{\n {2}"kind": "snapshot"/)
  })

  it('fails without asking where when the object is unknown', async () => {
    const asked: { fileName: string; format: ReportFormat }[] = []

    const outcome = await exporter(['x.html'], asked).export('html', 'no-such-object')

    expect(outcome).toEqual({
      status: 'failed',
      message: 'That connector-space object is not in this snapshot; search for it again.',
    })
    expect(asked).toEqual([])
  })

  it('reports a write that fails (a missing folder) as a failure, not an exception', async () => {
    const outcome = await exporter([path.join('missing', 'r.csv')]).export('csv')

    expect(outcome.status).toBe('failed')
    if (outcome.status === 'failed') expect(outcome.message).toContain('Check the folder exists')
  })

  it('runs one export at a time', async () => {
    const reports = exporter(['one.csv', 'two.csv'])

    const [first, second] = await Promise.all([reports.export('csv'), reports.export('csv')])

    expect(first).toEqual({ status: 'saved', fileName: 'one.csv' })
    expect(second).toEqual({
      status: 'failed',
      message: 'A report is already being exported; finish that first.',
    })
  })
})
