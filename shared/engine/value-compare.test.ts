import { describe, expect, it } from 'vitest'
import { describeValues, sameValues } from './value-compare'

describe('sameValues', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [['a'], ['A'], false],
    [['True'], ['true'], true],
    [['a', 'a'], ['a'], false],
    [[], [], true],
  ] as const)('%j vs %j is %s', (left, right, expected) => {
    expect(sameValues(left, right)).toBe(expected)
  })
})

describe('describeValues', () => {
  it('quotes up to three values and counts the rest', () => {
    expect(describeValues([])).toBe('no value')
    expect(describeValues(['a', 'b', 'c', 'd', 'e'])).toBe('"a", "b", "c" and 2 more')
  })
})
