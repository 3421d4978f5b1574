import { StreamingTextDecoder, concatBytes, detectEncoding } from '../../text/decode'
import type { XmlTokenizer } from './xml-sink'

/** Bytes needed to recognise a byte-order mark or UTF-16 without one. */
const DETECTION_BYTES = 4

/**
 * Feeds a tokenizer UTF-8 bytes whatever the file's encoding: a UTF-8 BOM is skipped, UTF-16 (LE or
 * BE, with or without BOM) is transcoded chunk by chunk, and plain UTF-8 passes through untouched.
 */
export class Utf8Input {
  private head: Uint8Array = new Uint8Array(0)
  private detected = false
  private transcoder: StreamingTextDecoder | null = null
  private readonly encoder = new TextEncoder()

  /** Wraps the tokenizer that receives UTF-8. */
  public constructor(private readonly target: XmlTokenizer) {}

  /** Passes on the next chunk of the file. */
  public push(chunk: Uint8Array): void {
    if (this.detected) {
      this.forward(chunk)
      return
    }
    this.head = concatBytes(this.head, chunk)
    if (this.head.length >= DETECTION_BYTES) this.detect()
  }

  /** Ends the input. */
  public end(): void {
    if (!this.detected) this.detect()
    if (this.transcoder !== null) this.pushText(this.transcoder.end())
    this.target.end()
  }

  private detect(): void {
    this.detected = true
    const head = this.head
    this.head = new Uint8Array(0)
    const { encoding, bomLength } = detectEncoding(head)
    if (encoding === 'utf-8') {
      this.forward(head.subarray(bomLength))
      return
    }
    this.transcoder = new StreamingTextDecoder()
    this.forward(head)
  }

  private forward(chunk: Uint8Array): void {
    if (this.transcoder === null) this.target.push(chunk)
    else this.pushText(this.transcoder.push(chunk))
  }

  private pushText(text: string): void {
    if (text.length > 0) this.target.push(this.encoder.encode(text))
  }
}
