import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HostCore, type WorkerLink } from '../../shared/app/host-core'
import { createSnapshotSession } from '../../shared/app/session'
import { connectSession, serveSession } from '../../shared/app/session-rpc'
import { describeHostContract, type HostFixture } from '../../shared/app/testing/host-contract'
import { memoryFile, type SnapshotSource } from '../../shared/io/source'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { INBOUND_RULE_XML, MV_XML, OUTBOUND_RULE_XML } from '../../test-support/serverconfig-fixtures'
import { nodePort } from '../../node/node-port'
import { openSnapshotRequest } from '../../node/open-snapshot-request'
import type { SnapshotRequest } from '../../node/snapshot-request'
import { workerStopped } from './worker-link'

let root: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-host-'))
})

afterEach(() => {
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

/** A load that waits at its first file until the gate opens. */
function gatedSource(opened: Promise<void>): SnapshotSource {
  const file = memoryFile('SynchronizationRules/r.xml', new TextEncoder().encode(INBOUND_RULE_XML))
  return { name: 'Gated', files: [{ ...file, head: async (length) => (await opened, file.head(length)) }] }
}

/**
 * The Electron adapter's link, with the worker thread played by this thread: the session is served over a
 * real MessageChannel (structured cloning, asynchronous delivery) and the worker's `error` and `exit` events
 * come from an emitter, read by the same `workerStopped` the real link uses.
 */
function electronFixture(): HostFixture<SnapshotRequest> {
  let openGate: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    openGate = resolve
  })
  const links: { link: WorkerLink<SnapshotRequest>; worker: EventEmitter; closed: boolean }[] = []
  const connect = (): WorkerLink<SnapshotRequest> => {
    const { port1, port2 } = new MessageChannel()
    serveSession<SnapshotRequest>(nodePort(port2), createSnapshotSession(), async (request) => {
      const [first] = 'paths' in request ? request.paths : []
      if (first === 'gate:') return gatedSource(gate)
      if (first === 'training:') return generateTrainingSnapshot({ users: 20, seed: 7 })
      return openSnapshotRequest(request)
    })
    const worker = new EventEmitter()
    const entry = {
      worker,
      closed: false,
      link: {
        client: connectSession<SnapshotRequest>(nodePort(port1)),
        stopped: workerStopped(worker),
        close: () => {
          entry.closed = true
          port1.close()
          port2.close()
        },
      },
    }
    links.push(entry)
    return entry.link
  }
  const core = new HostCore<SnapshotRequest>(connect)
  const small = folder('Contoso', {
    'SynchronizationRules/in.xml': INBOUND_RULE_XML,
    'SynchronizationRules/out.xml': OUTBOUND_RULE_XML,
    'GlobalSettings/MV.xml': MV_XML,
  })
  const notes = folder('Notes', { 'readme.txt': 'hello' })
  return {
    core,
    describe: (snapshot) => {
      switch (snapshot) {
        case 'small':
          return { paths: [small] }
        case 'not-a-snapshot':
          return { paths: [notes] }
        case 'training':
          return { paths: ['training:'] }
        case 'gated':
          return { paths: ['gate:'] }
      }
    },
    openGate,
    stopWorker: (stop) => {
      const worker = links.at(-1)?.worker
      if (stop.outOfMemory)
        worker?.emit('error', Object.assign(new Error(stop.reason), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))
      else worker?.emit('exit', 1)
    },
    delivered: async () => {
      await links.at(-1)?.link.client.query('summary')
    },
    links: () => links.length,
    lastClosed: () => links.at(-1)?.closed ?? false,
    dispose: () => core.dispose(),
  }
}

describeHostContract('Electron (worker thread)', electronFixture)

describe('the Electron host', () => {
  it('names the path when it has vanished before the worker reads it', async () => {
    const host = electronFixture()
    const missing = path.join(root, 'moved-away')

    await host.core.open({ paths: [missing] }, 'moved-away')

    const state = host.core.getState()
    expect(state.phase === 'failed' && state.message).toBe(
      `${missing} does not exist. Check the path, or open the snapshot again from where it now is.`,
    )
    host.dispose()
  })

  it('stays alive when a real worker thread runs out of its heap, and says so', async () => {
    // A worker that allocates without end under a small heap limit: Node ends it with
    // ERR_WORKER_OUT_OF_MEMORY instead of aborting this process.
    const worker = new Worker('const kept = []; for (;;) kept.push(new Array(100_000).fill(kept.length))', {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 8 },
    })
    const core = new HostCore<SnapshotRequest>(() => ({
      client: connectSession<SnapshotRequest>(nodePort(worker)),
      stopped: workerStopped(worker),
      close: () => void worker.terminate(),
    }))

    const outcome = await core.open({ paths: ['/huge'] }, 'Huge')

    expect(outcome).toBe('failed')
    const state = core.getState()
    expect(state.phase === 'failed' && state.message).toMatch(
      /^This snapshot needs more memory than SyncLens allows: Huge\./,
    )
    core.dispose()
  })
})
