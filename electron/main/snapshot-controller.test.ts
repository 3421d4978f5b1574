import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSnapshotSession } from '../../shared/app/session'
import { connectSession, serveSession } from '../../shared/app/session-rpc'
import { TRAINING_SNAPSHOT_NAME } from '../../shared/training/index'
import { INBOUND_RULE_XML, MV_XML } from '../../test-support/serverconfig-fixtures'
import { nodePort } from '../../node/node-port'
import { openSnapshotRequest } from '../../node/open-snapshot-request'
import type { SnapshotRequest } from '../../node/snapshot-request'
import { SnapshotController } from './snapshot-controller'
import { HostCore, type WorkerStop } from '../../shared/app/host-core'

let root: string
let host: HostCore<SnapshotRequest>

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-controller-'))
  host = new HostCore<SnapshotRequest>(() => {
    const { port1, port2 } = new MessageChannel()
    serveSession<SnapshotRequest>(nodePort(port2), createSnapshotSession(), openSnapshotRequest)
    return {
      client: connectSession<SnapshotRequest>(nodePort(port1)),
      stopped: new Promise<WorkerStop>(() => undefined),
      close: () => {
        port1.close()
        port2.close()
      },
    }
  })
})

afterEach(() => {
  host.close()
  host.dispose()
  fs.rmSync(root, { recursive: true, force: true })
})

function snapshotFolder(name: string): string {
  const folder = path.join(root, 'snaps', name)
  fs.mkdirSync(path.join(folder, 'SynchronizationRules'), { recursive: true })
  fs.writeFileSync(path.join(folder, 'SynchronizationRules', 'r.xml'), INBOUND_RULE_XML)
  fs.writeFileSync(path.join(folder, 'MV.xml'), MV_XML)
  return folder
}

function controller(changes: string[] = []): SnapshotController {
  return new SnapshotController({
    host,
    recentFile: path.join(root, 'profile', 'recent-snapshots.json'),
    home: root,
    now: () => new Date(Date.UTC(2026, 10, 25, 12, 0)),
    onRecentChanged: () => changes.push('changed'),
  })
}

describe('SnapshotController', () => {
  it('opens a folder and adds it to the recent list, which survives a restart', async () => {
    const changes: string[] = []
    const folder = snapshotFolder('Contoso')

    const outcome = await controller(changes).openPaths([folder])

    expect(outcome).toBe('ready')
    expect(host.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Contoso' } })
    expect(changes).toEqual(['changed'])
    expect(controller().listRecent()).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Contoso',
        location: `~${path.sep}snaps${path.sep}Contoso`,
        openedAt: '2026-11-25T12:00:00.000Z',
      },
    ])
  })

  it('reopens a recent snapshot by its id', async () => {
    const first = controller()
    await first.openPaths([snapshotFolder('Contoso')])
    host.close()
    const [recent] = first.listRecent()

    const outcome = await first.openRecent(recent?.id ?? '')

    expect(outcome).toBe('ready')
    expect(first.listRecent()).toHaveLength(1)
  })

  it('reports an unknown recent id in the state', async () => {
    expect(await controller().openRecent('00000000-0000-0000-0000-000000000000')).toBe('failed')
    expect(host.getState()).toMatchObject({
      phase: 'failed',
      message: expect.stringMatching(/no longer in the recent list/),
    })
  })

  it('refuses a missing path before the worker sees it and keeps it out of the recent list', async () => {
    const missing = path.join(root, 'nowhere', 'Contoso.zip')
    const subject = controller()

    const outcome = await subject.openPaths([missing])

    expect(outcome).toBe('failed')
    expect(host.getState()).toMatchObject({ phase: 'failed', name: 'Contoso.zip' })
    expect(subject.listRecent()).toEqual([])
  })

  it('keeps a failed load out of the recent list', async () => {
    const notes = path.join(root, 'notes')
    fs.mkdirSync(notes)
    fs.writeFileSync(path.join(notes, 'readme.txt'), 'hello')
    const subject = controller()

    expect(await subject.openPaths([notes])).toBe('failed')
    expect(subject.listRecent()).toEqual([])
  })

  it('hides recent snapshots that were moved away and clears the list on request', async () => {
    const subject = controller()
    const folder = snapshotFolder('Contoso')
    await subject.openPaths([folder])
    fs.renameSync(folder, `${folder}-moved`)

    expect(subject.listRecent()).toEqual([])
    subject.clearRecent()
    expect(JSON.parse(fs.readFileSync(path.join(root, 'profile', 'recent-snapshots.json'), 'utf8'))).toEqual({
      version: 1,
      entries: [],
    })
  })

  it('opens the training snapshot without adding it to the recent list', { timeout: 60_000 }, async () => {
    const changes: string[] = []
    const opener = controller(changes)

    const outcome = await opener.openTraining()

    const state = host.getState()
    expect(outcome).toBe('ready')
    expect(state.phase === 'ready' ? state.summary.name : state.phase).toBe(TRAINING_SNAPSHOT_NAME)
    expect(
      state.phase === 'ready' ? state.summary.connectors.map((connector) => connector.name) : [],
    ).toContain('contoso.com')
    expect(opener.listRecent()).toEqual([])
    expect(changes).toEqual([])
  })
})
