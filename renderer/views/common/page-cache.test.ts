import { describe, expect, it } from 'vitest'
import { firstPage, missingPages, pageRowSource, withPage } from './page-cache'

const answer = { searchId: 7, total: 25, rows: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }

describe('page cache', () => {
  it('asks only for the uncached, unrequested pages a visible range needs', () => {
    const cache = firstPage(answer, 10)

    expect(missingPages(cache, 0, 8, new Set())).toEqual([])
    expect(missingPages(cache, 5, 24, new Set())).toEqual([1, 2])
    expect(missingPages(cache, 5, 24, new Set([1]))).toEqual([2])
    expect(missingPages(cache, 20, 500, new Set())).toEqual([2])
  })

  it('reads rows from cached pages by position and undefined elsewhere', () => {
    const cache = withPage(firstPage(answer, 10), 2, ['u', 'v', 'w', 'x', 'y'])

    const source = pageRowSource(cache)

    expect(source.count).toBe(25)
    expect(source.rowAt(9)).toBe('j')
    expect(source.rowAt(10)).toBeUndefined()
    expect([20, 21, 22, 23, 24].map((index) => source.rowAt(index))).toEqual(['u', 'v', 'w', 'x', 'y'])
    expect(source.rowAt(-1)).toBeUndefined()
    expect(source.rowAt(25)).toBeUndefined()
  })

  it('is complete once every page has arrived, counting a page received twice once', () => {
    const partial = withPage(withPage(firstPage(answer, 10), 2, ['u', 'v', 'w', 'x', 'y']), 2, [
      'u',
      'v',
      'w',
      'x',
      'y',
    ])
    const whole = withPage(partial, 1, ['k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't'])

    expect(partial.loaded).toBe(15)
    expect(pageRowSource(partial).complete).toBe(false)
    expect(whole.loaded).toBe(25)
    expect(pageRowSource(whole).complete).toBe(true)
  })

  it('needs nothing for an empty result, which is complete', () => {
    const empty = firstPage({ searchId: 1, total: 0, rows: [] }, 10)

    expect(missingPages(empty, 0, 30, new Set())).toEqual([])
    expect(pageRowSource(empty).complete).toBe(true)
  })
})
