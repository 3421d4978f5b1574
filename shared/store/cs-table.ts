import type { CsLineage, CsObject } from '../model/objects'
import { AttributeTable } from './attribute-table'
import { type BinaryReader, type BinaryWriter, StoreFormatError } from './binary'
import { type ChunkedArray, uint32Array, uint8Array } from './chunked-array'
import { detachData } from './detach'
import { IdColumn } from './id-column'
import { internNullable, textNullable, type Interner } from './interner'
import { ListInterner } from './list-interner'
import { checkIds, isIdentity, remapIds } from './remap'
import { SEAL_ROWS, TextPool } from './text-pool'
import { TimeColumn } from './time-column'

const TRANSIENT = 1
const CONNECTOR = 2
const HAS_ANCHOR = 4
const HAS_LINK = 8
const HAS_SYNCHRONIZED = 16
/** Position of the object types in `internedArrays()`. */
const OBJECT_TYPES = 2

/** The parts of a connector-space object that few objects have, kept as they came. */
export type CsRareParts = Pick<
  CsObject,
  | 'pendingImportHologram'
  | 'unappliedExportHologram'
  | 'unconfirmedExportHologram'
  | 'escrowedExportHologram'
  | 'pendingImport'
  | 'unappliedExport'
  | 'unconfirmedExport'
  | 'escrowedExport'
  | 'importError'
  | 'exportError'
  | 'unknown'
>

/** The synchronized entry's DN and anchor, when they differ from the object's own (rare). */
interface EntryOverride {
  readonly dn: string
  readonly anchor: string | null
}

/**
 * Connector-space objects in compact form: one row per object, fixed fields in typed arrays, strings
 * interned or pooled, attributes of the synchronized entry by column, rare parts only where present.
 */
export class CsTable {
  /** Object ids, by row. */
  public readonly ids = new IdColumn()
  /** DNs, by row. */
  public readonly dns = new TextPool()
  /** Linked metaverse object ids (null without a link), by row. */
  public readonly linkedMvIds = new IdColumn()
  /** The synchronized entries' attributes, by row. */
  public readonly attributes = new AttributeTable(false)
  private readonly connectorIds = uint32Array()
  private readonly connectorNames = uint32Array()
  private readonly objectTypes = uint32Array()
  private readonly flags = uint8Array()
  private readonly anchors = new TextPool()
  private readonly connectorStates = uint32Array()
  /** Lineage ids of the metaverse links, by row. */
  public readonly linkLineageIds = new IdColumn()
  /** Lineage times of the metaverse links, by row. */
  public readonly linkTimes = new TimeColumn()
  private readonly linkLineageTypes = uint32Array()
  private readonly lineages = uint32Array()
  private readonly primaryClasses = uint32Array()
  private readonly classLists = uint32Array()
  private readonly lineageLists = new ListInterner<CsLineage>()
  private readonly classListIds = new ListInterner<string>()
  private readonly rare = new Map<number, CsRareParts>()
  private readonly entryOverrides = new Map<number, EntryOverride>()
  private rareChars = 0

  public constructor(private readonly strings: Interner) {}

  /** Number of rows. */
  public get rowCount(): number {
    return this.flags.length
  }

  /** Number of objects that carry rare parts. */
  public get rareCount(): number {
    return this.rare.size
  }

  /** Adds an object and returns its row. */
  public add(object: CsObject): number {
    const row = this.flags.length
    const link = object.mvLink
    const entry = object.synchronized
    let flags = 0
    if (object.transient) flags |= TRANSIENT
    if (object.isConnector) flags |= CONNECTOR
    if (object.anchor !== null) flags |= HAS_ANCHOR
    if (link !== null) flags |= HAS_LINK
    if (entry !== null) flags |= HAS_SYNCHRONIZED
    this.flags.push(flags)
    this.ids.push(object.id)
    this.connectorIds.push(internNullable(this.strings, object.connectorId))
    this.connectorNames.push(internNullable(this.strings, object.connectorName))
    this.dns.push(object.dn)
    this.objectTypes.push(this.strings.intern(object.objectType))
    this.anchors.push(object.anchor ?? '')
    this.connectorStates.push(internNullable(this.strings, object.connectorState))
    this.linkedMvIds.push(link?.mvObjectId ?? null)
    this.linkLineageIds.push(link?.lineageId ?? null)
    this.linkLineageTypes.push(internNullable(this.strings, link?.lineageType ?? null))
    this.linkTimes.push(link?.lineageTime ?? null)
    this.lineages.push(this.lineageLists.intern(object.lineage))
    this.primaryClasses.push(internNullable(this.strings, entry?.primaryObjectClass ?? null))
    this.classLists.push(this.classListIds.intern(entry?.objectClasses ?? []))
    this.attributes.addRow(entry?.attributes ?? [])
    if (entry !== null && (entry.dn !== object.dn || entry.anchor !== object.anchor)) {
      this.entryOverrides.set(row, detachData({ dn: entry.dn, anchor: entry.anchor }))
    }
    const rare = rareParts(object)
    if (rare !== null) {
      const text = JSON.stringify(rare)
      this.rare.set(row, JSON.parse(text) as CsRareParts)
      this.rareChars += text.length
    }
    // Pending strings may be slices that keep a parser's input chunk alive: seal them regularly.
    if ((row + 1) % SEAL_ROWS === 0) this.seal()
    return row
  }

