import type { ByteInput, ByteOutput } from '../io/source'
import { ENTRY_REMOVED } from '../model/error-data'

/**
 * The binary form of a store (the reopen cache, and segments that parallel loaders hand back): a flat run of
 * sections, each a typed array, a number, a text or a JSON value, read back in the order written.
 *
 * Arrays are written in the platform's byte order (little-endian on every machine SyncLens runs on; the header
 * says which, and a reader on another order refuses the data) at 8-byte aligned offsets, so that reading one is a
 * single copy. Texts are written as Latin-1 when every character fits one byte (as V8 itself stores them) and as
 * UTF-16 otherwise, so that reading back costs one native conversion per text, not per character.
 *
 * Neither side holds the whole form: the writer keeps what to write (views of the store's own arrays, its texts)
 * and makes the bytes a batch at a time as they are asked for; the reader reads a section at a time from its
 * input (a file), straight into the arrays that keep it where it can.
 */

/** Thrown when binary store data is damaged, truncated or of another format version. */
export class StoreFormatError extends Error {
  public constructor(message: string) {
    super(message)
    this.name = 'StoreFormatError'
  }
}

const MAGIC = 0x534c5342 // "SLSB"
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
const ONE_BYTE = 1
const TWO_BYTE = 2
const WIDE = /[\u0100-\uffff]/
/** Bytes the writer makes at a time, and the reader's window for small sections. */
const BATCH_BYTES = 1 << 20
/** Characters of one run of texts (see `BinaryWriter.texts`): above Node's 1 MB bar for strings kept off the heap. */
const RUN_CHARS = 4 << 20
/** Room for the small values (numbers, lengths, padding) written between arrays and texts. */
const SMALL_BYTES = 4096

/** Node's Buffer, where present: its Latin-1 and UTF-16 conversions are native copies. */
interface NodeBuffer {
  toString(encoding: 'latin1' | 'utf16le', start: number, end: number): string
  write(text: string, offset: number, length: number, encoding: 'latin1' | 'utf16le'): number
}
interface NodeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer
}
const NodeBufferClass: NodeBufferClass | undefined = (globalThis as { Buffer?: NodeBufferClass }).Buffer
const utf16Decoder = new TextDecoder('utf-16le')

/** The typed arrays the format holds. */
export type StoredArray = Uint8Array | Uint16Array | Uint32Array

/** An array kept in parts (a chunked column) that a reader can fill directly: see `BinaryReader.arrayInto`. */
export interface FillableArray<T extends StoredArray> {
  readonly length: number
  /** Appends `count` entries, handing each run of new entries to `fill` (`first`: index of its first entry). */
  appendFilled(count: number, fill: (part: T, first: number) => void): void
}

/** A text section not yet turned into bytes. */
interface TextPiece {
  readonly text: string
  readonly wide: boolean
}

type Piece = Uint8Array | TextPiece

function pieceLength(piece: Piece): number {
  return piece instanceof Uint8Array ? piece.byteLength : piece.text.length * (piece.wide ? 2 : 1)
}

function bytesOf(values: StoredArray): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
}

/**
 * Builds the binary form, section by section. Arrays are kept as views of the caller's arrays (which must not change
 * until the bytes have been made) and texts as they are, so a writer costs little beside what it writes.
 */
export class BinaryWriter implements ByteOutput {
  private readonly parts: Piece[] = []
  private size = 0
  private small = new Uint8Array(SMALL_BYTES)
  private smallStart = 0
  private smallEnd = 0

  /** Starts with the header: magic, format version, byte order. */
  public constructor(version: number) {
    this.uint(MAGIC)
    this.uint(version)
    this.uint(LITTLE_ENDIAN ? 1 : 2)
  }

  /** Bytes written so far. */
  public get byteLength(): number {
    return this.size
  }

  /** An unsigned 32-bit number. */
  public uint(value: number): void {
    const bytes = this.room(4)
    new DataView(bytes.buffer, bytes.byteOffset, 4).setUint32(0, value >>> 0, LITTLE_ENDIAN)
  }

  /** A number (any double). */
  public number(value: number): void {
    this.align()
    const bytes = this.room(8)
    new DataView(bytes.buffer, bytes.byteOffset, 8).setFloat64(0, value, LITTLE_ENDIAN)
  }

  /** A typed array (its kind is known to the reader). */
  public array(values: StoredArray): void {
    this.arrays([values])
  }

