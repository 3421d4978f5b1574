import { describe, expect, it } from 'vitest'
import { loadSnapshot } from '../load/load-snapshot'
import { summarize } from '../load/summarize'
import { ENTRY_REMOVED, RemoteError } from '../model/error-data'
import type { SnapshotSummary } from '../model/snapshot-summary'
import { generateTrainingSnapshot } from '../training/index'
import { HostCore, type WorkerStop } from './host-core'
import type { SnapshotState } from './host-api'
import type { SessionNotice } from './session-api'
import type { SessionClient } from './session-rpc'

const summary: Promise<SnapshotSummary> = loadSnapshot(generateTrainingSnapshot({ users: 5, seed: 3 })).then(
  summarize,
)

/** A query failure as the worker sends it across: a reopen cache entry found damaged, removed or not. */
function damaged(removed: boolean): RemoteError {
  return new RemoteError({
    name: 'DamagedEntryError',
    message: 'the reopen cache entry was damaged (damaged block)',
    ...(removed ? { code: ENTRY_REMOVED } : {}),
  })
}

/**
 * A host over a fake worker whose loads all succeed and whose queries fail with what `failure` returns, or answer
 * `ok` where it returns null.
 */
function hostWith(failure: () => Error | null): {
  core: HostCore<string>
  loads: string[]
  states: string[]
  /** Sends a notice from the worker, as its session does. */
  notify: (notice: SessionNotice) => void
} {
  const loads: string[] = []
  const states: string[] = []
  const listeners = new Set<(notice: SessionNotice) => void>()
  const notify = (notice: SessionNotice): void => listeners.forEach((listener) => listener(notice))
  const core = new HostCore<string>(() => {
    const client: SessionClient<string> = {
      onNotice: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      load: (descriptor) => {
        loads.push(descriptor)
        return { done: summary, cancel: () => undefined }
      },
      query: (() => {
        const error = failure()
        return error === null ? Promise.resolve('ok') : Promise.reject(error)
      }) as SessionClient<string>['query'],
      computeImpact: () => ({ done: new Promise(() => undefined), cancel: () => undefined }),
      closeComparison: () => Promise.resolve(),
    }
    return { client, stopped: new Promise<WorkerStop>(() => undefined), close: () => undefined }
  })
  core.onStateChange((state: SnapshotState) => states.push(state.phase))
  return { core, loads, states, notify }
}

/** Waits until the host has settled the loads it started. */
async function settled(core: HostCore<string>): Promise<void> {
  for (let turn = 0; turn < 50 && core.getState().phase === 'loading'; turn += 1)
    await new Promise((resolve) => setTimeout(resolve, 1))
}

describe('HostCore and a reopen cache entry found damaged after the reopen', () => {
  it('opens the snapshot again, from its files, once a query met the removed entry', async () => {
    let failures = 1
    const { core, loads, states } = hostWith(() => (failures-- > 0 ? damaged(true) : null))
    expect(await core.open('C:\\snapshots\\contoso', 'contoso')).toBe('ready')

    // The query that met the damage still fails, with the worker's message; the host opens the snapshot again.
    await expect(core.query('csObject', 'x')).rejects.toThrow('damaged block')
    await settled(core)

    expect(loads).toEqual(['C:\\snapshots\\contoso', 'C:\\snapshots\\contoso'])
    expect(states).toEqual(['loading', 'ready', 'loading', 'ready'])
    expect(await core.query('csObject', 'x')).toBe('ok')
  })

  it('opens it again once only, and not for a damage whose entry stayed, nor for any other failure', async () => {
    const always = hostWith(() => damaged(true))
    await always.core.open('a', 'a')
    for (let asked = 0; asked < 3; asked += 1) {
      await expect(always.core.query('csObject', 'x')).rejects.toThrow('damaged block')
      await settled(always.core)
    }
    expect(always.loads).toEqual(['a', 'a'])

    for (const failure of [damaged(false), new RemoteError({ name: 'Error', message: 'something else' })]) {
      const other = hostWith(() => failure)
      await other.core.open('b', 'b')
      await expect(other.core.query('csObject', 'x')).rejects.toThrow()
      await settled(other.core)
      expect(other.loads).toEqual(['b'])
    }
  })

  it('opens it again once the worker says its background read removed the entry, before any query', async () => {
    const { core, loads, states, notify } = hostWith(() => null)
    await core.open('a', 'a')

    notify({ kind: 'entry-removed', message: 'damaged block' })
    await settled(core)
    notify({ kind: 'entry-removed', message: 'damaged block' })
    await settled(core)

    expect(loads).toEqual(['a', 'a'])
    expect(states).toEqual(['loading', 'ready', 'loading', 'ready'])
  })

  it('does not open again on a notice while nothing is loaded, or while a load runs', async () => {
    const idle = hostWith(() => null)
    idle.notify({ kind: 'entry-removed', message: 'damaged block' })
    await idle.core.open('a', 'a')
    idle.core.close()
    idle.notify({ kind: 'entry-removed', message: 'damaged block' })
    await settled(idle.core)
    expect(idle.loads).toEqual(['a'])

    const busy = hostWith(() => null)
    await busy.core.open('a', 'a')
    const next = busy.core.open('b', 'b')
    busy.notify({ kind: 'entry-removed', message: 'damaged block' })
    await next
    await settled(busy.core)
    expect(busy.loads).toEqual(['a', 'b'])
  })

  it('does not open again a snapshot that was closed meanwhile', async () => {
    const { core, loads } = hostWith(() => damaged(true))
    await core.open('a', 'a')
    const asked = core.query('csObject', 'x')
    core.close()
    await expect(asked).rejects.toThrow('damaged block')
    await settled(core)
    expect(loads).toEqual(['a'])
    expect(core.getState().phase).toBe('empty')
  })
})
