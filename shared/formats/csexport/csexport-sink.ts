import type { LoadIssue } from '../../model/load-issue'
import type { CsLineage, CsObject, Delta, Entry, MvLink, ObjectError } from '../../model/objects'
import type { NameTable } from '../../xml/fast/name-table'
import type { XmlTag } from '../../xml/fast/xml-sink'
import { CSEXPORT } from './csexport-names'
import {
  attributeTypeOf,
  deltaOperationOf,
  flagOf,
  guidOrText,
  normalizeGuid,
  valueOperationOf,
} from './csexport-values'
import { EntryBuilder } from './entry-builder'
import type { IssueRecorder } from './issue-budget'
import { ObjectErrorBuilder } from './object-error-builder'
import { ObjectSinkBase } from './object-sink-base'
import { UnknownParts } from './unknown-parts'

const N = CSEXPORT.ids

/** What an open element is, for this format. Index into WANTS_TEXT. */
const OUTSIDE = 0
const ROOT = 1
const IGNORED = 2
const OBJECT = 3
const OBJECT_FIELD = 4
const MV_LINK = 5
const LINEAGE_LIST = 6
const LINEAGE_ITEM = 7
const LINEAGE_FIELD = 8
const HOLOGRAM = 9
const DELTA_WRAPPER = 10
const ENTRY = 11
const ENTRY_FIELD = 12
const OBJECT_CLASSES = 13
const OC_VALUE = 14
const ATTR = 15
const VALUE = 16
const DN_VALUE = 17
const DN = 18
const ERROR = 19
const ERROR_NODE = 20
const UNKNOWN = 21

const WANTS_TEXT: readonly boolean[] = [
  false, // OUTSIDE
  false, // ROOT
  false, // IGNORED
  false, // OBJECT
  true, // OBJECT_FIELD
  true, // MV_LINK
  false, // LINEAGE_LIST
  true, // LINEAGE_ITEM
  true, // LINEAGE_FIELD
  false, // HOLOGRAM
  false, // DELTA_WRAPPER
  false, // ENTRY
  true, // ENTRY_FIELD
  false, // OBJECT_CLASSES
  true, // OC_VALUE
  false, // ATTR
  true, // VALUE
  true, // DN_VALUE
  true, // DN
  false, // ERROR
  true, // ERROR_NODE
  true, // UNKNOWN
]

/** Where a hologram or delta goes. */
const SYNCHRONIZED = 0
const PENDING_IMPORT_HOLOGRAM = 1
const UNAPPLIED_EXPORT_HOLOGRAM = 2
const UNCONFIRMED_EXPORT_HOLOGRAM = 3
const ESCROWED_EXPORT_HOLOGRAM = 4
const PENDING_IMPORT = 0
const UNAPPLIED_EXPORT = 1
const UNCONFIRMED_EXPORT = 2
const ESCROWED_EXPORT = 3

/** Options shared by the csexport sink and reader. */
export interface CsExportSinkOptions {
  /** The file as issues name it (relative to the snapshot root). */
  readonly file: string
  /** Connector GUID for objects that carry no `<ma-id>` (csexport.exe writes one file per connector). */
  readonly connectorId?: string | null
  /** Connector name for objects that carry no `<ma-name>`. */
  readonly connectorName?: string | null
  /** Receives each object as soon as its end tag is read. */
  readonly onObject: (object: CsObject) => void
  /** Receives warnings (skipped or repaired objects) and the error that stops a read. */
  readonly onIssue: (issue: LoadIssue) => void
  /** Receives every issue instead, uncapped (a segment of a file read in parallel; see IssueRecorder). */
  readonly recordIssue?: IssueRecorder
  /**
   * Keep the plain ASCII values of each object's synchronized hologram as bytes (`AsciiAttribute`), for a reader
   * that hands its objects to a store: the store copies the bytes without a string per value.
   */
  readonly valuesAsBytes?: boolean
}

/**
 * Turns the element stream of a csexport file into CsObjects (docs/FORMATS.md, csexport), one at a time.
 * Every open element gets a context; the parent's context decides what a child means.
 */