  /** Typed arrays of one kind (the chunks of a column, see `ChunkedArray.parts`), written as one array. */
  public arrays(values: readonly StoredArray[]): void {
    let length = 0
    for (const part of values) length += part.length
    this.uint(length)
    this.align()
    for (const part of values) if (part.byteLength > 0) this.push(bytesOf(part))
  }

  /** A text of any length. */
  public text(value: string): void {
    const wide = WIDE.test(value)
    this.uint(wide ? TWO_BYTE : ONE_BYTE)
    this.uint(value.length)
    if (value.length === 0) return
    // Aligned, so that a batch boundary never falls inside a UTF-16 character (see `pieces`).
    this.align()
    this.push({ text: value, wide })
    this.align()
  }

  /**
   * Many texts (a text pool's chunks) whose lengths are written before them: in runs of one width of up to 4 MiB
   * each, every run one section, so that a reader turns a run into one string (see `BinaryReader.lazyTexts`).
   */
  public texts(values: readonly string[]): void {
    for (let first = 0; first < values.length;) {
      const wide = WIDE.test(values[first] ?? '')
      let end = first + 1
      let chars = values[first]?.length ?? 0
      while (end < values.length && chars < RUN_CHARS) {
        const next = values[end] ?? ''
        if (WIDE.test(next) !== wide) break
        chars += next.length
        end += 1
      }
      this.uint(wide ? TWO_BYTE : ONE_BYTE)
      this.uint(end - first)
      this.uint(chars)
      if (chars > 0) {
        this.align()
        for (let index = first; index < end; index += 1) {
          const text = values[index] ?? ''
          if (text.length > 0) this.push({ text, wide })
        }
        this.align()
      }
      first = end
    }
  }

  /** Plain data (rare parts, small lists), as JSON text. */
  public json(value: unknown): void {
    this.text(JSON.stringify(value) ?? 'null')
  }

  /**
   * The sections `write` writes, as one block led by its length, so that a reader can leave the whole block in its
   * input and read it when it is first needed (`BinaryReader.block`).
   */
  public block(write: () => void): void {
    this.align()
    const length = this.room(8)
    const start = this.size
    write()
    this.align()
    new DataView(length.buffer, length.byteOffset, 8).setFloat64(0, this.size - start, LITTLE_ENDIAN)
  }

  /**
   * The bytes written, a batch of at most 1 MiB at a time, each made as it is asked for (for a file). Every batch is
   * the same buffer, filled anew: a batch holds until the next is asked for, so a caller that keeps one copies it.
   * A new buffer per batch left each one to the collector, which let 30 to 45 of them (MiB) pile up while a 10k
   * snapshot's entry was written (Node 24), most of the cache-writing open's memory above a plain open.
   */
  public *pieces(): Generator<Uint8Array> {
    this.closeSmall()
    const batch = new Uint8Array(BATCH_BYTES)
    let used = 0
    for (const piece of this.parts) {
      // A piece larger than the room left (a long JSON text, a long array) is split across batches.
      for (let done = 0, length = pieceLength(piece); done < length;) {
        if (used === BATCH_BYTES) {
          yield batch
          used = 0
        }
        const count = Math.min(length - done, BATCH_BYTES - used)
        writePiece(batch, used, piece, done, count)
        used += count
        done += count
      }
    }
    if (used > 0) yield batch.subarray(0, used)
  }

  /** The bytes written, in one buffer (a segment handed to another thread). */
  public finish(): Uint8Array {
    this.closeSmall()
    const out = new Uint8Array(this.size)
    let offset = 0
    for (const piece of this.parts) {
      const length = pieceLength(piece)
      writePiece(out, offset, piece, 0, length)
      offset += length
    }
    return out
  }

  private push(piece: Piece): void {
    this.closeSmall()
    this.parts.push(piece)
    this.size += pieceLength(piece)
  }

  /** `length` bytes of the small-value buffer, counted as written. */
  private room(length: number): Uint8Array {
    if (this.smallEnd + length > this.small.byteLength) {
      this.closeSmall()
      this.small = new Uint8Array(SMALL_BYTES)
      this.smallStart = 0
      this.smallEnd = 0
    }
    const bytes = this.small.subarray(this.smallEnd, this.smallEnd + length)
    this.smallEnd += length
    this.size += length
    return bytes
  }

  /** Ends the current run of small values as a piece (an array or a text follows it). */
  private closeSmall(): void {
    if (this.smallEnd === this.smallStart) return
    this.parts.push(this.small.subarray(this.smallStart, this.smallEnd))
    this.smallStart = this.smallEnd
  }

