import { describe, expect, it } from 'vitest'
import {
  AUTOMATIC_PARALLEL_MIN_BYTES,
  askedReaders,
  diskSegmentReaders,
  segmentReaderCount,
} from './segment-workers'

describe('segment readers', () => {
  it.each([
    [1, undefined, 0, 1],
    [2, undefined, 0.2, 2],
    [2, undefined, 0.8, 1],
    [2, undefined, 6, 1],
    [4, undefined, 1, 3],
    [8, undefined, 0, 8],
    [8, undefined, 2.6, 5],
    [32, undefined, 0, 8],
    [2, '2', 6, 2],
    [8, '1', 0, 1],
    [8, 'many', 0, 8],
    [8, '0', 0, 8],
  ])(
    'reads with, for %i cores, SYNCLENS_READERS=%s and a load of %f: %i threads',
    (cores, setting, load, expected) => {
      expect(segmentReaderCount(cores, setting, load)).toBe(expected)
    },
  )

  it('reads in one thread where the running code is not a bundle (tests, development)', () => {
    expect(diskSegmentReaders(new Map(), 4).parallelism).toBe(1)
  })

  it('leaves loads under a gigabyte to one thread unless SYNCLENS_READERS asks for readers', () => {
    expect(diskSegmentReaders(new Map(), 2, false).minTotalBytes).toBe(AUTOMATIC_PARALLEL_MIN_BYTES)
    expect(diskSegmentReaders(new Map(), 2, true).minTotalBytes).toBeUndefined()
    expect(askedReaders('3')).toBe(3)
    expect(askedReaders('many')).toBeNull()
    expect(askedReaders(undefined)).toBeNull()
  })
})