export class CsExportSink extends ObjectSinkBase {
  private readonly entry: EntryBuilder
  private readonly error = new ObjectErrorBuilder()
  private readonly unknown: UnknownParts
  private readonly defaultConnectorId: string | null
  private readonly defaultConnectorName: string | null

  private objectDepth = 0
  private idText: string | null = null
  private dn: string | null = null
  private objectType: string | null = null
  private transient = false
  private connectorId: string | null = null
  private connectorName: string | null = null
  private anchor: string | null = null
  private isConnector: boolean | null = null
  private connectorState: string | null = null
  private mvLink: MvLink | null = null
  private mvLinkLineageId: string | null = null
  private mvLinkLineageType: string | null = null
  private mvLinkLineageTime: string | null = null
  private lineage: CsLineage[] = []
  private holograms: (Entry | null)[] = [null, null, null, null, null]
  private deltas: (Delta | null)[] = [null, null, null, null]
  private importError: ObjectError | null = null
  private exportError: ObjectError | null = null

  private slot = 0
  private slotIsFallback = false
  private lineageId: string | null = null
  private lineageName: string | null = null
  private lineageOperation: string | null = null

  /** Creates the sink; `maxDepth` must match the scanner's limit. */
  public constructor(
    names: NameTable,
    private readonly options: CsExportSinkOptions,
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
    this.entry = new EntryBuilder(
      (message) => this.warnInObject(message),
      (start, end) => this.valueText(start, end),
    )
    this.unknown = new UnknownParts()
    this.defaultConnectorId =
      options.connectorId == null ? null : (normalizeGuid(options.connectorId) ?? options.connectorId)
    this.defaultConnectorName = options.connectorName ?? null
  }

  /** A start tag. */
  public openElement(nameId: number, tag: XmlTag): void {
    const parent = this.contexts[this.depth]
    let context: number
    switch (parent) {
      case OUTSIDE:
        context = this.openRoot(nameId, tag)
        break
      case ROOT:
        context = nameId === N.csObject ? this.beginObject(tag) : this.ignoreUnderRoot(tag)
        break
      case OBJECT:
        context = this.openObjectChild(nameId, tag)
        break
      case HOLOGRAM:
        context = nameId === N.entry ? this.beginEntry(tag, false) : this.beginUnknown(tag)
        break
      case DELTA_WRAPPER:
        context = nameId === N.delta ? this.beginEntry(tag, true) : this.beginUnknown(tag)
        break
      case ENTRY:
        context = this.openEntryChild(nameId, tag)
        break
      case ATTR:
        if (nameId === N.value) context = this.beginValue(tag)
        else if (nameId === N.dnValue) context = this.beginDnValue(tag)
        else context = this.beginUnknown(tag)
        break
      case DN_VALUE:
        if (nameId === N.dn) context = DN
        else if (nameId === N.anchor) context = IGNORED
        else context = this.beginUnknown(tag)
        break
      case OBJECT_CLASSES:
        context = nameId === N.ocValue ? OC_VALUE : this.beginUnknown(tag)
        break
      case LINEAGE_LIST:
        context =
          nameId === N.csmvLink || nameId === N.csMvValue ? this.beginLineage(tag) : this.beginUnknown(tag)
        break
      case LINEAGE_ITEM:
        context = LINEAGE_FIELD
        break
      case ERROR:
      case ERROR_NODE:
        context = this.beginErrorNode(tag)
        break
      case UNKNOWN:
        context = UNKNOWN
        break
      case IGNORED:
        context = IGNORED
        break
      default:
        context = this.beginUnknown(tag)
    }
    // An unknown child of a text element (mixed content) must not erase the text read so far.
    this.enter(context, nameId, context === UNKNOWN)
  }

