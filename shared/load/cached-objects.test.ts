import { describe, expect, it } from 'vitest'
import { memoryFile } from '../io/source'
import { IssueCollector } from '../model/load-issue'
import { longTextObject, longTextStore } from '../store/testing/long-texts'
import type { ObjectStore } from '../store/object-store'
import { type FileRows, keepObjects, restoreObjects } from './cached-objects'
import { ProgressTracker } from './progress'
import { type MemoryCache, memoryCache } from './testing/memory-cache'

const files = [{ index: 0, file: memoryFile('ConnectorSpaces/contoso.com.xml', new Uint8Array(1)) }]

async function keptAndRestored(
  store: ObjectStore,
): Promise<{ restored: ObjectStore | null; cache: MemoryCache }> {
  const cache = memoryCache()
  const facts = () => ({ issues: new IssueCollector(), rows: new Map<string, FileRows>() })
  const tracker = () => new ProgressTracker(files.map((entry) => entry.file))
  keepObjects(cache, store, facts(), files, tracker())
  const restored = await restoreObjects(cache, files, facts(), tracker())
  return { restored, cache }
}

describe('restoreObjects', () => {
  it('hands the open entry to a store that left texts in it, which lets it go once they are read', async () => {
    const { restored, cache } = await keptAndRestored(longTextStore())
    const entry = cache.opened[0]?.state

    expect(restored?.deferredBytes).toBeGreaterThan(1 << 20)
    expect(entry?.closed).toBe(false)
    expect(restored?.csObjectAt(7)).toEqual(longTextObject(7))
    expect(entry?.closed).toBe(true)
  })

  it('closes the entry at once when every text was read with the store', async () => {
    const { restored, cache } = await keptAndRestored(longTextStore(20))

    expect(restored?.deferredBytes).toBe(0)
    expect(cache.opened[0]?.state.closed).toBe(true)
    expect(restored?.csObjectAt(19)).toEqual(longTextObject(19))
  })
})
