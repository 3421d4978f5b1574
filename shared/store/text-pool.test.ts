import { describe, expect, it } from 'vitest'
import { memoryInput } from '../io/source'
import { BinaryReader, BinaryWriter } from './binary'
import { foldCase } from '../text/fold'
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

describe('TextPool.pushAscii', () => {
  const ascii = new TextEncoder()
  /** Values of every length class: empty, short, copied byte by byte or as a view, and one that fills a chunk. */
  const values = Array.from({ length: 3_000 }, (_, index) => {
    if (index % 11 === 0) return ''
    if (index % 13 === 0) return `Łódź ${index}`
    if (index % 17 === 0) return 'a\u0000b'
    if (index % 29 === 0) return `long value ${index} `.repeat(9)
    if (index === 1_500) return 'x'.repeat(70_000)
    return `value ${index}`
  })
  const plain = (value: string): boolean => [...value].every((char) => char > '\u0000' && char < '\u0080')

  /** The pool with each plain ASCII value pushed as bytes out of a larger buffer, and the others as strings. */
  function mixed(): TextPool {
    const pool = new TextPool()
    values.forEach((value, index) => {
      if (!plain(value)) {
        expect(pool.push(value)).toBe(index)
        return
      }
      const bytes = ascii.encode(`<<${value}>>`)
      expect(pool.pushAscii(bytes, 2, bytes.length - 2)).toBe(index)
    })
    return pool
  }

  it('makes the same chunks as push, the same strings and the same binary form', () => {
    const pool = mixed()
    const expected = poolOf(values)
    pool.seal()

    expect(pool.length).toBe(values.length)
    expect(values.map((_, index) => pool.get(index))).toEqual(values)
    expect(pool.chunks()).toEqual(expected.chunks())
    expect(values.map((_, index) => pool.start(index))).toEqual(
      values.map((_, index) => expected.start(index)),
    )
    const binary = (of: TextPool): Uint8Array[] => {
      const out = new BinaryWriter(1)
      of.writeTo(out)
      return Array.from(out.pieces(), (piece) => piece.slice())
    }
    expect(binary(pool)).toEqual(binary(expected))
  })

  it('reads back a string not yet in a chunk, and counts the bytes it holds before the seal', () => {
    const pool = new TextPool()
    const bytes = ascii.encode('firstsecond')
    pool.push('zero')
    pool.pushAscii(bytes, 0, 5)
    expect(pool.byteSize()).toBeGreaterThan(5)
    pool.pushAscii(bytes, 5, 11)

    expect([pool.get(2), pool.get(1), pool.get(0)]).toEqual(['second', 'first', 'zero'])
    pool.push('third')
    expect(pool.get(3)).toBe('third')
    pool.seal()
    expect(pool.chunks().map((chunk) => chunk.text)).toEqual(['zero\u0000first\u0000second', 'third'])
  })
})

describe('TextPool read back from a file', () => {
  /** The pool written and read back through an input that is not in memory (as the reopen cache reads a file). */
  function readBack(pool: TextPool, fromFile: boolean): TextPool {
    const out = new BinaryWriter(1)
    pool.writeTo(out)
    const pieces = Array.from(out.pieces(), (piece) => piece.slice())
    const bytes = new Uint8Array(out.byteLength)
    let offset = 0
    for (const piece of pieces) {
      bytes.set(piece, offset)
      offset += piece.byteLength
    }
    const memory = memoryInput(bytes)
    const input = fromFile
      ? { byteLength: bytes.byteLength, read: memory.read, close: () => undefined }
      : memory
    const read = new TextPool()
    read.readFrom(new BinaryReader(input, 1))
    return read
  }

  // Over a megabyte each of one-byte and two-byte text, so that runs are kept as bytes until first read.
  const values = Array.from({ length: 60_000 }, (_, index) =>
    index % 3 === 0 ? `Łukasz — 東京 ${index}` : `value number ${index} of the pool`,
  )
  const pool = poolOf(values)

  it('reads back every string, from a file and from memory, as written', () => {
    // Before any string is made, the pool counts the bytes it will hold as a pool read from memory counts them.
    expect(readBack(pool, true).byteSize()).toBe(readBack(pool, false).byteSize())
    for (const fromFile of [true, false]) {
      const read = readBack(pool, fromFile)
      expect(values.map((_, index) => read.get(index))).toEqual(values)
      expect(read.chunks().map((chunk) => chunk.text)).toEqual(pool.chunks().map((chunk) => chunk.text))
    }
  })

  it('gives whole chunks to a scan and joins with another pool', () => {
    const read = readBack(pool, true)
    const joined = poolOf(['first'])
    joined.append(read)
    expect(joined.get(0)).toBe('first')
    expect(joined.get(values.length)).toBe(values.at(-1))
    const found: number[] = []
    scanPool(read, 0, read.length, foldCase('KASZ — 東京 59997'), 'contains', (index) => found.push(index))
    expect(found).toEqual([59_997])
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