  /** The object at a row, as it was added. */
  public object(row: number): CsObject {
    const flags = this.flags.get(row)
    const dn = this.dns.get(row)
    const anchor = (flags & HAS_ANCHOR) !== 0 ? this.anchors.get(row) : null
    const rare = this.rare.get(row)
    return {
      id: this.ids.get(row) ?? '',
      connectorId: textNullable(this.strings, this.connectorIds.get(row)),
      connectorName: textNullable(this.strings, this.connectorNames.get(row)),
      dn,
      objectType: this.objectType(row),
      transient: (flags & TRANSIENT) !== 0,
      anchor,
      isConnector: (flags & CONNECTOR) !== 0,
      connectorState: textNullable(this.strings, this.connectorStates.get(row)),
      mvLink:
        (flags & HAS_LINK) === 0
          ? null
          : {
              mvObjectId: this.linkedMvIds.get(row) ?? '',
              lineageId: this.linkLineageIds.get(row),
              lineageType: textNullable(this.strings, this.linkLineageTypes.get(row)),
              lineageTime: this.linkTimes.get(row),
            },
      lineage: this.lineageLists.list(this.lineages.get(row)),
      synchronized: (flags & HAS_SYNCHRONIZED) === 0 ? null : this.entry(row, dn, anchor),
      pendingImportHologram: rare?.pendingImportHologram ?? null,
      unappliedExportHologram: rare?.unappliedExportHologram ?? null,
      unconfirmedExportHologram: rare?.unconfirmedExportHologram ?? null,
      escrowedExportHologram: rare?.escrowedExportHologram ?? null,
      pendingImport: rare?.pendingImport ?? null,
      unappliedExport: rare?.unappliedExport ?? null,
      unconfirmedExport: rare?.unconfirmedExport ?? null,
      escrowedExport: rare?.escrowedExport ?? null,
      importError: rare?.importError ?? null,
      exportError: rare?.exportError ?? null,
      unknown: rare?.unknown ?? [],
    }
  }

  /** The connector id of a row. */
  public connectorId(row: number): string | null {
    return textNullable(this.strings, this.connectorIds.get(row))
  }

  /** The interned connector id of a row (see `Interner`), 0 for none. */
  public connectorKey(row: number): number {
    return this.connectorIds.get(row)
  }

  /** The connector name of a row. */
  public connectorName(row: number): string | null {
    return textNullable(this.strings, this.connectorNames.get(row))
  }

  /** The interned connector name of a row (as `internNullable` stores it), 0 for none. */
  public connectorNameKey(row: number): number {
    return this.connectorNames.get(row)
  }

  /** The interned object type of a row (see `Interner`). */
  public objectTypeKey(row: number): number {
    return this.objectTypes.get(row)
  }

  /** Whether the row links to a metaverse object. */
  public hasLink(row: number): boolean {
    return (this.flags.get(row) & HAS_LINK) !== 0
  }

  /** The interned lineage type of a row's metaverse link (as `internNullable` stores it), 0 for none. */
  public linkLineageTypeKey(row: number): number {
    return this.linkLineageTypes.get(row)
  }

  /** The object type of a row. */
  public objectType(row: number): string {
    return this.strings.text(this.objectTypes.get(row))
  }

  /** Whether the row is a joined connector (false: a disconnector). */
  public isConnector(row: number): boolean {
    return (this.flags.get(row) & CONNECTOR) !== 0
  }

  /** The connector state of a row (`normal`, `explicit`, `stay`), when given. */
  public connectorState(row: number): string | null {
    return textNullable(this.strings, this.connectorStates.get(row))
  }

  /** The anchor of a row. */
  public anchor(row: number): string | null {
    return (this.flags.get(row) & HAS_ANCHOR) !== 0 ? this.anchors.get(row) : null
  }

