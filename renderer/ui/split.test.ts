import { describe, expect, it } from 'vitest'
import { clampSplit, splitKeyDelta } from './split'

const limits = { minFirst: 300, minSecond: 320 }

describe('clampSplit', () => {
  it.each([
    [500, 1200, 500],
    [100, 1200, 300],
    [1000, 1200, 880],
    [450.6, 1200, 451],
    [500, 500, 180],
    [500, 200, 0],
  ])('requested %d in a %d px container gives %d', (requested, width, expected) => {
    expect(clampSplit(requested, width, limits)).toBe(expected)
  })
})

describe('splitKeyDelta', () => {
  it.each([
    ['ArrowLeft', false, -16],
    ['ArrowRight', false, 16],
    ['ArrowRight', true, 80],
    ['ArrowUp', false, 0],
  ] as const)('%s (shift %s) moves by %d', (key, shift, expected) => {
    expect(splitKeyDelta(key, shift)).toBe(expected)
  })
})
