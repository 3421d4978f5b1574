import { describe, expect, it } from 'vitest'
import type { HostApi, SnapshotState } from '../../shared/app/host-api'
import { AD_CONNECTOR_ID } from '../../shared/training/environment'
import { generateTrainingSnapshot, TRAINING_CASES, TRAINING_SNAPSHOT_NAME } from '../../shared/training/index'
import { HOST_API_KEYS } from '../../shared/app/host-api'
import { createBrowserHost } from './browser-host'
import { resolveBrowserFiles } from './browser-source'
import { withRelativePath } from './dropped-files'
import { pickFixtureFolder } from './testing/fixture-folder'
import { InProcessWorker } from './testing/in-process-worker'

/** A source resolver that waits for `open()` (once per load), so a test can cancel a load still pending. */
function gatedResolver(): { resolve: typeof resolveBrowserFiles; open: () => void } {
  const gates: (() => void)[] = []
  const waiting: Promise<void>[] = []
  const arm = (): void => {
    waiting.push(new Promise<void>((resolve) => gates.push(resolve)))
  }
  arm()
  let used = 0
  return {
    resolve: async (descriptor) => {
      const gate = waiting[used++]
      arm()
      await gate
      return resolveBrowserFiles(descriptor)
    },
    open: () => gates.shift()?.(),
  }
}

function hostWithWorkers(resolveSource?: typeof resolveBrowserFiles): {
  host: HostApi
  workers: InProcessWorker[]
  states: SnapshotState[]
} {
  const workers: InProcessWorker[] = []
  const host = createBrowserHost(() => {
    const worker = new InProcessWorker(resolveSource)
    workers.push(worker)
    return worker
  })
  const states: SnapshotState[] = []
  host.onStateChange((state) => states.push(state))
  return { host, workers, states }
}

