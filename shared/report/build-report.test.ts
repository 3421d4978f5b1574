import { SEVERITIES } from '../model/diagnosis-codes'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import { memoryFile, type SnapshotSource } from '../io/source'
import { AD_CONNECTOR_SPACE_PATH, generateTrainingSnapshot } from '../training'
import { buildReport, METAVERSE_GROUP } from './build-report'
import type { SingleObjectReport, SnapshotReport } from './report-model'

const NOW = (): Date => new Date(Date.UTC(2026, 10, 25, 12, 0, 0))
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString']
const PROTOTYPE_ATTRIBUTES = PROTOTYPE_NAMES.map(
  (name) => `<attr name="${name}" type="string" multivalued="false"><value>${name} value</value></attr>`,
).join('')

/** The training snapshot with three prototype-named attributes added to every AD object. */
async function trainingWithPrototypeNames(): Promise<SnapshotSource> {
  const training = generateTrainingSnapshot({ users: 20 })
  const files = await Promise.all(
    training.files.map(async (file) => {
      if (file.path !== AD_CONNECTOR_SPACE_PATH) return file
      const text = new TextDecoder().decode(await file.readAll())
      return memoryFile(
        file.path,
        new TextEncoder().encode(text.replaceAll('</entry>', `${PROTOTYPE_ATTRIBUTES}</entry>`)),
      )
    }),
  )
  return { name: training.name, files }
}

let snapshot: LoadedSnapshot
let whole: SnapshotReport

beforeAll(async () => {
  snapshot = await loadSnapshot(await trainingWithPrototypeNames())
  const result = buildReport(snapshot, { now: NOW, maxExamples: 3, maxAttributes: 50 })
  if (!result.ok || result.report.kind !== 'snapshot') throw new Error('the training snapshot report failed')
  whole = result.report
})

function userDn(): string {
  const user = whole.groups.find((group) => group.connector === 'contoso.com' && group.objectType === 'user')
  const dn = user?.examples[0]?.dn
  if (dn === undefined) throw new Error('no AD user example in the report')
  return dn
}

describe('buildReport for a whole snapshot', () => {
  it('groups findings per connector and object type and counts every object checked', () => {
    const checked = whole.groups
      .filter((group) => group.connector !== METAVERSE_GROUP)
      .reduce((sum, group) => sum + group.objectsChecked, 0)

    expect(checked).toBe(snapshot.objects.csRowCount)
    expect(whole.groups.map((group) => `${group.connector}/${group.objectType}`)).toContain(
      'contoso.com/user',
    )
    expect(whole).toMatchObject({ kind: 'snapshot', generatedAt: '2026-11-25T12:00:00.000Z' })
  })

  it('bounds the example objects per group and sorts top attributes by severity, then frequency', () => {
    for (const group of whole.groups) {
      expect(group.examples.length).toBeLessThanOrEqual(3)
      const ranks = group.topAttributes.map((entry) => SEVERITIES.indexOf(entry.severity))
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      for (const severity of SEVERITIES) {
        const counts = group.topAttributes
          .filter((entry) => entry.severity === severity)
          .map((entry) => entry.objects)
        expect(counts).toEqual([...counts].sort((a, b) => b - a))
      }
      expect(group.codes.reduce((sum, entry) => sum + entry.findings, 0)).toBeGreaterThanOrEqual(
        group.objectsWithFindings,
      )
    }
  })

  it('reports attributes named __proto__, constructor and toString like any other', () => {
    const user = whole.groups.find(
      (group) => group.connector === 'contoso.com' && group.objectType === 'user',
    )

    const named = user?.topAttributes.filter((entry) => PROTOTYPE_NAMES.includes(entry.attribute))

    expect(named?.map((entry) => entry.attribute).sort()).toEqual([...PROTOTYPE_NAMES].sort())
    expect(new Set(named?.map((entry) => entry.objects))).toEqual(new Set([user?.objectsChecked]))
  })

  it('lists at most the requested number of attributes per group and says how many there are', () => {
    const result = buildReport(snapshot, { now: NOW, maxAttributes: 1, maxExamples: 0 })

    const report = result.ok && result.report.kind === 'snapshot' ? result.report : null
    for (const group of report?.groups ?? []) {
      expect(group.topAttributes.length).toBeLessThanOrEqual(1)
      expect(group.examples).toEqual([])
      expect(group.distinctAttributes).toBeGreaterThanOrEqual(group.topAttributes.length)
    }
  })
})

describe('buildReport for one object', () => {
  it('diagnoses each unmapped attribute of the object, prototype-named ones included', () => {
    const result = buildReport(snapshot, { objectDn: userDn().toUpperCase(), now: NOW })

    if (!result.ok || result.report.kind !== 'object') throw new Error('expected an object report')
    const report: SingleObjectReport = result.report
    expect(report.dn).toBe(userDn())
    const names = report.unmapped.map((entry) => entry.attribute)
    expect(names).toEqual(expect.arrayContaining(PROTOTYPE_NAMES))
    for (const entry of report.unmapped) {
      if (entry.attribute === '') continue
      expect(entry.diagnosis?.steps.length).toBeGreaterThan(0)
      expect(entry.diagnosis?.verdict).not.toBe('OK')
    }
  })

  it.each([
    [{ objectDn: 'CN=Nobody,DC=contoso,DC=com' }, 'object-not-found'],
    [{ objectDn: 'CN=Nobody,DC=contoso,DC=com', connector: 'nope' }, 'unknown-connector'],
  ])('answers %o with %s', (options, problem) => {
    const result = buildReport(snapshot, options)

    expect(result).toMatchObject({ ok: false, error: { problem } })
  })
})