  /** An end tag. */
  public closeElement(): void {
    const context = this.contexts[this.depth]
    switch (context) {
      case OBJECT:
        this.endObject()
        break
      case OBJECT_FIELD:
        this.endObjectField(this.nameIds[this.depth], this.collected)
        break
      case MV_LINK:
        this.endMvLink(this.collected)
        break
      case LINEAGE_ITEM:
        this.endLineage(this.collected)
        break
      case LINEAGE_FIELD:
        this.endLineageField(this.nameIds[this.depth], this.collected)
        break
      case ENTRY:
        this.endEntry()
        break
      case ENTRY_FIELD:
        if (this.nameIds[this.depth] === N.anchor) this.entry.setAnchor(this.collected)
        else this.entry.setPrimaryObjectClass(this.collected)
        break
      case OC_VALUE:
        this.entry.addObjectClass(this.collected)
        break
      case ATTR:
        this.entry.endAttribute()
        break
      case VALUE:
        if (this.collectedStart !== -1) this.entry.endAsciiValue(this.collectedStart, this.collectedEnd)
        else this.entry.endValue(this.collected)
        break
      case DN:
        this.entry.setDn(this.collected)
        break
      case DN_VALUE:
        this.entry.endDnValue(this.collected)
        break
      case ERROR:
        this.endError()
        break
      case ERROR_NODE:
        this.endErrorNode(this.nameIds[this.depth], this.collected)
        break
      case UNKNOWN:
        this.unknown.close(this.depth)
        break
    }
    this.leave(context === UNKNOWN)
  }

  /** Character data of the current element. */
  public override text(value: string): void {
    if (this.contexts[this.depth] === UNKNOWN) this.unknown.text(value)
    else super.text(value)
  }

  private openRoot(nameId: number, tag: XmlTag): number {
    if (nameId === N.csObjects) return ROOT
    if (nameId === N.csObject) return this.beginObject(tag)
    this.refuseRoot(
      tag,
      'a csexport file',
      '<cs-objects> (written by csexport.exe or Get-ADSyncCSObject .SerializedXml)',
    )
    return IGNORED
  }

  private ignoreUnderRoot(tag: XmlTag): number {
    const name = tag.elementName()
    this.issues.warnOnce(
      `root:${name}`,
      `ignored <${name}> elements directly under <cs-objects>`,
      tag.position(),
    )
    return IGNORED
  }

  private beginObject(tag: XmlTag): number {
    this.objectDepth = this.depth + 1
    this.objectPosition = tag.position()
    this.idText = null
    this.dn = null
    this.objectType = null
    this.transient = false
    this.connectorId = this.defaultConnectorId
    this.connectorName = this.defaultConnectorName
    this.anchor = null
    this.isConnector = null
    this.connectorState = null
    this.mvLink = null
    this.lineage = []
    this.beginValueBytes()
    this.holograms = [null, null, null, null, null]
    this.deltas = [null, null, null, null]
    this.importError = null
    this.exportError = null
    this.unknown.reset()
    for (let i = 0; i < tag.attributeCount; i++) {
      switch (tag.attributeNameId(i)) {
        case N.csDn:
          this.dn = tag.attributeValue(i)
          break
        case N.id:
          this.idText = tag.attributeValue(i)
          break
        case N.objectType:
          this.objectType = nonEmpty(tag.attributeValue(i).trim())
          break
        case N.transient:
          this.transient = flagOf(tag.attributeValue(i)) ?? false
          break
        default:
          this.unknown.add(`@${tag.attributeName(i)}`, tag.attributeValue(i))
      }
    }
    return OBJECT
  }

