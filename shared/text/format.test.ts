import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDuration, formatRate, percent } from './format'

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [2 * 1024 ** 5, '2048 TB'],
    [-1, '?'],
    [Number.NaN, '?'],
  ])('formats %d bytes as %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected)
  })
})

describe('formatRate', () => {
  it.each([
    [0, '–'],
    [-5, '–'],
    [Number.POSITIVE_INFINITY, '–'],
    [1024 * 1024, '1.0 MB/s'],
    [63 * 1024 * 1024, '63 MB/s'],
    [512 * 1024, '0.5 MB/s'],
  ])('formats %d bytes per second as %s', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected)
  })
})

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [-1, '–'],
    [0.4, '< 1 s'],
    [42.4, '42 s'],
    [59.6, '1 min 00 s'],
    [185, '3 min 05 s'],
    [3725, '1 h 02 min'],
  ])('formats %s seconds as %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected)
  })
})

describe('formatCount', () => {
  it('groups thousands with commas whatever the machine locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
  })
})

describe('percent', () => {
  it.each([
    [0, 100, 0],
    [50, 100, 50],
    [99.9, 100, 99],
    [150, 100, 100],
    [0, 0, 0],
    [5, 0, 100],
  ])('%d of %d is %d%%', (done, total, expected) => {
    expect(percent(done, total)).toBe(expected)
  })
})
