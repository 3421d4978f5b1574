import { describe, expect, it } from 'vitest'
import { median, percentile, percentiles } from './stats'

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index)

  it.each([
    [0.5, 50],
    [0.95, 95],
    [1, 100],
    [0, 1],
  ])('takes the nearest rank for share %f', (share, expected) => {
    expect(percentile(hundred, share)).toBe(expected)
  })

  it('is NaN without samples', () => {
    expect(percentile([], 0.5)).toBeNaN()
  })

  it('gives the only sample of one', () => {
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7 })
  })

  it('takes the lower middle of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2)
  })
})