  private align(): void {
    const pad = (8 - (this.size & 7)) & 7
    if (pad > 0) this.room(pad)
  }
}

/** Writes `count` bytes of a piece, from its byte `from` on, into `out` at `offset`. */
function writePiece(out: Uint8Array, offset: number, piece: Piece, from: number, count: number): void {
  if (piece instanceof Uint8Array) {
    out.set(piece.subarray(from, from + count), offset)
    return
  }
  const { wide } = piece
  // Texts start aligned and batches are whole multiples of 8 bytes, so a wide text is cut between characters.
  const text =
    from === 0 && count === pieceLength(piece)
      ? piece.text
      : piece.text.slice(wide ? from / 2 : from, wide ? (from + count) / 2 : from + count)
  if (NodeBufferClass !== undefined) {
    NodeBufferClass.from(out.buffer, out.byteOffset + offset, count).write(
      text,
      0,
      count,
      wide ? 'utf16le' : 'latin1',
    )
  } else if (wide) {
    const view = new DataView(out.buffer, out.byteOffset + offset, count)
    for (let index = 0; index < text.length; index += 1)
      view.setUint16(index * 2, text.charCodeAt(index), true)
  } else {
    for (let index = 0; index < text.length; index += 1) out[offset + index] = text.charCodeAt(index)
  }
}

/**
 * Reads the binary form back, section by section, in the order it was written. From a buffer in memory, arrays come
 * back as views of it; from an input such as a file, small sections are read through a 1 MiB window and arrays
 * straight into the arrays that receive them, so the whole form is never in memory.
 */
export class BinaryReader {
  /** Position of the next section, from the start of the data. */
  private offset = 0
  /** The data, when it is all in memory; else null. */
  private readonly whole: Uint8Array | null
  private readonly input: ByteInput | null
  private readonly length: number
  /** Bytes of the data from `windowStart` on (all of it when in memory). */
  private window: Uint8Array
  private windowStart = 0
  private windowEnd: number
  private windowView: DataView
  private windowBuffer: NodeBuffer | null
  private readonly deferLarge: boolean
  private deferredData: DeferredData | null = null
  /** Whether the last section was a run left in the input (see `ensure`). */
  private skipped = false

  /**
   * Checks the header; throws StoreFormatError when the data is not of this format version. With `deferLarge`, the
   * long text runs and large blocks of an input that is not in memory are left in it and read when first needed
   * (`deferred`).
   */
  public constructor(data: Uint8Array | ByteInput, version: number, options: BinaryReaderOptions = {}) {
    const block = options.block ?? null
    const inMemory = data instanceof Uint8Array ? data : ((data as { bytes?: Uint8Array }).bytes ?? null)
    this.whole = inMemory
    this.input = inMemory === null ? (data as ByteInput) : null
    this.length = block?.end ?? data.byteLength
    this.offset = block?.start ?? 0
    this.window = inMemory ?? new Uint8Array(Math.min(BATCH_BYTES, this.length - this.offset))
    this.windowEnd = inMemory === null ? 0 : inMemory.byteLength
    this.windowView = new DataView(this.window.buffer, this.window.byteOffset, this.window.byteLength)
    this.windowBuffer = nodeBufferOf(this.window)
    this.deferLarge = (block !== null || options.deferLarge === true) && this.input !== null
    this.deferredData = block?.data ?? null
    if (block !== null) return
    if (this.length < 12 || this.uint() !== MAGIC) throw new StoreFormatError('not a SyncLens store')
    const found = this.uint()
    if (found !== version) throw new StoreFormatError(`store format ${found}, expected ${version}`)
    if (this.uint() !== (LITTLE_ENDIAN ? 1 : 2))
      throw new StoreFormatError('store written in another byte order')
  }

  /**
   * The text runs and blocks left in the input (`deferLarge`), or null when none was: then the input is no longer
   * needed once the data is read; else it is, until every one has been read (`DeferredData.readAhead`) or is dropped.
   */
  public get deferred(): DeferredData | null {
    return this.deferredData
  }

  /** Whether every byte has been read. */
  public get atEnd(): boolean {
    return this.offset === this.length
  }

  /** Whether every byte has been read, but for the padding that ends a block. */
  public get atBlockEnd(): boolean {
    return this.offset + ((8 - (this.offset & 7)) & 7) === this.length
  }

  /** Position of the next section, from the start of the data. */
  public get position(): number {
    return this.offset
  }

