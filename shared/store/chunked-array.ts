/** The typed arrays a chunked array can be made of. */
export type NumberArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array

const CHUNK_BITS = 16
const CHUNK_SIZE = 1 << CHUNK_BITS
const CHUNK_MASK = CHUNK_SIZE - 1
const FIRST_CAPACITY = 16

/**
 * An append-only array of numbers kept in fixed-size typed-array chunks.
 *
 * Growing never copies more than one chunk, so a column of millions of entries needs no transient
 * second copy (which a doubling array would need at exactly the worst moment). The first chunk
 * starts small and doubles, so that the hundreds of rarely used columns of a small store stay small.
 */
export class ChunkedArray<T extends NumberArray> {
  private readonly chunks: T[] = []
  private size = 0

  public constructor(private readonly create: (length: number) => T) {}

  /** Number of entries. */
  public get length(): number {
    return this.size
  }

  /** Appends a value and returns its index. */
  public push(value: number): number {
    const index = this.size
    const chunkIndex = index >>> CHUNK_BITS
    let chunk = this.chunks[chunkIndex]
    const offset = index & CHUNK_MASK
    if (chunk === undefined) {
      chunk = this.create(chunkIndex === 0 ? FIRST_CAPACITY : CHUNK_SIZE)
      this.chunks.push(chunk)
    } else if (offset >= chunk.length) {
      const grown = this.create(Math.min(chunk.length * 2, CHUNK_SIZE))
      grown.set(chunk)
      chunk = grown
      this.chunks[chunkIndex] = grown
    }
    chunk[offset] = value
    this.size = index + 1
    return index
  }

  /** The value at an index (0 outside the array). */
  public get(index: number): number {
    const chunk = this.chunks[index >>> CHUNK_BITS]
    return chunk === undefined ? 0 : (chunk[index & CHUNK_MASK] ?? 0)
  }

  /** First index in [from, to) whose value is not less than `value`, for arrays sorted ascending. */
  public lowerBound(value: number, from = 0, to = this.size): number {
    let low = from
    let high = to
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.get(middle) < value) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Bytes held by the chunks. */
  public byteSize(): number {
    let bytes = 0
    for (const chunk of this.chunks) bytes += chunk.byteLength
    return bytes
  }

  /** The entries in one typed array (a copy). */
  public flat(): T {
    const out = this.create(this.size)
    for (let index = 0; index < this.chunks.length; index += 1) {
      const chunk = this.chunks[index]
      if (chunk === undefined) continue
      const offset = index << CHUNK_BITS
      const count = Math.min(CHUNK_SIZE, this.size - offset)
      out.set(chunk.subarray(0, count), offset)
    }
    return out
  }

  /**
   * The entries from `start` to `end` (all by default) as views of the chunks, in order (no copy; valid until the
   * next append).
   */
  public parts(start = 0, end = this.size): T[] {
    const parts: T[] = []
    for (let at = Math.max(0, start), stop = Math.min(end, this.size); at < stop;) {
      const chunk = this.chunks[at >>> CHUNK_BITS]
      if (chunk === undefined) break
      const offset = at & CHUNK_MASK
      const count = Math.min(CHUNK_SIZE - offset, stop - at)
      parts.push(chunk.subarray(offset, offset + count) as T)
      at += count
    }
    return parts
  }

  /**
   * Appends `count` entries that `fill` writes into the chunks in place, a run at a time (`first`: the index of
   * the run's first entry): a reader fills the chunks straight, with no array of its own on the way.
   */
  public appendFilled(count: number, fill: (part: T, first: number) => void): void {
    for (let left = count; left > 0;) {
      const index = this.size
      const chunk = this.chunkFor(index, left)
      const offset = index & CHUNK_MASK
      const run = Math.min(chunk.length - offset, left)
      fill(chunk.subarray(offset, offset + run) as T, index)
      this.size = index + run
      left -= run
    }
  }

  /** The chunk that entry `index` goes into, with room for `wanted` more entries where a chunk allows. */
  private chunkFor(index: number, wanted: number): T {
    const chunkIndex = index >>> CHUNK_BITS
    const offset = index & CHUNK_MASK
    const length = Math.min(CHUNK_SIZE, offset + wanted)
    const chunk = this.chunks[chunkIndex]
    if (chunk === undefined) {
      const created = this.create(chunkIndex === 0 ? Math.max(FIRST_CAPACITY, length) : CHUNK_SIZE)
      this.chunks.push(created)
      return created
    }
    if (length <= chunk.length) return chunk
    const grown = this.create(CHUNK_SIZE)
    grown.set(chunk)
    this.chunks[chunkIndex] = grown
    return grown
  }

