import { describe, expect, it } from 'vitest'
import { firstPage, missingPages, rowSlots, withPage } from './page-cache'

const answer = { searchId: 7, total: 25, rows: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }

describe('page cache', () => {
  it('asks only for the uncached, unrequested pages a visible range needs', () => {
    const cache = firstPage(answer, 10)

    expect(missingPages(cache, 0, 8, new Set())).toEqual([])
    expect(missingPages(cache, 5, 24, new Set())).toEqual([1, 2])
    expect(missingPages(cache, 5, 24, new Set([1]))).toEqual([2])
    expect(missingPages(cache, 20, 500, new Set())).toEqual([2])
  })

  it('fills slots from cached pages and leaves the rest undefined', () => {
    const cache = withPage(firstPage(answer, 10), 2, ['u', 'v', 'w', 'x', 'y'])

    const slots = rowSlots(cache)

    expect(slots).toHaveLength(25)
    expect(slots[9]).toBe('j')
    expect(slots[10]).toBeUndefined()
    expect(slots.slice(20)).toEqual(['u', 'v', 'w', 'x', 'y'])
  })

  it('needs nothing for an empty result', () => {
    expect(missingPages(firstPage({ searchId: 1, total: 0, rows: [] }, 10), 0, 30, new Set())).toEqual([])
  })
})
