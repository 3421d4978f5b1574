import type { MessagePortLike } from '../shared/app/session-rpc'

/** The part of a worker_threads `MessagePort` or `Worker` that the session RPC needs. */
export interface NodeMessageEndpoint {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
}

/** Adapts a worker_threads endpoint (the worker's `parentPort`, or the `Worker` seen from its owner) to the RPC. */
export function nodePort(endpoint: NodeMessageEndpoint): MessagePortLike {
  return {
    postMessage: (message) => endpoint.postMessage(message),
    onMessage: (handler) => {
      endpoint.on('message', handler)
    },
  }
}
