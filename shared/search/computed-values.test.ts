import { beforeAll, describe, expect, it } from 'vitest'
import { engineContext } from '../engine/engine-context'
import { objectReport } from '../engine/object-report'
import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import type { SnapshotSource } from '../io/source'
import { generateTrainingSnapshot } from '../training/index'
import { ComputedMvValues } from './computed-values'
import type { MetaverseQuery } from './metaverse-query'
import { matchMetaverse } from './metaverse-search'
import { matchesRow } from './query-plan'
import { mvSearchRows } from './result-rows'

/** The training snapshot without its metaverse export: the metaverse is computed from the links. */
function withoutMetaverse(source: SnapshotSource): SnapshotSource {
  return { name: source.name, files: source.files.filter((file) => !file.path.startsWith('Metaverse/')) }
}

let snapshot: LoadedSnapshot

beforeAll(async () => {
  snapshot = await loadSnapshot(withoutMetaverse(generateTrainingSnapshot({ users: 40 })))
}, 60_000)

/** Each metaverse object's attribute values as its report computes them, by lower-cased name. */
function reportedValues(row: number): Map<string, readonly string[]> {
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const report = objectReport({
    ruleIndex,
    index: snapshot.objects,
    mvLookup,
    object: { mvObjectId: snapshot.objects.mvIdAt(row) },
  })
  return new Map(
    (report.metaverse?.attributes ?? []).map((attribute) => [attribute.name.toLowerCase(), attribute.values]),
  )
}

describe('ComputedMvValues', () => {
  it('holds, for every object, the values its report computes from the rules', () => {
    expect(snapshot.objects.metaverseSource).toBe('computed')
    const values = new ComputedMvValues(snapshot)
    values.computeWhile(() => false)

    expect(values.complete).toBe(true)
    expect(values.computed).toBe(snapshot.objects.mvRowCount)
    const names = new Set<string>()
    for (let row = 0; row < values.computed; row += 1) {
      const reported = reportedValues(row)
      for (const [name, expected] of reported) {
        names.add(name)
        expect(values.mvColumn(name)?.valuesOf(row), `${name} of row ${row}`).toEqual(expected)
      }
    }
    // Every attribute a report shows has a column, and the columns hold nothing else.
    for (const name of names) expect(values.mvColumn(name)).not.toBeNull()
    expect(names).toContain('displayname')
    expect(names.size).toBeGreaterThan(5)
  })

  it('answers a search as a filter over the computed values would', () => {
    const values = new ComputedMvValues(snapshot)
    values.computeWhile(() => false)
    const clauses = [
      { attribute: 'displayName', operator: 'starts-with', value: 'a' },
      { attribute: 'department', operator: 'equals', value: 'Sales' },
      { attribute: 'mail', operator: 'not-present' },
      { attribute: 'userPrincipalName', operator: 'contains', value: 'CONTOSO' },
    ] as const
    for (const clause of clauses) {
      const query: MetaverseQuery = { groups: [{ clauses: [clause] }] }
      const expected: number[] = []
      for (let row = 0; row < values.computed; row += 1) {
        const found = reportedValues(row).get(clause.attribute.toLowerCase()) ?? []
        if (matchesRow(found, clause)) expected.push(row)
      }
      expect([...matchMetaverse(values, query, { buildIndexes: false })], JSON.stringify(clause)).toEqual(
        expected,
      )
    }
  })

  it('shows computed display names and columns in the grid rows', () => {
    const values = new ComputedMvValues(snapshot)
    values.computeWhile(() => false)
    const [row] = mvSearchRows(values, [0], ['mail'])
    const reported = reportedValues(0)
    expect(row?.displayName).toBe(reported.get('displayname')?.[0] ?? null)
    expect(row?.values).toEqual([reported.get('mail')?.join('; ') ?? null])
    expect(row?.id).toBe(snapshot.objects.mvIdAt(0))
  })

  it('computes in slices, in row order, and keeps what it computed', async () => {
    const values = new ComputedMvValues(snapshot)
    let calls = 0
    values.computeWhile(() => ++calls >= 3)
    expect(values.computed).toBe(3)
    expect(values.complete).toBe(false)

    const progress: number[] = []
    let pauses = 0
    let now = 0
    await values.computeAll({
      clock: () => (now += 1),
      sliceMs: 5,
      yieldControl: () => {
        pauses += 1
        return Promise.resolve()
      },
      onProgress: (step) => progress.push(step.computed),
    })
    expect(values.complete).toBe(true)
    expect(pauses).toBeGreaterThan(1)
    expect(progress.at(-1)).toBe(snapshot.objects.mvRowCount)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(values.mvColumn('displayName')?.valuesOf(1)).toEqual(reportedValues(1).get('displayname'))
  })

  it('stops between slices when the signal says so', async () => {
    const values = new ComputedMvValues(snapshot)
    const signal = { aborted: false }
    let now = 0
    let pauses = 0
    await values.computeAll({
      signal,
      clock: () => (now += 1),
      sliceMs: 2,
      // The first pause comes before the first slice (the caller has had its turn); the second after it.
      yieldControl: () => {
        pauses += 1
        if (pauses === 2) signal.aborted = true
        return Promise.resolve()
      },
    })
    expect(pauses).toBe(2)
    expect(values.computed).toBeGreaterThan(0)
    expect(values.complete).toBe(false)
  })
})
