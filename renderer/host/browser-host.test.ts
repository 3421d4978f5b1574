import { describe, expect, it } from 'vitest'
import type { HostApi, SnapshotState } from '../../shared/host-api'
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

  it('stops calling a listener after it unsubscribes', async () => {
    const { host } = hostWithWorkers()
    const seen: SnapshotState[] = []
    const unsubscribe = host.onStateChange((state) => seen.push(state))

    unsubscribe()
    await host.openFiles(pickFixtureFolder())

    expect(seen).toEqual([])
  })
})
