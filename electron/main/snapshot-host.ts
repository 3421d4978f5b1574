import { Worker } from 'node:worker_threads'
import type { AsyncViewQueries, LoadProgress, RuleFilter, SnapshotState } from '../../shared/app/host-api'
import type { Diagnosis } from '../../shared/engine/diagnose'
import type { FlowDetail } from '../../shared/engine/flow-detail'
import type { ObjectReport } from '../../shared/engine/object-report'
import type { CsObject } from '../../shared/model/objects'
import type { SyncRule } from '../../shared/model/sync-rule'
import type {
  ConnectorSpaceSearchPage,
  ConnectorSpaceSearchRequest,
  DiagnoseRequest,
  FlowDetailRequest,
  MetaverseSearchPage,
  MetaverseSearchRequest,
  ObjectTarget,
  ReportAnswer,
  ReportRequest,
  SearchPage,
} from '../../shared/app/view-queries'
import { LoadCancelled } from '../../shared/model/cancel'
import { connectSession, type PendingLoad, type SessionClient } from '../../shared/app/session-rpc'
import { nodePort } from '../../node/node-port'
import type { SnapshotRequest } from '../../node/snapshot-request'
import { SNAPSHOT_WORKER_LIMITS } from '../../node/worker-heap'
import { failureIssues } from './load-failure'

/** A connection to a snapshot session served on another thread. */
export interface SessionLink {
  readonly client: SessionClient<SnapshotRequest>
  /** Resolves, with a reason, when the serving side stops: the worker crashed, ran out of memory or exited. */
  readonly stopped: Promise<string>
  /** Stops the serving side; its memory (the loaded snapshot) is freed. */
  close(): void
}

/** A session served by a new worker thread running the bundled `snapshot-worker.cjs`. */
export function workerLink(workerFile: string): SessionLink {
  const worker = new Worker(workerFile, { resourceLimits: SNAPSHOT_WORKER_LIMITS })
  const stopped = new Promise<string>((resolve) => {
    worker.once('error', (error) => resolve(error.message))
    worker.once('exit', (code) => resolve(`it exited with code ${code}`))
  })
  return {
    client: connectSession<SnapshotRequest>(nodePort(worker)),
    stopped,
    close: () => void worker.terminate(),
  }
}

/** How one call to `open` ended. */
export type LoadOutcome = 'ready' | 'failed' | 'cancelled' | 'superseded'

interface ActiveLoad {
  readonly token: number
  readonly pending: PendingLoad
  /** The state to return to when the load is cancelled. */
  readonly before: SnapshotState
}

const NO_PROGRESS: LoadProgress = {
  files: [],
  bytesRead: 0,
  bytesTotal: 0,
  objectsRead: 0,
  elapsedMs: 0,
  rate: 0,
  secondsLeft: null,
}

/** The page a search answers with when no snapshot is loaded, as the session answers. */
const EMPTY_PAGE: SearchPage<never> = { searchId: 0, total: 0, offset: 0, rows: [], elapsedMs: 0 }

/** The report answer when no snapshot is loaded (or the worker stopped), as the session answers. */
const NO_REPORT: ReportAnswer = { error: 'No snapshot is open; open one before exporting a report.' }

/**
 * The main process's side of the one snapshot the app shows.
 *
 * It owns the session link (a worker thread), keeps the SnapshotState the window renders and tells
 * listeners each time it changes. A failed load leaves the previous snapshot in the session (views
 * may still query it) and reports the failure in the state; a cancelled load returns to the state
 * from before it started; closing stops the worker, so a closed snapshot's memory is freed.
 * The view queries go to the worker too; with no snapshot loaded they answer empty, as the session does.
 */
export class SnapshotHost implements AsyncViewQueries {
  private state: SnapshotState = { phase: 'empty' }
  private link: SessionLink | null = null
  /** The session holds a completely loaded snapshot that queries may read. */
  private loaded = false
  private active: ActiveLoad | null = null
  private nextToken = 1
  /** The token of the latest open or close; results of anything older are stale. */
  private latest = 0
  private readonly listeners = new Set<(state: SnapshotState) => void>()

  public constructor(private readonly connect: () => SessionLink) {}

  /** The current state. */
  public getState(): SnapshotState {
    return this.state
  }

