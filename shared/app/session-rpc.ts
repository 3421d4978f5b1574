import { LoadCancelled } from '../model/cancel'
import type { LoadProgress, SnapshotSummary } from '../model/snapshot-summary'
import {
  SNAPSHOT_QUERY_NAMES,
  type SnapshotQueries,
  type SnapshotQueryName,
  type SnapshotSessionApi,
} from './session-api'
import type { SnapshotSource } from '../io/source'

/** A message channel: a worker thread port, a Web Worker, or anything with the same two operations. */
export interface MessagePortLike {
  postMessage(message: unknown): void
  /** Registers the one message handler of this side. */
  onMessage(handler: (message: unknown) => void): void
}

/** The name of a query a client may send. */
export type SessionQueryName = SnapshotQueryName

type Request<D> =
  | { readonly type: 'load'; readonly id: number; readonly descriptor: D }
  | { readonly type: 'cancel'; readonly id: number }
  | {
      readonly type: 'query'
      readonly id: number
      readonly name: SessionQueryName
      readonly args: readonly unknown[]
    }

type Response =
  | { readonly type: 'progress'; readonly id: number; readonly progress: LoadProgress }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly cancelled: boolean }

/**
 * Serves a snapshot session over a port (the worker side).
 *
 * `resolveSource` turns the host's description of what to open (a path in Node, File objects in a
 * browser) into files; it runs inside the worker so that reading happens off the UI thread too.
 */
export function serveSession<D>(
  port: MessagePortLike,
  session: SnapshotSessionApi,
  resolveSource: (descriptor: D) => Promise<SnapshotSource>,
): void {
  const loads = new Map<number, { aborted: boolean }>()
  port.onMessage((raw) => {
    const request = raw as Request<D>
    switch (request.type) {
      case 'load': {
        const signal = { aborted: false }
        loads.set(request.id, signal)
        let lastProgress = 0
        void resolveSource(request.descriptor)
          .then((source) =>
            session.load(
              source,
              (progress) => {
                const now = Date.now()
                // Progress may be reported per chunk; the UI needs a few updates per second at most.
                if (now - lastProgress < 100) return
                lastProgress = now
                port.postMessage({ type: 'progress', id: request.id, progress } satisfies Response)
              },
              signal,
            ),
          )
          .then(
            (summary) =>
              port.postMessage({ type: 'result', id: request.id, value: summary } satisfies Response),
            (error: unknown) =>
              port.postMessage({
                type: 'error',
                id: request.id,
                message: error instanceof Error ? error.message : String(error),
                cancelled: error instanceof LoadCancelled,
              } satisfies Response),
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
          port.postMessage({
            type: 'result',
            id: request.id,
            value: runQuery(session, request.name, request.args),
          })
        } catch (error) {
          port.postMessage({
            type: 'error',
            id: request.id,
            message: error instanceof Error ? error.message : String(error),
            cancelled: false,
          } satisfies Response)
        }
        return
      }
    }
  })
}

function runQuery(session: SnapshotSessionApi, name: SessionQueryName, args: readonly unknown[]): unknown {
  // Only the listed queries are callable: a message naming `load` or anything else is refused.
  if (!(SNAPSHOT_QUERY_NAMES as readonly string[]).includes(name))
    throw new Error(`Unknown query "${String(name)}".`)
  const query = session[name] as (...parameters: unknown[]) => unknown
  return query.apply(session, [...args])
}

/** A load in progress, seen from the client. */
export interface PendingLoad {
  readonly done: Promise<SnapshotSummary>
  cancel(): void
}

/** The client side of a served session (the UI or main-process side). */
export interface SessionClient<D> {
  load(descriptor: D, onProgress: (progress: LoadProgress) => void): PendingLoad
  query<N extends SessionQueryName>(
    name: N,
    ...args: Parameters<SnapshotQueries[N]>
  ): Promise<ReturnType<SnapshotQueries[N]>>
}

/** Connects to a session served on the other end of `port`. */
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
        entry.reject(response.cancelled ? new LoadCancelled() : new Error(response.message))
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
