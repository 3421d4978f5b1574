import { describe, expect, it } from 'vitest'
import { LoadCancelled } from '../model/cancel'
import { RemoteError } from '../model/error-data'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { QueryName } from './query-table'
import type { SessionNotice, SnapshotSessionApi } from './session-api'
import { connectSession, type MessagePortLike, serveSession } from './session-rpc'

/** Two ends of a channel that clones and delivers asynchronously, as postMessage does. */
function channel(): [MessagePortLike, MessagePortLike] {
  const handlers: [((message: unknown) => void)[], ((message: unknown) => void)[]] = [[], []]
  const end = (mine: 0 | 1): MessagePortLike => ({
    postMessage: (message) => {
      const copy = structuredClone(message)
      setTimeout(() => handlers[mine === 0 ? 1 : 0].forEach((handler) => handler(copy)), 0)
    },
    onMessage: (handler) => handlers[mine].push(handler),
  })
  return [end(0), end(1)]
}

const SUMMARY = { name: 'S' } as SnapshotSummary

function session(overrides: Partial<SnapshotSessionApi> = {}): SnapshotSessionApi {
  return {
    load: async () => SUMMARY,
    query: (() => null) as SnapshotSessionApi['query'],
    loadComparison: async () => SUMMARY,
    closeComparison: () => undefined,
    computeImpact: () => Promise.reject(new Error('nothing compared')),
    ...overrides,
  }
}

describe('session RPC', () => {
  it('carries what the session tells unasked to every listener, until it stops listening', async () => {
    const [page, worker] = channel()
    let tell: ((notice: SessionNotice) => void) | null = null
    serveSession(worker, session({ onNotice: (listener) => (tell = listener) }), async () => ({
      name: 'x',
      files: [],
    }))
    const client = connectSession<string>(page)
    const heard: string[] = []
    const first = client.onNotice?.((notice) => heard.push(`first: ${notice.message}`))
    client.onNotice?.((notice) => heard.push(`second: ${notice.kind}`))

    ;(tell as ((notice: SessionNotice) => void) | null)?.({ kind: 'entry-removed', message: 'damaged block' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    first?.()
    ;(tell as ((notice: SessionNotice) => void) | null)?.({ kind: 'entry-removed', message: 'again' })
    await new Promise((resolve) => setTimeout(resolve, 5))

    expect(heard).toEqual(['first: damaged block', 'second: entry-removed', 'second: entry-removed'])
    // Queries still answer beside the notices.
    expect(await client.query('csObject', 'a')).toBeNull()
  })

  it('carries a failing query back as an error with its name, message, code, stack and cause', async () => {
    const [page, worker] = channel()
    serveSession(
      worker,
      session({
        query: (() => {
          throw Object.assign(new TypeError('row is undefined', { cause: new Error('index gone') }), {
            code: 'E_ROW',
          })
        }) as SnapshotSessionApi['query'],
      }),
      async () => ({ name: 'x', files: [] }),
    )
    const client = connectSession<string>(page)

    const failure = await client.query('csObject', 'a').catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(RemoteError)
    expect(failure).toMatchObject({ name: 'TypeError', message: 'row is undefined', code: 'E_ROW' })
    expect((failure as RemoteError).data.stack).toContain('session-rpc.test.ts')
    expect((failure as RemoteError).data.cause).toMatchObject({ message: 'index gone' })
  })

  it('refuses a query that is not in the table', async () => {
    const [page, worker] = channel()
    serveSession(worker, session(), async () => ({ name: 'x', files: [] }))
    const client = connectSession<string>(page)

    await expect(client.query('load' as QueryName)).rejects.toThrow('Unknown query "load".')
  })

  it('rejects a cancelled load with LoadCancelled', async () => {
    const [page, worker] = channel()
    let cancelArrived: () => void = () => undefined
    const arrived = new Promise<void>((resolve) => {
      cancelArrived = resolve
    })
    // The load waits until the worker has heard the cancel, as a long load would.
    worker.onMessage((message) => {
      if ((message as { type: string }).type === 'cancel') setTimeout(cancelArrived, 0)
    })
    serveSession(
      worker,
      session({
        load: async (_source, _progress, signal) => {
          await arrived
          if (signal.aborted) throw new LoadCancelled()
          return SUMMARY
        },
      }),
      async () => ({ name: 'x', files: [] }),
    )
    const client = connectSession<string>(page)

    const pending = client.load('x', () => undefined)
    pending.cancel()

    await expect(pending.done).rejects.toBeInstanceOf(LoadCancelled)
  })
})
