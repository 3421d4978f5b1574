import { AsciiAttribute } from '../../model/ascii-attribute'
import type { LoadIssue } from '../../model/load-issue'
import type { AttributeType, MvAttribute, MvConnection, MvObject, ValueLineage } from '../../model/objects'
import type { NameTable } from '../../xml/fast/name-table'
import type { XmlTag } from '../../xml/fast/xml-sink'
import {
  attributeTypeOf,
  decodeBase64Text,
  flagOf,
  guidOrText,
  normalizeGuid,
} from '../csexport/csexport-values'
import type { IssueRecorder } from '../csexport/issue-budget'
import { ObjectSinkBase } from '../csexport/object-sink-base'
import { ValueCollector } from '../csexport/value-collector'
import { TagValues } from '../csexport/tag-values'
import { MV_OBJECTS } from './mv-objects-names'
import { NO_LINEAGE, ValueLineageBuilder } from './value-lineage-builder'

const N = MV_OBJECTS.ids

const OUTSIDE = 0
const ROOT = 1
const IGNORED = 2
const OBJECT = 3
const ENTRY = 4
const PRIMARY_OBJECT_CLASS = 5
const ATTR = 6
const VALUE = 7
const DN_VALUE = 8
const DN = 9
const LINKS = 10
const LINK = 11
const LINK_FIELD = 12

const WANTS_TEXT: readonly boolean[] = [
  false, // OUTSIDE
  false, // ROOT
  false, // IGNORED
  false, // OBJECT
  false, // ENTRY
  true, // PRIMARY_OBJECT_CLASS
  false, // ATTR
  true, // VALUE
  true, // DN_VALUE
  true, // DN
  false, // LINKS
  false, // LINK
  true, // LINK_FIELD
]

/** Options shared by the metaverse sink and reader. */
export interface MvObjectsSinkOptions {
  /** The file as issues name it (relative to the snapshot root). */
  readonly file: string
  /** Receives each object as soon as its end tag is read. */
  readonly onObject: (object: MvObject) => void
  /** Receives warnings (skipped objects, ignored parts) and the error that stops a read. */
  readonly onIssue: (issue: LoadIssue) => void
  /** Receives every issue instead, uncapped (a segment of a file read in parallel; see IssueRecorder). */
  readonly recordIssue?: IssueRecorder
  /**
   * Keep each object's plain ASCII values as bytes (`AsciiAttribute`), for a reader that hands its objects to a
   * store: the store copies the bytes without a string per value.
   */
  readonly valuesAsBytes?: boolean
}

/**
 * Turns the element stream of `<mv-objects>` (Get-ADSyncMVObject `.SerializedXml`) into MvObjects,
 * with the lineage of every value. The metaverse model has no place for unknown parts, so
 * anything unknown is reported once per kind as a warning instead of being dropped silently.
 */
export class MvObjectsSink extends ObjectSinkBase {
  private readonly lineage = new ValueLineageBuilder()
  private readonly tagValues = new TagValues()

  private idText: string | null = null
  private objectType: string | null = null
  private primaryObjectClass: string | null = null
  private attributes: MvAttribute[] = []
  private connections: MvConnection[] = []

  private attrName = ''
  private attrType: AttributeType = 'String'
  private attrMultiValued: boolean | null = null
  private attrLineage: ValueLineage = NO_LINEAGE
  private readonly values = new ValueCollector((start, end) => this.valueText(start, end))
  private lineages: ValueLineage[] = []
  private valueLineage: ValueLineage = NO_LINEAGE
  private valueBase64 = false
  private dnText: string | null = null

  private linkLineageId: string | null = null
  private linkLineageType: string | null = null
  private linkLineageTime: string | null = null
  private linkCsDn: string | null = null
  private linkCsGuid: string | null = null
  private linkMaName: string | null = null
  private linkMaGuid: string | null = null

  /** Creates the sink; `maxDepth` must match the scanner's limit. */
  public constructor(
    names: NameTable,
    private readonly options: MvObjectsSinkOptions,
    maxDepth: number,
  ) {
    super(
      names,
      options.file,
      options.onIssue,
      maxDepth,
      WANTS_TEXT,
      options.recordIssue,
      options.valuesAsBytes === true,
    )
  }

