import { isAppUrl } from './url-policy'

/** What the main process knows about the sender of an IPC message. */
export interface SenderFacts {
  /** `event.sender.id`. */
  readonly webContentsId: number
  /** `event.senderFrame.url`, or null when the frame is gone (navigated away or destroyed). */
  readonly frameUrl: string | null
  /** Whether the sending frame is the top frame of its page (`senderFrame.parent === null`). */
  readonly isMainFrame: boolean
}

/** Whether a message is accepted, and why not. */
export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/**
 * Accepts a message only from the main frame of a window SyncLens created, showing the app's own page.
 *
 * Each condition stops a different intruder: another WebContents (a devtools extension, a stray
 * window), an iframe inside our page, or our window after something navigated it elsewhere.
 */
export function checkSender(facts: SenderFacts, trustedWebContents: ReadonlySet<number>): SenderVerdict {
  if (!trustedWebContents.has(facts.webContentsId)) {
    return { ok: false, reason: `web contents ${facts.webContentsId} is not a SyncLens window` }
  }
  if (facts.frameUrl === null) return { ok: false, reason: 'the sending frame no longer exists' }
  if (!facts.isMainFrame) return { ok: false, reason: `a sub-frame (${facts.frameUrl}) sent it` }
  if (!isAppUrl(facts.frameUrl)) return { ok: false, reason: `the page ${facts.frameUrl} is not the app` }
  return { ok: true }
}
