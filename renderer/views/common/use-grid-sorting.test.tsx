// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { GridColumn } from './data-grid-row'
import { arrayRowSource, type RowSource } from './row-source'
import { useGridSorting } from './use-grid-sorting'

afterEach(cleanup)

interface Rule {
  readonly name: string
  readonly precedence: number
}

const COLUMNS: readonly GridColumn<Rule>[] = [
  { id: 'name', header: 'Name', width: '1fr', text: (row) => row.name },
  {
    id: 'precedence',
    header: 'Precedence',
    width: '1fr',
    text: (row) => String(row.precedence),
    sortValue: (row) => row.precedence,
  },
]

const RULES: readonly Rule[] = [
  { name: 'In from AD - User Join', precedence: 100 },
  { name: 'In from AAD - User Join', precedence: 9 },
  { name: 'In from AD - User Common', precedence: 50 },
]

const CLICK = { shiftKey: false }

function names(source: RowSource<Rule>): (string | undefined)[] {
  return Array.from({ length: source.count }, (_, index) => source.rowAt(index)?.name)
}

function render(source: RowSource<Rule>) {
  return renderHook(({ rows }) => useGridSorting(rows, COLUMNS), { initialProps: { rows: source } })
}

describe('useGridSorting', () => {
  it('shows the source itself until a header is clicked', () => {
    const source = arrayRowSource(RULES)

    const { result } = render(source)

    expect(result.current.shown).toBe(source)
    expect(result.current.sortable).toBe(true)
    expect(result.current.direction('name')).toBe(false)
  })

  it('sorts text ascending first, then descending, then back to the original order', () => {
    const { result } = render(arrayRowSource(RULES))

    act(() => result.current.toggle('name', CLICK))
    expect(result.current.direction('name')).toBe('asc')
    expect(names(result.current.shown)).toEqual([
      'In from AAD - User Join',
      'In from AD - User Common',
      'In from AD - User Join',
    ])
    act(() => result.current.toggle('name', CLICK))
    expect(result.current.direction('name')).toBe('desc')
    expect(names(result.current.shown)[0]).toBe('In from AD - User Join')
    act(() => result.current.toggle('name', CLICK))

    expect(result.current.direction('name')).toBe(false)
    expect(names(result.current.shown)).toEqual(RULES.map((rule) => rule.name))
  })

  it('sorts a numeric column by its value, largest first', () => {
    const { result } = render(arrayRowSource(RULES))

    act(() => result.current.toggle('precedence', CLICK))

    expect(result.current.direction('precedence')).toBe('desc')
    expect(
      names(result.current.shown).map((name) => RULES.find((rule) => rule.name === name)?.precedence),
    ).toEqual([100, 50, 9])
  })

  it('does not sort while rows are loading, and drops a sort when a new search starts', () => {
    const loading: RowSource<Rule> = { count: 3, complete: false, rowAt: (index) => RULES[index] }
    const { result, rerender } = render(arrayRowSource(RULES))
    act(() => result.current.toggle('name', CLICK))

    rerender({ rows: loading })

    expect(result.current.sortable).toBe(false)
    expect(result.current.direction('name')).toBe(false)
    expect(result.current.shown).toBe(loading)
    act(() => result.current.toggle('name', CLICK))
    expect(result.current.direction('name')).toBe(false)
  })
})
