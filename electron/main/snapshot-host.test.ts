import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SnapshotState } from '../../shared/app/host-api'
import { SnapshotSession } from '../../shared/app/session'
import { connectSession, serveSession } from '../../shared/app/session-rpc'
import { memoryFile, type SnapshotSource } from '../../shared/io/source'
import { AD_CONNECTOR_ID } from '../../shared/training/environment'
import { generateTrainingSnapshot, TRAINING_CASES } from '../../shared/training/index'
import { INBOUND_RULE_XML, MV_XML, OUTBOUND_RULE_XML } from '../../test-support/serverconfig-fixtures'
import { nodePort } from '../../node/node-port'
import { openSnapshotRequest } from '../../node/open-snapshot-request'
import type { SnapshotRequest } from '../../node/snapshot-request'
import { type SessionLink, SnapshotHost } from './snapshot-host'

let root: string
const cleanups: (() => void)[] = []

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-host-'))
})

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  fs.rmSync(root, { recursive: true, force: true })
})

function folder(name: string, files: Readonly<Record<string, string>>): string {
  const base = path.join(root, name)
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, relative)), { recursive: true })
    fs.writeFileSync(path.join(base, relative), content)
  }
  return base
}

/** A load that waits at its first file until the test opens the gate. */
class Gate {
  public open: () => void = () => undefined
  public readonly opened = new Promise<void>((resolve) => {
    this.open = resolve
  })

  public source(): SnapshotSource {
    const file = memoryFile('SynchronizationRules/r.xml', new TextEncoder().encode(INBOUND_RULE_XML))
    return {
      name: 'Gated',
      files: [{ ...file, head: async (length) => (await this.opened, file.head(length)) }],
    }
  }
}

/** A small training snapshot (connector spaces and metaverse objects), for the view queries. */
const TRAINING_PATH = 'training:'

/**
 * A session served over a real MessageChannel in this thread, the way the worker serves it.
 *
 * Requests whose only path is `gate:` wait on the gate, `training:` opens a small training snapshot;
 * every other request opens disk paths.
 */
function channelHost(gate = new Gate()): {
  host: SnapshotHost
  gate: Gate
  crash: (reason: string) => void
  links: () => number
} {
  let crashCurrent: (reason: string) => void = () => undefined
  let created = 0
  const connect = (): SessionLink => {
    created++
    const { port1, port2 } = new MessageChannel()
    serveSession<SnapshotRequest>(nodePort(port2), new SnapshotSession(), async (request) => {
      const [first] = 'paths' in request ? request.paths : []
      if (first === 'gate:') return gate.source()
      if (first === TRAINING_PATH) return generateTrainingSnapshot({ users: 20, seed: 7 })
      return openSnapshotRequest(request)
    })
    let stop: (reason: string) => void = () => undefined
    const stopped = new Promise<string>((resolve) => {
      stop = resolve
    })
    crashCurrent = stop
    const close = (): void => {
      port1.close()
      port2.close()
      stop('closed')
    }
    cleanups.push(close)
    return { client: connectSession<SnapshotRequest>(nodePort(port1)), stopped, close }
  }
  const host = new SnapshotHost(connect)
  cleanups.push(() => host.dispose())
  return { host, gate, crash: (reason) => crashCurrent(reason), links: () => created }
}

/** Lets the cancel message cross the channel before the gated load goes on. */
function cancelDelivered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50))
}

function recordStates(host: SnapshotHost): SnapshotState['phase'][] {
  const phases: SnapshotState['phase'][] = []
  host.onStateChange((state) => phases.push(state.phase))
  return phases
}

const SNAPSHOT_A = {
  'SynchronizationRules/in.xml': INBOUND_RULE_XML,
  'SynchronizationRules/out.xml': OUTBOUND_RULE_XML,
  'GlobalSettings/MV.xml': MV_XML,
}