  /** Appends every entry of `values`, each plus `add` (row and position offsets when segments are joined). */
  public appendAll(values: NumberArray | readonly number[], add = 0): void {
    for (let from = 0; from < values.length;) {
      const index = this.size
      const chunkIndex = index >>> CHUNK_BITS
      const offset = index & CHUNK_MASK
      let chunk = this.chunks[chunkIndex]
      const wanted = Math.min(CHUNK_SIZE, offset + values.length - from)
      if (chunk === undefined) {
        chunk = this.create(chunkIndex === 0 ? Math.max(FIRST_CAPACITY, wanted) : CHUNK_SIZE)
        this.chunks.push(chunk)
      } else if (wanted > chunk.length) {
        const grown = this.create(CHUNK_SIZE)
        grown.set(chunk)
        chunk = grown
        this.chunks[chunkIndex] = grown
      }
      const count = Math.min(chunk.length - offset, values.length - from)
      if (add === 0 && !Array.isArray(values)) {
        chunk.set((values as NumberArray).subarray(from, from + count), offset)
      } else {
        for (let step = 0; step < count; step += 1) chunk[offset + step] = (values[from + step] ?? 0) + add
      }
      this.size = index + count
      from += count
    }
  }
}

/** A chunked array of unsigned 32-bit integers. */
export function uint32Array(): ChunkedArray<Uint32Array> {
  return new ChunkedArray((length) => new Uint32Array(length))
}

/** A chunked array of unsigned 16-bit integers. */
export function uint16Array(): ChunkedArray<Uint16Array> {
  return new ChunkedArray((length) => new Uint16Array(length))
}

/** A chunked array of bytes. */
export function uint8Array(): ChunkedArray<Uint8Array> {
  return new ChunkedArray((length) => new Uint8Array(length))
}

/**
 * A chunked array of small unsigned integers: 16 bits each until a value needs more, then 32 bits
 * (converted once). For ids that almost always stay below 65536, such as attribute descriptors.
 */
export class SmallIdArray {
  private narrow: ChunkedArray<Uint16Array> | null = uint16Array()
  private wide: ChunkedArray<Uint32Array> | null = null

  /** Number of entries. */
  public get length(): number {
    return this.narrow?.length ?? this.wide?.length ?? 0
  }

  /** Appends a value. */
  public push(value: number): void {
    if (this.narrow !== null && value > 0xffff) this.widen()
    if (this.narrow !== null) this.narrow.push(value)
    else this.wide?.push(value)
  }

  /** The value at an index. */
  public get(index: number): number {
    return this.narrow !== null ? this.narrow.get(index) : (this.wide?.get(index) ?? 0)
  }

  /** Bytes held. */
  public byteSize(): number {
    return this.narrow?.byteSize() ?? this.wide?.byteSize() ?? 0
  }

  /** Appends every entry of `values`. */
  public appendAll(values: Uint32Array | Uint16Array): void {
    if (this.narrow !== null && values instanceof Uint32Array) {
      for (let index = 0; index < values.length; index += 1) {
        if ((values[index] ?? 0) > 0xffff) {
          this.widen()
          break
        }
      }
    }
    if (this.narrow !== null) this.narrow.appendAll(values)
    else this.wide?.appendAll(values)
  }

  /** The entries from `start` to `end` (all by default) as views of their chunks (no copy), 16 or 32 bits each. */
  public parts(start?: number, end?: number): Uint16Array[] | Uint32Array[] {
    return this.narrow?.parts(start, end) ?? this.wide?.parts(start, end) ?? []
  }

  /** Whether entries are kept in 32 bits. */
  public get wideEntries(): boolean {
    return this.narrow === null
  }

  /**
   * The chunked array that entries of this width can be filled into directly (see `ChunkedArray.appendFilled`),
   * or null when they must go through `appendAll` (16-bit entries after 32-bit ones, 32-bit after 16-bit).
   */
  public fillable(wide: boolean): ChunkedArray<Uint16Array> | ChunkedArray<Uint32Array> | null {
    if (!wide) return this.narrow
    if (this.narrow !== null && this.narrow.length === 0) {
      this.narrow = null
      this.wide = uint32Array()
    }
    return this.wide
  }

  private widen(): void {
    if (this.narrow === null) return
    const wide = uint32Array()
    wide.appendAll(this.narrow.flat())
    this.wide = wide
    this.narrow = null
  }

  /** The entries in one 32-bit array (a copy). */
  public flat(): Uint32Array {
    return this.narrow !== null
      ? Uint32Array.from(this.narrow.flat())
      : (this.wide?.flat() ?? new Uint32Array(0))
  }
}
