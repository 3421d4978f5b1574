import { LoadCancelled } from '../model/cancel'
import { entryRemoved } from '../model/error-data'
import type { LoadProgress } from '../model/snapshot-summary'
import type { SnapshotState, Unsubscribe } from './host-api'
import { failedState, initialProgress, settledState } from './host-state'
import { QUERY_TABLE, type QueryArgs, type QueryName, type QueryResult } from './query-table'
import type { PendingLoad, SessionClient } from './session-rpc'

/** How the worker behind a link stopped. */
export interface WorkerStop {
  /** The worker ran out of the memory it is allowed (its heap limit), rather than crashing or exiting. */
  readonly outOfMemory: boolean
  /** What the runtime said, for the message and the log. */
  readonly reason: string
}

/** A session served by a worker (a Node worker thread or a Web Worker), as the host core drives it. */
export interface WorkerLink<D> {
  readonly client: SessionClient<D>
  /** Resolves when the worker stops on its own: it crashed, ran out of memory or exited. */
  readonly stopped: Promise<WorkerStop>
  /** Stops the worker; its memory (the loaded snapshot) is freed. */
  close(): void
}

/** How one call to `open` ended. */
export type LoadOutcome = 'ready' | 'failed' | 'cancelled' | 'superseded'

/** A file of the snapshot about to load, listed on the loading screen before anything is read. */
export interface FileToLoad {
  readonly path: string
  readonly size: number
}

/** What an open opened. */
interface OpenedSnapshot<D> {
  readonly descriptor: D
  readonly name: string
  readonly files: readonly FileToLoad[]
  /** Whether it was opened again already after its cache entry turned out damaged. */
  again: boolean
}

interface ActiveLoad {
  readonly token: number
  readonly pending: PendingLoad
  /** The state to return to when the load is cancelled. */
  readonly before: SnapshotState
}

/**
 * The one snapshot a window shows, over a worker: the state machine both hosts share.
 *
 * It owns the worker link, keeps the SnapshotState the window renders and tells listeners of each change.
 * A newer open supersedes an older one (its results are dropped); cancel returns at once to the state from
 * before the load; a failed load reports the failure and leaves the previous snapshot in the worker (queries
 * still read it); a worker that stops on its own is a failure naming why (out of memory or crashed); close
 * stops the worker so a closed snapshot's memory is freed. With nothing loaded, every query answers the
 * table's empty answer, as the session does.
 */
export class HostCore<D> {
  private state: SnapshotState = { phase: 'empty' }
  private link: WorkerLink<D> | null = null
  /** Settles when this host closes the current link: a load waiting on a closed worker hears no more from it. */
  private linkClosed: Promise<void> = new Promise(() => undefined)
  private closeLinkSignal: () => void = () => undefined
  /** The worker holds a completely loaded snapshot that queries may read. */
  private loaded = false
  private active: ActiveLoad | null = null
  private nextToken = 1
  /** The token of the latest open, reject or close; results of anything older are stale. */
  private latest = 0
  /** The newest progress of the load in flight, to name the file a dying worker was reading. */
  private progress: LoadProgress | null = null
  private readonly listeners = new Set<(state: SnapshotState) => void>()
  private readonly snapshotListeners = new Set<() => void>()
  /** What the latest open opened, to open it again when its reopen cache entry turns out damaged. */
  private opened: OpenedSnapshot<D> | null = null

  public constructor(private readonly connect: () => WorkerLink<D>) {}

  /** The current state. */
  public getState(): SnapshotState {
    return this.state
  }

  /**
   * Calls `listener` whenever the snapshot the worker holds is replaced or gone (a new snapshot loaded, closed,
   * the worker stopped): what was loaded beside it (a compared snapshot) went with it.
   */
  public onSnapshotChange(listener: () => void): Unsubscribe {
    this.snapshotListeners.add(listener)
    return () => {
      this.snapshotListeners.delete(listener)
    }
  }

  /** The worker's link while it holds a loaded snapshot, for work beside it (a comparison); null otherwise. */
  public loadedLink(): WorkerLink<D> | null {
    return this.loaded ? this.link : null
  }

