import { describe, expect, it } from 'vitest'
import { cellClipboardText, copyTarget, nextColumnIndex, rowClipboardText } from './grid-cell-keys'

const plain = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }

describe('copyTarget', () => {
  it.each([
    [{ ...plain, key: 'c', ctrlKey: true }, 'cell'],
    [{ ...plain, key: 'C', ctrlKey: true, shiftKey: true }, 'row'],
    [{ ...plain, key: 'c', metaKey: true }, 'cell'],
    [{ ...plain, key: 'c' }, null],
    [{ ...plain, key: 'c', ctrlKey: true, altKey: true }, null],
    [{ ...plain, key: 'v', ctrlKey: true }, null],
  ] as const)('%o -> %s', (event, expected) => {
    expect(copyTarget(event)).toBe(expected)
  })
})

describe('nextColumnIndex', () => {
  it.each([
    ['ArrowRight', 0, 3, 1],
    ['ArrowRight', 2, 3, 2],
    ['ArrowLeft', 0, 3, 0],
    ['ArrowLeft', 2, 3, 1],
    ['ArrowDown', 1, 3, null],
    ['ArrowLeft', 0, 0, null],
  ] as const)('%s from %i of %i -> %s', (key, current, count, expected) => {
    expect(nextColumnIndex(key, current, count)).toBe(expected)
  })
})

describe('rowClipboardText', () => {
  it('joins cells with tabs and flattens line breaks inside a cell', () => {
    expect(rowClipboardText(['CN=Anna', 'a\tb', 'line1\r\nline2'])).toBe('CN=Anna\ta b\tline1 line2')
  })
})

describe('clipboard guards', () => {
  it('guards every cell of a copied row and a copied cell against formulas', () => {
    expect(rowClipboardText(["=cmd|' /C calc'!A0", ' @SUM(1)', 'ok'])).toBe(
      "'=cmd|' /C calc'!A0\t' @SUM(1)\tok",
    )
    expect(cellClipboardText('+1 555')).toBe("'+1 555")
    expect(cellClipboardText('CN=Anna')).toBe('CN=Anna')
  })
})
