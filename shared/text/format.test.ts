import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDuration, formatRate, percent } from './format'

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [10 * 1024, '10 KiB'],
    [10.6 * 1024, '11 KiB'],
    [5.25 * 1024 * 1024, '5.3 MiB'],
    [64 * 1024 * 1024, '64 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
    [2.5 * 1024 ** 3, '2.5 GiB'],
    [2 * 1024 ** 5, '2048 TiB'],
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
    [1024 * 1024, '1.0 MiB/s'],
    [63 * 1024 * 1024, '63 MiB/s'],
    [512 * 1024, '0.5 MiB/s'],
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
