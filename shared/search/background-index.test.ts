import { describe, expect, it } from 'vitest'
import type { MvObject } from '../model/objects'
import type { SyncRule } from '../model/sync-rule'
import { mvIdsWithValue } from '../store/mv-lookup'
import { ObjectStore } from '../store/object-store'
import { BackgroundIndexer, indexableAttributes, joinAttributes } from './background-index'
import { matchMetaverse } from './metaverse-search'

const noLineage = { lineageId: null, connectorId: null, connectorName: null, syncRuleName: null, time: null }

/** `count` people with a display name, an account name and a department each. */
function storeOf(count: number): ObjectStore {
  const store = new ObjectStore()
  for (let index = 0; index < count; index += 1) {
    const object: MvObject = {
      id: `p${index}`,
      objectType: 'person',
      connections: [],
      attributes: [
        ['displayName', `Person ${(index * 7919) % count}`],
        ['accountName', `acct${index % 997}`],
        ['department', index % 2 === 0 ? 'Sales' : 'IT'],
      ].map(([name = '', value = '']) => ({
        name,
        type: 'String',
        multiValued: false,
        values: [value],
        lineage: [noLineage],
      })),
    }
    store.addMvObject(object)
  }
  store.finish()
  return store
}

/** A host that runs the indexer's slices when the test says so, counting them. */
function steppedHost(): {
  readonly yieldControl: () => Promise<void>
  readonly slices: () => number
  readonly run: (slices: number) => Promise<void>
} {
  let waiting: (() => void)[] = []
  let slices = 0
  return {
    yieldControl: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve)
      }),
    slices: () => slices,
    run: async (count) => {
      for (let step = 0; step < count && waiting.length > 0; step += 1) {
        const next = waiting
        waiting = []
        slices += 1
        next.forEach((resolve) => resolve())
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
    },
  }
}

const equals = (attribute: string, value: string) => ({
  groups: [{ clauses: [{ attribute, operator: 'equals' as const, value }] }],
})

describe('BackgroundIndexer', () => {
  it('builds the asked-for indexes in slices, the latest request first, with searches answered between them', async () => {
    const store = storeOf(20_000)
    const host = steppedHost()
    // A clock that moves 1 ms per look: each slice does a few units of work and yields.
    let clock = 0
    const indexer = new BackgroundIndexer(store, {
      yieldControl: host.yieldControl,
      signal: { aborted: false },
      sliceMs: 3,
      now: () => clock++,
    })

    indexer.request(['accountName'])
    indexer.request(['displayName', 'missing'])
    expect(indexer.pending).toEqual(['displayName', 'accountName'])
    await host.run(4)
    expect(store.mvColumn('displayName')?.indexed).toBe(false)
    // A search meanwhile scans, and agrees with the index built later.
    const scanned = matchMetaverse(store, equals('displayName', 'person 42'), { buildIndexes: false })
    await host.run(10_000)
    await indexer.idle()

    expect(store.mvColumn('displayName')?.indexed).toBe(true)
    expect(store.mvColumn('accountName')?.indexed).toBe(true)
    expect(store.mvColumn('department')?.indexed).toBe(false)
    expect(host.slices()).toBeGreaterThan(10)
    expect(Array.from(matchMetaverse(store, equals('displayName', 'person 42')))).toEqual(Array.from(scanned))
    expect(scanned.length).toBe(1)
  })

  it('stops when the session moves on', async () => {
    const store = storeOf(20_000)
    const host = steppedHost()
    const signal = { aborted: false }
    let clock = 0
    const indexer = new BackgroundIndexer(store, {
      yieldControl: host.yieldControl,
      signal,
      sliceMs: 3,
      now: () => clock++,
    })

    indexer.request(['displayName'])
    await host.run(3)
    signal.aborted = true
    await host.run(3)
    await indexer.idle()

    expect(store.mvColumn('displayName')?.indexed).toBe(false)
  })

  it('stops at a column that cannot be read, and takes the next request', async () => {
    const store = storeOf(100)
    const damaged = new Error('the reopen cache entry was damaged (damaged block) and has been removed')
    const column = store.mvColumn('displayName')
    if (column === null) throw new Error('no displayName column')
    column.buildIndexFor = () => {
      throw damaged
    }
    const indexer = new BackgroundIndexer(store, {
      yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
      signal: { aborted: false },
    })

    indexer.request(['displayName', 'department'])
    await indexer.idle()
    indexer.request(['department'])
    await indexer.idle()

    expect(store.mvColumn('department')?.indexed).toBe(true)
    expect(indexer.pending).toEqual(['displayName'])
  })

  it('asks for nothing already indexed', async () => {
    const store = storeOf(100)
    store.prepareSearchIndex(['displayName'])
    const indexer = new BackgroundIndexer(store, {
      yieldControl: () => Promise.resolve(),
      signal: { aborted: false },
    })

    indexer.request(['displayName', 'DISPLAYNAME'])

    expect(indexer.pending).toEqual([])
  })
})

describe('join lookups', () => {
  it('scan until building the index pays, with the same answers before and after', () => {
    const store = storeOf(3_000)
    const column = store.mvColumn('accountName')
    const answers: string[][] = []
    for (let lookup = 0; lookup < 20; lookup += 1) {
      answers.push(mvIdsWithValue(store, 'accountName', 'ACCT5'))
      if (lookup === 0) expect(column?.indexed).toBe(false)
    }

    expect(column?.indexed).toBe(true)
    expect(new Set(answers.map((ids) => ids.join(','))).size).toBe(1)
    expect(answers[0]).toEqual(['p5', 'p1002', 'p1999', 'p2996'])
  })
})

describe('attributes to index', () => {
  it('names the join attributes once each, whatever their case', () => {
    const rule = (mvAttributes: readonly string[]): SyncRule =>
      ({
        joinGroups: [{ conditions: mvAttributes.map((mvAttribute) => ({ csAttribute: 'x', mvAttribute })) }],
      }) as unknown as SyncRule

    expect(joinAttributes([rule(['sourceAnchor', 'mail']), rule(['SOURCEANCHOR', '']), rule([])])).toEqual([
      'sourceAnchor',
      'mail',
    ])
  })

  it('names the attributes a query compares with Equals or Starts with', () => {
    expect(
      indexableAttributes({
        groups: [
          { clauses: [{ attribute: 'a', operator: 'equals', value: '1' }] },
          {
            clauses: [
              { attribute: 'b', operator: 'contains', value: '1' },
              { attribute: 'c', operator: 'starts-with', value: '1' },
              { attribute: 'd', operator: 'not-present' },
            ],
          },
        ],
      }),
    ).toEqual(['a', 'c'])
  })
})
