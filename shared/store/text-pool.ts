import { type BinaryReader, type BinaryWriter, type LazyText, StoreFormatError } from './binary'
import { uint16Array } from './chunked-array'
import { asciiSlice } from '../text/ascii'

/** Separates strings inside a chunk; XML text cannot contain it, and matches across it are rejected anyway. */
export const SEPARATOR = '\u0000'

/**
 * Strings per chunk. Small enough that a busy column joins its strings before the young generation is collected
 * twice: strings joined early die young, while a pending string that survives is first copied into the old
 * generation (256 instead of 4,096 took 6 % off the CPU time of loading a csexport file; 128 gained nothing more).
 */
const CHUNK_STRINGS = 256

/**
 * Rows after which tables seal every pool, full or not. A pending string may be a parser's slice
 * that keeps its whole input chunk alive; sealing copies it out, so a sparse attribute column
 * cannot hold on to input for long.
 */
export const SEAL_ROWS = 4096
/** Offsets inside a chunk are 16-bit: a chunk ends before a string would start past this. */
const CHUNK_CHARS = 0xffff
const WIDE_CHAR = /[\u0100-\uffff]/
/** No run yet. */
const EMPTY_RUN = new Uint8Array(0)
/** A pool's first run buffer. */
const FIRST_RUN_BYTES = 256
/** A run buffer larger than this is dropped at a seal instead of kept for the next chunk. */
const KEPT_RUN_BYTES = 16 * 1024
/** Values longer than this are copied by `set` on a view, shorter ones byte by byte (a view costs an object). */
const RUN_COPY_LOOP_BYTES = 64

/** A run buffer of at least `needed` bytes holding the first `used` bytes of `run`. */
function grownRun(run: Uint8Array, used: number, needed: number): Uint8Array {
  let size = Math.max(FIRST_RUN_BYTES, run.length * 2)
  while (size < needed) size *= 2
  const grown = new Uint8Array(size)
  grown.set(run.subarray(0, used))
  return grown
}

/** A sealed run of strings, joined into one flat string. */
export interface TextChunk {
  /** The strings of the chunk, separated by SEPARATOR. */
  readonly text: string
  /** Index of the chunk's first string. */
  readonly first: number
  /** Number of strings in the chunk. */
  readonly count: number
}

/** A chunk read back from a store's binary form, whose text is made from its bytes when first asked for. */
class LazyChunk implements TextChunk {
  private lazy: LazyText | null
  private made = ''

  public constructor(
    lazy: LazyText,
    public readonly first: number,
    public readonly count: number,
  ) {
    this.lazy = lazy
  }

  public get text(): string {
    const lazy = this.lazy
    if (lazy !== null) {
      this.made = lazy.run.text().slice(lazy.start, lazy.start + lazy.length)
      this.lazy = null
    }
    return this.made
  }
}

/**
 * Many strings stored as a few big flat strings plus one 16-bit offset each.
 *
 * A JS string costs 16 to 32 bytes of header beside its characters, and the strings a streaming XML
 * parser hands over are often slices that keep a whole input chunk alive. Joining them into chunks
 * of a few thousand copies the characters once and drops both costs. Reading a string back slices
 * the chunk. Chunks can be scanned as a whole (`chunks()`), which is what makes Contains fast.
 */
export class TextPool {
  private readonly sealed: TextChunk[] = []
  private readonly starts = uint16Array()
  /**
   * The pieces of the chunk being filled, in order: each string pushed, and each run of ASCII values pushed as bytes
   * (`pushAscii`) between them, made into one string that holds its values with their separators.
   */
  private pending: string[] = []
  /** Strings in the chunk being filled (pieces may hold several). */
  private pendingCount = 0
  private pendingChars = 0
  private pendingFirst = 0
  /** The ASCII bytes pushed since the last piece, with a separator byte between values; `runValues` of them. */
  private run: Uint8Array = EMPTY_RUN
  private runBytes = 0
  private runValues = 0
  private wideChars = 0
  private sealedChars = 0
  private lastChunk = 0

  /** Number of strings. */
  public get length(): number {
    return this.pendingFirst + this.pendingCount
  }

  /** Appends a string and returns its index. */
  public push(text: string): number {
    if (this.pendingCount > 0 && this.pendingChars + this.pendingCount + text.length > CHUNK_CHARS)
      this.seal()
    if (this.runValues > 0) this.endRun()
    const index = this.length
    this.starts.push(this.pendingChars + this.pendingCount)
    this.pending.push(text)
    this.pendingCount += 1
    this.pendingChars += text.length
    if (this.pendingCount >= CHUNK_STRINGS) this.seal()
    return index
  }

  /**
   * Appends the string whose UTF-8 bytes are `bytes[start, end)`, all ASCII (below 0x80, none of them NUL), and
   * returns its index: the same string `push` would append, without making it. The bytes are copied; runs of them
   * become strings when a chunk is sealed, one per run instead of one per value.
   */
  public pushAscii(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start
    if (this.pendingCount > 0 && this.pendingChars + this.pendingCount + length > CHUNK_CHARS) this.seal()
    const index = this.length
    this.starts.push(this.pendingChars + this.pendingCount)
    let at = this.runBytes
    const needed = at + length + 1
    if (needed > this.run.length) this.run = grownRun(this.run, at, needed)
    const run = this.run
    if (this.runValues > 0) run[at++] = 0
    if (length > RUN_COPY_LOOP_BYTES) run.set(bytes.subarray(start, end), at)
    else for (let from = start; from < end; from++) run[at + from - start] = bytes[from]
    this.runBytes = at + length
    this.runValues += 1
    this.pendingCount += 1
    this.pendingChars += length
    if (this.pendingCount >= CHUNK_STRINGS) this.seal()
    return index
  }

