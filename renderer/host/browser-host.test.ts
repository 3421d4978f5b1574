import { describe, expect, it } from 'vitest'
import type { HostApi, SnapshotState } from '../../shared/app/host-api'
import { HOST_API_KEYS } from '../../shared/app/host-api'
import { HostCore } from '../../shared/app/host-core'
import { describeHostContract, type HostFixture } from '../../shared/app/testing/host-contract'
import { AD_CONNECTOR_ID } from '../../shared/training/environment'
import { generateTrainingSnapshot, TRAINING_CASES, TRAINING_SNAPSHOT_NAME } from '../../shared/training/index'
import { INBOUND_RULE_XML, MV_XML, OUTBOUND_RULE_XML } from '../../test-support/serverconfig-fixtures'
import { browserWorkerLink, createBrowserHost } from './browser-host'
import { type BrowserSnapshotDescriptor, describeBrowserFiles } from './browser-source'
import { resolveBrowserFiles } from './worker-source'
import { withRelativePath } from './dropped-files'
import { pickFixtureFolder } from './testing/fixture-folder'
import { InProcessWorker } from './testing/in-process-worker'

function hostWithWorkers(resolveSource?: typeof resolveBrowserFiles): {
  host: ReturnType<typeof createBrowserHost>
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

function folderOf(name: string, files: Readonly<Record<string, string>>): BrowserSnapshotDescriptor {
  return describeBrowserFiles(
    Object.entries(files).map(([relative, text]) =>
      withRelativePath(
        new File([text], relative.slice(relative.lastIndexOf('/') + 1)),
        `${name}/${relative}`,
      ),
    ),
  )
}

/** The browser adapter's link over a Web Worker, played by an in-process worker that clones every message. */
function browserFixture(): HostFixture<BrowserSnapshotDescriptor> {
  let openGate: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    openGate = resolve
  })
  const workers: InProcessWorker[] = []
  const links: ReturnType<typeof browserWorkerLink>[] = []
  const core = new HostCore<BrowserSnapshotDescriptor>(() => {
    const worker = new InProcessWorker(async (descriptor) => {
      if ('name' in descriptor && descriptor.name === 'Gated') await gate
      if ('name' in descriptor && descriptor.name === 'Training')
        return generateTrainingSnapshot({ users: 20, seed: 7 })
      return resolveBrowserFiles(descriptor)
    }, false)
    workers.push(worker)
    const link = browserWorkerLink(worker)
    links.push(link)
    return link
  })
  const snapshots = {
    small: folderOf('Contoso', {
      'SynchronizationRules/in.xml': INBOUND_RULE_XML,
      'SynchronizationRules/out.xml': OUTBOUND_RULE_XML,
      'GlobalSettings/MV.xml': MV_XML,
    }),
    'not-a-snapshot': folderOf('Notes', { 'readme.txt': 'hello' }),
    training: folderOf('Training', { 'snapshot.json': '{}' }),
    gated: folderOf('Gated', { 'SynchronizationRules/r.xml': INBOUND_RULE_XML }),
  }
  return {
    core,
    describe: (snapshot) => snapshots[snapshot],
    openGate,
    stopWorker: (stop) => workers.at(-1)?.crash(stop),
    delivered: async () => {
      await links.at(-1)?.client.query('summary')
    },
    links: () => workers.length,
    lastClosed: () => workers.at(-1)?.terminated ?? false,
    dispose: () => core.dispose(),
  }
}

describeHostContract('browser (Web Worker)', browserFixture)

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

  it('says an empty pick (an empty folder) is empty, without starting a worker', async () => {
    const { host, states, workers } = hostWithWorkers()

    await host.openFiles([{ name: 'x.xml', size: 1, webkitRelativePath: '' }])

    expect(workers).toEqual([])
    const state = await host.getState()
    expect(state).toMatchObject({ phase: 'failed', name: 'Empty folder' })
    if (state.phase === 'failed') expect(state.message).toContain('is empty: it holds no file')
    expect(states.length).toBeGreaterThan(0)
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
})
