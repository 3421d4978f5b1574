import { describe, expect, it } from 'vitest'
import { nextTabIndex } from './tab-keys'

describe('nextTabIndex', () => {
  it.each([
    ['ArrowRight', 0, 4, 1],
    ['ArrowRight', 3, 4, 0],
    ['ArrowLeft', 0, 4, 3],
    ['ArrowLeft', 2, 4, 1],
    ['Home', 2, 4, 0],
    ['End', 0, 4, 3],
    ['Enter', 1, 4, null],
    ['ArrowRight', 0, 0, null],
  ] as const)('%s from tab %d of %d goes to %s', (key, current, count, expected) => {
    expect(nextTabIndex(key, current, count)).toBe(expected)
  })
})
