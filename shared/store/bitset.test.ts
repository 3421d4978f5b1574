import { describe, expect, it } from 'vitest'
import { Bitset } from './bitset'

function setOf(size: number, rows: readonly number[]): Bitset {
  const set = new Bitset(size)
  rows.forEach((row) => set.add(row))
  return set
}

describe('Bitset', () => {
  it('combines sets with and, and-not and or', () => {
    const left = setOf(70, [0, 31, 32, 33, 69])
    const right = setOf(70, [31, 33, 64])

    expect(Array.from(left.clone().and(right).rowsInRange(0, 70))).toEqual([31, 33])
    expect(Array.from(left.clone().andNot(right).rowsInRange(0, 70))).toEqual([0, 32, 69])
    expect(Array.from(left.clone().or(right).rowsInRange(0, 70))).toEqual([0, 31, 32, 33, 64, 69])
  })

  it('limits operations to a range of rows', () => {
    const left = setOf(96, [1, 40, 70])
    const right = setOf(96, [2, 41, 71])

    left.or(right, 32, 64)

    expect(Array.from(left.rowsInRange(0, 96))).toEqual([1, 40, 41, 70])
  })

  it('counts rows in ranges that do not align with words', () => {
    const set = Bitset.full(100)

    expect(set.count()).toBe(100)
    expect(set.countRange(3, 97)).toBe(94)
    expect(set.countRange(31, 33)).toBe(2)
    expect(set.has(99)).toBe(true)
    expect(set.has(100)).toBe(false)
  })

  it('removes rows', () => {
    const set = setOf(40, [5, 35])

    set.delete(35)

    expect(Array.from(set.rowsInRange(0, 40))).toEqual([5])
  })
})