  /** The rare parts of a row, when it has any. */
  public rareParts(row: number): CsRareParts | null {
    return this.rare.get(row) ?? null
  }

  /** Rows that carry rare parts, ascending. */
  public rowsWithRareParts(): number[] {
    return [...this.rare.keys()].sort((left, right) => left - right)
  }

  /** The link of a row, without the rest of the object (what the computed metaverse needs). */
  public linkOf(row: number): CsObject['mvLink'] {
    const flags = this.flags.get(row)
    if ((flags & HAS_LINK) === 0) return null
    return {
      mvObjectId: this.linkedMvIds.get(row) ?? '',
      lineageId: this.linkLineageIds.get(row),
      lineageType: textNullable(this.strings, this.linkLineageTypes.get(row)),
      lineageTime: this.linkTimes.get(row),
    }
  }

  /** Seals the pools; call once all rows are added. */
  public seal(): void {
    for (const pool of [this.dns, this.anchors, this.linkTimes]) pool.seal()
    for (const ids of [this.ids, this.linkedMvIds, this.linkLineageIds]) ids.seal()
    this.attributes.seal()
  }

  /** Writes the table; interned strings are written as ids of the store's interner. */
  public writeTo(out: BinaryWriter): void {
    this.seal()
    out.arrays(this.flags.parts())
    this.ids.writeTo(out)
    this.dns.writeTo(out)
    this.anchors.writeTo(out)
    this.linkedMvIds.writeTo(out)
    this.linkLineageIds.writeTo(out)
    this.linkTimes.writeTo(out)
    for (const array of this.internedArrays()) out.arrays(array.parts())
    out.json(this.lineageLists.all())
    out.json(this.classListIds.all())
    out.arrays(this.lineages.parts())
    out.arrays(this.classLists.parts())
    this.attributes.writeTo(out)
    out.json([...this.rare])
    out.json([...this.entryOverrides])
  }

  /**
   * Appends the rows of a table written by `writeTo`; `stringIds` turns the writer's interned ids into ours. Into an
   * empty table the columns are read straight into its chunks, else into a table of their own that is appended.
   */
  public readFrom(input: BinaryReader, stringIds: Uint32Array): void {
    if (this.rowCount === 0) {
      this.readSections(input, stringIds, true, this)
      return
    }
    // The attributes (most of the bytes) go straight into this table's; the other sections through a table of
    // their own, appended after.
    const other = new CsTable(this.strings)
    other.readSections(input, stringIds, false, this, this.attributes)
    this.append(other, stringIds, true)
  }

  /**
   * Reads the sections into this table, its interned ids turned by `stringIds` (or kept as written, without
   * `remapNow`), its lists interned by `lists` and its attributes read into `attributes` (for both: the table they
   * end up in).
   */
  private readSections(
    input: BinaryReader,
    stringIds: Uint32Array,
    remapNow: boolean,
    lists: CsTable,
    attributes: AttributeTable = this.attributes,
  ): void {
    const rows = input.arrayInto(this.flags, 1)
    this.ids.readFrom(input)
    this.dns.readFrom(input)
    this.anchors.readFrom(input)
    this.linkedMvIds.readFrom(input)
    this.linkLineageIds.readFrom(input)
    this.linkTimes.readFrom(input)
    for (const ids of [
      this.ids,
      this.dns,
      this.anchors,
      this.linkedMvIds,
      this.linkLineageIds,
      this.linkTimes,
    ]) {
      if (ids.length !== rows) throw new StoreFormatError('connector-space table: damaged columns')
    }
    const remap = !remapNow || isIdentity(stringIds) ? null : stringIds
    const known = stringIds.length
    this.internedArrays().forEach((array, index) => {
      input.arrayInto(array, 4, rows, (part) => {
        checkIds(part, index === OBJECT_TYPES ? known : known + 1, 'connector-space table')
        if (remap !== null) remapIds(part, remap, index !== OBJECT_TYPES)
      })
    })
    const lineageIds = lists.lineageLists.remap(input.json<CsLineage[][]>())
    const classIds = lists.classListIds.remap(input.json<string[][]>())
    const lineageMap = isIdentity(lineageIds) ? null : lineageIds
    const classMap = isIdentity(classIds) ? null : classIds
    input.arrayInto(this.lineages, 4, rows, (part) => {
      checkIds(part, lineageIds.length, 'connector-space table')
      if (lineageMap !== null) remapIds(part, lineageMap, false)
    })
    input.arrayInto(this.classLists, 4, rows, (part) => {
      checkIds(part, classIds.length, 'connector-space table')
      if (classMap !== null) remapIds(part, classMap, false)
    })
    const attributeRows = attributes.rowCount
    attributes.readFrom(input)
    if (attributes.rowCount - attributeRows !== rows)
      throw new StoreFormatError('connector-space table: damaged columns')
    const rare = input.text()
    for (const [row, parts] of JSON.parse(rare) as [number, CsRareParts][]) this.rare.set(row, parts)
    this.rareChars += rare.length
    for (const [row, override] of input.json<[number, EntryOverride][]>())
      this.entryOverrides.set(row, override)
  }