describe('createBrowserHost', () => {
  it('exposes exactly the HostApi members', () => {
    const { host } = hostWithWorkers()

    expect(Object.keys(host).sort()).toEqual(HOST_API_KEYS)
  })

  it('opens a picked folder in a worker, reporting loading then ready', async () => {
    const { host, states } = hostWithWorkers()

    await host.openFiles(pickFixtureFolder())

    const first = states[0]
    expect(first?.phase).toBe('loading')
    if (first?.phase === 'loading') {
      expect(first.name).toBe('serverconfig-small')
      expect(first.progress.files).toHaveLength(12)
    }
    const state = await host.getState()
    expect(state.phase).toBe('ready')
    if (state.phase === 'ready') {
      expect(state.summary.name).toBe('serverconfig-small')
      expect(state.summary.rules).toEqual({ total: 9, inbound: 6, outbound: 3, disabled: 1 })
      expect(state.summary.server).toBe('FABRIKAM-SYNC01')
      expect(state.summary.issues).toEqual([])
    }
  })

  it('answers rule queries from the worker once ready', async () => {
    const { host } = hostWithWorkers()
    await host.openFiles(pickFixtureFolder())

    const inbound = await host.getRules({ direction: 'Inbound' })
    const rule = await host.getRule('3c9d0b7e-1f2a-4b3c-8d4e-5f6a7b8c9d01')

    expect(inbound.map((r) => r.precedence)).toEqual([50, 60, 100, 104, 105, 115])
    expect(rule?.name).toBe('In from AD - User Join')
    expect(rule?.joinGroups).toHaveLength(2)
  })

  it('returns to the empty state when the first load is cancelled', async () => {
    const gated = gatedResolver()
    const { host, states } = hostWithWorkers(gated.resolve)

    const opening = host.openFiles(pickFixtureFolder())
    await host.cancelLoad()
    setTimeout(gated.open, 10)
    await opening

    expect(states.at(-1)).toEqual({ phase: 'empty' })
  })

  it('keeps the open snapshot when loading another one is cancelled', async () => {
    const gated = gatedResolver()
    const { host } = hostWithWorkers(gated.resolve)
    const first = host.openFiles(pickFixtureFolder())
    gated.open()
    await first
    const before = await host.getState()

    const opening = host.openFiles([withRelativePath(new File(['<x/>'], 'other.xml'), 'Other/other.xml')])
    await host.cancelLoad()
    setTimeout(gated.open, 10)
    await opening

    expect(await host.getState()).toEqual(before)
    expect(await host.getRules({ direction: 'Outbound' })).toHaveLength(3)
  })

  it('fails with the issues when every snapshot file is broken', async () => {
    const { host } = hostWithWorkers()
    const broken = withRelativePath(
      new File(['<synchronizationRule>\n  <name>Broken'], 'SynchronizationRule_{x}.xml'),
      'Broken/SynchronizationRule_{x}.xml',
    )

    await host.openFiles([broken])

    const state = await host.getState()
    expect(state.phase).toBe('failed')
    if (state.phase === 'failed') {
      expect(state.name).toBe('Broken')
      expect(state.issues.length).toBeGreaterThan(0)
      expect(state.issues[0]).toMatchObject({ severity: 'error', file: 'SynchronizationRule_{x}.xml' })
    }
  })

  it('fails with the loader message when nothing is a snapshot file', async () => {
    const { host } = hostWithWorkers()

    await host.openFiles([new File(['hello'], 'notes.txt')])

    const state = await host.getState()
    expect(state).toMatchObject({ phase: 'failed', name: 'notes.txt' })
    if (state.phase === 'failed') expect(state.message).toContain('holds no snapshot file')
  })

  it('closes the snapshot: empty state, worker stopped, no more rules', async () => {
    const { host, workers } = hostWithWorkers()
    await host.openFiles(pickFixtureFolder())

    await host.closeSnapshot()

    expect(await host.getState()).toEqual({ phase: 'empty' })
    expect(workers[0]?.terminated).toBe(true)
    expect(await host.getRules({ direction: 'Inbound' })).toEqual([])
    expect(await host.getRule('3c9d0b7e-1f2a-4b3c-8d4e-5f6a7b8c9d01')).toBeNull()
  })

  it('starts a new worker for the next snapshot after closing', async () => {
    const { host, workers } = hostWithWorkers()
    await host.openFiles(pickFixtureFolder())
    await host.closeSnapshot()

    await host.openFiles(pickFixtureFolder())

    expect(workers).toHaveLength(2)
    expect((await host.getState()).phase).toBe('ready')
  })

  it('reports a crashed worker as a failed snapshot', async () => {
    const { host, workers } = hostWithWorkers()
    await host.openFiles(pickFixtureFolder())

    workers[0]?.crash('out of memory')

    const state = await host.getState()
    expect(state).toMatchObject({
      phase: 'failed',
      name: 'serverconfig-small',
      message: 'The snapshot worker stopped: out of memory',
    })
    expect(workers[0]?.terminated).toBe(true)
  })

  it('ignores picked objects that are not files and an empty pick', async () => {
    const { host, states, workers } = hostWithWorkers()

    await host.openFiles([{ name: 'x.xml', size: 1, webkitRelativePath: '' }])
    await host.openFiles([])

    expect(states).toEqual([])
    expect(workers).toEqual([])
  })

  it('has no native dialog, menu or recent list in the browser', async () => {
    const { host } = hostWithWorkers()

    expect(host.platform).toBe('browser')
    expect(await host.openSnapshotDialog()).toBe(false)
    expect(await host.listRecent()).toEqual([])
    expect(typeof host.onMenuCommand(() => undefined)).toBe('function')
  })

  it(
    'opens the training snapshot generated in the worker and finds a case by its DN',
    { timeout: 60_000 },
    async () => {
      const { host, states } = hostWithWorkers()
      const [trainingCase] = TRAINING_CASES
      if (!trainingCase) throw new Error('The training snapshot has no cases.')

      await host.openTrainingSnapshot()

      expect(states[0]).toMatchObject({ phase: 'loading', name: TRAINING_SNAPSHOT_NAME })
      const state = await host.getState()
      expect(state.phase === 'ready' ? state.summary.name : state.phase).toBe(TRAINING_SNAPSHOT_NAME)
      const connector =
        state.phase === 'ready' ? state.summary.connectors.find((c) => c.name === 'contoso.com') : null
      const page = await host.searchConnectorSpace({
        connectorId: connector?.id ?? '',
        query: { scope: 'dn', value: trainingCase.dn },
        columns: [],
        offset: 0,
        limit: 1,
      })
      expect(page.rows.map((row) => row.dn.toLowerCase())).toEqual([trainingCase.dn.toLowerCase()])
    },
  )

  it('stops calling a listener after it unsubscribes', async () => {
    const { host } = hostWithWorkers()
    const seen: SnapshotState[] = []
    const unsubscribe = host.onStateChange((state) => seen.push(state))

    unsubscribe()
    await host.openFiles(pickFixtureFolder())

    expect(seen).toEqual([])
  })
})

