import type { MessagePortLike } from '../../shared/app/session-rpc'

/** What a Web Worker and a worker's global scope have in common for messaging. */
export interface MessageEndpoint {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

/** Adapts a Worker (page side) or the worker's `self` (worker side) to the session RPC's port. */
export function messagePortOf(endpoint: MessageEndpoint): MessagePortLike {
  return {
    postMessage: (message) => endpoint.postMessage(message),
    onMessage: (handler) => endpoint.addEventListener('message', (event) => handler(event.data)),
  }
}
