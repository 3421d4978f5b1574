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
  readonly names?: NameTable
}

/** What a scanner made of a document: its events and its error. */
export interface ScanResult {
  readonly events: readonly XmlEvent[]
  readonly error: XmlError | null
}

/** Runs a whole document through a tokenizer (via Utf8Input, so any encoding works) and records it. */
export function scanDocument(
  factory: XmlTokenizerFactory,
  bytes: Uint8Array,
  options: ScanDocumentOptions = {},
): ScanResult {
  const recorder = new XmlEventRecorder()
  recorder.wantsText = options.wantsText ?? true
  const tokenizer = factory(recorder, options.names ?? new NameTable([]), options.limits)
  const input = new Utf8Input(tokenizer)
  let from = 0
  for (const split of [...(options.splits ?? []), bytes.length]) {
    if (split > from) input.push(bytes.subarray(from, split))
    from = Math.max(from, split)
  }
  input.end()
  return { events: recorder.events, error: tokenizer.error }
}