  private openObjectChild(nameId: number, tag: XmlTag): number {
    switch (nameId) {
      case N.maId:
      case N.maName:
      case N.anchor:
      case N.connector:
      case N.connectorState:
        return OBJECT_FIELD
      case N.mvLink:
        this.mvLinkLineageId = null
        this.mvLinkLineageType = null
        this.mvLinkLineageTime = null
        for (let i = 0; i < tag.attributeCount; i++) {
          const id = tag.attributeNameId(i)
          if (id === N.lineageId) this.mvLinkLineageId = guidOrText(tag.attributeValue(i))
          else if (id === N.lineageType) this.mvLinkLineageType = nonEmpty(tag.attributeValue(i).trim())
          else if (id === N.lineageTime) this.mvLinkLineageTime = nonEmpty(tag.attributeValue(i).trim())
        }
        return MV_LINK
      case N.csmvLinks:
      case N.csMvLinks:
        return LINEAGE_LIST
      case N.csmvLink:
      case N.csMvValue:
        return this.beginLineage(tag)
      case N.synchronizedHologram:
        return this.beginWrapper(HOLOGRAM, SYNCHRONIZED, false)
      case N.hologram:
        return this.beginWrapper(HOLOGRAM, SYNCHRONIZED, true)
      case N.pendingImportHologram:
        return this.beginWrapper(HOLOGRAM, PENDING_IMPORT_HOLOGRAM, false)
      case N.unappliedExportHologram:
        return this.beginWrapper(HOLOGRAM, UNAPPLIED_EXPORT_HOLOGRAM, false)
      case N.exportHologram:
        return this.beginWrapper(HOLOGRAM, UNAPPLIED_EXPORT_HOLOGRAM, true)
      case N.unconfirmedExportHologram:
        return this.beginWrapper(HOLOGRAM, UNCONFIRMED_EXPORT_HOLOGRAM, false)
      case N.escrowedExportHologram:
        return this.beginWrapper(HOLOGRAM, ESCROWED_EXPORT_HOLOGRAM, false)
      case N.pendingImport:
        return this.beginWrapper(DELTA_WRAPPER, PENDING_IMPORT, false)
      case N.unappliedExport:
        return this.beginWrapper(DELTA_WRAPPER, UNAPPLIED_EXPORT, false)
      case N.unconfirmedExport:
        return this.beginWrapper(DELTA_WRAPPER, UNCONFIRMED_EXPORT, false)
      case N.escrowedExport:
        return this.beginWrapper(DELTA_WRAPPER, ESCROWED_EXPORT, false)
      case N.importErrorDetail:
      case N.importError:
        return this.beginError('import', tag)
      case N.exportErrorDetail:
      case N.exportError:
        return this.beginError('export', tag)
      default:
        return this.beginUnknown(tag)
    }
  }

  private beginWrapper(context: number, slot: number, fallback: boolean): number {
    this.slot = slot
    this.slotIsFallback = fallback
    return context
  }

  private beginEntry(tag: XmlTag, isDelta: boolean): number {
    let dn = ''
    let newDn: string | null = null
    let operation = isDelta ? 'none' : ''
    let primaryObjectClass: string | null = null
    for (let i = 0; i < tag.attributeCount; i++) {
      switch (tag.attributeNameId(i)) {
        case N.dn:
          dn = tag.attributeValue(i)
          break
        case N.newDn:
          newDn = nonEmpty(tag.attributeValue(i))
          break
        case N.operation:
          operation = tag.attributeValue(i)
          break
        case N.primaryObjectClass:
          primaryObjectClass = nonEmpty(tag.attributeValue(i).trim())
          break
      }
    }
    let deltaOperation = deltaOperationOf(operation)
    if (isDelta && deltaOperation === null) {
      this.warnInObject(`unknown delta operation "${operation}"; read as "none"`)
      deltaOperation = 'none'
    }
    this.entry.begin(
      isDelta,
      dn,
      newDn,
      deltaOperation ?? 'none',
      primaryObjectClass,
      this.slot === SYNCHRONIZED ? this.valueSource : null,
    )
    return ENTRY
  }

  private openEntryChild(nameId: number, tag: XmlTag): number {
    switch (nameId) {
      case N.attr:
        return this.beginAttribute(tag, false)
      case N.dnAttr:
        return this.beginAttribute(tag, true)
      case N.primaryObjectClass:
        return ENTRY_FIELD
      case N.anchor:
        return this.entry.buildingDelta ? this.beginUnknown(tag) : ENTRY_FIELD
      case N.objectClass:
        return this.entry.buildingDelta ? this.beginUnknown(tag) : OBJECT_CLASSES
      default:
        return this.beginUnknown(tag)
    }
  }

