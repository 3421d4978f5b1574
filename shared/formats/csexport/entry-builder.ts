import type {
  Attribute,
  AttributeChange,
  AttributeType,
  Delta,
  DeltaOperation,
  Entry,
  ValueChange,
  ValueOperation,
} from '../../model/objects'
import { AsciiAttribute, type ValueBytes } from '../../model/ascii-attribute'
import { decodeBase64Text } from './csexport-values'
import { ValueCollector } from './value-collector'

/**
 * Collects one `<entry>` (a hologram) or `<delta>` while its elements stream by, and builds the
 * model object when it closes. Reused for every entry of a file.
 */
export class EntryBuilder {
  private isDelta = false
  private dn = ''
  private newDn: string | null = null
  private operation: DeltaOperation = 'none'
  private primaryObjectClass: string | null = null
  private objectClasses: string[] = []
  private anchor: string | null = null
  private attributes: Attribute[] = []
  private changes: AttributeChange[] = []

  private attrName = ''
  private attrType: AttributeType = 'String'
  private attrMultiValued: boolean | null = null
  private attrOperation: ValueOperation | null = null
  private readonly values: ValueCollector
  private valueChanges: ValueChange[] = []
  /** Where this entry's ASCII values are kept as bytes (null: they are not). */
  private source: ValueBytes | null = null

  private valueOperation: ValueOperation | null = null
  private valueBase64 = false
  private dnText: string | null = null

  /**
   * Creates a builder; `warn` receives problems that do not stop the object from loading, and `textAt` gives the
   * text of a range of the object's value bytes (see `endAsciiValue`).
   */
  public constructor(
    private readonly warn: (message: string) => void,
    textAt: (start: number, end: number) => string,
  ) {
    this.values = new ValueCollector(textAt)
  }

  /** True while building a `<delta>`. */
  public get buildingDelta(): boolean {
    return this.isDelta
  }

  /** Starts an entry or delta. */
  public begin(
    isDelta: boolean,
    dn: string,
    newDn: string | null,
    operation: DeltaOperation,
    primaryObjectClass: string | null,
    source: ValueBytes | null = null,
  ): void {
    this.isDelta = isDelta
    this.source = isDelta ? null : source
    this.dn = dn
    this.newDn = newDn
    this.operation = operation
    this.primaryObjectClass = primaryObjectClass
    this.objectClasses = []
    this.anchor = null
    this.attributes = []
    this.changes = []
  }

  /** Sets the `<primary-objectclass>` text. */
  public setPrimaryObjectClass(text: string): void {
    const trimmed = text.trim()
    if (trimmed !== '') this.primaryObjectClass = trimmed
  }

  /** Adds one `<oc-value>`. */
  public addObjectClass(text: string): void {
    const trimmed = text.trim()
    if (trimmed !== '') this.objectClasses.push(trimmed)
  }

  /** Sets the entry's `<anchor>` (base64). */
  public setAnchor(text: string): void {
    const trimmed = text.trim()
    this.anchor = trimmed === '' ? null : trimmed
  }

  /** Starts an `<attr>` or `<dn-attr>`. */
  public beginAttribute(
    name: string,
    type: AttributeType,
    multiValued: boolean | null,
    operation: ValueOperation | null,
  ): void {
    this.attrName = name
    this.attrType = type
    this.attrMultiValued = multiValued
    this.attrOperation = operation
    this.values.reset()
    this.valueChanges = []
  }

  /** Starts a `<value>`. */
  public beginValue(operation: ValueOperation | null, base64: boolean): void {
    this.valueOperation = operation
    this.valueBase64 = base64
  }

  /**
   * Whether the `<value>` just begun may end with `endAsciiValue`: in an entry whose values are kept as bytes, a
   * value kept as written (not one marked base64 that is decoded to text).
   */
  public takesAsciiValue(): boolean {
    return this.source !== null && !(this.valueBase64 && this.attrType !== 'Binary')
  }

  /** Ends a `<value>` whose text is the plain ASCII at `[start, end)` of the object's value bytes. */
  public endAsciiValue(start: number, end: number): void {
    this.values.addAscii(start, end)
  }

  /** Ends a `<value>` with its text. */
  public endValue(text: string): void {
    let value = text
    if (this.valueBase64 && this.attrType !== 'Binary') {
      const decoded = decodeBase64Text(text)
      if (decoded === null) {
        this.warn(`attribute ${this.attrName}: a value marked base64 is not valid base64; kept as written`)
      } else value = decoded
    }
    this.addValue(value)
  }

  /** Starts a `<dn-value>`. */
  public beginDnValue(operation: ValueOperation | null): void {
    this.valueOperation = operation
    this.dnText = null
  }

  /** Sets the `<dn>` of the current `<dn-value>`. */
  public setDn(text: string): void {
    this.dnText = text
  }

  /** Ends a `<dn-value>`; its own text stands in when it has no `<dn>` child. */
  public endDnValue(ownText: string): void {
    const dn = this.dnText ?? ownText.trim()
    this.attrType = 'Reference'
    this.addValue(dn)
  }

  /** Ends the current attribute. */
  public endAttribute(): void {
    const count = this.isDelta ? this.valueChanges.length : this.values.count
    const multiValued = this.attrMultiValued ?? count > 1
    if (this.isDelta) {
      this.changes.push({
        name: this.attrName,
        type: this.attrType,
        multiValued,
        operation: this.attrOperation,
        values: this.valueChanges,
      })
    } else {
      const bounds = this.values.asciiBounds
      this.attributes.push(
        bounds !== null && this.source !== null
          ? new AsciiAttribute(this.attrName, this.attrType, multiValued, this.source, bounds)
          : { name: this.attrName, type: this.attrType, multiValued, values: this.values.texts() },
      )
    }
  }

  /** The finished hologram entry. */
  public finishEntry(): Entry {
    return {
      dn: this.dn,
      primaryObjectClass: this.primaryObjectClass,
      objectClasses: this.objectClasses,
      anchor: this.anchor,
      attributes: this.attributes,
    }
  }

  /** The finished delta. */
  public finishDelta(): Delta {
    return {
      dn: this.dn,
      newDn: this.newDn,
      operation: this.operation,
      primaryObjectClass: this.primaryObjectClass,
      attributes: this.changes,
    }
  }

  private addValue(value: string): void {
    if (this.isDelta) this.valueChanges.push({ value, operation: this.valueOperation })
    else this.values.addText(value)
  }
}