  /** A start tag. */
  public openElement(nameId: number, tag: XmlTag): void {
    let context: number
    switch (this.contexts[this.depth]) {
      case OUTSIDE:
        context = this.openRoot(nameId, tag)
        break
      case ROOT:
        context = nameId === N.mvObject ? this.beginObject(tag) : this.ignore(tag)
        break
      case OBJECT:
        if (nameId === N.entry) context = ENTRY
        else if (nameId === N.csMvLinks) context = LINKS
        else context = this.ignore(tag)
        break
      case ENTRY:
        if (nameId === N.attr) context = this.beginAttribute(tag, false)
        else if (nameId === N.dnAttr) context = this.beginAttribute(tag, true)
        else if (nameId === N.primaryObjectClass) context = PRIMARY_OBJECT_CLASS
        else context = this.ignore(tag)
        break
      case ATTR:
        if (nameId === N.value) context = this.beginValue(tag, VALUE)
        else if (nameId === N.dnValue) context = this.beginValue(tag, DN_VALUE)
        else context = this.ignore(tag)
        break
      case DN_VALUE:
        if (nameId === N.dn) context = DN
        else if (nameId === N.anchor) context = IGNORED
        else context = this.ignore(tag)
        break
      case LINKS:
        context = nameId === N.csMvValue ? this.beginLink(tag) : this.ignore(tag)
        break
      case LINK:
        context = LINK_FIELD
        break
      case IGNORED:
        context = IGNORED
        break
      default:
        context = this.ignore(tag)
    }
    this.enter(context, nameId, false)
  }

  /** An end tag. */
  public closeElement(): void {
    switch (this.contexts[this.depth]) {
      case OBJECT:
        this.endObject()
        break
      case PRIMARY_OBJECT_CLASS:
        if (this.collected.trim() !== '') this.primaryObjectClass = this.collected.trim()
        break
      case ATTR:
        this.endAttribute()
        break
      case VALUE:
        if (this.collectedStart !== -1) this.endAsciiValue(this.collectedStart, this.collectedEnd)
        else this.endValue(this.collected)
        break
      case DN:
        this.dnText = this.collected
        break
      case DN_VALUE:
        this.attrType = 'Reference'
        this.values.addText(this.dnText ?? this.collected.trim())
        this.lineages.push(this.valueLineage)
        break
      case LINK:
        this.endLink()
        break
      case LINK_FIELD:
        this.linkField(this.nameIds[this.depth], this.collected)
        break
    }
    this.leave(false)
  }

  private openRoot(nameId: number, tag: XmlTag): number {
    if (nameId === N.mvObjects) return ROOT
    if (nameId === N.mvObject) return this.beginObject(tag)
    this.refuseRoot(tag, 'a metaverse object export', '<mv-objects> (Get-ADSyncMVObject .SerializedXml)')
    return IGNORED
  }

  private ignore(tag: XmlTag): number {
    const parents = this.pathFrom(1)
    const path = parents === '' ? tag.elementName() : `${parents}/${tag.elementName()}`
    this.issues.warnOnce(
      `element:${path}`,
      `ignored <${path}>: the metaverse model has no place for it`,
      tag.position(),
    )
    return IGNORED
  }

  private beginObject(tag: XmlTag): number {
    this.objectPosition = tag.position()
    this.beginValueBytes()
    this.idText = null
    this.objectType = null
    this.primaryObjectClass = null
    this.attributes = []
    this.connections = []
    for (let i = 0; i < tag.attributeCount; i++) {
      const id = tag.attributeNameId(i)
      if (id === N.id) this.idText = tag.attributeValue(i)
      else if (id === N.objectType) this.objectType = nonEmpty(tag.attributeValue(i).trim())
      else this.unknownAttribute('mv-object', tag.attributeName(i))
    }
    return OBJECT
  }

  private beginAttribute(tag: XmlTag, isReference: boolean): number {
    let name = ''
    let typeText: string | null = null
    let multiValued: boolean | null = null
    this.lineage.reset()
    for (let i = 0; i < tag.attributeCount; i++) {
      const id = tag.attributeNameId(i)
      if (id === N.name) name = tag.attributeValue(i)
      else if (id === N.type) typeText = tag.attributeValue(i)
      else if (id === N.multivalued) multiValued = flagOf(tag.attributeValue(i))
      else if (!this.lineage.field(id, tag, i, this.tagValues)) {
        this.unknownAttribute(isReference ? 'dn-attr' : 'attr', tag.attributeName(i))
      }
    }
    let type = isReference ? 'Reference' : typeText === null ? 'String' : attributeTypeOf(typeText)
    if (type === null) {
      this.issues.warnOnce(
        `type:${typeText ?? ''}`,
        `unknown attribute type "${typeText ?? ''}" (attribute ${name}); its values are read as strings`,
        tag.position(),
      )
      type = 'String'
    }
    this.attrName = name
    this.attrType = type
    this.attrMultiValued = multiValued
    this.attrLineage = this.lineage.build()
    this.values.reset()
    this.lineages = []
    return ATTR
  }

