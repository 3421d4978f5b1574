import { describe, expect, it } from 'vitest'
import { arrayRowSource, keyedLookup, loadedRows, type RowSource } from './row-source'

/** A source of `count` rows where only the listed positions are loaded. */
function partialSource(count: number, loaded: ReadonlyMap<number, string>): RowSource<string> {
  return { count, complete: loaded.size === count, rowAt: (index) => loaded.get(index) }
}

describe('row sources', () => {
  it('reads an array by position, complete from the start', () => {
    const source = arrayRowSource(['a', 'b'])

    expect([source.count, source.complete, source.rowAt(1), source.rowAt(2)]).toEqual([
      2,
      true,
      'b',
      undefined,
    ])
  })

  it('lists every row of a complete source and nothing of a partial one', () => {
    expect(loadedRows(arrayRowSource(['x', 'y', 'z']))).toEqual(['x', 'y', 'z'])
    expect(loadedRows(partialSource(3, new Map([[0, 'x']])))).toBeNull()
    expect(loadedRows(arrayRowSource([]))).toEqual([])
  })

  it('finds rows by key, including names that are Object.prototype members', () => {
    const find = keyedLookup(arrayRowSource(['toString', '__proto__', 'constructor', 'mail']), (row) => row)

    expect(['mail', '__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(find)).toEqual([
      3, 1, 2, 0, -1,
    ])
  })

  it('finds the first of two rows with the same key, and skips rows still loading', () => {
    const source = partialSource(
      4,
      new Map([
        [1, 'dup'],
        [2, 'dup'],
        [3, 'last'],
      ]),
    )

    const find = keyedLookup(source, (row) => row)

    expect([find('dup'), find('last')]).toEqual([1, 3])
  })
})
