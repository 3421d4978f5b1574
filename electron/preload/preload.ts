import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron'
import type { HostApi, PickedFile, Unsubscribe } from '../../shared/app/host-api'
import {
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
  queryChannel,
} from '../../shared/app/ipc-channels'
import { asyncQueryMethods, type QueryResult } from '../../shared/app/query-table'
import { snapshotPaths } from './picked-paths'

/** Longest error report sent to the main process's log (it refuses longer ones). */
const MAX_ERROR_DETAILS = 20_000

// Sandboxed preloads cannot load ES modules or local files: this file and what it imports are bundled
// into one CommonJS file, dist/electron/preload.cjs, which requires nothing but 'electron'.

function invoke<K extends InvokeChannel>(channel: K, ...args: InvokeArgs<K>): Promise<InvokeResult<K>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<K>>
}

/** Subscribes to an event; the page's listener gets the payload only, never the IPC event and its sender. */
function listen<K extends EventChannel>(
  channel: K,
  listener: (payload: EventPayload<K>) => void,
): Unsubscribe {
  const relay = (_event: IpcRendererEvent, payload: EventPayload<K>): void => listener(payload)
  ipcRenderer.on(channel, relay)
  return () => {
    ipcRenderer.removeListener(channel, relay)
  }
}

/** The paths of files the user picked or dropped (a folder arrives as its one root path). */
function pickedPaths(files: readonly PickedFile[]): readonly string[] {
  const paths = snapshotPaths(
    files.map((file) => ({
      // At run time these are DOM File objects handed over by contextBridge.
      absolutePath: webUtils.getPathForFile(file as unknown as File),
      relativePath: file.webkitRelativePath,
    })),
  )
  if (paths.length === 0) {
    throw new Error('These files have no location on disk; save them to a folder first, then open that.')
  }
  return paths
}

const api = {
  // One method per query of the table, each on its own channel (never a generic invoke).
  ...asyncQueryMethods(
    (name, args) => ipcRenderer.invoke(queryChannel(name), ...args) as Promise<QueryResult<typeof name>>,
  ),
  platform: 'electron',
  openSnapshotDialog: () => invoke('snapshot:open-dialog'),
  openFiles: (files) => invoke('snapshot:open-paths', pickedPaths(files)),
  openTrainingSnapshot: () => invoke('snapshot:open-training'),
  openRecent: (id) => invoke('snapshot:open-recent', id),
  listRecent: () => invoke('snapshot:list-recent'),
  cancelLoad: () => invoke('snapshot:cancel'),
  closeSnapshot: () => invoke('snapshot:close'),
  getState: () => invoke('snapshot:get-state'),
  onStateChange: (listener) => listen('snapshot:state', listener),
  onMenuCommand: (listener) => listen('menu:command', listener),
  // An absent id stays absent: the main process counts arguments.
  exportReport: (format, objectCsId) =>
    objectCsId === undefined ? invoke('report:export', format) : invoke('report:export', format, objectCsId),
  saveFixScript: (draft) => invoke('fix:save-script', draft),
  reportError: (details) => invoke('log:error', details.slice(0, MAX_ERROR_DETAILS)),
  openComparisonDialog: () => invoke('comparison:open-dialog'),
  openComparisonFiles: (files) => invoke('comparison:open-paths', pickedPaths(files)),
  cancelComparison: () => invoke('comparison:cancel'),
  closeComparison: () => invoke('comparison:close'),
  getComparisonState: () => invoke('comparison:get-state'),
  onComparisonStateChange: (listener) => listen('comparison:state', listener),
  computeImpact: () => invoke('comparison:impact'),
  cancelImpact: () => invoke('comparison:cancel-impact'),
  exportComparison: (format) => invoke('comparison:export', format),
} satisfies HostApi

contextBridge.exposeInMainWorld('synclens', api)
