import { createSnapshotSession } from '../../../shared/app/session'
import { serveSession, type MessagePortLike } from '../../../shared/app/session-rpc'
import type { WorkerStop } from '../../../shared/app/host-core'
import type { SnapshotWorker } from '../browser-host'
import { resolveBrowserFiles } from '../worker-source'

/**
 * A snapshot worker in the test's own thread: the real session, served over a channel that delivers
 * asynchronously and structured-clones every message, as postMessage does. Tests only.
 */
export class InProcessWorker implements SnapshotWorker {
  /** True once the host stopped this worker. */
  public terminated = false
  private failure: (stop: WorkerStop) => void = () => undefined
  private readonly pageHandlers: ((message: unknown) => void)[] = []
  private readonly workerHandlers: ((message: unknown) => void)[] = []

  public readonly port: MessagePortLike = {
    postMessage: (message) => this.deliver(this.workerHandlers, message),
    onMessage: (handler) => this.pageHandlers.push(handler),
  }

  /**
   * `cloneMessages: false` passes messages by reference, for jsdom tests: Node's structuredClone cannot copy
   * jsdom's File objects.
   */
  public constructor(
    resolveSource: typeof resolveBrowserFiles = resolveBrowserFiles,
    private readonly cloneMessages = true,
  ) {
    serveSession(
      {
        postMessage: (message) => this.deliver(this.pageHandlers, message),
        onMessage: (handler) => this.workerHandlers.push(handler),
      },
      createSnapshotSession({ yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)) }),
      resolveSource,
    )
  }

  public onFailure(handler: (stop: WorkerStop) => void): void {
    this.failure = handler
  }

  public terminate(): void {
    this.terminated = true
  }

  /** Behaves as if the worker died (an uncaught error in its script, or out of memory). */
  public crash(stop: WorkerStop): void {
    this.failure(stop)
  }

  private deliver(handlers: readonly ((message: unknown) => void)[], message: unknown): void {
    const copy = this.cloneMessages ? structuredClone(message) : message
    setTimeout(() => {
      if (!this.terminated) for (const handler of handlers) handler(copy)
    }, 0)
  }
}
