import { FastXmlScanner } from './fast-xml-scanner'
import type { NameTable } from './name-table'
import { Utf8Input } from './utf8-input'
import type { XmlError, XmlLimits, XmlSink, XmlTokenizer, XmlTokenizerFactory } from './xml-sink'

/** Options of an XmlStream. */
export interface XmlStreamOptions {
  readonly sink: XmlSink
  readonly names: NameTable
  /** Called once, with the first error; nothing is read after it. */
  readonly onError: (error: XmlError) => void
  /** The tokenizer; the fast scanner unless a test substitutes the reference one. */
  readonly tokenizer?: XmlTokenizerFactory
  readonly limits?: XmlLimits
}

/** Builds the production tokenizer. */
export const createFastScanner: XmlTokenizerFactory = (sink, names, limits) =>
  new FastXmlScanner(sink, names, limits)

/** Wires a file's bytes (any supported encoding) through a tokenizer into a format sink. */
export class XmlStream {
  private readonly tokenizer: XmlTokenizer
  private readonly input: Utf8Input
  private reported = false
  private byteCount = 0

  /** Creates the stream. */
  public constructor(private readonly options: XmlStreamOptions) {
    const factory = options.tokenizer ?? createFastScanner
    this.tokenizer = factory(options.sink, options.names, options.limits)
    this.input = new Utf8Input(this.tokenizer)
  }

  /** Values that held bytes invalid in UTF-8, as far as the tokenizer counts them. */
  public get invalidTextValues(): number {
    return this.tokenizer.invalidTextValues ?? 0
  }

  /** True once the document failed. */
  public get failed(): boolean {
    return this.tokenizer.error !== null
  }

  /** Bytes received so far. */
  public get bytes(): number {
    return this.byteCount
  }

  /** Reads the next chunk. */
  public push(chunk: Uint8Array): void {
    this.byteCount += chunk.length
    if (this.tokenizer.error !== null) return
    this.input.push(chunk)
    this.report()
  }

  /** Ends the input. */
  public end(): void {
    if (this.tokenizer.error === null) this.input.end()
    this.report()
  }

  private report(): void {
    const error = this.tokenizer.error
    if (error === null || this.reported) return
    this.reported = true
    this.options.onError(error)
  }
}