  private beginValue(tag: XmlTag, context: number): number {
    this.lineage.reset(this.attrLineage)
    this.valueBase64 = false
    this.dnText = null
    for (let i = 0; i < tag.attributeCount; i++) {
      const id = tag.attributeNameId(i)
      if (id === N.encoding) this.valueBase64 = tag.attributeValue(i).trim().toLowerCase() === 'base64'
      else if (id !== N.operation && !this.lineage.field(id, tag, i, this.tagValues)) {
        this.unknownAttribute(context === VALUE ? 'value' : 'dn-value', tag.attributeName(i))
      }
    }
    this.valueLineage = this.lineage.build()
    // A value marked base64 in an attribute that is not binary is decoded to text: it comes as a string.
    this.asciiNext =
      context === VALUE && this.valueSource !== null && !(this.valueBase64 && this.attrType !== 'Binary')
    return context
  }

  /** Ends a `<value>` whose text is the plain ASCII at `[start, end)` of the object's value bytes. */
  private endAsciiValue(start: number, end: number): void {
    this.values.addAscii(start, end)
    this.lineages.push(this.valueLineage)
  }

  private endValue(text: string): void {
    let value = text
    if (this.valueBase64 && this.attrType !== 'Binary') {
      const decoded = decodeBase64Text(text)
      if (decoded === null)
        this.warnInObject(`attribute ${this.attrName}: a value marked base64 is not valid base64`)
      else value = decoded
    }
    this.values.addText(value)
    this.lineages.push(this.valueLineage)
  }

  private endAttribute(): void {
    const multiValued = this.attrMultiValued ?? this.values.count > 1
    const bounds = this.values.asciiBounds
    this.attributes.push(
      bounds !== null && this.valueSource !== null
        ? new AsciiAttribute(
            this.attrName,
            this.attrType,
            multiValued,
            this.valueSource,
            bounds,
            this.lineages,
          )
        : {
            name: this.attrName,
            type: this.attrType,
            multiValued,
            values: this.values.texts(),
            lineage: this.lineages,
          },
    )
  }

  private beginLink(tag: XmlTag): number {
    this.linkLineageId = null
    this.linkLineageType = null
    this.linkLineageTime = null
    this.linkCsDn = null
    this.linkCsGuid = null
    this.linkMaName = null
    this.linkMaGuid = null
    for (let i = 0; i < tag.attributeCount; i++) {
      if (!this.linkField(tag.attributeNameId(i), tag.attributeValue(i))) {
        this.unknownAttribute('cs-mv-value', tag.attributeName(i))
      }
    }
    return LINK
  }

  private linkField(nameId: number, raw: string): boolean {
    const text = raw.trim()
    const value = text === '' ? null : text
    switch (nameId) {
      case N.lineageId:
        this.linkLineageId = guidOrText(text)
        return true
      case N.lineageType:
        this.linkLineageType = value
        return true
      case N.lineageTime:
        this.linkLineageTime = value
        return true
      case N.csDn:
        this.linkCsDn = raw
        return true
      case N.csGuid:
        this.linkCsGuid = text
        return true
      case N.maName:
      case N.lineageMaName:
        this.linkMaName = value
        return true
      case N.maGuid:
      case N.maId:
      case N.lineageMaId:
        this.linkMaGuid = guidOrText(text)
        return true
      default:
        return false
    }
  }

  private endLink(): void {
    const csId = this.linkCsGuid === null ? null : normalizeGuid(this.linkCsGuid)
    if (csId === null) {
      this.warnInObject(
        `a <cs-mv-value> without a valid cs-guid${this.linkCsDn === null ? '' : ` (cs-dn "${this.linkCsDn}")`} was skipped`,
      )
      return
    }
    this.connections.push({
      csId,
      csDn: this.linkCsDn ?? '',
      connectorId: this.linkMaGuid,
      connectorName: this.linkMaName,
      lineageId: this.linkLineageId,
      lineageType: this.linkLineageType,
      lineageTime: this.linkLineageTime,
    })
  }

  private endObject(): void {
    const id = this.idText === null ? null : normalizeGuid(this.idText)
    if (id === null) {
      this.warnAtObject(
        this.idText === null
          ? 'an mv-object has no id attribute; it was skipped'
          : `an mv-object has an id that is not a GUID ("${this.idText}"); it was skipped`,
      )
      return
    }
    const objectType = this.objectType ?? this.primaryObjectClass
    if (objectType === null) {
      this.warnAtObject(`mv-object ${id} has no object-type and no primary object class; it was skipped`)
      return
    }
    this.objects++
    this.handOverValueBytes()
    this.options.onObject({ id, objectType, attributes: this.attributes, connections: this.connections })
  }

  private unknownAttribute(element: string, attribute: string): void {
    this.issues.warnOnce(
      `attribute:${element}/@${attribute}`,
      `ignored attribute "${attribute}" on <${element}>: the metaverse model has no place for it`,
    )
  }

  private warnInObject(message: string): void {
    const where = this.idText === null ? '' : `mv-object ${normalizeGuid(this.idText) ?? this.idText}: `
    this.warnAtObject(`${where}${message}`)
  }
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text
}
