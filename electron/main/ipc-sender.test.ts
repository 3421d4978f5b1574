import { describe, expect, it } from 'vitest'
import { checkSender, type SenderFacts } from './ipc-sender'

const trusted: ReadonlySet<number> = new Set([7])
const ours: SenderFacts = { webContentsId: 7, frameUrl: 'app://synclens/index.html', isMainFrame: true }

describe('checkSender', () => {
  it('accepts the main frame of our window showing the app', () => {
    expect(checkSender(ours, trusted)).toEqual({ ok: true })
  })

  it.each([
    ['another web contents', { ...ours, webContentsId: 8 }, /web contents 8 is not a SyncLens window/],
    ['a frame that is gone', { ...ours, frameUrl: null }, /no longer exists/],
    ['an iframe of our page', { ...ours, isMainFrame: false }, /sub-frame/],
    ['our window navigated to the web', { ...ours, frameUrl: 'https://example.com/' }, /not the app/],
    ['a file page', { ...ours, frameUrl: 'file:///tmp/x.html' }, /not the app/],
    ['a look-alike host', { ...ours, frameUrl: 'app://synclens.evil/index.html' }, /not the app/],
    ['a page with credentials', { ...ours, frameUrl: 'app://x@synclens/index.html' }, /not the app/],
    ['about:blank', { ...ours, frameUrl: 'about:blank' }, /not the app/],
  ])('refuses %s', (_label, facts, reason) => {
    const verdict = checkSender(facts, trusted)

    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && verdict.reason).toMatch(reason)
  })

  it('refuses everyone when no window is trusted yet', () => {
    expect(checkSender(ours, new Set()).ok).toBe(false)
  })
})