  /** An unsigned 32-bit number. */
  public uint(): number {
    const at = this.ensure(4)
    const value = this.windowView.getUint32(at, LITTLE_ENDIAN)
    this.offset += 4
    return value
  }

  /** A number. */
  public number(): number {
    this.align()
    const at = this.ensure(8)
    const value = this.windowView.getFloat64(at, LITTLE_ENDIAN)
    this.offset += 8
    return value
  }

  /**
   * A byte array the caller may change: a view of data in memory (callers copy what they keep, and rewrite ids in
   * place before copying; the data is read once), else a new array.
   */
  public uint8Array(): Uint8Array {
    const length = this.uint()
    return this.arrayOf(length, 1, (buffer, byteOffset, count) => new Uint8Array(buffer, byteOffset, count))
  }

  /** A 16-bit array (see `uint8Array`). */
  public uint16Array(): Uint16Array {
    const length = this.uint()
    return this.arrayOf(length, 2, (buffer, byteOffset, count) => new Uint16Array(buffer, byteOffset, count))
  }

  /** A 32-bit array (see `uint8Array`). */
  public uint32Array(): Uint32Array {
    const length = this.uint()
    return this.arrayOf(length, 4, (buffer, byteOffset, count) => new Uint32Array(buffer, byteOffset, count))
  }

  /**
   * An array section read straight into `into`, part by part (no copy of the whole section on the way); `adjust`
   * may rewrite each part in place as it arrives (`first`: the index in `into` of its first entry). Throws
   * StoreFormatError when the section does not hold `expected` entries (when given). Returns the entries read.
   */
  public arrayInto<T extends StoredArray>(
    into: FillableArray<T>,
    bytesPerEntry: 1 | 2 | 4,
    expected: number | null = null,
    adjust?: (part: T, first: number) => void,
  ): number {
    const length = this.uint()
    if (expected !== null && length !== expected)
      throw new StoreFormatError(`damaged array section: ${length} entries where ${expected} belong`)
    this.align()
    this.need(length * bytesPerEntry)
    into.appendFilled(length, (part, first) => {
      this.copyTo(bytesOf(part))
      adjust?.(part, first)
    })
    return length
  }

  /** A text. */
  public text(): string {
    const kind = this.uint()
    const length = this.uint()
    if (length === 0) return ''
    return this.decode(kind, length)
  }

  /**
   * Texts written by `texts`, whose lengths the caller has read (a section before them). Each run of texts comes back
   * as one string that the texts are slices of: a run over 1 MB becomes a string outside the JavaScript heap, which
   * the garbage collector never copies. A run read from a file straight into a buffer of its own (over BATCH_BYTES)
   * is kept as a `TextRun`, made into its string when a text of it is first asked for: a store reopened from its
   * cache then makes no string of a pool nobody reads (at 300k a fifth of the reopen went into making them). Shorter
   * runs, and every run of an input held in memory (a segment's bytes, handed back once joined), are made at once.
   */
  public lazyTexts(lengths: Uint32Array): (string | LazyText)[] {
    const out: (string | LazyText)[] = []
    while (out.length < lengths.length) {
      const kind = this.uint()
      const count = this.uint()
      const total = this.uint()
      let sum = 0
      for (let index = out.length; index < out.length + count && index < lengths.length; index += 1)
        sum += lengths[index] ?? 0
      if (count === 0 || out.length + count > lengths.length || sum !== total)
        throw new StoreFormatError('damaged text run')
      const byteLength = kind === TWO_BYTE ? total * 2 : total
      if (this.whole !== null || byteLength <= BATCH_BYTES) {
        const run = total === 0 ? '' : this.decode(kind, total)
        for (let index = 0, start = 0; index < count; index += 1) {
          const length = lengths[out.length] ?? 0
          out.push(count === 1 ? run : run.slice(start, start + length))
          start += length
        }
        continue
      }
      const run = this.deferLarge
        ? this.deferRun(kind, byteLength)
        : new TextRun(kind, this.ownBytes(kind, total))
      for (let index = 0, start = 0; index < count; index += 1) {
        const length = lengths[out.length] ?? 0
        out.push({ run, start, length })
        start += length
      }
    }
    return out
  }

