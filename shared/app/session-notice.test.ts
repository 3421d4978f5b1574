import { describe, expect, it } from 'vitest'
import type { SnapshotSource } from '../io/source'
import { memoryCache } from '../load/testing/memory-cache'
import { generateTrainingSnapshot } from '../training/index'
import { createSnapshotSession } from './session'
import type { SessionNotice } from './session-api'

// A session reopened from its cache entry reads what the reopen left in the entry in the background. Where that read
// finds the entry damaged, the session removes it and tells its host, which opens the snapshot again from the files.

const training = generateTrainingSnapshot({ users: 1500, seed: 11 })
const yieldControl = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const never = { aborted: false }

/** A session reopened from the entry a first open kept in a memory cache, with the notices it sends. */
async function reopened() {
  const cache = memoryCache()
  const source: SnapshotSource = { ...training, accelerators: { cache } }
  await createSnapshotSession().load(source, () => undefined, never)
  const session = createSnapshotSession({ yieldControl })
  const notices: SessionNotice[] = []
  session.onNotice((notice) => notices.push(notice))
  const summary = await session.load(source, () => undefined, never)
  return { cache, notices, summary }
}

describe('a session reopened from a cache entry that turns out damaged', () => {
  it('removes the entry and tells its listeners once, unasked', async () => {
    const { cache, notices, summary } = await reopened()
    expect(cache.opened).toHaveLength(1)

    cache.damage()
    for (let turn = 0; turn < 500 && notices.length === 0; turn += 1) await yieldControl()
    for (let turn = 0; turn < 20; turn += 1) await yieldControl()

    expect(summary.metaverse.objects).toBeGreaterThan(1500)
    expect(notices).toEqual([{ kind: 'entry-removed', message: expect.stringContaining('damaged') }])
    expect(cache.discarded()).toBe(1)
    expect(await cache.read()).toBeNull()
  }, 120_000)

  it('tells nothing when the entry reads as written', async () => {
    const { cache, notices } = await reopened()

    for (let turn = 0; turn < 200 && cache.opened[0]?.state.closed !== true; turn += 1) await yieldControl()

    expect(cache.opened[0]?.state.closed).toBe(true)
    expect(notices).toEqual([])
    expect(cache.discarded()).toBe(0)
  }, 120_000)
})
