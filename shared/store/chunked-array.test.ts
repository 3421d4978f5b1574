import { describe, expect, it } from 'vitest'
import { SmallIdArray, uint32Array } from './chunked-array'

describe('ChunkedArray', () => {
  it('grows across chunks without losing values', () => {
    const array = uint32Array()

    for (let index = 0; index < 200_000; index += 1) array.push(index * 3)

    expect(array.length).toBe(200_000)
    expect([array.get(0), array.get(65_535), array.get(65_536), array.get(199_999)]).toEqual([
      0, 196_605, 196_608, 599_997,
    ])
  })

  it('finds lower bounds in sorted data', () => {
    const array = uint32Array()
    ;[1, 3, 3, 3, 7].forEach((value) => array.push(value))

    expect([0, 1, 3, 4, 7, 8].map((value) => array.lowerBound(value))).toEqual([0, 0, 1, 4, 4, 5])
  })

  it('starts small', () => {
    const array = uint32Array()

    array.push(1)

    expect(array.byteSize()).toBeLessThan(100)
  })
})

describe('ChunkedArray.parts', () => {
  it('gives any range as views of the chunks, across chunk boundaries', () => {
    const array = uint32Array()
    for (let index = 0; index < 200_000; index += 1) array.push(index)
    const joined = (parts: Uint32Array[]): number[] => parts.flatMap((part) => Array.from(part))

    expect(array.parts().map((part) => part.length)).toEqual([65_536, 65_536, 65_536, 3_392])
    expect(joined(array.parts(65_530, 65_540))).toEqual([
      65_530, 65_531, 65_532, 65_533, 65_534, 65_535, 65_536, 65_537, 65_538, 65_539,
    ])
    expect(array.parts(65_530, 65_540).map((part) => part.length)).toEqual([6, 4])
    expect(joined(array.parts(199_998))).toEqual([199_998, 199_999])
    expect(array.parts(10, 10)).toEqual([])
    expect(array.parts(199_999, 300_000).map((part) => part.length)).toEqual([1])
    // Views, not copies.
    const [view] = array.parts(5, 6)
    if (view === undefined) throw new Error('expected a view')
    view[0] = 42
    expect(array.get(5)).toBe(42)
  })
})

describe('SmallIdArray', () => {
  it('widens to 32 bits when a value needs it, keeping earlier values', () => {
    const array = new SmallIdArray()
    array.push(65_535)
    const narrow = array.byteSize()

    array.push(65_536)

    expect([array.get(0), array.get(1)]).toEqual([65_535, 65_536])
    expect(array.byteSize()).toBeGreaterThan(narrow)
  })
})

describe('ChunkedArray.appendAll and flat', () => {
  it.each([
    [0, 70_000],
    [10, 140_000],
    [65_530, 20],
    [65_536, 65_536],
  ])('appends %i then %i entries across chunk boundaries, with and without an offset', (first, second) => {
    const array = uint32Array()
    for (let index = 0; index < first; index += 1) array.push(index)
    const more = Uint32Array.from({ length: second }, (_, index) => index * 3)
    array.appendAll(more)
    array.appendAll([1, 2, 3], 100)

    expect(array.length).toBe(first + second + 3)
    expect(array.get(first - 1)).toBe(Math.max(0, first - 1))
    expect(array.get(first + second - 1)).toBe((second - 1) * 3)
    expect(array.get(first + second + 2)).toBe(103)
    const flat = array.flat()
    expect(flat.length).toBe(array.length)
    expect(flat[first]).toBe(0)
    expect(flat[first + second]).toBe(101)
  })
})
