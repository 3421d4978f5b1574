import { describe, expect, it } from 'vitest'
import { fitGridHeight, GRID_HEADER_HEIGHT, GRID_ROW_HEIGHT, gridMinWidth } from './grid-height'

describe('fitGridHeight', () => {
  it.each([
    [0, 12, 2],
    [1, 12, 2],
    [5, 12, 5],
    [12, 12, 12],
    [300, 12, 12],
  ])('%i rows with at most %i shown takes %i row heights', (rows, maxRows, shown) => {
    expect(fitGridHeight(rows, maxRows)).toBe(GRID_HEADER_HEIGHT + shown * GRID_ROW_HEIGHT + 2)
  })
})

describe('gridMinWidth', () => {
  it.each([
    [['10rem', 'minmax(6rem, 1fr)', 'minmax( 2.5rem , 3fr)'], '18.5rem'],
    [['1fr', 'auto', '120px'], '0rem'],
    [[], '0rem'],
  ])('%j needs at least %s', (tracks, width) => {
    expect(gridMinWidth(tracks)).toBe(width)
  })
})