  /** A text of `length` characters of a kind, aligned, from the next section. */
  private decode(kind: number, length: number): string {
    if (kind !== ONE_BYTE && kind !== TWO_BYTE) throw new StoreFormatError('damaged text section')
    const byteLength = kind === TWO_BYTE ? length * 2 : length
    if (this.whole === null && byteLength > BATCH_BYTES) return decodeText(kind, this.ownBytes(kind, length))
    this.align()
    this.need(byteLength)
    const start = this.ensure(byteLength)
    const bytes = this.window.subarray(start, start + byteLength)
    const buffer = this.windowBuffer
    this.offset += byteLength
    this.align()
    if (buffer !== null)
      return buffer.toString(kind === TWO_BYTE ? 'utf16le' : 'latin1', start, start + byteLength)
    return decodeText(kind, bytes)
  }

  /** The next section's text bytes, left in the input: a run read when first needed. */
  private deferRun(kind: number, byteLength: number): TextRun {
    if (kind !== ONE_BYTE && kind !== TWO_BYTE) throw new StoreFormatError('damaged text section')
    this.align()
    this.need(byteLength)
    const input = this.input
    if (input === null) throw new StoreFormatError('store data is truncated')
    this.deferredData ??= new DeferredData(input)
    const run = this.deferredData.add(kind, this.offset, byteLength)
    this.offset += byteLength
    this.align()
    this.skipped = true
    return run
  }

  /** The next section's text bytes, read into a buffer of their own. */
  private ownBytes(kind: number, length: number): Uint8Array {
    if (kind !== ONE_BYTE && kind !== TWO_BYTE) throw new StoreFormatError('damaged text section')
    const byteLength = kind === TWO_BYTE ? length * 2 : length
    this.align()
    this.need(byteLength)
    const bytes = new Uint8Array(byteLength)
    this.copyTo(bytes)
    this.align()
    return bytes
  }

  /** Plain data written by `json`. */
  public json<T>(): T {
    return JSON.parse(this.text()) as T
  }

  /**
   * A block written by `BinaryWriter.block`, handed to `read`: at once, from this reader, or, where this reader
   * leaves data in its input (`deferLarge`) and the block is at least `minBytes`, when the block is first needed
   * (`DeferredBlock.load`), from a reader of the block's sections in the input. Returns the block left in the
   * input, or null when it was read at once. `read` must read the block to its end.
   */
  public block(read: (input: BinaryReader) => void, minBytes = DEFER_BLOCK_BYTES): DeferredBlock | null {
    const byteLength = this.number()
    if (!Number.isInteger(byteLength) || byteLength < 0 || byteLength % 8 !== 0)
      throw new StoreFormatError('damaged block')
    this.need(byteLength)
    const end = this.offset + byteLength
    if (!this.deferLarge || byteLength < minBytes) {
      read(this)
      this.align()
      if (this.offset !== end) throw new StoreFormatError('damaged block')
      return null
    }
    const input = this.input
    if (input === null) throw new StoreFormatError('store data is truncated')
    this.deferredData ??= new DeferredData(input)
    const block = this.deferredData.addBlock(this.offset, byteLength, read)
    this.offset = end
    this.skipped = true
    return block
  }

  private arrayOf<T extends StoredArray>(
    length: number,
    bytesPerEntry: number,
    view: (buffer: ArrayBufferLike, byteOffset: number, length: number) => T,
  ): T {
    this.align()
    const byteLength = length * bytesPerEntry
    this.need(byteLength)
    const whole = this.whole
    if (whole !== null && (whole.byteOffset + this.offset) % bytesPerEntry === 0) {
      const array = view(whole.buffer, whole.byteOffset + this.offset, length)
      this.offset += byteLength
      return array
    }
    const array = view(new ArrayBuffer(byteLength), 0, length)
    this.copyTo(bytesOf(array))
    return array
  }

  /** Copies the next `target.byteLength` bytes into `target` (large parts go straight from the input). */
  private copyTo(target: Uint8Array): void {
    const byteLength = target.byteLength
    this.need(byteLength)
    if (this.whole !== null || byteLength <= BATCH_BYTES / 4) {
      const at = this.ensure(byteLength)
      target.set(this.window.subarray(at, at + byteLength))
      this.offset += byteLength
      return
    }
    const buffered = Math.max(0, this.windowEnd - this.offset)
    const fromWindow = Math.min(buffered, byteLength)
    if (fromWindow > 0) {
      const at = this.offset - this.windowStart
      target.set(this.window.subarray(at, at + fromWindow))
    }
    if (fromWindow < byteLength) this.readInput(target.subarray(fromWindow), this.offset + fromWindow)
    this.offset += byteLength
  }

