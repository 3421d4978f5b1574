import { SaxesParser, type SaxesAttributePlain, type SaxesTagPlain } from 'saxes'
import type { NameTable } from '../fast/name-table'
import { UNINTERNED_NAME } from '../fast/name-table'
import {
  DEFAULT_XML_LIMITS,
  type XmlError,
  type XmlLimits,
  type XmlPosition,
  type XmlSink,
  type XmlTag,
  type XmlTokenizer,
} from '../fast/xml-sink'

/** The message both scanners give for a DOCTYPE. */
export const DOCTYPE_REFUSED =
  'the file contains a <!DOCTYPE> declaration, which SyncLens refuses: DTDs can define entities that expand without bound or point to external files, and export files never contain one'

/**
 * The same tokenizer contract as FastXmlScanner, built on saxes. Slower; it exists so tests can
 * prove the fast scanner reads every document exactly as a mature parser does.
 */
export class ReferenceXmlScanner implements XmlTokenizer, XmlTag {
  /** The first error met, or null. */
  public error: XmlError | null = null

  private readonly parser = new SaxesParser<{ readonly xmlns: false; readonly position: true }>({
    xmlns: false,
    position: true,
  })
  private readonly decoder = new TextDecoder()
  private readonly pendingAttributes: SaxesAttributePlain[] = []
  private attributes: readonly SaxesAttributePlain[] = []
  private attributeIds: number[] = []
  private currentName = ''
  private readonly stack: number[] = []
  private readonly limits: XmlLimits
  /** Names already interned, so the table is asked once per distinct name. */
  private readonly ids = new Map<string, number>()

  /** Creates a scanner reporting to `sink`. */
  public constructor(
    private readonly sink: XmlSink,
    private readonly names: NameTable,
    limits: XmlLimits = DEFAULT_XML_LIMITS,
  ) {
    this.limits = limits
    const parser = this.parser
    parser.on('attribute', (attribute) => {
      this.pendingAttributes.push(attribute)
    })
    parser.on('opentag', (tag) => this.open(tag))
    parser.on('closetag', () => this.close())
    parser.on('text', (text) => this.characters(text))
    parser.on('cdata', (text) => this.characters(text))
    parser.on('doctype', () => this.fail(DOCTYPE_REFUSED))
    parser.on('error', (error) => this.fail(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')))
  }

  /** Number of attributes of the tag being reported. */
  public get attributeCount(): number {
    return this.attributes.length
  }

  /** Scans the next chunk of UTF-8. */
  public push(chunk: Uint8Array): void {
    if (this.error !== null) return
    this.parser.write(this.decoder.decode(chunk, { stream: true }))
  }

  /** Ends the input. */
  public end(): void {
    if (this.error !== null) return
    this.parser.write(this.decoder.decode())
    if (this.error !== null) return
    this.parser.close()
  }

  /** The element name of the tag being reported. */
  public elementName(): string {
    return this.currentName
  }

  /** Name-table id of an attribute name. */
  public attributeNameId(index: number): number {
    return this.attributeIds[index] ?? UNINTERNED_NAME
  }

  /** An attribute name. */
  public attributeName(index: number): string {
    return this.attributes[index]?.name ?? ''
  }

  /** An attribute value. */
  public attributeValue(index: number): string {
    return this.attributes[index]?.value ?? ''
  }

  /** Values are never interned here: sinks take the text of each. */
  public attributeValueId(): number {
    return UNINTERNED_NAME
  }

  /** The parser's current position (saxes reports where the tag ends, not where it starts). */
  public position(): XmlPosition {
    return { line: this.parser.line, column: this.parser.column + 1 }
  }

  private open(tag: SaxesTagPlain): void {
    if (this.error !== null) return
    if (this.stack.length >= this.limits.maxDepth) {
      this.fail(`elements are nested deeper than ${this.limits.maxDepth} levels`)
      return
    }
    const id = this.idOf(tag.name)
    this.attributes = this.pendingAttributes.splice(0)
    this.attributeIds = this.attributes.map((attribute) => this.idOf(attribute.name))
    this.currentName = tag.name
    this.stack.push(id)
    this.sink.openElement(id, this)
  }

  private idOf(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.intern(name)
      if (id !== UNINTERNED_NAME) this.ids.set(name, id)
    }
    return id
  }

  private close(): void {
    if (this.error !== null) return
    const id = this.stack.pop()
    if (id !== undefined) this.sink.closeElement(id)
  }

  private characters(text: string): void {
    if (this.error !== null || this.stack.length === 0 || !this.sink.wantsText) return
    this.sink.text(text)
  }

  private fail(message: string): void {
    if (this.error !== null) return
    this.error = { message, line: this.parser.line, column: this.parser.column + 1 }
  }
}