  /** Calls `listener` on every state change; returns the unsubscribe. */
  public onStateChange(listener: (state: SnapshotState) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Loads a snapshot, superseding any load in progress; resolves when this load has settled. */
  public async open(descriptor: D, name: string, files: readonly FileToLoad[] = []): Promise<LoadOutcome> {
    this.opened = { descriptor, name, files, again: false }
    return this.load(descriptor, name, files)
  }

  private async load(descriptor: D, name: string, files: readonly FileToLoad[]): Promise<LoadOutcome> {
    const before = this.active?.before ?? this.state
    this.active?.pending.cancel()
    const token = this.nextToken++
    this.latest = token
    // A worker busy with a load that cannot be interrupted (generating the training snapshot, a long synchronous
    // step) would make this load wait for it; with nothing loaded there is nothing to keep in it, so a fresh
    // worker takes the new load at once.
    if (this.active !== null && !this.loaded) this.stopLink()
    const link = this.ensureLink()
    const closed = this.linkClosed
    this.progress = initialProgress(files)
    this.setState({ phase: 'loading', name, progress: this.progress })
    const pending = link.client.load(descriptor, (progress) => {
      if (this.active?.token !== token) return
      this.progress = progress
      this.setState({ phase: 'loading', name, progress })
    })
    this.active = { token, pending, before }
    const settled = await Promise.race([
      pending.done.then(
        (summary) => ({ kind: 'ready', summary }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      ),
      link.stopped.then(() => ({ kind: 'stopped' }) as const),
      closed.then(() => ({ kind: 'stopped' }) as const),
    ])
    if (settled.kind === 'stopped') return this.latest === token ? 'failed' : 'superseded'
    const current = this.active?.token === token
    if (current) this.active = null
    if (settled.kind === 'ready') {
      if (this.latest !== token) return 'superseded'
      // A load that finished just as it was cancelled has still replaced the worker's snapshot: show it
      // rather than claim the previous one is loaded.
      this.loaded = true
      this.snapshotChanged()
      const next = settledState(settled.summary)
      this.setState(next)
      return next.phase === 'ready' ? 'ready' : 'failed'
    }
    if (!current) return this.latest === token ? 'cancelled' : 'superseded'
    if (settled.error instanceof LoadCancelled) {
      this.setState(before)
      return 'cancelled'
    }
    this.setState(failedState(name, settled.error))
    return 'failed'
  }

  /** Reports a snapshot that could not even be started (a missing path); the previous snapshot stays. */
  public reject(name: string, message: string): void {
    this.opened = null
    this.active?.pending.cancel()
    this.active = null
    this.latest = this.nextToken++
    this.setState(failedState(name, message))
  }

  /** Stops the load in progress and returns at once to the state from before it. */
  public cancel(): void {
    const active = this.active
    if (!active) return
    active.pending.cancel()
    this.active = null
    this.setState(active.before)
  }

  /** Closes the snapshot: cancels any load, stops the worker and shows the empty state. */
  public close(): void {
    this.opened = null
    this.active?.pending.cancel()
    this.active = null
    this.latest = this.nextToken++
    this.stopLink()
    this.setState({ phase: 'empty' })
  }

  /** Asks the worker a query of the loaded snapshot; with none (or a stopped worker), the table's empty answer. */
  public async query<N extends QueryName>(name: N, ...args: QueryArgs<N>): Promise<QueryResult<N>> {
    const link = this.link
    const empty = QUERY_TABLE[name].empty
    if (!this.loaded || link === null) return empty
    try {
      return await Promise.race([link.client.query(name, ...args), link.stopped.then(() => empty)])
    } catch (error) {
      if (link === this.link && entryRemoved(error)) this.openAgainFromFiles()
      throw error
    }
  }

  /**
   * Opens the loaded snapshot again, once per open: part of what it was reopened with from its cache entry turned
   * out damaged (when the worker read it in the background, or a query first needed it), and the worker removed the
   * entry, so this open reads its files (and keeps it afresh). The window shows the load, then the snapshot; a
   * query that met the damage still fails.
   */
  private openAgainFromFiles(): void {
    const opened = this.opened
    if (opened === null || opened.again || this.active !== null) return
    opened.again = true
    void this.load(opened.descriptor, opened.name, opened.files)
  }

  /** Stops the worker for good (the app quits); listeners hear nothing more. */
  public dispose(): void {
    this.active = null
    this.listeners.clear()
    this.snapshotListeners.clear()
    this.stopLink()
  }

  private stopLink(): void {
    this.loaded = false
    const link = this.link
    this.link = null
    link?.close()
    this.closeLinkSignal()
    if (link) this.snapshotChanged()
  }

  private snapshotChanged(): void {
    for (const listener of [...this.snapshotListeners]) listener()
  }

  private ensureLink(): WorkerLink<D> {
    if (this.link) return this.link
    const link = this.connect()
    this.link = link
    // The worker's background read of a reopen cache entry met damage and removed the entry: open the snapshot
    // again now, rather than when a view first needs what was damaged.
    link.client.onNotice?.((notice) => {
      if (notice.kind === 'entry-removed' && link === this.link && this.loaded) this.openAgainFromFiles()
    })
    this.linkClosed = new Promise((resolve) => {
      this.closeLinkSignal = resolve
    })
    void link.stopped.then((stop) => {
      if (this.link !== link) return
      this.link = null
      this.loaded = false
      this.snapshotChanged()
      const hadWork = this.active !== null || this.state.phase === 'ready'
      const reading = this.active === null ? null : currentFile(this.progress)
      this.active = null
      if (hadWork)
        this.setState(failedState(stateName(this.state), stopMessage(stop, stateName(this.state), reading)))
    })
    return link
  }

  private setState(state: SnapshotState): void {
    this.state = state
    for (const listener of [...this.listeners]) listener(state)
  }
}

/** What the user reads when the worker stopped: out of memory names the file being read, a crash says so. */
export function stopMessage(stop: WorkerStop, snapshot: string, reading: string | null): string {
  if (stop.outOfMemory) {
    const where = reading === null ? snapshot : `${reading} (in ${snapshot})`
    return (
      `This snapshot needs more memory than SyncLens allows: ${where}. Close other snapshots and programs and ` +
      'open it again, or open the configuration and fewer connector-space files.'
    )
  }
  return (
    `The snapshot engine stopped unexpectedly (${stop.reason}). Open the snapshot again; if this repeats, ` +
    'copy the details from Help > Show Log into a support request.'
  )
}

/** The file a load was reading: the first one started and not finished. */
function currentFile(progress: LoadProgress | null): string | null {
  return progress?.files.find((file) => !file.done && file.bytesRead > 0)?.path ?? null
}

function stateName(state: SnapshotState): string {
  switch (state.phase) {
    case 'empty':
      return 'snapshot'
    case 'loading':
    case 'failed':
      return state.name
    case 'ready':
      return state.summary.name
  }
}
