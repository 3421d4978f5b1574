import { describe, expect, it } from 'vitest'
import { selectedPosition, settledSelection, type SelectionRows } from './grid-selection'

/** Rows by position; `undefined` entries are still loading. */
function rowsOf(rows: readonly (string | undefined)[]): SelectionRows<string> {
  return { count: rows.length, rowAt: (index) => rows[index] }
}

const identity = (row: string): string => row

/** A key lookup that records each call, so the tests can tell a position check from a lookup. */
function recordingLookup(rows: readonly (string | undefined)[]): {
  readonly lookup: (key: string) => number
  readonly calls: string[]
} {
  const calls: string[] = []
  return { calls, lookup: (key) => (calls.push(key), rows.indexOf(key)) }
}

describe('selectedPosition', () => {
  it('finds the row at the position it was selected at without a lookup', () => {
    const rows = ['a', 'b', 'c']
    const { lookup, calls } = recordingLookup(rows)

    expect(selectedPosition({ key: 'b', index: 1 }, rowsOf(rows), identity, lookup)).toBe(1)
    expect(calls).toEqual([])
  })

  it('looks a moved row up by key (after sorting or filtering)', () => {
    const rows = ['c', 'a', 'b']
    const { lookup, calls } = recordingLookup(rows)

    expect(selectedPosition({ key: 'b', index: 1 }, rowsOf(rows), identity, lookup)).toBe(2)
    expect(calls).toEqual(['b'])
  })

  it.each([
    ['nothing is selected', null, ['a'], -1],
    ['the row is gone', { key: 'z', index: 0 }, ['a', 'b'], -1],
    ['an initial key has no position yet', { key: 'b', index: -1 }, ['a', 'b'], 1],
    ['a loading row was selected and is still loading', { key: null, index: 1 }, ['a', undefined], 1],
    ['a loading row was selected and has loaded', { key: null, index: 1 }, ['a', 'b'], 1],
    ['a loading row was selected and the rows are now fewer', { key: null, index: 3 }, ['a'], -1],
    [
      'a loaded row was selected and its position is loading again',
      { key: 'b', index: 1 },
      ['a', undefined],
      -1,
    ],
  ] as const)('gives the right position when %s', (_case, selection, rows, expected) => {
    const { lookup } = recordingLookup(rows)

    expect(selectedPosition(selection, rowsOf(rows), identity, lookup)).toBe(expected)
  })

  it('treats Object.prototype names as ordinary keys', () => {
    const rows = ['toString', '__proto__', 'constructor']
    const { lookup } = recordingLookup(rows)

    expect(selectedPosition({ key: '__proto__', index: 0 }, rowsOf(rows), identity, lookup)).toBe(1)
  })
})

describe('settledSelection', () => {
  it('keeps the same object when the selection is where it was', () => {
    const selection = { key: 'b', index: 1 }

    expect(settledSelection(selection, 1, rowsOf(['a', 'b']), identity)).toBe(selection)
  })

  it('moves the selection to where its row was found', () => {
    expect(settledSelection({ key: 'b', index: 1 }, 0, rowsOf(['b', 'a']), identity)).toEqual({
      key: 'b',
      index: 0,
    })
  })

  it('takes the key of a row that loaded after it was selected', () => {
    expect(settledSelection({ key: null, index: 1 }, 1, rowsOf(['a', 'b']), identity)).toEqual({
      key: 'b',
      index: 1,
    })
  })

  it('keeps a selection that is not shown, so it comes back when its row does', () => {
    const selection = { key: 'z', index: 4 }

    expect(settledSelection(selection, -1, rowsOf(['a']), identity)).toBe(selection)
    expect(settledSelection(null, -1, rowsOf(['a']), identity)).toBeNull()
  })
})
