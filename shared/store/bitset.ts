/** A fixed-size set of row numbers, one bit per row: what search clauses combine with AND and OR. */
export class Bitset {
  /** The 32-bit words; bit `row & 31` of word `row >>> 5`. */
  public readonly words: Uint32Array

  public constructor(public readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5)
  }

  /** A set holding every row below `size`. */
  public static full(size: number): Bitset {
    const set = new Bitset(size)
    set.words.fill(0xffffffff)
    set.clearTail()
    return set
  }

  /** Adds a row. */
  public add(row: number): void {
    const index = row >>> 5
    this.words[index] = (this.words[index] ?? 0) | (1 << (row & 31))
  }

  /** Whether a row is in the set. */
  public has(row: number): boolean {
    return ((this.words[row >>> 5] ?? 0) & (1 << (row & 31))) !== 0
  }

  /** A copy. */
  public clone(): Bitset {
    const copy = new Bitset(this.size)
    copy.words.set(this.words)
    return copy
  }

  /** Keeps only the rows also in `other`; within [from, to) rows when given (from a multiple of 32). */
  public and(other: Bitset, from = 0, to = this.size): this {
    const words = this.words
    const others = other.words
    const last = wordEnd(to, words.length)
    for (let index = from >>> 5; index < last; index += 1)
      words[index] = (words[index] ?? 0) & (others[index] ?? 0)
    return this
  }

  /** Removes the rows that are in `other`; within [from, to) rows when given (from a multiple of 32). */
  public andNot(other: Bitset, from = 0, to = this.size): this {
    const words = this.words
    const others = other.words
    const last = wordEnd(to, words.length)
    for (let index = from >>> 5; index < last; index += 1)
      words[index] = (words[index] ?? 0) & ~(others[index] ?? 0)
    return this
  }

  /** Adds the rows of `other`; within [from, to) rows when given (from a multiple of 32). */
  public or(other: Bitset, from = 0, to = this.size): this {
    const words = this.words
    const others = other.words
    const last = wordEnd(to, words.length)
    for (let index = from >>> 5; index < last; index += 1)
      words[index] = (words[index] ?? 0) | (others[index] ?? 0)
    return this
  }

  /** Removes a row. */
  public delete(row: number): void {
    const index = row >>> 5
    this.words[index] = (this.words[index] ?? 0) & ~(1 << (row & 31))
  }

  /** Number of rows in the set. */
  public count(): number {
    let total = 0
    for (const word of this.words) total += bitCount(word)
    return total
  }

  /** Number of rows in the set within [from, to). */
  public countRange(from: number, to: number): number {
    const end = Math.min(to, this.size)
    let total = 0
    for (let index = from >>> 5; index << 5 < end; index += 1) {
      let word = this.words[index] ?? 0
      const base = index << 5
      if (base < from) word &= ~0 << (from - base)
      if (base + 32 > end) word &= (1 << (end - base)) - 1
      total += bitCount(word >>> 0)
    }
    return total
  }

  /** Calls `visit` for each row in [from, to), ascending. */
  public forEachInRange(from: number, to: number, visit: (row: number) => void): void {
    const end = Math.min(to, this.size)
    for (let index = from >>> 5; index << 5 < end; index += 1) {
      let word = this.words[index] ?? 0
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word)
        const row = (index << 5) + bit
        if (row >= from && row < end) visit(row)
        word &= word - 1
      }
    }
  }

  /** The rows in [from, to), ascending. */
  public rowsInRange(from: number, to: number): Uint32Array {
    const rows = new Uint32Array(this.countRange(from, to))
    let next = 0
    this.forEachInRange(from, to, (row) => {
      rows[next] = row
      next += 1
    })
    return rows
  }

  /** Bytes held. */
  public byteSize(): number {
    return this.words.byteLength
  }

  private clearTail(): void {
    const extra = this.words.length * 32 - this.size
    if (extra > 0) {
      const last = this.words.length - 1
      this.words[last] = (this.words[last] ?? 0) >>> extra
    }
  }
}

function wordEnd(row: number, words: number): number {
  return Math.min(words, (row + 31) >>> 5)
}

function bitCount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555)
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333)
  return (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}
