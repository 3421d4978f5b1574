import { beforeAll, describe, expect, it } from 'vitest'
import { AD_CONNECTOR_ID } from '../training/environment'
import { generateTrainingSnapshot, TRAINING_CASES } from '../training/index'
import { fileNamePart, reportFileName } from './report-file'
import { createSnapshotSession } from './session'

const NEVER_ABORTED = { aborted: false }

describe('SnapshotSession.report on the training snapshot', () => {
  const session = createSnapshotSession()
  let seededCsId = ''
  const seeded = TRAINING_CASES.find((entry) => entry.code === 'APPLY_ONCE')

  beforeAll(async () => {
    await session.load(generateTrainingSnapshot({ users: 40 }), () => undefined, NEVER_ABORTED)
    const page = session.searchConnectorSpace({
      connectorId: AD_CONNECTOR_ID,
      query: { scope: 'dn', value: seeded?.dn ?? '' },
      columns: [],
      offset: 0,
      limit: 1,
    })
    seededCsId = page.rows[0]?.id ?? ''
  }, 60_000)

  it('renders the whole snapshot as HTML with a dated, sanitised file name', () => {
    const answer = session.report({ format: 'html' })

    expect(answer).toMatchObject({ mimeType: 'text/html;charset=utf-8' })
    if ('error' in answer) throw new Error(answer.error)
    expect(answer.fileName).toMatch(/^synclens-report-Contoso-training-snapshot-\d{4}-\d{2}-\d{2}\.html$/)
    expect(answer.content).toContain('<!DOCTYPE html>')
    expect(answer.content).toContain('Unmapped attributes')
  })

  it.each([
    ['csv', 'text/csv;charset=utf-8', /^"/],
    ['json', 'application/json;charset=utf-8', /^\{\n {2}"kind": "snapshot"/],
  ] as const)('renders the whole snapshot as %s', (format, mimeType, start) => {
    const answer = session.report({ format })

    if ('error' in answer) throw new Error(answer.error)
    expect(answer.mimeType).toBe(mimeType)
    expect(answer.fileName.endsWith(`.${format}`)).toBe(true)
    expect(answer.content).toMatch(start)
  })

  it('resolves a connector-space id (braces and case aside) to its DN and connector for one object', () => {
    const answer = session.report({ format: 'json', objectCsId: `{${seededCsId.toUpperCase()}}` })

    if ('error' in answer) throw new Error(answer.error)
    const parsed = JSON.parse(answer.content) as { kind: string; dn: string }
    expect(seededCsId).not.toBe('')
    expect(parsed.kind).toBe('object')
    expect(parsed.dn.toLowerCase()).toBe(seeded?.dn.toLowerCase())
    expect(answer.fileName).toMatch(/^synclens-report-Contoso-training-snapshot-[A-Za-z0-9._-]+-\d{4}-/)
  })

  it('answers an unknown object with an error to show, not an exception', () => {
    const answer = session.report({ format: 'csv', objectCsId: 'not-an-object' })

    expect(answer).toEqual({
      error: 'That connector-space object is not in this snapshot; search for it again.',
    })
  })

  it('answers with an error before any snapshot is loaded', () => {
    expect(createSnapshotSession().report({ format: 'html' })).toEqual({
      error: 'No snapshot is open; open one before exporting a report.',
    })
  })
})

describe('reportFileName', () => {
  it.each([
    ['Contoso-2016', undefined, 'synclens-report-Contoso-2016-2024-05-01.html'],
    ['../../etc/passwd', undefined, 'synclens-report-etc-passwd-2024-05-01.html'],
    ['C:\\Exports\\Prod <1>?.zip', undefined, 'synclens-report-C-Exports-Prod-1-.zip-2024-05-01.html'],
    ['...', undefined, 'synclens-report-snapshot-2024-05-01.html'],
    ['Contoso', 'Ann Lee / HR', 'synclens-report-Contoso-Ann-Lee-HR-2024-05-01.html'],
  ])('names %j (object %j) %s', (snapshot, object, expected) => {
    expect(reportFileName(snapshot, 'html', '2024-05-01T10:11:12.000Z', object)).toBe(expected)
  })

  it('keeps long names short and never ends a part on a dot or dash', () => {
    const part = fileNamePart(`${'a'.repeat(59)}.b${'c'.repeat(40)}`)

    expect(part).toBe('a'.repeat(59))
  })
})
