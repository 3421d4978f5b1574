import type { ExportReportOutcome, HostApi, PickedFile } from '../../shared/app/host-api'
import type { ReportAnswer } from '../../shared/app/view-queries'
import { ComparisonCore } from '../../shared/app/comparison-core'
import { HostCore, type WorkerLink, type WorkerStop } from '../../shared/app/host-core'
import { asyncQueryMethods } from '../../shared/app/query-table'
import { connectSession, type MessagePortLike } from '../../shared/app/session-rpc'
import { TRAINING_SNAPSHOT_NAME } from '../../shared/training/catalogue'
import { emptySnapshotMessage } from '../../shared/model/snapshot-summary'
import {
  describeBrowserFiles,
  TRAINING_DESCRIPTOR,
  type BrowserFile,
  type BrowserFilesDescriptor,
  type BrowserSnapshotDescriptor,
} from './browser-source'
import { type DownloadableFile, downloadFile } from './download-file'
import { browserReaders } from './start-option'
import { messagePortOf } from './worker-port'

/** The snapshot worker as the host sees it: a port, a way to hear that it died, and a way to stop it. */
export interface SnapshotWorker {
  readonly port: MessagePortLike
  /** Registers the handler for the worker failing (script error, crash, out of memory, unreadable message). */
  onFailure(handler: (stop: WorkerStop) => void): void
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
        const reason = event.message !== '' ? event.message : 'the snapshot worker could not start'
        // Browsers give a worker that ran out of memory no code of its own; its message says so.
        handler({ outOfMemory: /out of memory/i.test(reason), reason })
      })
      worker.addEventListener('messageerror', () =>
        handler({ outOfMemory: false, reason: 'a message from the snapshot worker could not be read' }),
      )
    },
    terminate: () => worker.terminate(),
  }
}

/** A descriptor carrying the thread count the page's address asks for, if any. */
function withReaders(descriptor: BrowserFilesDescriptor): BrowserFilesDescriptor {
  const asked = typeof location === 'undefined' ? null : browserReaders(location.search)
  return asked === null ? descriptor : { ...descriptor, readers: asked }
}

function isBrowserFile(file: PickedFile): file is BrowserFile {
  return typeof Blob !== 'undefined' && file instanceof Blob
}

/** The host core's link to a started snapshot worker. */
export function browserWorkerLink(worker: SnapshotWorker): WorkerLink<BrowserSnapshotDescriptor> {
  return {
    client: connectSession<BrowserSnapshotDescriptor>(worker.port),
    stopped: new Promise<WorkerStop>((resolve) => worker.onFailure(resolve)),
    close: () => worker.terminate(),
  }
}

/**
 * The HostApi of the browser build: snapshots come from File objects and load in a Web Worker, driven by the
 * host core both hosts share.
 *
 * There is no native dialog, menu or recent list; the UI shows its own pickers. Closing a snapshot
 * stops its worker, which frees the memory the snapshot held.
 */
export function createBrowserHost(
  spawn: SnapshotWorkerFactory = spawnSnapshotWorker,
  download: (file: DownloadableFile) => void = downloadFile,
): HostApi {
  const core = new HostCore<BrowserSnapshotDescriptor>(() => browserWorkerLink(spawn()))
  const comparison = new ComparisonCore(core)
  const queries = asyncQueryMethods((name, args) => core.query(name, ...args))
  const save = async (answer: Promise<ReportAnswer>): Promise<ExportReportOutcome> => {
    try {
      const file = await answer
      if ('error' in file) return { status: 'failed', message: file.error }
      download(file)
      return { status: 'saved', fileName: file.fileName }
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  }
  return {
    ...queries,
    platform: 'browser',
    openSnapshotDialog: async () => false,
    async openFiles(files) {
      const picked = files.filter(isBrowserFile)
      if (picked.length === 0) {
        core.reject('Empty folder', emptySnapshotMessage('The folder you chose'))
        return
      }
      const descriptor = withReaders(describeBrowserFiles(picked))
      await core.open(descriptor, descriptor.name, descriptor.files.map(sizeOf))
    },
    openTrainingSnapshot: async () => {
      await core.open(TRAINING_DESCRIPTOR, TRAINING_SNAPSHOT_NAME)
    },
    openRecent: async () => undefined,
    listRecent: async () => [],
    cancelLoad: async () => core.cancel(),
    closeSnapshot: async () => core.close(),
    getState: async () => core.getState(),
    onStateChange: (listener) => core.onStateChange(listener),
    onMenuCommand: () => () => undefined,
    reportError: async (details) => {
      // The browser build has no log file: the console is where a developer looks.
      console.error(details)
    },
    saveFixScript: (draft) => save(queries.fixScript(draft)),
    exportReport: (format, objectCsId) =>
      save(queries.report(objectCsId === undefined ? { format } : { format, objectCsId })),
    openComparisonDialog: async () => false,
    async openComparisonFiles(files) {
      const picked = files.filter(isBrowserFile)
      if (picked.length === 0) return
      const descriptor = withReaders(describeBrowserFiles(picked))
      await comparison.open(descriptor, descriptor.name, descriptor.files.map(sizeOf))
    },
    cancelComparison: async () => comparison.cancel(),
    closeComparison: () => comparison.close(),
    getComparisonState: async () => comparison.getState(),
    onComparisonStateChange: (listener) => comparison.onStateChange(listener),
    computeImpact: () => comparison.computeImpact(),
    cancelImpact: async () => comparison.cancelImpact(),
    exportComparison: (format) => save(queries.comparisonReport({ format })),
  }
}

function sizeOf(ref: { readonly path: string; readonly file: Blob }): { path: string; size: number } {
  return { path: ref.path, size: ref.file.size }
}
