import { beforeAll, describe, expect, it, vi } from 'vitest'
import { loadSnapshot, type LoadedSnapshot } from '../load/load-snapshot'
import { generateTrainingSnapshot } from '../training/index'
import { ComputedMvValues } from './computed-values'
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
  const source = generateTrainingSnapshot({ users: 10 })
  snapshot = await loadSnapshot({
    name: source.name,
    files: source.files.filter((file) => !file.path.startsWith('Metaverse/')),
  })
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
