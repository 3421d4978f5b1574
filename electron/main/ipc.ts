import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron'
import type {
  EventChannel,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
} from '../../shared/app/ipc-channels'
import { validateInvokeArgs } from './ipc-payload'
import { checkSender, type SenderFacts } from './ipc-sender'

// The only door to ipcMain and webContents.send (lint forbids them elsewhere): every message in
// either direction is typed by shared/app/ipc-channels.ts, and every incoming one is checked here.

const trustedWebContents = new Set<number>()

/** Accepts IPC from this window's page from now until its web contents are destroyed. */
export function trustWindow(window: BrowserWindow): void {
  const { webContents } = window
  const id = webContents.id
  trustedWebContents.add(id)
  webContents.once('destroyed', () => trustedWebContents.delete(id))
}

/**
 * Handles an invoke channel: the sender is checked (our window, main frame, the app's page), then the
 * arguments; a refused message rejects the renderer's promise and never reaches `handler`.
 */
export function handle<K extends InvokeChannel>(
  channel: K,
  handler: (...args: InvokeArgs<K>) => InvokeResult<K> | Promise<InvokeResult<K>>,
): void {
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    const verdict = checkSender(senderFacts(event), trustedWebContents)
    if (!verdict.ok) {
      console.warn(`SyncLens refused ${channel}: ${verdict.reason}`)
      throw new Error(`Refused ${channel}: the sender is not a SyncLens window.`)
    }
    const args = validateInvokeArgs(channel, raw)
    if (args === null) throw new Error(`Refused ${channel}: unexpected arguments.`)
    return handler(...args)
  })
}

/** Sends an event to a window's page, if the window is still ours and alive. */
export function send<K extends EventChannel>(
  window: BrowserWindow,
  channel: K,
  payload: EventPayload<K>,
): void {
  if (window.isDestroyed() || !trustedWebContents.has(window.webContents.id)) return
  window.webContents.send(channel, payload)
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
  }
}
