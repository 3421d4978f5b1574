import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonErrorOffset } from './json-error'

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a": 1', 7],
    ['[1,]', 3],
    ['', 0],
    ['{"a" 1}', 5],
    ['{"a": "x\ny"}', 8],
    ['{"a": "\\q"}', 7],
    ['{"a": tru}', 6],
    ['{} x', 3],
    ['[1 2]', 3],
    ['{"a": 01}', 7],
    ['{a: 1}', 1],
  ])('finds the error in %j at offset %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset)
  })

  it('survives nesting far deeper than the call stack', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000)
  })

  it('agrees with JSON.parse on which texts are valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((json) => json.slice(0, -1)),
        ),
        (text) => {
          let valid = true
          try {
            JSON.parse(text)
          } catch {
            valid = false
          }
          expect(jsonErrorOffset(text) === null).toBe(valid)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
