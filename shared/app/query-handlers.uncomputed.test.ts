import { describe, expect, it, vi } from 'vitest'
import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import { generateTrainingSnapshot } from '../training/index'
import { QUERY_HANDLERS, SnapshotContext } from './query-handlers'
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

/** The training snapshot without its metaverse export (its values are computed once per loaded snapshot). */
async function withoutMetaverse(): Promise<LoadedSnapshot> {
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
    const snapshot = await withoutMetaverse()
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
    const page = search(new SnapshotContext(await withoutMetaverse()))

    expect(page.uncomputed).toBeUndefined()
    expect(page.total).toBeGreaterThan(0)
  }, 60_000)
})
