import { describe, expect, it } from 'vitest'
import { browserStart } from './start-option'

describe('browserStart', () => {
  it.each([
    ['', 'training'],
    ['?start=empty', 'empty'],
    ['?theme=dark&start=empty', 'empty'],
    ['?start=training', 'training'],
    ['?start=EMPTY', 'training'],
    ['?start', 'training'],
  ] as const)('%j starts on %s', (search, expected) => {
    expect(browserStart(search)).toBe(expected)
  })
})
