import { NAME_HASH_SEED, hashStep } from './name-table'

/** Strings up to this many bytes go through the cache. */
const CACHE_MAX_BYTES = 32
const CACHE_SLOTS = 4096
const CACHE_MASK = CACHE_SLOTS - 1
/**
 * Where there is no native slice (a browser), ASCII values up to this many bytes are built in JavaScript instead of
 * by TextDecoder, whose every call costs more in Chromium than in Node: measured in headless Chromium 156, 160 to 180
 * ns against 345 ns for values of 33 to 92 bytes. Longer runs of `fromCharCode` pieces would cost more than they
 * save.
 */
const JS_ASCII_MAX_BYTES = 256

/** `Buffer.prototype.utf8Slice` where the host is Node (the command, the app's workers); absent in a browser. */
type Utf8Slice = (this: Uint8Array, start: number, end: number) => string
const nativeUtf8Slice: Utf8Slice | null =
  (globalThis as { Buffer?: { prototype?: { utf8Slice?: Utf8Slice } } }).Buffer?.prototype?.utf8Slice ?? null

/**
 * Decodes UTF-8 byte ranges to strings. Short values (attribute names, types, flags, object classes, and in
 * customers' exports cities, departments and other non-ASCII text) repeat endlessly in exports, so they come from a
 * small direct-mapped cache without allocating; longer values go through one TextDecoder call.
 */
export class Utf8Decoder {
  /** Keeps a leading U+FEFF: inside a value it is a character of the value, not a byte-order mark. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  private readonly slab = new Uint8Array(CACHE_SLOTS * CACHE_MAX_BYTES)
  private readonly lengths = new Int32Array(CACHE_SLOTS).fill(-1)
  private readonly strings: string[] = new Array<string>(CACHE_SLOTS).fill('')
  /** Values that held bytes invalid in UTF-8 (decoded with U+FFFD in their place). */
  public invalidValues = 0

  /** `utf8Slice`: Node's native decoding, or null for TextDecoder (a browser; tests of that path). */
  public constructor(private readonly utf8Slice: Utf8Slice | null = nativeUtf8Slice) {}

  /** Decodes `bytes[start, end)`; invalid sequences become U+FFFD. */
  public decode(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start
    if (length === 0) return ''
    if (length > CACHE_MAX_BYTES) return this.decodeNonAscii(bytes, start, end)
    let hash = NAME_HASH_SEED
    let high = 0
    for (let i = start; i < end; i++) {
      const byte = bytes[i]
      high |= byte
      hash = hashStep(hash, byte)
    }
    const slot = hash & CACHE_MASK
    const slab = this.slab
    const base = slot * CACHE_MAX_BYTES
    if (this.lengths[slot] === length) {
      let same = true
      for (let i = 0; i < length; i++) {
        if (slab[base + i] !== bytes[start + i]) {
          same = false
          break
        }
      }
      if (same) return this.strings[slot]
    }
    let text: string
    if ((high & 0x80) === 0) text = asciiString(bytes, start, end)
    else {
      // Short non-ASCII values (names of cities, departments, companies) repeat as much as ASCII ones. A value
      // with invalid bytes is never kept: each of its reads must be counted.
      text = this.decodeNonAscii(bytes, start, end)
      if (text.includes('\ufffd')) return text
    }
    for (let i = 0; i < length; i++) slab[base + i] = bytes[start + i]
    this.lengths[slot] = length
    this.strings[slot] = text
    return text
  }

  /**
   * Decodes bytes the cache does not hold (longer than its values, or not ASCII); a U+FFFD in the result marks an
   * invalid sequence. In Node, Buffer's own UTF-8 slice does what TextDecoder does (invalid sequences become U+FFFD
   * the same way) without a view per value or TextDecoder's checks: measured on Node 24, 131 against 237 ns for a
   * 60-byte value. In a browser, ASCII values up to JS_ASCII_MAX_BYTES are built here.
   */
  private decodeNonAscii(bytes: Uint8Array, start: number, end: number): string {
    if (this.utf8Slice !== null) {
      const text = this.utf8Slice.call(bytes, start, end)
      if (text.includes('\ufffd')) this.invalidValues += 1
      return text
    }
    if (end - start <= JS_ASCII_MAX_BYTES && isAscii(bytes, start, end)) return asciiString(bytes, start, end)
    const text = this.decoder.decode(bytes.subarray(start, end))
    if (text.includes('\ufffd')) this.invalidValues += 1
    return text
  }
}

/** Whether `bytes[start, end)` are all ASCII (stops at the first byte that is not). */
function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] > 0x7f) return false
  return true
}

/** Builds a string from ASCII bytes without a TextDecoder round trip (cheaper for short values). */
function asciiString(b: Uint8Array, start: number, end: number): string {
  let text = ''
  let i = start
  for (; i + 8 <= end; i += 8) {
    text += String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7])
  }
  for (; i < end; i++) text += String.fromCharCode(b[i])
  return text
}