  /** Calls `listener` on every state change; returns the unsubscribe. */
  public onStateChange(listener: (state: SnapshotState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Loads a snapshot, replacing any load in progress; resolves when this load has settled. */
  public async open(request: SnapshotRequest, name: string): Promise<LoadOutcome> {
    const before = this.active?.before ?? this.state
    this.active?.pending.cancel()
    const token = this.nextToken++
    this.latest = token
    const link = this.ensureLink()
    this.setState({ phase: 'loading', name, progress: NO_PROGRESS })
    const pending = link.client.load(request, (progress) => {
      if (this.active?.token === token) this.setState({ phase: 'loading', name, progress })
    })
    this.active = { token, pending, before }
    const settled = await Promise.race([
      pending.done.then(
        (summary) => ({ kind: 'ready', summary }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      ),
      link.stopped.then(() => ({ kind: 'stopped' }) as const),
    ])
    if (settled.kind === 'stopped') return this.latest === token ? 'failed' : 'superseded'
    const current = this.active?.token === token
    if (current) this.active = null
    if (settled.kind === 'ready') {
      // A load that finished just as it was cancelled has still replaced the session's snapshot:
      // show it rather than claim the previous one is loaded.
      if (this.latest !== token) return 'superseded'
      this.loaded = true
      this.setState({ phase: 'ready', summary: settled.summary })
      return 'ready'
    }
    if (!current) return this.latest === token ? 'cancelled' : 'superseded'
    if (settled.error instanceof LoadCancelled) {
      this.setState(before)
      return 'cancelled'
    }
    this.fail(name, settled.error instanceof Error ? settled.error.message : String(settled.error))
    return 'failed'
  }

  /** Reports a snapshot that could not even be started (a missing path); the previous snapshot stays. */
  public reject(name: string, message: string): void {
    this.active?.pending.cancel()
    this.active = null
    this.latest = this.nextToken++
    this.fail(name, message)
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
    this.active?.pending.cancel()
    this.active = null
    this.latest = this.nextToken++
    this.loaded = false
    const link = this.link
    this.link = null
    link?.close()
    this.setState({ phase: 'empty' })
  }

  /** Rules of the loaded snapshot matching the filter; none when nothing is loaded. */
  public async rules(filter: RuleFilter): Promise<readonly SyncRule[]> {
    return this.query([], (client) => client.query('rules', filter))
  }

  /** One rule of the loaded snapshot, or null. */
  public async rule(id: string): Promise<SyncRule | null> {
    return this.query(null, (client) => client.query('rule', id))
  }

  /** Metaverse Search, one page. */
  public async searchMetaverse(request: MetaverseSearchRequest): Promise<MetaverseSearchPage> {
    return this.query(EMPTY_PAGE, (client) => client.query('searchMetaverse', request))
  }

  /** Search Connector Space, one page. */
  public async searchConnectorSpace(request: ConnectorSpaceSearchRequest): Promise<ConnectorSpaceSearchPage> {
    return this.query(EMPTY_PAGE, (client) => client.query('searchConnectorSpace', request))
  }

  /** The report of a connector-space or metaverse object; null when unknown. */
  public async objectReport(target: ObjectTarget): Promise<ObjectReport | null> {
    return this.query(null, (client) => client.query('objectReport', target))
  }

  /** A connector-space object with all its parts; null when unknown. */
  public async csObject(id: string): Promise<CsObject | null> {
    return this.query(null, (client) => client.query('csObject', id))
  }

  /** The diagnosis of one attribute of one connector-space object; null when the object is unknown. */
  public async diagnose(request: DiagnoseRequest): Promise<Diagnosis | null> {
    return this.query(null, (client) => client.query('diagnose', request))
  }

  /** One rule evaluated for one object; null when the rule is unknown. */
  public async flowDetail(request: FlowDetailRequest): Promise<FlowDetail | null> {
    return this.query(null, (client) => client.query('flowDetail', request))
  }

  /** Metaverse attribute names for the attribute picker. */
  public async metaverseAttributes(): Promise<readonly string[]> {
    return this.query([], (client) => client.query('metaverseAttributes'))
  }

  /** The unmapped-attribute report rendered as a file by the worker; an error answer when nothing is loaded. */
  public async report(request: ReportRequest): Promise<ReportAnswer> {
    return this.query(NO_REPORT, (client) => client.query('report', request))
  }

  /** Stops the worker for good (app quit). */
  public dispose(): void {
    this.active = null
    this.listeners.clear()
    const link = this.link
    this.link = null
    link?.close()
  }

  private async query<T>(empty: T, ask: (client: SessionClient<SnapshotRequest>) => Promise<T>): Promise<T> {
    const link = this.link
    if (!this.loaded || link === null) return empty
    return Promise.race([ask(link.client), link.stopped.then(() => empty)])
  }

  private ensureLink(): SessionLink {
    if (this.link) return this.link
    const link = this.connect()
    this.link = link
    void link.stopped.then((reason) => {
      if (this.link !== link) return
      this.link = null
      this.loaded = false
      const name = stateName(this.state)
      const hadWork = this.active !== null || this.state.phase === 'ready'
      this.active = null
      if (hadWork) {
        this.fail(
          name,
          `The snapshot engine stopped unexpectedly (${reason}). Open the snapshot again; if this repeats, the snapshot may be too large for this computer's memory.`,
        )
      }
    })
    return link
  }

  private fail(name: string, message: string): void {
    this.setState({ phase: 'failed', name, message, issues: failureIssues(message, name) })
  }

  private setState(state: SnapshotState): void {
    this.state = state
    for (const listener of this.listeners) listener(state)
  }
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
