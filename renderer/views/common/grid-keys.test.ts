import { describe, expect, it } from 'vitest'
import { isGridNavigationKey, nextRowIndex, rowsPerPage } from './grid-keys'

describe('nextRowIndex', () => {
  it.each([
    ['ArrowDown', 0, 10, 1],
    ['ArrowDown', 9, 10, 9],
    ['ArrowUp', 5, 10, 4],
    ['ArrowUp', 0, 10, 0],
    ['PageDown', 2, 10, 6],
    ['PageDown', 8, 10, 9],
    ['PageUp', 7, 10, 3],
    ['PageUp', 2, 10, 0],
    ['Home', 7, 10, 0],
    ['End', 2, 10, 9],
  ] as const)('%s from row %d of %d selects row %d (page of 4)', (key, current, count, expected) => {
    expect(nextRowIndex(key, current, count, 4)).toBe(expected)
  })

  it.each([
    ['ArrowDown', 0],
    ['PageDown', 0],
    ['Home', 0],
    ['ArrowUp', 9],
    ['PageUp', 9],
    ['End', 9],
  ] as const)('with nothing selected, %s selects row %d', (key, expected) => {
    expect(nextRowIndex(key, -1, 10, 4)).toBe(expected)
  })

  it('treats a selection beyond the rows (after the list shrank) as no selection', () => {
    expect(nextRowIndex('ArrowDown', 12, 3, 4)).toBe(0)
  })

  it('returns -1 for an empty grid', () => {
    expect(nextRowIndex('ArrowDown', -1, 0, 4)).toBe(-1)
  })

  it('moves at least one row when the page size is below one', () => {
    expect(nextRowIndex('PageDown', 0, 10, 0)).toBe(1)
  })
})

describe('rowsPerPage', () => {
  it.each([
    [320, 32, 9],
    [330, 32, 9],
    [20, 32, 1],
    [320, 0, 1],
  ])('a %d px viewport of %d px rows pages by %d', (height, rowHeight, expected) => {
    expect(rowsPerPage(height, rowHeight)).toBe(expected)
  })
})

describe('isGridNavigationKey', () => {
  it('accepts navigation keys and rejects others', () => {
    expect(['ArrowDown', 'End', 'Enter', 'a', 'ArrowLeft'].map(isGridNavigationKey)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
  })
})
