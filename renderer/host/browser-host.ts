import type { HostApi, PickedFile, SnapshotState } from '../../shared/app/host-api'
import type { ReportAnswer, SearchPage } from '../../shared/app/view-queries'
import type { SnapshotQueries, SnapshotQueryName } from '../../shared/app/session-api'
import { LoadCancelled } from '../../shared/model/cancel'
import {
  connectSession,
  type MessagePortLike,
  type PendingLoad,
  type SessionClient,
} from '../../shared/app/session-rpc'
import { TRAINING_SNAPSHOT_NAME } from '../../shared/training/index'
import {
  describeBrowserFiles,
  TRAINING_DESCRIPTOR,
  type BrowserFile,
  type BrowserSnapshotDescriptor,
} from './browser-source'
import { type DownloadableFile, downloadFile } from './download-file'
import { failedState, initialProgress, settledState } from './host-state'
import { messagePortOf } from './worker-port'

/** The snapshot worker as the host sees it: a port, a way to hear that it died, and a way to stop it. */
export interface SnapshotWorker {
  readonly port: MessagePortLike
  /** Registers the handler for the worker failing (script error, crash, unreadable message). */
  onFailure(handler: (message: string) => void): void
  terminate(): void
}

/** Starts a snapshot worker; the browser host starts one per opened snapshot. */
export type SnapshotWorkerFactory = () => SnapshotWorker

/** Starts the real Web Worker that runs the snapshot session. */
export function spawnSnapshotWorker(): SnapshotWorker {
  const worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), {
    type: 'module',
    name: 'synclens-snapshot',
  })
  return {
    port: messagePortOf(worker),
    onFailure: (handler) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        handler(event.message !== '' ? event.message : 'The snapshot worker could not start.')
      })
      worker.addEventListener('messageerror', () =>
        handler('A message from the snapshot worker could not be read.'),
      )
    },
    terminate: () => worker.terminate(),
  }
}

/** The report answer when no snapshot is loaded, as the session answers. */
const NO_REPORT: ReportAnswer = { error: 'No snapshot is open; open one before exporting a report.' }

/** The page a search answers with when no snapshot is loaded, as the session answers. */
const EMPTY_PAGE: SearchPage<never> = { searchId: 0, total: 0, offset: 0, rows: [], elapsedMs: 0 }

function isBrowserFile(file: PickedFile): file is BrowserFile {
  return typeof Blob !== 'undefined' && file instanceof Blob
}

interface Connection {
  readonly worker: SnapshotWorker
  readonly client: SessionClient<BrowserSnapshotDescriptor>
}

interface LoadInFlight {
  readonly token: number
  readonly pending: PendingLoad
  /** What to show again if the load is cancelled. */
  readonly previous: SnapshotState
}

/**
 * The HostApi of the browser build: snapshots come from File objects and load in a Web Worker.
 *
 * There is no native dialog, menu or recent list; the UI shows its own pickers. Closing a snapshot
 * stops its worker, which frees the memory the snapshot held.
 */
export function createBrowserHost(
  spawn: SnapshotWorkerFactory = spawnSnapshotWorker,
  download: (file: DownloadableFile) => void = downloadFile,
): HostApi {
  let state: SnapshotState = { phase: 'empty' }
  const listeners = new Set<(state: SnapshotState) => void>()
  let connection: Connection | null = null
  let load: LoadInFlight | null = null
  let nextToken = 1

  const setState = (next: SnapshotState): void => {
    state = next
    for (const listener of [...listeners]) listener(next)
  }

  const connect = (): Connection => {
    if (connection) return connection
    const worker = spawn()
    const opened: Connection = { worker, client: connectSession<BrowserSnapshotDescriptor>(worker.port) }
    worker.onFailure((message) => {
      if (connection !== opened) return
      connection = null
      load = null
      worker.terminate()
      const name = state.phase === 'ready' ? state.summary.name : state.phase === 'empty' ? '' : state.name
      setState(failedState(name, new Error(`The snapshot worker stopped: ${message}`)))
    })
    connection = opened
    return opened
  }

  const disconnect = (): void => {
    load = null
    connection?.worker.terminate()
    connection = null
  }

  const readyConnection = (): Connection | null => (state.phase === 'ready' ? connection : null)

  const open = async (
    descriptor: BrowserSnapshotDescriptor,
    name: string,
    files: readonly { path: string; size: number }[],
  ): Promise<void> => {
    if (load) load.pending.cancel()
    const previous = load ? load.previous : state
    const token = nextToken++
    const { client } = connect()
    setState({ phase: 'loading', name, progress: initialProgress(files) })
    const pending = client.load(descriptor, (progress) => {
      if (load?.token === token) setState({ phase: 'loading', name, progress })
    })
    load = { token, pending, previous }
    try {
      const summary = await pending.done
      if (load?.token !== token) return
      load = null
      setState(settledState(summary))
    } catch (error) {
      if (load?.token !== token) return
      load = null
      setState(error instanceof LoadCancelled ? previous : failedState(name, error))
    }
  }

  /** Asks the worker a query of the loaded snapshot; without one, answers like an empty session. */
  const ask = async <N extends SnapshotQueryName>(
    name: N,
    fallback: ReturnType<SnapshotQueries[N]>,
    ...args: Parameters<SnapshotQueries[N]>
  ): Promise<ReturnType<SnapshotQueries[N]>> => {
    const ready = readyConnection()
    return ready ? ready.client.query(name, ...args) : fallback
  }
  const report = (request: Parameters<HostApi['report']>[0]): Promise<ReportAnswer> =>
    ask('report', NO_REPORT, request)

  return {
    platform: 'browser',
    openSnapshotDialog: async () => false,
    async openFiles(files) {
      const picked = files.filter(isBrowserFile)
      if (picked.length === 0) return
      const descriptor = describeBrowserFiles(picked)
      await open(descriptor, descriptor.name, descriptor.files.map(sizeOf))
    },
    openTrainingSnapshot: () => open(TRAINING_DESCRIPTOR, TRAINING_SNAPSHOT_NAME, []),
    openRecent: async () => undefined,
    listRecent: async () => [],
    async cancelLoad() {
      // The state goes back when the worker confirms, so a load that finished meanwhile is not hidden.
      load?.pending.cancel()
    },
    async closeSnapshot() {
      disconnect()
      setState({ phase: 'empty' })
    },
    getState: async () => state,
    onStateChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onMenuCommand: () => () => undefined,
    getRules: (filter) => ask('rules', [], filter),
    getRule: (id) => ask('rule', null, id),
    searchMetaverse: (request) => ask('searchMetaverse', EMPTY_PAGE, request),
    searchConnectorSpace: (request) => ask('searchConnectorSpace', EMPTY_PAGE, request),
    objectReport: (target) => ask('objectReport', null, target),
    csObject: (id) => ask('csObject', null, id),
    diagnose: (request) => ask('diagnose', null, request),
    flowDetail: (request) => ask('flowDetail', null, request),
    metaverseAttributes: () => ask('metaverseAttributes', []),
    report,
    async exportReport(format, objectCsId) {
      try {
        const answer = await report(objectCsId === undefined ? { format } : { format, objectCsId })
        if ('error' in answer) return { status: 'failed', message: answer.error }
        download(answer)
        return { status: 'saved', fileName: answer.fileName }
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}

function sizeOf(ref: { readonly path: string; readonly file: Blob }): { path: string; size: number } {
  return { path: ref.path, size: ref.file.size }
}
