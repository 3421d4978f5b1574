import { describe, expect, it } from 'vitest'
import type { SegmentLoaderFactory, SnapshotSource } from '../io/source'
import { LoadCancelled } from '../model/cancel'
import { generateTrainingSnapshot } from '../training/index'
import { loadSnapshot } from './load-snapshot'
import { threadsWithinMemory } from './parallel-objects'
import { memoryCache } from './testing/memory-cache'
import { memorySegments } from './testing/memory-segments'

const training = generateTrainingSnapshot({ users: 60 })
const totalBytes = training.files.reduce((sum, file) => sum + file.size, 0)

/** Readers that record, in order, what the load asked of them: `prepare` (with its bound), `start`, `release`. */
function recordingSegments(
  source: SnapshotSource,
  automatic: boolean,
): SegmentLoaderFactory & { readonly calls: string[] } {
  const inner = memorySegments(source, { minSegmentBytes: 64 << 10, parallelism: 2, automatic })
  const calls: string[] = []
  return {
    ...inner,
    calls,
    prepare: (bound) => void calls.push(`prepare ${bound}`),
    release: () => void calls.push('release'),
    start: (threads) => {
      calls.push(`start ${threads ?? inner.parallelism}`)
      return inner.start(threads)
    },
  }
}

describe('readers started ahead of a load', () => {
  it('are asked for before the files are read, and released once the load ends', async () => {
    const segments = recordingSegments(training, false)

    await loadSnapshot({ ...training, accelerators: { segments } })

    // A count the user asked for has no memory bound.
    expect(segments.calls).toEqual([`prepare ${Number.POSITIVE_INFINITY}`, 'start 2', 'release'])
  })

  it('are not asked for where the memory bound of a count the host chooses allows no reader', async () => {
    const segments = recordingSegments(training, true)

    await loadSnapshot({ ...training, accelerators: { segments } })

    // About 2 MB of XML: the budget leaves no room for a reader's own heap, so the load reads in one thread.
    expect(threadsWithinMemory(totalBytes, true)).toBe(1)
    expect(segments.calls).toEqual(['release'])
  })

  it('are not asked for where the files are too small to be split; released all the same', async () => {
    const small = generateTrainingSnapshot({ users: 2 })
    const segments = recordingSegments(small, false)
    const tooSmall: typeof segments = { ...segments, minSegmentBytes: totalBytes * 2 }

    await loadSnapshot({ ...small, accelerators: { segments: tooSmall } })

    expect(segments.calls).toEqual(['release'])
  })

  it('are not asked for where the reopen cache holds the objects, whose entry the load then reads', async () => {
    const cache = memoryCache()
    await loadSnapshot({ ...training, accelerators: { cache } })
    const segments = recordingSegments(training, false)

    const reopened = await loadSnapshot({ ...training, accelerators: { cache, segments } })

    expect(segments.calls).toEqual(['release'])
    expect(cache.opened).toHaveLength(1)
    expect(reopened.objects.mvRowCount).toBeGreaterThan(0)
  })

  it('are released, and a cache entry looked up closed, when the load stops before its objects', async () => {
    const cache = memoryCache()
    await loadSnapshot({ ...training, accelerators: { cache } })
    const segments = recordingSegments(training, false)
    const signal = { aborted: false }
    // Cancelled while the first files are recognised, after the cache lookup has started.
    const cancelling: SnapshotSource = {
      ...training,
      files: training.files.map((file, index) =>
        index === 0
          ? {
              ...file,
              head: async (bytes: number) => {
                signal.aborted = true
                return file.head(bytes)
              },
            }
          : file,
      ),
      accelerators: { cache, segments },
    }

    await expect(loadSnapshot(cancelling, undefined, signal)).rejects.toBeInstanceOf(LoadCancelled)
    await new Promise((resolve) => setTimeout(resolve, 0))

    expect(segments.calls).toEqual(['release'])
    expect(cache.opened.map((input) => input.state.closed)).toEqual([true])
  })
})
