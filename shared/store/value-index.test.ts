import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldCase } from '../text/fold'
import { TextPool } from './text-pool'
import { SortedIndexBuild, buildSortedIndex, sortedRange } from './value-index'

function poolOf(values: readonly string[]): TextPool {
  const pool = new TextPool()
  for (const value of values) pool.push(value)
  pool.seal()
  return pool
}

/** The order the index must have: by folded value, equal values by index (one stable sort). */
function expectedOrder(values: readonly string[]): number[] {
  return values
    .map((value, index) => ({ key: foldCase(value), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map((entry) => entry.index)
}

/** Values with many duplicates and case variants, some whose lower case is longer (İ), some wide. */
const value = fc.oneof(
  fc.constantFrom('', 'a', 'A', 'ab', 'AB', 'b', 'İstanbul', 'istanbul', 'Ærø', 'ærø', '日本'),
  fc.string({ maxLength: 6 }),
)

describe('SortedIndexBuild', () => {
  it('orders by folded value and keeps equal values in index order', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        expect(Array.from(buildSortedIndex(poolOf(values)))).toEqual(expectedOrder(values))
      }),
    )
  })

  it.each([0, 1, 2047, 2048, 2049, 6000, 20_000])(
    'gives the same index one unit at a time as in one go (%i values)',
    (count) => {
      const values = Array.from({ length: count }, (_, index) => `V${(index * 7919) % 1009}-${index % 3}`)
      const pool = poolOf(values)
      const build = new SortedIndexBuild(pool)
      let steps = 0
      let index: Uint32Array | null = null
      while (index === null) {
        index = build.step(() => true)
        steps += 1
      }

      expect(Array.from(index)).toEqual(expectedOrder(values))
      if (count > 4096) expect(steps).toBeGreaterThan(count / 8192)
    },
  )

  it('finishes a build that was started in steps', () => {
    const values = Array.from({ length: 9000 }, (_, index) => `name${9000 - index}`)
    const pool = poolOf(values)
    const build = new SortedIndexBuild(pool)
    for (let step = 0; step < 5; step += 1) expect(build.step(() => true)).toBeNull()

    expect(Array.from(build.finish())).toEqual(expectedOrder(values))
  })

  it('answers Equals and Starts with through the index it built', () => {
    const values = ['Beta', 'alpha', 'ALPHA', 'alphabet', 'gamma']
    const pool = poolOf(values)
    const index = buildSortedIndex(pool)
    const found = (needle: string, match: 'equals' | 'starts-with'): number[] => {
      const [start, end] = sortedRange(pool, index, needle, match)
      return Array.from(index.subarray(start, end))
    }

    expect(found('Alpha', 'equals')).toEqual([1, 2])
    expect(found('alp', 'starts-with')).toEqual([1, 2, 3])
    expect(found('delta', 'equals')).toEqual([])
  })
})