  private beginAttribute(tag: XmlTag, isReference: boolean): number {
    let name: string | null = null
    let typeText: string | null = null
    let multiValued: boolean | null = null
    let operation: string | null = null
    for (let i = 0; i < tag.attributeCount; i++) {
      switch (tag.attributeNameId(i)) {
        case N.name:
          name = tag.attributeValue(i)
          break
        case N.type:
          typeText = tag.attributeValue(i)
          break
        case N.multivalued:
          multiValued = flagOf(tag.attributeValue(i))
          break
        case N.operation:
          operation = tag.attributeValue(i)
          break
      }
    }
    if (name === null || name === '') {
      this.warnInObject(`an <${isReference ? 'dn-attr' : 'attr'}> without a name attribute was read as ""`)
    }
    let type = isReference ? 'Reference' : typeText === null ? 'String' : attributeTypeOf(typeText)
    if (type === null) {
      this.issues.warnOnce(
        `type:${typeText ?? ''}`,
        `unknown attribute type "${typeText ?? ''}" (attribute ${name ?? ''}); its values are read as strings`,
        tag.position(),
      )
      type = 'String'
    }
    this.entry.beginAttribute(
      name ?? '',
      type,
      multiValued,
      operation === null ? null : valueOperationOf(operation),
    )
    return ATTR
  }

  private beginValue(tag: XmlTag): number {
    let operation: string | null = null
    let base64 = false
    for (let i = 0; i < tag.attributeCount; i++) {
      const id = tag.attributeNameId(i)
      if (id === N.operation) operation = tag.attributeValue(i)
      else if (id === N.encoding) base64 = tag.attributeValue(i).trim().toLowerCase() === 'base64'
    }
    this.entry.beginValue(operation === null ? null : valueOperationOf(operation), base64)
    this.asciiNext = this.entry.takesAsciiValue()
    return VALUE
  }

  private beginDnValue(tag: XmlTag): number {
    let operation: string | null = null
    for (let i = 0; i < tag.attributeCount; i++) {
      if (tag.attributeNameId(i) === N.operation) operation = tag.attributeValue(i)
    }
    this.entry.beginDnValue(operation === null ? null : valueOperationOf(operation))
    return DN_VALUE
  }

  private endEntry(): void {
    const wrapper = this.contexts[this.depth - 1]
    if (wrapper === DELTA_WRAPPER) {
      if (!this.slotIsFallback || this.deltas[this.slot] === null)
        this.deltas[this.slot] = this.entry.finishDelta()
    } else if (!this.slotIsFallback || this.holograms[this.slot] === null) {
      this.holograms[this.slot] = this.entry.finishEntry()
    }
  }

  private beginLineage(tag: XmlTag): number {
    this.lineageId = null
    this.lineageName = null
    this.lineageOperation = null
    for (let i = 0; i < tag.attributeCount; i++) {
      this.lineageField(tag.attributeNameId(i), tag.attributeValue(i))
    }
    return LINEAGE_ITEM
  }

  private lineageField(nameId: number, value: string): boolean {
    switch (nameId) {
      case N.syncRuleId:
      case N.syncRuleInternalId:
      case N.internalId:
      case N.lineageId:
      case N.id:
        this.lineageId ??= guidOrText(value)
        return true
      case N.syncRuleName:
      case N.syncRule:
      case N.lineageSyncRule:
      case N.name:
        this.lineageName ??= nonEmpty(value.trim())
        return true
      case N.operation:
      case N.lineageType:
        this.lineageOperation ??= nonEmpty(value.trim())
        return true
      default:
        return false
    }
  }

  private endLineageField(nameId: number, text: string): void {
    if (!this.lineageField(nameId, text)) this.unknown.add(this.pathInObject(), text.trim())
  }

  private endLineage(text: string): void {
    this.lineageId ??= guidOrText(text)
    this.lineage.push({
      syncRuleId: this.lineageId,
      syncRuleName: this.lineageName,
      operation: this.lineageOperation,
    })
  }

  private endMvLink(text: string): void {
    const mvObjectId = guidOrText(text)
    if (mvObjectId === null) return
    this.mvLink = {
      mvObjectId,
      lineageId: this.mvLinkLineageId,
      lineageType: this.mvLinkLineageType,
      lineageTime: this.mvLinkLineageTime,
    }
  }

  private endObjectField(nameId: number, text: string): void {
    const value = text.trim()
    switch (nameId) {
      case N.maId:
        if (value !== '') this.connectorId = normalizeGuid(value) ?? value
        break
      case N.maName:
        if (value !== '') this.connectorName = value
        break
      case N.anchor:
        this.anchor = nonEmpty(value)
        break
      case N.connector:
        this.isConnector = flagOf(value)
        break
      case N.connectorState:
        this.connectorState = nonEmpty(value)
        break
    }
  }

