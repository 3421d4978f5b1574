import { describe, expect, it } from 'vitest'
import { TextPool } from './text-pool'
import { scanPool } from './value-scan'

function poolOf(values: readonly string[]): TextPool {
  const pool = new TextPool()
  values.forEach((value) => pool.push(value))
  pool.seal()
  return pool
}

describe('TextPool', () => {
  it('reads back strings before and after sealing, across many chunks', () => {
    const values = Array.from({ length: 10_000 }, (_, index) =>
      index % 97 === 0 ? 'x'.repeat(70_000) : `value ${index}`,
    )
    const pool = new TextPool()

    values.forEach((value) => pool.push(value))
    const beforeSeal = values.map((_, index) => pool.get(index))
    pool.seal()

    expect(beforeSeal).toEqual(values)
    expect(values.map((_, index) => pool.get(index))).toEqual(values)
    expect(pool.chunks().length).toBeGreaterThan(3)
  })

  it('keeps empty strings and strings holding the separator', () => {
    const values = ['', '\u0000', '', 'a\u0000b', '']

    expect(values.map((_, index) => poolOf(values).get(index))).toEqual(values)
  })
})

describe('scanPool', () => {
  const values = [
    'Jeff Smith',
    'smith',
    'Mary SMITHSON',
    '',
    'Zoë',
    'ΟΔΟΣ',
    'İstanbul',
    'a\u0000b',
    'blacksmith',
  ]
  const scan = (
    needle: string,
    match: Parameters<typeof scanPool>[4],
    from = 0,
    to = values.length,
  ): number[] => {
    const found: number[] = []
    scanPool(poolOf(values), from, to, needle, match, (index) => found.push(index))
    return found
  }

  it.each([
    ['smith', 'contains', [0, 1, 2, 8]],
    ['SMITH', 'equals', [1]],
    ['smith', 'starts-with', [1]],
    ['mary smith', 'starts-with', [2]],
    ['smith', 'ends-with', [0, 1, 8]],
    ['', 'contains', [0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ['', 'equals', [3]],
    ['zoë', 'equals', [4]],
    ['zoe', 'equals', []],
    ['οδος', 'equals', [5]],
    ['istanbul', 'contains', []],
    ['i̇stanbul', 'equals', [6]],
    ['\u0000', 'contains', [7]],
    ['b\u0000m', 'contains', []],
    ['h\u0000', 'contains', []],
  ] as const)('finds %j with %s', (needle, match, expected) => {
    expect(scan(needle, match)).toEqual(expected)
  })

  it('scans only the range asked for', () => {
    expect(scan('smith', 'contains', 1, 3)).toEqual([1, 2])
  })
})