describe('SnapshotHost', () => {
  it('starts empty, loads a folder through the session and answers rule queries', async () => {
    const { host } = channelHost()
    const phases = recordStates(host)
    const location = folder('Contoso', SNAPSHOT_A)

    expect(host.getState()).toEqual({ phase: 'empty' })
    const outcome = await host.open({ paths: [location] }, 'Contoso')

    expect(outcome).toBe('ready')
    expect(phases[0]).toBe('loading')
    expect(phases.at(-1)).toBe('ready')
    const state = host.getState()
    expect(state.phase === 'ready' && state.summary).toMatchObject({ name: 'Contoso', rules: { total: 2 } })
    const inbound = await host.rules({ direction: 'Inbound' })
    expect(inbound.map((rule) => rule.name)).toEqual(['In from AD - Staff Custom'])
    expect((await host.rule(inbound[0]?.id ?? ''))?.name).toBe('In from AD - Staff Custom')
  })

  it('reports a failed load in the state and keeps the previous snapshot queryable', async () => {
    const { host } = channelHost()
    await host.open({ paths: [folder('Contoso', SNAPSHOT_A)] }, 'Contoso')

    const outcome = await host.open({ paths: [folder('Notes', { 'readme.txt': 'hello' })] }, 'Notes')

    expect(outcome).toBe('failed')
    const state = host.getState()
    expect(state).toMatchObject({ phase: 'failed', name: 'Notes' })
    expect(state.phase === 'failed' && state.message).toMatch(/Notes holds no snapshot file/)
    expect(state.phase === 'failed' && state.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'Notes', line: null }),
    ])
    expect(await host.rules({})).toHaveLength(2)
  })

  it('names the path when it has vanished before the worker reads it', async () => {
    const { host } = channelHost()
    const missing = path.join(root, 'moved-away')

    await host.open({ paths: [missing] }, 'moved-away')

    const state = host.getState()
    expect(state.phase === 'failed' && state.message).toBe(
      `${missing} does not exist. Check the path, or open the snapshot again from where it now is.`,
    )
  })

  it('returns at once to the previous state on cancel and ignores the load when it stops', async () => {
    const { host, gate } = channelHost()
    await host.open({ paths: [folder('Contoso', SNAPSHOT_A)] }, 'Contoso')
    const ready = host.getState()

    const loading = host.open({ paths: ['gate:'] }, 'Gated')
    expect(host.getState().phase).toBe('loading')
    host.cancel()
    expect(host.getState()).toBe(ready)
    await cancelDelivered()
    gate.open()

    expect(await loading).toBe('cancelled')
    expect(host.getState()).toBe(ready)
    expect(await host.rules({})).toHaveLength(2)
  })

  it('shows a load that completed just as it was cancelled, because the session now holds it', async () => {
    const { host, gate } = channelHost()
    await host.open({ paths: [folder('Contoso', SNAPSHOT_A)] }, 'Contoso')

    const loading = host.open({ paths: ['gate:'] }, 'Gated')
    host.cancel()
    gate.open() // before the cancel message reaches the session

    expect(await loading).toBe('ready')
    expect(host.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Gated' } })
    expect(await host.rules({})).toHaveLength(1)
  })

  it('supersedes a load in progress when another snapshot is opened', async () => {
    const { host, gate } = channelHost()
    const first = host.open({ paths: ['gate:'] }, 'Gated')

    const second = host.open({ paths: [folder('Contoso', SNAPSHOT_A)] }, 'Contoso')
    gate.open()

    expect(await second).toBe('ready')
    expect(await first).toBe('superseded')
    expect(host.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Contoso' } })
  })

  it('reports a snapshot refused before loading without dropping the loaded one', async () => {
    const { host } = channelHost()
    await host.open({ paths: [folder('Contoso', SNAPSHOT_A)] }, 'Contoso')

    host.reject('x.zip', 'x.zip does not exist.')

    expect(host.getState()).toMatchObject({
      phase: 'failed',
      name: 'x.zip',
      message: 'x.zip does not exist.',
    })
    expect(await host.rules({})).toHaveLength(2)
  })

  it('closes to the empty state, stops the worker and starts a new one for the next snapshot', async () => {
    const { host, links } = channelHost()
    const location = folder('Contoso', SNAPSHOT_A)
    await host.open({ paths: [location] }, 'Contoso')

    host.close()

    expect(host.getState()).toEqual({ phase: 'empty' })
    expect(await host.rules({})).toEqual([])
    expect(await host.rule('anything')).toBeNull()
    expect(await host.open({ paths: [location] }, 'Contoso')).toBe('ready')
    expect(links()).toBe(2)
  })

  it('reports a crashed worker, forgets the snapshot it held and recovers on the next open', async () => {
    const { host, crash, links } = channelHost()
    const location = folder('Contoso', SNAPSHOT_A)
    await host.open({ paths: [location] }, 'Contoso')

    crash('out of memory')
    await new Promise((resolve) => setImmediate(resolve))

    const state = host.getState()
    expect(state).toMatchObject({ phase: 'failed', name: 'Contoso' })
    expect(state.phase === 'failed' && state.message).toMatch(/stopped unexpectedly \(out of memory\)/)
    expect(await host.rules({})).toEqual([])
    expect(await host.open({ paths: [location] }, 'Contoso')).toBe('ready')
    expect(links()).toBe(2)
  })

  it('fails a load in progress when its worker crashes', async () => {
    const { host, crash } = channelHost()
    const loading = host.open({ paths: ['gate:'] }, 'Gated')

    crash('killed')

    expect(await loading).toBe('failed')
    expect(host.getState()).toMatchObject({ phase: 'failed', name: 'Gated' })
  })

  it('stops telling a listener once it unsubscribes', async () => {
    const { host } = channelHost()
    const seen: string[] = []
    const unsubscribe = host.onStateChange((state) => seen.push(state.phase))

    host.reject('a', 'first')
    unsubscribe()
    host.reject('b', 'second')

    expect(seen).toEqual(['failed'])
  })
})

