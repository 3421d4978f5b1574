import { beforeAll, describe, expect, it, vi } from 'vitest'
import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import { generateTrainingSnapshot } from '../training/index'
import { ComputedMvValues } from './computed-values'
import { QUERY_HANDLERS, SnapshotContext } from '../app/query-handlers'
import type * as ImportFlow from '../engine/import-flow'

/** The DN whose import flow fails, as an engine defect would make it. */
const failing = { dn: '' }

vi.mock('../engine/import-flow', async (importOriginal) => {
  const original = await importOriginal<typeof ImportFlow>()
  return {
    ...original,
    importFlow: (...args: Parameters<typeof original.importFlow>) => {
      if (args[0].dn === failing.dn) throw new Error('engine defect')
      return original.importFlow(...args)
    },
  }
})

let snapshot: LoadedSnapshot

beforeAll(async () => {
  snapshot = await freshWithoutMetaverse()
}, 60_000)

describe('ComputedMvValues when the engine fails on one object', () => {
  it('leaves that object without values, counts it, and computes the others', async () => {
    const store = snapshot.objects
    const row = 3
    const [csRow] = store.csRowsLinkedTo(store.mvIdAt(row))
    failing.dn = store.csObjectAt(csRow ?? 0).dn
    const values = new ComputedMvValues(snapshot)

    await values.computeAll()

    expect(values.complete).toBe(true)
    expect(values.failed).toBeGreaterThanOrEqual(1)
    expect(values.firstFailedId).toBe(store.mvIdAt(row))
    expect(values.mvColumn('displayName')?.valuesOf(row)).toEqual([])
    expect(values.mvColumn('displayName')?.valuesOf(row + 1).length).toBe(1)
    expect(values.mvColumn('displayName')?.valuesOf(row - 1).length).toBe(1)
  })
})

/** A fresh load of the training snapshot without its metaverse export (values are computed once per load). */
async function freshWithoutMetaverse(): Promise<LoadedSnapshot> {
  const source = generateTrainingSnapshot({ users: 10 })
  return loadSnapshot({
    name: source.name,
    files: source.files.filter((file) => !file.path.startsWith('Metaverse/')),
  })
}

describe('Metaverse Search when the engine fails to compute an object of a computed metaverse', () => {
  const search = (context: SnapshotContext) =>
    QUERY_HANDLERS.searchMetaverse(context, {
      query: { groups: [{ clauses: [{ attribute: 'displayName', operator: 'present' as const }] }] },
      columns: [],
      offset: 0,
      limit: 500,
    })

  it('says how many objects it could not compute and names the first, which no value clause finds', async () => {
    const snapshot = await freshWithoutMetaverse()
    const store = snapshot.objects
    const mvId = store.mvIdAt(4)
    const [csRow] = store.csRowsLinkedTo(mvId)
    failing.dn = store.csObjectAt(csRow ?? 0).dn
    const context = new SnapshotContext(snapshot)

    const page = search(context)

    expect(page.uncomputed?.count).toBeGreaterThanOrEqual(1)
    expect(page.uncomputed?.firstMvId).toBe(mvId)
    expect(page.rows.map((row) => row.id)).not.toContain(mvId)
    expect(page.total).toBeGreaterThan(0)
  }, 60_000)

  it('says nothing of the kind when every object was computed', async () => {
    failing.dn = 'no such object'
    const page = search(new SnapshotContext(await freshWithoutMetaverse()))

    expect(page.uncomputed).toBeUndefined()
    expect(page.total).toBeGreaterThan(0)
  }, 60_000)
})
