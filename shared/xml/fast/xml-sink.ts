import type { NameTable } from './name-table'

/** A 1-based position in the text of a file. */
export interface XmlPosition {
  readonly line: number
  readonly column: number
}

/** Why a document could not be read further: well-formedness, a refused construct, or a bound. */
export interface XmlError {
  readonly message: string
  readonly line: number
  readonly column: number
}

/** The start tag being reported to a sink; valid only during the `openElement` call. */
export interface XmlTag {
  /** Number of attributes on the tag. */
  readonly attributeCount: number
  /** The element name as text. */
  elementName(): string
  /** Name-table id of an attribute name (-1 when the table is full and the name was not interned). */
  attributeNameId(index: number): number
  /** An attribute name as text. */
  attributeName(index: number): string
  /** An attribute value with entities decoded and whitespace normalized as XML requires. */
  attributeValue(index: number): string
  /**
   * A small id shared by every occurrence of the same value in one document, so that a sink can key what it derives
   * from a value (a parsed GUID, a type) by it instead of decoding the value again; -1 when the value is not interned
   * (long, written with entities or line breaks, not valid UTF-8, or the table of values is full). Its text is
   * `attributeValue(index)`.
   */
  attributeValueId(index: number): number
  /** Position of the `<` that starts the tag; computed on demand, so call it only when reporting. */
  position(): XmlPosition
}

/**
 * Receives the structure of a document. Element and attribute names arrive as ids of the scanner's
 * name table, so formats compare small integers instead of strings.
 */
export interface XmlSink {
  /** Read before each run of character data; when false the scanner skips the run without decoding it. */
  readonly wantsText: boolean
  /** A start tag (or the start of a self-closing tag, which is followed by `closeElement`). */
  openElement(nameId: number, tag: XmlTag): void
  /** The end of an element. */
  closeElement(nameId: number): void
  /** Character data inside the current element; one element may receive several pieces. */
  text(value: string): void
  /**
   * Read before each run of character data the sink wants: when true, the run comes to `asciiText` as bytes first,
   * and to `text` as a string only if `asciiText` did not take it.
   */
  readonly wantsAsciiBytes?: boolean
  /**
   * A run of character data as `bytes[start, end)`, valid only during the call: the sink takes it (true) when it is
   * plain ASCII (`PLAIN_ASCII`: no byte of 0x80 or above, no NUL, no `&`, no carriage return, so text that reads as
   * its own bytes), and leaves it (false, having kept nothing of it) when it is not.
   */
  asciiText?(bytes: Uint8Array, start: number, end: number): boolean
}

/** Bounds that turn hostile or broken input into an error instead of unbounded memory use. */
export interface XmlLimits {
  /** Longest attribute value, text run, comment, CDATA section or processing instruction, in bytes. */
  readonly maxValueBytes: number
  /** Deepest element nesting. */
  readonly maxDepth: number
  /** Longest element or attribute name, in bytes. */
  readonly maxNameBytes: number
}

/** The bounds SyncLens applies to every XML file. */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxValueBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxNameBytes: 4 * 1024,
}

/** A push tokenizer over UTF-8 bytes; after an error it ignores further input. */
export interface XmlTokenizer {
  /** The first error met, or null. */
  readonly error: XmlError | null
  /** Scans the next chunk of UTF-8 bytes, calling the sink synchronously. */
  push(chunk: Uint8Array): void
  /** Signals the end of the input; reports truncation as an error. */
  end(): void
  /** Text values that held bytes invalid in UTF-8, when the tokenizer counts them. */
  readonly invalidTextValues?: number
}

/** Builds a tokenizer that reports to `sink`, interning names in `names`. */
export type XmlTokenizerFactory = (sink: XmlSink, names: NameTable, limits?: XmlLimits) => XmlTokenizer
