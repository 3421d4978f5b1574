import { ComparisonCancelled, type ImpactProgress } from '../compare/cancelled'
import type { SnapshotSource } from '../io/source'
import { LoadCancelled } from '../model/cancel'
import { type ErrorData, RemoteError, toErrorData } from '../model/error-data'
import type { LoadProgress, SnapshotSummary } from '../model/snapshot-summary'
import { isQueryName, type QueryArgs, type QueryName, type QueryResult } from './query-table'
import type { ImpactSummary } from './comparison-queries'
import type { SessionNotice, SnapshotSessionApi } from './session-api'

/** A message channel: a worker thread port, a Web Worker, or anything with the same two operations. */
export interface MessagePortLike {
  postMessage(message: unknown): void
  /** Registers the one message handler of this side. */
  onMessage(handler: (message: unknown) => void): void
}

/** Which snapshot of the session a load fills: the open one, or the one compared with it. */
export type LoadSlot = 'open' | 'comparison'

type Request<D> =
  | { readonly type: 'load'; readonly id: number; readonly descriptor: D; readonly slot: LoadSlot }
  | { readonly type: 'impact'; readonly id: number }
  | { readonly type: 'close-comparison'; readonly id: number }
  | { readonly type: 'cancel'; readonly id: number }
  | {
      readonly type: 'query'
      readonly id: number
      readonly name: QueryName
      readonly args: readonly unknown[]
    }

type Response =
  | { readonly type: 'notice'; readonly notice: SessionNotice }
  | { readonly type: 'progress'; readonly id: number; readonly progress: LoadProgress | ImpactProgress }
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
  const running = new Map<number, { aborted: boolean }>()
  session.onNotice?.((notice) => port.postMessage({ type: 'notice', notice } satisfies Response))
  const fail = (id: number, error: unknown): void =>
    port.postMessage({ type: 'error', id, error: toErrorData(error) } satisfies Response)
  /** Runs a long request (a load, an impact) with throttled progress and a signal its cancel sets. */
  const run = <T>(
    id: number,
    work: (
      onProgress: (progress: LoadProgress | ImpactProgress) => void,
      signal: { aborted: boolean },
    ) => Promise<T>,
  ): void => {
    const signal = { aborted: false }
    running.set(id, signal)
    let lastProgress = 0
    const onProgress = (progress: LoadProgress | ImpactProgress): void => {
      const now = Date.now()
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return
      lastProgress = now
      port.postMessage({ type: 'progress', id, progress } satisfies Response)
    }
    void work(onProgress, signal)
      .then(
        (value) => port.postMessage({ type: 'result', id, value } satisfies Response),
        (error: unknown) => fail(id, error),
      )
      .finally(() => running.delete(id))
  }
  port.onMessage((raw) => {
    const request = raw as Request<D>
    switch (request.type) {
      case 'load': {
        run(request.id, async (onProgress, signal) => {
          const source = await resolveSource(request.descriptor)
          return request.slot === 'comparison'
            ? session.loadComparison(source, onProgress, signal)
            : session.load(source, onProgress, signal)
        })
        return
      }
      case 'impact': {
        run(request.id, (onProgress, signal) => session.computeImpact(onProgress, signal))
        return
      }
      case 'close-comparison': {
        session.closeComparison()
        port.postMessage({ type: 'result', id: request.id, value: null } satisfies Response)
        return
      }
      case 'cancel': {
        const signal = running.get(request.id)
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

/** A long request in progress (a load, an impact), seen from the client. */
export interface Pending<T> {
  readonly done: Promise<T>
  cancel(): void
}

/** A load in progress, seen from the client. */
export type PendingLoad = Pending<SnapshotSummary>

/** The client side of a served session (the UI or main-process side). */
export interface SessionClient<D> {
  /** Loads the snapshot to open (`open`, the default) or the one to compare with it (`comparison`). */
  load(descriptor: D, onProgress: (progress: LoadProgress) => void, slot?: LoadSlot): PendingLoad
  query<N extends QueryName>(name: N, ...args: QueryArgs<N>): Promise<QueryResult<N>>
  /** Computes the impact of the compared configuration; cancelled, it rejects with `ComparisonCancelled`. */
  computeImpact(onProgress: (progress: ImpactProgress) => void): Pending<ImpactSummary>
  /** Drops the compared snapshot. */
  closeComparison(): Promise<void>
  /** Calls `listener` with each notice the session sends unasked; returns the unsubscribe. */
  onNotice?(listener: (notice: SessionNotice) => void): () => void
}

/** Connects to a session served on the other end of `port`. Failures reject with a `RemoteError` (or `LoadCancelled`). */
export function connectSession<D>(port: MessagePortLike): SessionClient<D> {
  let nextId = 1
  const waiting = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; onProgress?: (p: never) => void }
  >()
  const noticeListeners = new Set<(notice: SessionNotice) => void>()
  port.onMessage((raw) => {
    const response = raw as Response
    if (response.type === 'notice') {
      for (const listener of [...noticeListeners]) listener(response.notice)
      return
    }
    const entry = waiting.get(response.id)
    if (!entry) return
    switch (response.type) {
      case 'progress':
        entry.onProgress?.(response.progress as never)
        return
      case 'result':
        waiting.delete(response.id)
        entry.resolve(response.value)
        return
      case 'error':
        waiting.delete(response.id)
        entry.reject(errorOf(response.error))
        return
    }
  })
  const pending = <T>(request: Request<unknown>, onProgress?: (progress: never) => void): Pending<T> => {
    const done = new Promise<T>((resolve, reject) => {
      waiting.set(request.id, {
        resolve: (value) => resolve(value as T),
        reject,
        ...(onProgress ? { onProgress } : {}),
      })
    })
    port.postMessage(request)
    return {
      done,
      cancel: () => port.postMessage({ type: 'cancel', id: request.id } satisfies Request<unknown>),
    }
  }
  return {
    load(descriptor, onProgress, slot = 'open') {
      return pending<SnapshotSummary>({ type: 'load', id: nextId++, descriptor, slot }, onProgress)
    },
    query(name, ...args) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: (value) => resolve(value as never), reject })
        port.postMessage({ type: 'query', id, name, args } satisfies Request<never>)
      })
    },
    computeImpact(onProgress) {
      return pending<ImpactSummary>({ type: 'impact', id: nextId++ }, onProgress)
    },
    closeComparison() {
      return pending<void>({ type: 'close-comparison', id: nextId++ }).done
    },
    onNotice(listener) {
      noticeListeners.add(listener)
      return () => noticeListeners.delete(listener)
    },
  }
}

/** The error a failure carries across: the cancellations as themselves, anything else as a `RemoteError`. */
function errorOf(error: ErrorData): Error {
  if (error.name === 'LoadCancelled') return new LoadCancelled()
  if (error.name === 'ComparisonCancelled') return new ComparisonCancelled()
  return new RemoteError(error)
}
