import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron'
import type {
  EventChannel,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
} from '../../shared/app/ipc-channels'
import { queryChannel } from '../../shared/app/ipc-channels'
import {
  parseQueryArgs,
  QUERY_NAMES,
  type QueryArgs,
  type QueryName,
  type QueryResult,
} from '../../shared/app/query-table'
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
  register(
    channel,
    (raw) => validateInvokeArgs(channel, raw),
    (args) => handler(...args),
  )
}

/**
 * Handles every query of the query table on its own channel, each checked against its schema: `answer`
 * gets the name and the rebuilt arguments. This is the only place queries reach the main process.
 */
export function handleQueries(
  answer: <N extends QueryName>(name: N, args: QueryArgs<N>) => Promise<QueryResult<N>>,
): void {
  for (const name of QUERY_NAMES) {
    register(
      queryChannel(name),
      (raw) => parseQueryArgs(name, raw),
      (args) => answer(name, args),
    )
  }
}

/** The channels registered so far, for tests that prove each one checks its sender and payload. */
export function registeredChannels(): readonly string[] {
  return [...registered]
}

const registered = new Set<string>()

function register<A>(
  channel: string,
  validate: (raw: readonly unknown[]) => A | null,
  handler: (args: A) => unknown,
): void {
  registered.add(channel)
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    const verdict = checkSender(senderFacts(event), trustedWebContents)
    if (!verdict.ok) {
      console.warn(`SyncLens refused ${channel}: ${verdict.reason}`)
      throw new Error(`Refused ${channel}: the sender is not a SyncLens window.`)
    }
    const args = validate(raw)
    if (args === null) throw new Error(`Refused ${channel}: unexpected arguments.`)
    return handler(args)
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
