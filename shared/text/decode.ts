/** Character encodings SyncLens reads. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/** Encoding detected from a byte-order mark (or its absence), and the BOM length to skip. */
export interface DetectedEncoding {
  readonly encoding: TextEncodingName
  readonly bomLength: number
}

/** How many bytes encoding detection looks at. */
export const ENCODING_SAMPLE_BYTES = 512

/**
 * Detects the encoding of a file from its first bytes (up to ENCODING_SAMPLE_BYTES).
 *
 * A BOM decides. Without one, text whose every other byte is NUL is UTF-16 without BOM (seen when files pass
 * through tools that drop it): NULs in the odd bytes mean little-endian, in the even bytes big-endian. It is
 * checked on the whole sample, so leading white space, a rule script or any other text is recognised, not only
 * a file that starts with `<`. UTF-8 text never holds NUL, so otherwise the file is UTF-8.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  const pairs = Math.floor(Math.min(head.length, ENCODING_SAMPLE_BYTES) / 2)
  if (pairs < 2) return { encoding: 'utf-8', bomLength: 0 }
  let evenZeros = 0
  let oddZeros = 0
  for (let pair = 0; pair < pairs; pair++) {
    if (head[2 * pair] === 0) evenZeros++
    if (head[2 * pair + 1] === 0) oddZeros++
  }
  // Non-Latin characters have two non-zero bytes; a quarter of them still leaves the pattern plain.
  if (oddZeros >= pairs * 0.75 && evenZeros <= pairs * 0.25) return { encoding: 'utf-16le', bomLength: 0 }
  if (evenZeros >= pairs * 0.75 && oddZeros <= pairs * 0.25) return { encoding: 'utf-16be', bomLength: 0 }
  return { encoding: 'utf-8', bomLength: 0 }
}

/** Decodes a whole file to text, honouring its BOM and dropping it. Invalid sequences become U+FFFD. */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, ENCODING_SAMPLE_BYTES))
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength))
}

/** The part of TextDecoder this module uses (Node's typings declare TextDecoder as a value only). */
interface ChunkDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}

/** A streaming decoder: feed byte chunks, get text chunks; the BOM is detected on the first chunk. */
export class StreamingTextDecoder {
  private decoder: ChunkDecoder | null = null
  private pending: Uint8Array = new Uint8Array(0)

  /** Decodes the next chunk; returns '' while fewer than 4 bytes are known at the start. */
  public push(chunk: Uint8Array): string {
    if (this.decoder === null) {
      const joined = concatBytes(this.pending, chunk)
      if (joined.length < 4) {
        this.pending = joined
        return ''
      }
      const { encoding, bomLength } = detectEncoding(joined)
      this.decoder = new TextDecoder(encoding)
      this.pending = new Uint8Array(0)
      return this.decoder.decode(joined.subarray(bomLength), { stream: true })
    }
    return this.decoder.decode(chunk, { stream: true })
  }

  /** Flushes what is left at the end of the input. */
  public end(): string {
    if (this.decoder === null) {
      const { encoding, bomLength } = detectEncoding(this.pending)
      return new TextDecoder(encoding).decode(this.pending.subarray(bomLength))
    }
    return this.decoder.decode()
  }
}

/** Concatenates two byte arrays. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a, 0)
  joined.set(b, a.length)
  return joined
}