/** Opens a small training snapshot (connector spaces and metaverse objects) whatever files are picked. */
async function trainingHost(): Promise<{ host: HostApi; workers: InProcessWorker[] }> {
  const { host, workers } = hostWithWorkers(async () => generateTrainingSnapshot({ users: 20, seed: 7 }))
  await host.openFiles([withRelativePath(new File(['<x/>'], 'snapshot.json'), 'Training/snapshot.json')])
  return { host, workers }
}

describe('createBrowserHost view queries', () => {
  it('answers every view query from the worker once ready', async () => {
    const { host } = await trainingHost()
    const seeded = TRAINING_CASES.find((entry) => entry.code === 'APPLY_ONCE')

    const found = await host.searchConnectorSpace({
      connectorId: AD_CONNECTOR_ID,
      query: { scope: 'dn', value: seeded?.dn ?? '' },
      columns: [],
      offset: 0,
      limit: 10,
    })
    const csId = found.rows[0]?.id ?? ''
    const csObject = await host.csObject(csId)
    const mvId = csObject?.mvLink?.mvObjectId ?? ''
    const report = await host.objectReport({ mvId })
    const diagnosis = await host.diagnose({ csId, attribute: seeded?.attribute ?? '' })
    const inbound = report?.importFlow.find((row) => row.csObjectId === csId)
    const detail = await host.flowDetail({ ruleId: inbound?.rule.id ?? '', target: null, csId })
    const people = await host.searchMetaverse({
      query: { objectType: 'person', groups: [] },
      columns: ['department'],
      offset: 0,
      limit: 3,
    })
    const attributes = await host.metaverseAttributes()

    expect(found).toMatchObject({ total: 1, rows: [{ dn: seeded?.dn, isConnector: true }] })
    expect(report?.metaverse?.id).toBe(mvId)
    expect(diagnosis?.verdict).toBe('APPLY_ONCE')
    expect(detail).toMatchObject({ rule: { id: inbound?.rule.id }, flow: null })
    expect(people.rows).toHaveLength(3)
    expect(people.total).toBeGreaterThan(20)
    expect(attributes).toEqual(expect.arrayContaining(['department', 'displayName']))
  })

  it('answers as an empty session before a snapshot is ready and after it is closed', async () => {
    const { host } = hostWithWorkers()
    const emptyPage = { searchId: 0, total: 0, offset: 0, rows: [], elapsedMs: 0 }
    const askAll = async (): Promise<readonly unknown[]> => [
      await host.searchMetaverse({ query: { groups: [] }, columns: [], offset: 0, limit: 10 }),
      await host.searchConnectorSpace({
        connectorId: AD_CONNECTOR_ID,
        query: { scope: 'all' },
        columns: [],
        offset: 0,
        limit: 10,
      }),
      await host.objectReport({ csId: 'anything' }),
      await host.csObject('anything'),
      await host.diagnose({ csId: 'anything', attribute: 'mail' }),
      await host.flowDetail({ ruleId: 'anything', target: 'mail' }),
      await host.metaverseAttributes(),
    ]
    const empty = [emptyPage, emptyPage, null, null, null, null, []]

    const before = await askAll()
    await host.openFiles(pickFixtureFolder())
    const ready = await host.metaverseAttributes()
    await host.closeSnapshot()
    const closed = await askAll()

    expect(before).toEqual(empty)
    expect(ready.length).toBeGreaterThan(0)
    expect(closed).toEqual(empty)
  })

  it('pages through an earlier search of the same worker by its id', async () => {
    const { host } = await trainingHost()
    const request = { query: { objectType: 'person', groups: [] }, columns: [], offset: 0, limit: 4 }

    const first = await host.searchMetaverse(request)
    const second = await host.searchMetaverse({ ...request, offset: 4, searchId: first.searchId })

    expect(second).toMatchObject({ searchId: first.searchId, total: first.total, offset: 4, elapsedMs: 0 })
    expect(second.rows.map((row) => row.id)).not.toContain(first.rows[0]?.id)
  })
})
