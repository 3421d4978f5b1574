import type { SnapshotSource } from '../io/source'
import { LoadCancelled } from '../model/cancel'
import { type ErrorData, RemoteError, toErrorData } from '../model/error-data'
import type { LoadProgress, SnapshotSummary } from '../model/snapshot-summary'
import { isQueryName, type QueryArgs, type QueryName, type QueryResult } from './query-table'
import type { SnapshotSessionApi } from './session-api'

/** A message channel: a worker thread port, a Web Worker, or anything with the same two operations. */
export interface MessagePortLike {
  postMessage(message: unknown): void
  /** Registers the one message handler of this side. */
  onMessage(handler: (message: unknown) => void): void
}

type Request<D> =
  | { readonly type: 'load'; readonly id: number; readonly descriptor: D }
  | { readonly type: 'cancel'; readonly id: number }
  | {
      readonly type: 'query'
      readonly id: number
      readonly name: QueryName
      readonly args: readonly unknown[]
    }

type Response =
  | { readonly type: 'progress'; readonly id: number; readonly progress: LoadProgress }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: ErrorData }

/** Progress is reported per chunk; the UI needs a few updates per second at most. */
const PROGRESS_INTERVAL_MS = 100

/**
 * Serves a snapshot session over a port (the worker side).
 *
 * `resolveSource` turns the host's description of what to open (a path in Node, File objects in a
 * browser) into files; it runs inside the worker so that reading happens off the UI thread too.
 * Errors cross as data (name, message, code, stack, cause), never as a bare string.
 */
export function serveSession<D>(
  port: MessagePortLike,
  session: SnapshotSessionApi,
  resolveSource: (descriptor: D) => Promise<SnapshotSource>,
): void {
  const loads = new Map<number, { aborted: boolean }>()
  const fail = (id: number, error: unknown): void =>
    port.postMessage({ type: 'error', id, error: toErrorData(error) } satisfies Response)
  port.onMessage((raw) => {
    const request = raw as Request<D>
    switch (request.type) {
      case 'load': {
        const signal = { aborted: false }
        loads.set(request.id, signal)
        let lastProgress = 0
        const onProgress = (progress: LoadProgress): void => {
          const now = Date.now()
          if (now - lastProgress < PROGRESS_INTERVAL_MS) return
          lastProgress = now
          port.postMessage({ type: 'progress', id: request.id, progress } satisfies Response)
        }
        void resolveSource(request.descriptor)
          .then((source) => session.load(source, onProgress, signal))
          .then(
            (summary) =>
              port.postMessage({ type: 'result', id: request.id, value: summary } satisfies Response),
            (error: unknown) => fail(request.id, error),
          )
          .finally(() => loads.delete(request.id))
        return
      }
      case 'cancel': {
        const signal = loads.get(request.id)
        if (signal) signal.aborted = true
        return
      }
      case 'query': {
        try {
          // Only the table's queries are callable: a message naming `load` or anything else is refused.
          if (!isQueryName(request.name)) throw new Error(`Unknown query "${String(request.name)}".`)
          const answer = (session.query as (name: QueryName, ...args: readonly unknown[]) => unknown)(
            request.name,
            ...request.args,
          )
          port.postMessage({ type: 'result', id: request.id, value: answer } satisfies Response)
        } catch (error) {
          fail(request.id, error)
        }
        return
      }
    }
  })
}

/** A load in progress, seen from the client. */
export interface PendingLoad {
  readonly done: Promise<SnapshotSummary>
  cancel(): void
}

/** The client side of a served session (the UI or main-process side). */
export interface SessionClient<D> {
  load(descriptor: D, onProgress: (progress: LoadProgress) => void): PendingLoad
  query<N extends QueryName>(name: N, ...args: QueryArgs<N>): Promise<QueryResult<N>>
}

/** Connects to a session served on the other end of `port`. Failures reject with a `RemoteError` (or `LoadCancelled`). */
export function connectSession<D>(port: MessagePortLike): SessionClient<D> {
  let nextId = 1
  const waiting = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; onProgress?: (p: LoadProgress) => void }
  >()
  port.onMessage((raw) => {
    const response = raw as Response
    const entry = waiting.get(response.id)
    if (!entry) return
    switch (response.type) {
      case 'progress':
        entry.onProgress?.(response.progress)
        return
      case 'result':
        waiting.delete(response.id)
        entry.resolve(response.value)
        return
      case 'error':
        waiting.delete(response.id)
        entry.reject(
          response.error.name === 'LoadCancelled' ? new LoadCancelled() : new RemoteError(response.error),
        )
        return
    }
  })
  return {
    load(descriptor, onProgress) {
      const id = nextId++
      const done = new Promise<SnapshotSummary>((resolve, reject) => {
        waiting.set(id, { resolve: (value) => resolve(value as SnapshotSummary), reject, onProgress })
      })
      port.postMessage({ type: 'load', id, descriptor } satisfies Request<typeof descriptor>)
      return {
        done,
        cancel: () => port.postMessage({ type: 'cancel', id } satisfies Request<typeof descriptor>),
      }
    },
    query(name, ...args) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: (value) => resolve(value as never), reject })
        port.postMessage({ type: 'query', id, name, args } satisfies Request<never>)
      })
    },
  }
}
