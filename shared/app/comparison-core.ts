import { ComparisonCancelled } from '../compare/cancelled'
import { LoadCancelled } from '../model/cancel'
import type { ComparisonState, ImpactSummary } from './comparison-queries'
import type { Unsubscribe } from './host-api'
import type { FileToLoad, HostCore } from './host-core'
import { hasContent, initialProgress } from './host-state'
import type { Pending, PendingLoad } from './session-rpc'

/** How one call to `open` a snapshot to compare ended. */
export type ComparisonOutcome = 'ready' | 'failed' | 'cancelled' | 'superseded'

/** What a failure says, from whatever was thrown. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The snapshot compared with the one a window shows, loaded into the same worker beside it (the impact needs
 * both in one place): the state machine both hosts share, over the host core's link.
 *
 * A newer open supersedes an older one; cancelling a load returns to the comparison from before; a failed load
 * says why. The impact runs as a long request with progress, and can be cancelled. When the open snapshot is
 * replaced or closed, or the worker stops, the comparison is gone with it and the state returns to none.
 */
export class ComparisonCore<D> {
  private state: ComparisonState = { phase: 'none' }
  private readonly listeners = new Set<(state: ComparisonState) => void>()
  /** The token of the latest open, close or reset; anything older is stale. */
  private latest = 0
  private nextToken = 1
  private load: {
    readonly token: number
    readonly pending: PendingLoad
    readonly before: ComparisonState
  } | null = null
  private impact: { readonly token: number; readonly pending: Pending<ImpactSummary> } | null = null

  public constructor(private readonly host: HostCore<D>) {
    host.onSnapshotChange(() => this.reset())
  }

  /** The current state. */
  public getState(): ComparisonState {
    return this.state
  }

  /** Calls `listener` on every state change; returns the unsubscribe. */
  public onStateChange(listener: (state: ComparisonState) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Loads a snapshot to compare with the open one; resolves when this load has settled. */
  public async open(
    descriptor: D,
    name: string,
    files: readonly FileToLoad[] = [],
  ): Promise<ComparisonOutcome> {
    const link = this.host.loadedLink()
    const token = this.nextToken++
    this.latest = token
    const before = this.load?.before ?? this.state
    this.load?.pending.cancel()
    this.stopImpact()
    if (link === null) {
      this.setState({
        phase: 'failed',
        name,
        message: 'Open a snapshot first, then compare another with it.',
      })
      return 'failed'
    }
    this.setState({ phase: 'loading', name, progress: initialProgress(files) })
    const pending = link.client.load(
      descriptor,
      (progress) => {
        if (this.load?.token === token) this.setState({ phase: 'loading', name, progress })
      },
      'comparison',
    )
    this.load = { token, pending, before }
    const settled = await Promise.race([
      pending.done.then(
        (summary) => ({ kind: 'ready', summary }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      ),
      link.stopped.then(() => ({ kind: 'stopped' }) as const),
    ])
    if (this.latest !== token) return 'superseded'
    this.load = null
    switch (settled.kind) {
      case 'stopped':
        return 'failed'
      case 'ready':
        if (!hasContent(settled.summary)) {
          this.setState({
            phase: 'failed',
            name,
            message: `Nothing in ${name} could be read: every snapshot file in it has a problem.`,
          })
          return 'failed'
        }
        this.setState({ phase: 'ready', summary: settled.summary, impact: { phase: 'idle' } })
        return 'ready'
      case 'error':
        if (settled.error instanceof LoadCancelled) {
          this.setState(before)
          return 'cancelled'
        }
        this.setState({ phase: 'failed', name, message: messageOf(settled.error) })
        return 'failed'
    }
  }

  /** Reports a snapshot to compare that could not even be started (a missing path); nothing is loaded. */
  public reject(name: string, message: string): void {
    this.load?.pending.cancel()
    this.load = null
    this.latest = this.nextToken++
    this.setState({ phase: 'failed', name, message })
  }

  /** Stops the load in progress and returns at once to the comparison from before it. */
  public cancel(): void {
    const load = this.load
    if (!load) return
    load.pending.cancel()
    this.load = null
    this.latest = this.nextToken++
    this.setState(load.before)
  }

  /** Ends the comparison: stops any load or impact and frees the compared snapshot in the worker. */
  public async close(): Promise<void> {
    this.load?.pending.cancel()
    this.load = null
    this.stopImpact()
    this.latest = this.nextToken++
    this.setState({ phase: 'none' })
    await this.host.loadedLink()?.client.closeComparison()
  }

  /** Computes the impact on every object; progress shows in the state. Resolves when it has settled. */
  public async computeImpact(): Promise<void> {
    const link = this.host.loadedLink()
    const state = this.state
    if (link === null || state.phase !== 'ready' || state.impact.phase === 'running') return
    this.stopImpact()
    const token = this.nextToken++
    const summary = state.summary
    const pending = link.client.computeImpact((progress) => {
      if (this.impact?.token === token)
        this.setState({ phase: 'ready', summary, impact: { phase: 'running', ...progress } })
    })
    this.impact = { token, pending }
    this.setState({ phase: 'ready', summary, impact: { phase: 'running', done: 0, total: 0, elapsedMs: 0 } })
    const settled = await Promise.race([
      pending.done.then(
        (result) => ({ kind: 'done', result }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      ),
      link.stopped.then(() => ({ kind: 'stopped' }) as const),
    ])
    if (this.impact?.token !== token) return
    this.impact = null
    if (settled.kind === 'stopped') return
    if (settled.kind === 'done') {
      this.setState({ phase: 'ready', summary, impact: { phase: 'done', summary: settled.result } })
    } else if (settled.error instanceof ComparisonCancelled) {
      this.setState({ phase: 'ready', summary, impact: { phase: 'idle' } })
    } else {
      this.setState({
        phase: 'ready',
        summary,
        impact: { phase: 'failed', message: messageOf(settled.error) },
      })
    }
  }

  /** Stops computing the impact; the state returns at once to before it started. */
  public cancelImpact(): void {
    const state = this.state
    if (!this.impact) return
    this.stopImpact()
    if (state.phase === 'ready') this.setState({ ...state, impact: { phase: 'idle' } })
  }

  private stopImpact(): void {
    this.impact?.pending.cancel()
    this.impact = null
  }

  /** The open snapshot was replaced or closed, or the worker stopped: the comparison went with it. */
  private reset(): void {
    this.load = null
    this.impact = null
    this.latest = this.nextToken++
    if (this.state.phase !== 'none') this.setState({ phase: 'none' })
  }

  private setState(state: ComparisonState): void {
    this.state = state
    for (const listener of [...this.listeners]) listener(state)
  }
}