/** The seeded case the view-query tests follow: an attribute whose rule is out of scope. */
function outOfScopeCase(): (typeof TRAINING_CASES)[number] {
  const found = TRAINING_CASES.find((entry) => entry.code === 'RULE_OUT_OF_SCOPE')
  if (!found) throw new Error('the training snapshot has no RULE_OUT_OF_SCOPE case')
  return found
}

describe('SnapshotHost view queries', () => {
  it('forwards every view query to the worker once a snapshot is loaded', async () => {
    const { host } = channelHost()
    const seeded = outOfScopeCase()
    await host.open({ paths: [TRAINING_PATH] }, 'Training')

    const found = await host.searchConnectorSpace({
      connectorId: AD_CONNECTOR_ID,
      query: { scope: 'dn', value: seeded.dn },
      columns: ['displayName'],
      offset: 0,
      limit: 10,
    })
    const csId = found.rows[0]?.id ?? ''
    const csObject = await host.csObject(csId)
    const report = await host.objectReport({ csId })
    const diagnosis = await host.diagnose({ csId, attribute: seeded.attribute })
    const imported = report?.importFlow.find((row) => row.mvAttribute === seeded.attribute)
    const detail = await host.flowDetail({
      ruleId: imported?.rule.id ?? '',
      target: seeded.attribute,
      csId,
    })
    const attributes = await host.metaverseAttributes()
    const objectFile = await host.report({ format: 'json', objectCsId: csId })

    expect(found).toMatchObject({ total: 1, offset: 0, rows: [{ dn: seeded.dn }] })
    expect(csObject?.dn).toBe(seeded.dn)
    expect(report?.metaverse?.id).toBe(csObject?.mvLink?.mvObjectId)
    expect(diagnosis?.verdict).toBe('RULE_OUT_OF_SCOPE')
    expect(imported?.status).toBe('out-of-scope')
    expect(detail).toMatchObject({ rule: { id: imported?.rule.id }, scope: { inScope: false } })
    expect(attributes).toContain('displayName')
    expect(objectFile).toMatchObject({ mimeType: 'application/json;charset=utf-8' })
    expect('content' in objectFile && JSON.parse(objectFile.content)).toMatchObject({ kind: 'object' })
  })

  it('pages through an earlier Metaverse Search by its id without searching again', async () => {
    const { host } = channelHost()
    await host.open({ paths: [TRAINING_PATH] }, 'Training')
    const query = { objectType: 'person', groups: [] }

    const first = await host.searchMetaverse({ query, columns: ['displayName'], offset: 0, limit: 5 })
    const second = await host.searchMetaverse({
      query,
      columns: ['displayName'],
      offset: 5,
      limit: 5,
      searchId: first.searchId,
    })

    expect(first.total).toBeGreaterThan(10)
    expect(first.rows).toHaveLength(5)
    expect(second).toMatchObject({ searchId: first.searchId, total: first.total, offset: 5, elapsedMs: 0 })
    expect(second.rows.map((row) => row.id)).not.toContain(first.rows[0]?.id)
    expect(first.rows[0]?.values).toHaveLength(1)
  })

  it('answers as an empty session before a snapshot is loaded, after closing and after a crash', async () => {
    const { host, crash } = channelHost()
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
      await host.objectReport({ mvId: 'anything' }),
      await host.csObject('anything'),
      await host.diagnose({ csId: 'anything', attribute: 'mail' }),
      await host.flowDetail({ ruleId: 'anything', target: null }),
      await host.metaverseAttributes(),
      await host.report({ format: 'html' }),
    ]
    const empty = [
      emptyPage,
      emptyPage,
      null,
      null,
      null,
      null,
      [],
      { error: 'No snapshot is open; open one before exporting a report.' },
    ]

    const before = await askAll()
    await host.open({ paths: [TRAINING_PATH] }, 'Training')
    host.close()
    const closed = await askAll()
    await host.open({ paths: [TRAINING_PATH] }, 'Training')
    crash('out of memory')
    await new Promise((resolve) => setImmediate(resolve))
    const crashed = await askAll()

    expect(before).toEqual(empty)
    expect(closed).toEqual(empty)
    expect(crashed).toEqual(empty)
  })

  it('answers null for objects and rules the loaded snapshot does not hold', async () => {
    const { host } = channelHost()
    await host.open({ paths: [TRAINING_PATH] }, 'Training')

    expect(await host.csObject('00000000-0000-0000-0000-000000000000')).toBeNull()
    expect(await host.objectReport({ mvId: '00000000-0000-0000-0000-000000000000' })).toBeNull()
    expect(
      await host.diagnose({ csId: '00000000-0000-0000-0000-000000000000', attribute: 'mail' }),
    ).toBeNull()
    expect(await host.flowDetail({ ruleId: 'no-such-rule', target: 'mail' })).toBeNull()
  })
})
