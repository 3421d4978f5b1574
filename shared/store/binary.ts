/**
 * The binary form of a store (the reopen cache, and segments that parallel loaders hand back): a flat run of
 * sections, each a typed array, a number, a text or a JSON value, read back in the order written.
 *
 * Arrays are written in the platform's byte order (little-endian on every machine SyncLens runs on; the header
 * says which, and a reader on another order refuses the data) at 8-byte aligned offsets, so that reading one is a
 * single copy. Texts are written as Latin-1 when every character fits one byte (as V8 itself stores them) and as
 * UTF-16 otherwise, so that reading back costs one native conversion per text, not per character.
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

/** Node's Buffer, where present: its Latin-1 and UTF-16 conversions are native copies. */
interface NodeBuffer {
  toString(encoding?: 'latin1' | 'utf16le'): string
}
interface NodeBufferClass {
  from(text: string, encoding: 'latin1' | 'utf16le'): NodeBuffer
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer
}
const NodeBufferClass: NodeBufferClass | undefined = (globalThis as { Buffer?: NodeBufferClass }).Buffer
const utf16Decoder = new TextDecoder('utf-16le')

/** The typed arrays the format holds. */
export type StoredArray = Uint8Array | Uint16Array | Uint32Array

/** Builds the binary form, section by section. */
export class BinaryWriter {
  private readonly parts: Uint8Array[] = []
  private size = 0

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
    this.push(new Uint8Array(new Uint32Array([value >>> 0]).buffer))
  }

  /** A number (any double). */
  public number(value: number): void {
    this.align()
    this.push(new Uint8Array(new Float64Array([value]).buffer))
  }

  /** A typed array (its kind is known to the reader). */
  public array(values: StoredArray): void {
    this.uint(values.length)
    this.align()
    if (values.byteLength > 0) this.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
  }

  /** A text of any length. */
  public text(value: string): void {
    const wide = WIDE.test(value)
    this.uint(wide ? TWO_BYTE : ONE_BYTE)
    this.uint(value.length)
    if (value.length === 0) return
    if (NodeBufferClass !== undefined) {
      this.push(NodeBufferClass.from(value, wide ? 'utf16le' : 'latin1') as unknown as Uint8Array)
    } else if (wide) {
      const units = new Uint16Array(value.length)
      for (let index = 0; index < value.length; index += 1) units[index] = value.charCodeAt(index)
      this.push(new Uint8Array(units.buffer))
    } else {
      const bytes = new Uint8Array(value.length)
      for (let index = 0; index < value.length; index += 1) bytes[index] = value.charCodeAt(index)
      this.push(bytes)
    }
    this.align()
  }

  /** Plain data (rare parts, small lists), as JSON text. */
  public json(value: unknown): void {
    this.text(JSON.stringify(value) ?? 'null')
  }

  /** The bytes written, as the parts they were written in (for a file: no second copy of the whole). */
  public chunks(): readonly Uint8Array[] {
    return this.parts
  }

  /** The bytes written, in one buffer. */
  public finish(): Uint8Array {
    const out = new Uint8Array(this.size)
    let offset = 0
    for (const part of this.parts) {
      out.set(part, offset)
      offset += part.byteLength
    }
    return out
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes)
    this.size += bytes.byteLength
  }

  private align(): void {
    const pad = (8 - (this.size & 7)) & 7
    if (pad > 0) this.push(new Uint8Array(pad))
  }
}

/** Reads the binary form back, section by section, in the order it was written. */
export class BinaryReader {
  private offset = 0
  private readonly view: DataView

  /** Checks the header; throws StoreFormatError when the data is not of this format version. */
  public constructor(
    private readonly bytes: Uint8Array,
    version: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (bytes.byteLength < 12 || this.uint() !== MAGIC) throw new StoreFormatError('not a SyncLens store')
    const found = this.uint()
    if (found !== version) throw new StoreFormatError(`store format ${found}, expected ${version}`)
    if (this.uint() !== (LITTLE_ENDIAN ? 1 : 2))
      throw new StoreFormatError('store written in another byte order')
  }

  /** Whether every byte has been read. */
  public get atEnd(): boolean {
    return this.offset === this.bytes.byteLength
  }

  /** An unsigned 32-bit number. */
  public uint(): number {
    this.need(4)
    const value = this.view.getUint32(this.offset, LITTLE_ENDIAN)
    this.offset += 4
    return value
  }

  /** A number. */
  public number(): number {
    this.align()
    this.need(8)
    const value = this.view.getFloat64(this.offset, LITTLE_ENDIAN)
    this.offset += 8
    return value
  }

  /**
   * A byte array: a view of the data, which the caller may change (callers copy what they keep, and rewrite ids in
   * place before copying; the data is read once).
   */
  public uint8Array(): Uint8Array {
    const length = this.uint()
    return this.slice(length)
  }

  /** A 16-bit array: a view when the data is aligned, else a copy (see `uint8Array`). */
  public uint16Array(): Uint16Array {
    const bytes = this.slice(this.uint() * 2)
    return bytes.byteOffset % 2 === 0
      ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
      : new Uint16Array(bytes.slice().buffer)
  }

  /** A 32-bit array: a view when the data is aligned, else a copy (see `uint8Array`). */
  public uint32Array(): Uint32Array {
    const bytes = this.slice(this.uint() * 4)
    return bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
      : new Uint32Array(bytes.slice().buffer)
  }

  /** A text. */
  public text(): string {
    const kind = this.uint()
    const length = this.uint()
    if (length === 0) return ''
    if (kind !== ONE_BYTE && kind !== TWO_BYTE) throw new StoreFormatError('damaged text section')
    const bytes = this.slice(kind === TWO_BYTE ? length * 2 : length, false)
    this.align()
    if (NodeBufferClass !== undefined) {
      return NodeBufferClass.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
        kind === TWO_BYTE ? 'utf16le' : 'latin1',
      )
    }
    if (kind === TWO_BYTE) return utf16Decoder.decode(bytes)
    let text = ''
    for (let start = 0; start < bytes.length; start += 8192) {
      // eslint-disable-next-line no-restricted-syntax -- chunks are bounded to 8,192 elements, far below the stack limit
      text += String.fromCharCode.apply(null, Array.from(bytes.subarray(start, start + 8192)))
    }
    return text
  }

  /** Plain data written by `json`. */
  public json<T>(): T {
    return JSON.parse(this.text()) as T
  }

  private slice(byteLength: number, aligned = true): Uint8Array {
    if (aligned) this.align()
    this.need(byteLength)
    const part = this.bytes.subarray(this.offset, this.offset + byteLength)
    this.offset += byteLength
    return part
  }

  private align(): void {
    this.offset += (8 - (this.offset & 7)) & 7
  }

  private need(byteLength: number): void {
    if (this.offset + byteLength > this.bytes.byteLength)
      throw new StoreFormatError('store data is truncated')
  }
}
