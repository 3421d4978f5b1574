import { asciiSlice } from '../../text/ascii'
import { isPlainAscii } from './plain-ascii'
import type { XmlSink, XmlTag } from './xml-sink'

/** One structural event as a comparable value. */
export type XmlEvent =
  | {
      readonly kind: 'open'
      readonly name: string
      readonly attributes: readonly (readonly [string, string])[]
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string }

/**
 * A sink that records every event, joining adjacent text pieces (scanners may split character
 * data differently around comments and CDATA). Used to compare scanners with each other.
 */
export class XmlEventRecorder implements XmlSink {
  /** Set to false to check that a scanner skips unwanted text. */
  public wantsText = true
  /** Set to true to take plain ASCII text as bytes (`asciiText`), recorded as text like any other. */
  public wantsAsciiBytes = false
  /** Pieces of text that came as bytes. */
  public asciiPieces = 0
  /** The events so far. */
  public readonly events: XmlEvent[] = []
  private readonly openNames: string[] = []

  /** Records a start tag. */
  public openElement(_nameId: number, tag: XmlTag): void {
    const attributes: (readonly [string, string])[] = []
    for (let i = 0; i < tag.attributeCount; i++)
      attributes.push([tag.attributeName(i), tag.attributeValue(i)])
    const name = tag.elementName()
    this.openNames.push(name)
    this.events.push({ kind: 'open', name, attributes })
  }

  /** Records an end tag. */
  public closeElement(): void {
    this.events.push({ kind: 'close', name: this.openNames.pop() ?? '' })
  }

  /** Records character data that came as plain ASCII bytes, as `text` does; leaves any other. */
  public asciiText(bytes: Uint8Array, start: number, end: number): boolean {
    if (!isPlainAscii(bytes, start, end)) return false
    this.asciiPieces += 1
    this.text(asciiSlice(bytes, start, end))
    return true
  }

  /** Records character data, merged with the previous piece. */
  public text(value: string): void {
    const last = this.events[this.events.length - 1]
    if (last?.kind === 'text') this.events[this.events.length - 1] = { kind: 'text', text: last.text + value }
    else this.events.push({ kind: 'text', text: value })
  }
}