  /** Makes the next `byteLength` bytes available in the window; returns where they start in it. */
  private ensure(byteLength: number): number {
    this.need(byteLength)
    if (this.offset >= this.windowStart && this.offset + byteLength <= this.windowEnd)
      return this.offset - this.windowStart
    // Past a run left in the input, the next section is most often the next run's header: read little.
    const batch = this.skipped ? SMALL_BYTES : BATCH_BYTES
    this.skipped = false
    const wanted = Math.min(Math.max(batch, byteLength), this.length - this.offset)
    if (wanted > this.window.byteLength) {
      this.window = new Uint8Array(wanted)
      this.windowView = new DataView(this.window.buffer)
      this.windowBuffer = nodeBufferOf(this.window)
    }
    this.readInput(this.window.subarray(0, wanted), this.offset)
    this.windowStart = this.offset
    this.windowEnd = this.offset + wanted
    return 0
  }

  /** Reads from the input, at most a window's size a call (whatever the caller's target). */
  private readInput(target: Uint8Array, position: number): void {
    if (this.input === null) throw new StoreFormatError('store data is truncated')
    try {
      for (let done = 0; done < target.byteLength; done += BATCH_BYTES) {
        this.input.read(target.subarray(done, done + BATCH_BYTES), position + done)
      }
    } catch (error) {
      if (error instanceof StoreFormatError) throw error
      throw new StoreFormatError(
        `store data cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  private align(): void {
    this.offset += (8 - (this.offset & 7)) & 7
  }

  private need(byteLength: number): void {
    if (this.offset + byteLength > this.length) throw new StoreFormatError('store data is truncated')
  }
}

/** Text bytes of a kind (one byte a character, or UTF-16LE) as a string. */
function decodeText(kind: number, bytes: Uint8Array): string {
  const buffer = nodeBufferOf(bytes)
  if (buffer !== null) return buffer.toString(kind === TWO_BYTE ? 'utf16le' : 'latin1', 0, bytes.byteLength)
  if (kind === TWO_BYTE) return utf16Decoder.decode(bytes.byteOffset % 2 === 0 ? bytes : bytes.slice())
  let text = ''
  for (let from = 0; from < bytes.length; from += 8192) {
    // eslint-disable-next-line no-restricted-syntax -- chunks are bounded to 8,192 elements, far below the stack limit
    text += String.fromCharCode.apply(null, Array.from(bytes.subarray(from, from + 8192)))
  }
  return text
}

/** How a `BinaryReader` reads. */
export interface BinaryReaderOptions {
  /**
   * Leave text runs over 1 MiB, and blocks of DEFER_BLOCK_BYTES or more, in an input that is not in memory, to be
   * read when first needed.
   */
  readonly deferLarge?: boolean
  /**
   * A block left in `data`'s input (`BinaryReader.block`), from `start` to `end`: read from there, with no header of
   * its own, leaving its long text runs in the input as the reader that left it would have.
   */
  readonly block?: { readonly start: number; readonly end: number; readonly data: DeferredData }
}

/**
 * Blocks smaller than this are read at once even where the reader defers: a block left in the input costs a read of
 * its own later, and small ones are most of a store's blocks (columns of rare attributes) but little of its bytes.
 */
export const DEFER_BLOCK_BYTES = 256 << 10

/** Something a reader left in its input: a text run or a block. */
interface Deferred {
  /** Whether its bytes are still in the input. */
  readonly deferred: boolean
  /** Bytes still in the input (0 once read). */
  readonly deferredBytes: number
  /** Reads it from the input, when it is still there. */
  load(): void
}

/**
 * A block left in the input (`BinaryReader.block`): read, and handed to the reader's callback, when first needed.
 * A block that failed to read fails again, with the same error, each time it is needed.
 */
export class DeferredBlock implements Deferred {
  private place: RunPlace | null
  private failure: StoreFormatError | null = null

  public constructor(
    place: RunPlace,
    private readonly read: (input: BinaryReader) => void,
  ) {
    this.place = place
  }

  public get deferred(): boolean {
    return this.place !== null
  }

  public get deferredBytes(): number {
    return this.place?.byteLength ?? 0
  }

  public load(): void {
    if (this.failure !== null) throw this.failure
    const place = this.place
    if (place === null) return
    try {
      // From the file, a section at a time: its arrays go straight into the arrays that receive them, and its long
      // text runs are left there in turn, so that reading a large column costs no more at once than a run does.
      const reader = place.data.blockReader(place.position, place.byteLength)
      this.read(reader)
      if (!reader.atBlockEnd) throw new StoreFormatError('damaged block')
    } catch (error) {
      this.failure = error instanceof UnreadableEntryError ? error : place.data.damaged(error)
      throw this.failure
    } finally {
      this.place = null
      place.data.loaded()
    }
  }
}

/** Where the bytes of a run or block left in its input are. */
interface RunPlace {
  readonly data: DeferredData
  readonly position: number
  readonly byteLength: number
}

/**
 * A run of texts kept as the bytes it was written as, made into one string when first asked for. Its bytes are in
 * memory, or still in the input it was read from (`DeferredData`), read from there first.
 */
export class TextRun implements Deferred {
  private bytes: Uint8Array | null
  private place: RunPlace | null
  private made: string | null = null

  public constructor(
    public readonly kind: number,
    bytes: Uint8Array | RunPlace,
  ) {
    this.bytes = bytes instanceof Uint8Array ? bytes : null
    this.place = bytes instanceof Uint8Array ? null : bytes
  }

  /** Whether its characters take two bytes each (some are past U+00FF). */
  public get wide(): boolean {
    return this.kind === TWO_BYTE
  }

  /** Whether its bytes are still in the input. */
  public get deferred(): boolean {
    return this.place !== null
  }

  /** Bytes still in the input (0 once read). */
  public get deferredBytes(): number {
    return this.place?.byteLength ?? 0
  }

  /** The run as one string (made once; the bytes are let go then). */
  public text(): string {
    if (this.made === null) {
      this.load()
      this.made = this.bytes === null ? '' : decodeText(this.kind, this.bytes)
      this.bytes = null
    }
    return this.made
  }

  /** Reads its bytes from the input, when they are still there. */
  public load(): void {
    const place = this.place
    if (place === null) return
    this.bytes = place.data.read(place.position, place.byteLength)
    this.place = null
    place.data.loaded()
  }
}

/**
 * The text runs and blocks (large value columns) a store read from a file left in it
 * (`BinaryReaderOptions.deferLarge`), and the file they are in. A reopened store's first screen needs few of its
 * texts and columns, and at 300k objects reading and copying all of them was most of the reopen's time and memory:
 * each run or block is now read when first needed, or ahead of that by `readAhead` while the host is idle. The file
 * is closed once every one is read, or by `close`. A cache entry is replaced by renaming a new file over it and never
 * written in place, so the open file keeps its bytes.
 */
export class DeferredData {
  private input: ByteInput | null
  private readonly runs: Deferred[] = []
  private next = 0
  private unread = 0
  /** Whether the store's data has been read to its end (the input is needed until then whatever the runs). */
  private complete = false
  /** The damage found in a block, once one was (see `damaged`). */
  private damage: DamagedEntryError | null = null

  public constructor(input: ByteInput) {
    this.input = input
  }

  /** Runs and blocks whose bytes are still in the input. */
  public get pending(): number {
    return this.unread
  }

  /** Bytes of the runs and blocks still in the input. */
  public get pendingBytes(): number {
    let bytes = 0
    for (let index = this.next; index < this.runs.length; index += 1) {
      bytes += this.runs[index]?.deferredBytes ?? 0
    }
    return bytes
  }

  /** Registers a run left at `position`. */
  public add(kind: number, position: number, byteLength: number): TextRun {
    const run = new TextRun(kind, { data: this, position, byteLength })
    this.runs.push(run)
    this.unread += 1
    return run
  }

  /** Registers a block left at `position`, for `read` (see `BinaryReader.block`). */
  public addBlock(position: number, byteLength: number, read: (input: BinaryReader) => void): DeferredBlock {
    const block = new DeferredBlock({ data: this, position, byteLength }, read)
    this.runs.push(block)
    this.unread += 1
    return block
  }

  /**
   * Reads the runs and blocks not read yet, in the order written (a block's own long runs after it), until `stop`
   * says to pause (asked before each). True when none is left; the input is then closed (once the store's data is
   * read to its end).
   */
  public readAhead(stop: () => boolean): boolean {
    while (this.next < this.runs.length) {
      const run = this.runs[this.next]
      if (run?.deferred === true) {
        if (stop()) return false
        run.load()
      }
      this.next += 1
    }
    if (this.complete) this.close()
    return true
  }

  /**
   * Closes the input. A run or block not read by then can no longer be: using it throws StoreFormatError. For a
   * store that is no longer used (the snapshot was closed or replaced).
   */
  public close(): void {
    const input = this.input
    this.input = null
    input?.close()
  }

  /**
   * The error of a block that did not read as written (`error`): the entry is damaged, so the input is closed and
   * removed where it is kept, when it can be (`ByteInput.discard`: a reopen cache entry), and every later read of
   * what is left in it throws the same error. The first damage found is the one said.
   */
  public damaged(error: unknown): DamagedEntryError {
    if (this.damage !== null) return this.damage
    const input = this.input
    this.input = null
    const removed = input?.discard !== undefined
    if (removed) input.discard?.()
    else input?.close()
    this.damage = damagedEntry(error, removed)
    return this.damage
  }

  /** The bytes of a run. */
  public read(position: number, byteLength: number): Uint8Array {
    const input = this.openInput()
    const bytes = new Uint8Array(byteLength)
    try {
      for (let done = 0; done < byteLength; done += BATCH_BYTES) {
        input.read(bytes.subarray(done, done + BATCH_BYTES), position + done)
      }
    } catch (error) {
      throw unreadable(error)
    }
    return bytes
  }

  /** A reader of a block's sections (see `DeferredBlock.load`); its failures to read say what to do. */
  public blockReader(position: number, byteLength: number): BinaryReader {
    const input = this.openInput()
    const guarded: ByteInput = {
      byteLength: input.byteLength,
      read: (target, at) => {
        try {
          input.read(target, at)
        } catch (error) {
          throw unreadable(error)
        }
      },
      close: () => undefined,
    }
    return new BinaryReader(guarded, 0, {
      block: { start: position, end: position + byteLength, data: this },
    })
  }

  private openInput(): ByteInput {
    const input = this.input
    if (this.damage !== null) throw this.damage
    if (input === null)
      throw new UnreadableEntryError('the snapshot was closed: its reopen cache entry can no longer be read')
    return input
  }

  /** Notes that the store's data has been read to its end: from now on the input is closed after the last read. */
  public dataRead(): void {
    this.complete = true
    if (this.unread === 0) this.close()
  }

  /** Notes that a run has read its bytes; the input is closed after the last (once the data is read). */
  public loaded(): void {
    this.unread -= 1
    if (this.unread === 0 && this.complete) this.close()
  }
}

/** A reopen cache entry whose file can no longer be read (closed with its snapshot, removed, failing). */
class UnreadableEntryError extends StoreFormatError {}

/** The error of an entry that can no longer be read, and what to do. */
function unreadable(error: unknown): StoreFormatError {
  if (error instanceof StoreFormatError) return error
  return new UnreadableEntryError(
    `the reopen cache entry cannot be read any more (${error instanceof Error ? error.message : String(error)}); ` +
      'open the snapshot again, or turn the cache off (SYNCLENS_CACHE=off)',
  )
}

/**
 * Thrown when a block of a reopen cache entry did not read as written. It is found only when the block is first
 * needed, after the reopen has taken the entry, so opening the snapshot again would take the same entry: the entry
 * is removed first where it can be (`removed`), and a host that can open the snapshot again from its files does.
 */
export class DamagedEntryError extends StoreFormatError {
  /**
   * ENTRY_REMOVED where the entry was removed, so that the next open reads the snapshot's files (`entryRemoved`);
   * the code crosses to another thread with the error's message.
   */
  public readonly code: string | undefined

  public constructor(
    message: string,
    /** What did not read as written. */
    public readonly reason: string,
    removed: boolean,
  ) {
    super(message)
    this.name = 'DamagedEntryError'
    this.code = removed ? ENTRY_REMOVED : undefined
  }
}

/** The error of a block that did not read as written, and what to do. */
function damagedEntry(error: unknown, removed: boolean): DamagedEntryError {
  const why = error instanceof Error ? error.message : String(error)
  return new DamagedEntryError(
    removed
      ? `the reopen cache entry was damaged (${why}) and has been removed; open the snapshot again to read it ` +
          'from its files'
      : `the reopen cache entry is damaged (${why}); delete the 'stores' folder in SyncLens's cache folder, or ` +
          'turn the cache off (SYNCLENS_CACHE=off), and open the snapshot again to read it from its files',
    why,
    removed,
  )
}

/** One text of a `TextRun`: `length` characters from `start`. */
export interface LazyText {
  readonly run: TextRun
  readonly start: number
  readonly length: number
}

function nodeBufferOf(bytes: Uint8Array): NodeBuffer | null {
  return NodeBufferClass === undefined
    ? null
    : NodeBufferClass.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