  /**
   * Appends every row of another table (a segment read by `readFrom`) but its attributes, which `readFrom` read
   * into this table's. `stringIds` turns the other's interned ids into this table's; `listsMapped` says its list
   * ids are this table's already.
   */
  private append(other: CsTable, stringIds: Uint32Array, listsMapped = false): void {
    this.seal()
    other.seal()
    const rowBase = this.rowCount
    this.flags.appendAll(other.flags.flat())
    this.ids.append(other.ids)
    this.dns.append(other.dns)
    this.anchors.append(other.anchors)
    this.linkedMvIds.append(other.linkedMvIds)
    this.linkLineageIds.append(other.linkLineageIds)
    this.linkTimes.append(other.linkTimes)
    const ours = this.internedArrays()
    other.internedArrays().forEach((array, index) => {
      ours[index]?.appendAll(remapIds(array.flat(), stringIds, index !== OBJECT_TYPES))
    })
    const lineageIds = listsMapped ? null : this.lineageLists.remap(other.lineageLists.all())
    const classIds = listsMapped ? null : this.classListIds.remap(other.classListIds.all())
    const lineages = other.lineages.flat()
    const classLists = other.classLists.flat()
    this.lineages.appendAll(lineageIds === null ? lineages : remapIds(lineages, lineageIds, false))
    this.classLists.appendAll(classIds === null ? classLists : remapIds(classLists, classIds, false))
    for (const [row, parts] of other.rare) {
      this.rare.set(row + rowBase, parts)
      this.rareChars += JSON.stringify(parts).length
    }
    for (const [row, override] of other.entryOverrides) this.entryOverrides.set(row + rowBase, override)
  }

  /** The columns of interned ids, in a fixed order (the object types at OBJECT_TYPES are never null). */
  private internedArrays(): ChunkedArray<Uint32Array>[] {
    return [
      this.connectorIds,
      this.connectorNames,
      this.objectTypes,
      this.connectorStates,
      this.linkLineageTypes,
      this.primaryClasses,
    ]
  }

  /** Bytes held. */
  public byteSize(): number {
    let bytes =
      this.ids.byteSize() + this.dns.byteSize() + this.linkedMvIds.byteSize() + this.attributes.byteSize()
    for (const array of [
      this.connectorIds,
      this.connectorNames,
      this.objectTypes,
      this.flags,
      this.connectorStates,
      this.linkLineageTypes,
      this.lineages,
      this.primaryClasses,
      this.classLists,
    ]) {
      bytes += array.byteSize()
    }
    bytes += this.anchors.byteSize() + this.linkLineageIds.byteSize() + this.linkTimes.byteSize()
    bytes += this.lineageLists.byteSize() + this.classListIds.byteSize()
    // Kept as objects: about three bytes of heap per character of their JSON form.
    bytes += this.rareChars * 3
    bytes += this.entryOverrides.size * 200
    return bytes
  }

  private entry(row: number, dn: string, anchor: string | null): NonNullable<CsObject['synchronized']> {
    const override = this.entryOverrides.get(row)
    return {
      dn: override?.dn ?? dn,
      primaryObjectClass: textNullable(this.strings, this.primaryClasses.get(row)),
      objectClasses: this.classListIds.list(this.classLists.get(row)),
      anchor: override === undefined ? anchor : override.anchor,
      attributes: this.attributes.attributeValuesOf(row),
    }
  }
}

function rareParts(object: CsObject): CsRareParts | null {
  const parts: CsRareParts = {
    pendingImportHologram: object.pendingImportHologram,
    unappliedExportHologram: object.unappliedExportHologram,
    unconfirmedExportHologram: object.unconfirmedExportHologram,
    escrowedExportHologram: object.escrowedExportHologram,
    pendingImport: object.pendingImport,
    unappliedExport: object.unappliedExport,
    unconfirmedExport: object.unconfirmedExport,
    escrowedExport: object.escrowedExport,
    importError: object.importError,
    exportError: object.exportError,
    unknown: object.unknown,
  }
  const present = Object.values(parts).some((part) => (Array.isArray(part) ? part.length > 0 : part !== null))
  return present ? parts : null
}
