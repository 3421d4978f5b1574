import { XmlEventRecorder, type XmlEvent } from './event-recorder'
import { NameTable } from './name-table'
import { Utf8Input } from './utf8-input'
import type { XmlError, XmlLimits, XmlTokenizerFactory } from './xml-sink'

/** Options of scanDocument. */
export interface ScanDocumentOptions {
  /** Offsets at which the bytes are cut into chunks (ascending). */
  readonly splits?: readonly number[]
  readonly limits?: XmlLimits
  readonly wantsText?: boolean
  /** Let the scanner hand plain ASCII text over as bytes (`XmlSink.asciiText`). */
  readonly asciiBytes?: boolean
  readonly names?: NameTable
}

/** What a scanner made of a document: its events and its error. */
export interface ScanResult {
  readonly events: readonly XmlEvent[]
  readonly error: XmlError | null
  /** Pieces of text that came as bytes (with `asciiBytes`). */
  readonly asciiPieces?: number
}

/** Runs a whole document through a tokenizer (via Utf8Input, so any encoding works) and records it. */
export function scanDocument(
  factory: XmlTokenizerFactory,
  bytes: Uint8Array,
  options: ScanDocumentOptions = {},
): ScanResult {
  const recorder = new XmlEventRecorder()
  recorder.wantsText = options.wantsText ?? true
  recorder.wantsAsciiBytes = options.asciiBytes ?? false
  const tokenizer = factory(recorder, options.names ?? new NameTable([]), options.limits)
  const input = new Utf8Input(tokenizer)
  let from = 0
  for (const split of [...(options.splits ?? []), bytes.length]) {
    if (split > from) input.push(bytes.subarray(from, split))
    from = Math.max(from, split)
  }
  input.end()
  return options.asciiBytes === true
    ? { events: recorder.events, error: tokenizer.error, asciiPieces: recorder.asciiPieces }
    : { events: recorder.events, error: tokenizer.error }
}
