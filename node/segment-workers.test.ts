import { describe, expect, it } from 'vitest'
import { diskSegmentReaders, segmentReaderCount } from './segment-workers'

describe('segment readers', () => {
  it.each([
    [1, undefined, 1],
    [2, undefined, 1],
    [4, undefined, 3],
    [8, undefined, 7],
    [32, undefined, 8],
    [2, '2', 2],
    [8, '1', 1],
    [8, 'many', 7],
    [8, '0', 7],
  ])('starts for %i cores and SYNCLENS_READERS=%s: %i', (cores, setting, expected) => {
    expect(segmentReaderCount(cores, setting)).toBe(expected)
  })

  it('reads in one thread where the running code is not a bundle (tests, development)', () => {
    expect(diskSegmentReaders(new Map(), 4).parallelism).toBe(1)
  })
})