  /** Joins the strings appended since the last chunk into a new chunk. */
  public seal(): void {
    if (this.pendingCount === 0) return
    if (this.runValues > 0) this.endRun()
    const text = this.pending.join(SEPARATOR)
    this.sealed.push({ text, first: this.pendingFirst, count: this.pendingCount })
    if (WIDE_CHAR.test(text)) this.wideChars += text.length
    this.sealedChars += text.length
    this.pendingFirst += this.pendingCount
    this.pending = []
    this.pendingCount = 0
    this.pendingChars = 0
    // A run buffer grown by a long value is let go; a small one is kept for the next chunk.
    if (this.run.length > KEPT_RUN_BYTES) this.run = EMPTY_RUN
  }

  /** Makes the ASCII run into one piece. */
  private endRun(): void {
    this.pending.push(asciiSlice(this.run, 0, this.runBytes))
    this.runBytes = 0
    this.runValues = 0
  }

  /** The string at an index. */
  public get(index: number): string {
    if (index >= this.pendingFirst) {
      if (this.pendingCount === this.pending.length) return this.pending[index - this.pendingFirst] ?? ''
      // Pieces hold runs of several strings: seal them into a chunk to read one.
      this.seal()
    }
    const chunk = this.chunkOf(index)
    return chunk.text.slice(this.starts.get(index), this.end(chunk, index))
  }

  /** `count` strings from index `start`. */
  public getRange(start: number, count: number): string[] {
    const values = new Array<string>(count)
    for (let index = 0; index < count; index += 1) values[index] = this.get(start + index)
    return values
  }

  /** Start of a string inside its chunk's text. */
  public start(index: number): number {
    return this.starts.get(index)
  }

  /** End (exclusive) of a string inside its chunk's text. */
  public end(chunk: TextChunk, index: number): number {
    return index + 1 < chunk.first + chunk.count ? this.starts.get(index + 1) - 1 : chunk.text.length
  }

  /** The sealed chunks, in order; call `seal()` first to include the latest strings. */
  public chunks(): readonly TextChunk[] {
    return this.sealed
  }

  /** The chunk that holds a sealed string. */
  public chunkOf(index: number): TextChunk {
    const chunk = this.sealed[this.chunkIndexOf(index)]
    if (chunk === undefined) throw new RangeError(`No string ${index} in the pool`)
    return chunk
  }

  /** Index (in `chunks()`) of the chunk that holds a sealed string. */
  public chunkIndexOf(index: number): number {
    const cached = this.sealed[this.lastChunk]
    if (cached !== undefined && index >= cached.first && index < cached.first + cached.count)
      return this.lastChunk
    let low = 0
    let high = this.sealed.length - 1
    while (low < high) {
      const middle = (low + high + 1) >>> 1
      const chunk = this.sealed[middle]
      if (chunk !== undefined && chunk.first <= index) low = middle
      else high = middle - 1
    }
    this.lastChunk = low
    return low
  }

  /** Writes the pool (sealing it first). */
  public writeTo(out: BinaryWriter): void {
    this.seal()
    out.array(Uint32Array.from(this.sealed, (chunk) => chunk.count))
    out.array(Uint32Array.from(this.sealed, (chunk) => chunk.text.length))
    out.texts(this.sealed.map((chunk) => chunk.text))
    out.arrays(this.starts.parts())
  }

  /** Appends a pool written by `writeTo`; its offsets go straight into this pool's chunks. */
  public readFrom(input: BinaryReader): void {
    this.seal()
    const counts = input.uint32Array()
    const lengths = input.uint32Array()
    if (lengths.length !== counts.length) throw new StoreFormatError('text pool: damaged chunks')
    const texts = input.lazyTexts(lengths)
    texts.forEach((text, index) => this.appendChunk(text, counts[index] ?? 0))
    input.arrayInto(this.starts, 2, this.pendingFirst - this.starts.length)
  }

  /** Appends every string of another pool (segments joined after a parallel load). */
  public append(other: TextPool): void {
    this.seal()
    other.seal()
    for (const chunk of other.sealed) this.appendChunk(chunk.text, chunk.count)
    this.starts.appendAll(other.starts.flat())
  }

  private appendChunk(text: string | LazyText, count: number): void {
    if (typeof text === 'string') {
      this.sealed.push({ text, first: this.pendingFirst, count })
      if (WIDE_CHAR.test(text)) this.wideChars += text.length
    } else {
      this.sealed.push(new LazyChunk(text, this.pendingFirst, count))
      // The run's width, for the whole run: a close estimate, without making the string.
      if (text.run.wide) this.wideChars += text.length
    }
    this.sealedChars += text.length
    this.pendingFirst += count
  }

  /** Bytes held: characters (one or two bytes each, as V8 stores them), separators and offsets. */
  public byteSize(): number {
    let pendingBytes = 0
    for (const text of this.pending) pendingBytes += 24 + text.length
    pendingBytes += this.run.length
    return this.sealedChars + this.wideChars + this.sealed.length * 64 + pendingBytes + this.starts.byteSize()
  }
}