  private beginError(kind: ObjectError['kind'], tag: XmlTag): number {
    this.error.begin(kind)
    this.errorAttributes(tag)
    return ERROR
  }

  private beginErrorNode(tag: XmlTag): number {
    this.errorAttributes(tag)
    return ERROR_NODE
  }

  private errorAttributes(tag: XmlTag): void {
    for (let i = 0; i < tag.attributeCount; i++) {
      const value = tag.attributeValue(i)
      if (!this.error.field(tag.attributeNameId(i), value)) {
        this.unknown.add(
          joinPath(joinPath(this.pathInObject(), tag.elementName()), `@${tag.attributeName(i)}`),
          value,
        )
      }
    }
  }

  private endErrorNode(nameId: number, text: string): void {
    const trimmed = text.trim()
    if (this.error.field(nameId, trimmed) || trimmed === '') return
    this.unknown.add(this.pathInObject(), trimmed)
  }

  private endError(): void {
    const error = this.error.finish()
    if (error.kind === 'import') this.importError ??= error
    else this.exportError ??= error
  }

  private beginUnknown(tag: XmlTag): number {
    if (this.contexts[this.depth] === OUTSIDE || this.objectDepth === 0) return IGNORED
    this.unknown.open(joinPath(this.pathInObject(), tag.elementName()), this.depth + 1)
    return UNKNOWN
  }

  /** Element names below the object down to the current element, joined by `/`. */
  private pathInObject(): string {
    return this.pathFrom(this.objectDepth + 1)
  }

  private endObject(): void {
    this.objectDepth = 0
    const synchronized = this.holograms[SYNCHRONIZED]
    const anyEntry = synchronized ?? this.holograms.find((entry) => entry !== null) ?? null
    const dn = this.dn ?? anyEntry?.dn ?? null
    const id = this.idText === null ? null : normalizeGuid(this.idText)
    const objectType = this.objectType ?? anyEntry?.primaryObjectClass ?? null
    const label = dn === null ? 'a cs-object without cs-dn' : `cs-object "${dn}"`
    if (id === null) {
      this.warnAtObject(
        this.idText === null
          ? `${label} has no id attribute; it was skipped`
          : `${label} has an id that is not a GUID ("${this.idText}"); it was skipped`,
      )
      return
    }
    if (dn === null) {
      this.warnAtObject(`cs-object ${id} has no cs-dn and no hologram DN; it was skipped`)
      return
    }
    if (objectType === null) {
      this.warnAtObject(`${label} has no object-type and no primary object class; it was skipped`)
      return
    }
    this.objects++
    this.handOverValueBytes()
    this.options.onObject({
      id,
      connectorId: this.connectorId,
      connectorName: this.connectorName,
      dn,
      objectType,
      transient: this.transient,
      anchor: this.anchor ?? anyEntry?.anchor ?? null,
      isConnector: this.isConnector ?? this.mvLink !== null,
      connectorState: this.connectorState,
      mvLink: this.mvLink,
      lineage: this.lineage,
      synchronized,
      pendingImportHologram: this.holograms[PENDING_IMPORT_HOLOGRAM],
      unappliedExportHologram: this.holograms[UNAPPLIED_EXPORT_HOLOGRAM],
      unconfirmedExportHologram: this.holograms[UNCONFIRMED_EXPORT_HOLOGRAM],
      escrowedExportHologram: this.holograms[ESCROWED_EXPORT_HOLOGRAM],
      pendingImport: this.deltas[PENDING_IMPORT],
      unappliedExport: this.deltas[UNAPPLIED_EXPORT],
      unconfirmedExport: this.deltas[UNCONFIRMED_EXPORT],
      escrowedExport: this.deltas[ESCROWED_EXPORT],
      importError: this.importError,
      exportError: this.exportError,
      unknown: this.unknown.take(),
    })
  }

  private warnInObject(message: string): void {
    this.warnAtObject(this.dn === null ? message : `cs-object "${this.dn}": ${message}`)
  }
}

function joinPath(path: string, name: string): string {
  return path === '' ? name : `${path}/${name}`
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text
}
