import { describe, expect, it } from 'vitest'
import { createRandom, mixSeed, mulberry32, streamFor } from './random'

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = mulberry32(42)
    const second = mulberry32(42)
    const other = mulberry32(43)

    const a = Array.from({ length: 5 }, () => first())
    const b = Array.from({ length: 5 }, () => second())
    const c = Array.from({ length: 5 }, () => other())

    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
  })

  it('stays in [0, 1) and spreads over the range', () => {
    const next = mulberry32(7)

    const values = Array.from({ length: 10_000 }, () => next())

    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(4700)
    expect(values.filter((value) => value < 0.5).length).toBeLessThan(5300)
  })
})

describe('createRandom', () => {
  it('draws integers, ranges, picks and bytes inside their bounds', () => {
    const random = createRandom(1)

    const ints = Array.from({ length: 1000 }, () => random.int(6))
    const between = Array.from({ length: 1000 }, () => random.between(3, 5))
    const picks = new Set(Array.from({ length: 100 }, () => random.pick(['a', 'b', 'c'])))
    const bytes = random.bytes(64)

    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]))
    expect(new Set(between)).toEqual(new Set([3, 4, 5]))
    expect(picks).toEqual(new Set(['a', 'b', 'c']))
    expect(bytes).toHaveLength(64)
    expect(bytes.every((byte) => byte >= 0 && byte <= 255)).toBe(true)
  })

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError)
  })
})

describe('mixSeed and streamFor', () => {
  it('tells labels apart, including numbers from strings', () => {
    expect(mixSeed(1, 'user', 2)).toBe(mixSeed(1, 'user', 2))
    expect(mixSeed(1, 'user', 2)).not.toBe(mixSeed(1, 'user', 3))
    expect(mixSeed(1, 'user', 2)).not.toBe(mixSeed(1, 'user', '2'))
    expect(mixSeed(1, 'user', 2)).not.toBe(mixSeed(2, 'user', 2))
  })

  it('gives each object its own stream, independent of the others', () => {
    const seventeen = streamFor(9, 'user', 17).next()

    for (let index = 0; index < 17; index++) streamFor(9, 'user', index).next()

    expect(streamFor(9, 'user', 17).next()).toBe(seventeen)
  })
})
