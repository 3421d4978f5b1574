import { valueCountOf } from '../model/ascii-attribute'
import type { MvAttribute, MvAttributeOrigin, MvConnection, MvObject, ValueLineage } from '../model/objects'
import { AttributeTable, type StoredAttribute } from './attribute-table'
import { type BinaryReader, type BinaryWriter, StoreFormatError } from './binary'
import type { CsTable } from './cs-table'
import { type ChunkedArray, uint32Array } from './chunked-array'
import { IdColumn } from './id-column'
import { internNullable, textNullable, type Interner } from './interner'
import { checkIds, isIdentity, remapIds } from './remap'
import { SEAL_ROWS, TextPool } from './text-pool'
import { TimeColumn } from './time-column'

/** Lineage entries per object above which the per-value index (16 bits) cannot point. */
const MAX_LINEAGE = 0xffff

/**
 * Metaverse objects in compact form: ids, object types and attributes by column (what search reads),
 * the per-value lineage as a small per-object list of distinct entries plus a 16-bit index per
 * value, and the connections in a flat table.
 */
export class MvTable {
  /** Object ids, by row. */
  public readonly ids = new IdColumn()
  /** The attributes, by row. */
  public readonly attributes = new AttributeTable(true)
  private readonly objectTypes = uint32Array()
  private readonly lineageStarts = uint32Array()
  private readonly lineageIds = new IdColumn()
  private readonly lineageConnectorIds = uint32Array()
  private readonly lineageConnectorNames = uint32Array()
  private readonly lineageRules = uint32Array()
  private readonly lineageTimes = new TimeColumn()
  private readonly connectionStarts = uint32Array()
  private readonly connectionCsIds = new IdColumn()
  private readonly connectionDns = new TextPool()
  private readonly connectionConnectorIds = uint32Array()
  private readonly connectionConnectorNames = uint32Array()
  private readonly connectionLineageIds = new IdColumn()
  private readonly connectionLineageTypes = uint32Array()
  private readonly connectionTimes = new TimeColumn()
  /**
   * The connector-space table a computed metaverse's connections are read from (`addComputed`), or null for objects
   * added whole. A computed table keeps only the connector-space row of each connection (`connectionRows`), not
   * copies of that row's id, DN, connector and link lineage: at 100k objects the copies held about 50 MB at the
   * load's peak.
   */
  private linkedCs: CsTable | null = null
  private readonly connectionRows = uint32Array()
  /** The object being added: its distinct lineage entries, each value's index among them, where each attribute's start. */
  private readonly distinct = new DistinctLineage()
  private readonly valueLineages: number[] = []
  private readonly attributeLineageStarts: number[] = []
  /** Lineage kept as it came, for the rare object whose lineage does not line up with its values. */
  private readonly lineageAsIs = new Map<number, (readonly ValueLineage[])[]>()
  private lineageAsIsChars = 0

  public constructor(private readonly strings: Interner) {}

  /** Number of rows. */
  public get rowCount(): number {
    return this.objectTypes.length
  }

  /** Adds an object and returns its row. */
  public add(object: MvObject): number {
    if (this.linkedCs !== null) throw new Error('MvTable: objects cannot be added to a computed metaverse')
    const row = this.objectTypes.length
    this.ids.push(object.id)
    this.objectTypes.push(this.strings.intern(object.objectType))
    this.lineageStarts.push(this.lineageIds.length)
    if (this.lineageIndexes(object.attributes)) {
      this.attributes.addRow(object.attributes, this.lineageOf)
    } else {
      const text = JSON.stringify(object.attributes.map((attribute) => attribute.lineage))
      this.lineageAsIs.set(row, JSON.parse(text) as (readonly ValueLineage[])[])
      this.lineageAsIsChars += text.length
      this.attributes.addRow(object.attributes, () => 0)
    }
    this.connectionStarts.push(this.connectionCsIds.length)
    for (const connection of object.connections) this.addConnection(connection)
    // Pending strings may be slices that keep a parser's input chunk alive: seal them regularly.
    if ((row + 1) % SEAL_ROWS === 0) this.seal()
    return row
  }

  /**
   * Adds a metaverse object computed from connector-space links (no attributes; the engine computes them): its id
   * is the link of the first row, its connections the rows in order, read from `cs` when asked. A table holds
   * either computed objects of one connector-space table or objects added whole, never both.
   */
  public addComputed(cs: CsTable, csRows: readonly number[], objectType: number): number {
    if (this.linkedCs !== cs) {
      if (this.linkedCs !== null || this.rowCount > 0)
        throw new Error('MvTable: a computed metaverse starts empty and comes from one connector-space table')
      this.linkedCs = cs
    }
    const row = this.objectTypes.length
    this.ids.pushFrom(cs.linkedMvIds, csRows[0] ?? 0)
    this.objectTypes.push(objectType)
    this.lineageStarts.push(this.lineageIds.length)
    this.attributes.addRow([])
    this.connectionStarts.push(this.connectionRows.length)
    for (const csRow of csRows) this.connectionRows.push(csRow)
    if ((row + 1) % SEAL_ROWS === 0) this.seal()
    return row
  }

  /** The object at a row, as it was added. */
  public object(row: number): MvObject {
    const lineageStart = this.lineageStarts.get(row)
    const asIs = this.lineageAsIs.get(row)
    const attributes: MvAttribute[] = this.attributes.attributesOf(row).map((stored, attributeIndex) => {
      let lineage = asIs?.[attributeIndex]
      if (lineage === undefined) {
        const entries: ValueLineage[] = []
        for (let index = 0; index < stored.count; index += 1) {
          entries.push(this.lineageEntry(valueLineageEntry(lineageStart, stored, index)))
        }
        lineage = entries
      }
      return {
        name: stored.name,
        type: stored.type,
        multiValued: stored.multiValued,
        values: stored.column.values.getRange(stored.start, stored.count),
        lineage,
      }
    })
    return {
      id: this.ids.get(row) ?? '',
      objectType: this.objectType(row),
      attributes,
      connections: this.connections(row),
    }
  }

  /**
   * Per attribute of a row, in order: its name, how many values it holds and the connector id named by each value's
   * lineage (null where a value's lineage names none), without reading the values or building the object.
   */
  public attributeOrigins(row: number): MvAttributeOrigin[] {
    const lineageStart = this.lineageStarts.get(row)
    const asIs = this.lineageAsIs.get(row)
    return this.attributes.attributesOf(row).map((stored, attributeIndex) => {
      const kept = asIs?.[attributeIndex]
      const connectorIds: (string | null)[] = []
      if (kept !== undefined) {
        for (const lineage of kept) connectorIds.push(lineage.connectorId)
      } else {
        for (let index = 0; index < stored.count; index += 1) {
          const entry = valueLineageEntry(lineageStart, stored, index)
          connectorIds.push(textNullable(this.strings, this.lineageConnectorIds.get(entry)))
        }
      }
      return { name: stored.name, valueCount: stored.count, lineageConnectorIds: connectorIds }
    })
  }

  /** The object type of a row. */
  public objectType(row: number): string {
    return this.strings.text(this.objectTypes.get(row))
  }

  /** The interned object type of a row (see `Interner`). */
  public objectTypeKey(row: number): number {
    return this.objectTypes.get(row)
  }

  /** The connections of a row. */
  public connections(row: number): MvConnection[] {
    const start = this.connectionStarts.get(row)
    const end = row + 1 < this.rowCount ? this.connectionStarts.get(row + 1) : this.connectionCount()
    const connections: MvConnection[] = []
    const cs = this.linkedCs
    for (let index = start; index < end; index += 1) {
      if (cs !== null) {
        connections.push(this.computedConnection(cs, this.connectionRows.get(index)))
        continue
      }
      connections.push({
        csId: this.connectionCsIds.get(index) ?? '',
        csDn: this.connectionDns.get(index),
        connectorId: textNullable(this.strings, this.connectionConnectorIds.get(index)),
        connectorName: textNullable(this.strings, this.connectionConnectorNames.get(index)),
        lineageId: this.connectionLineageIds.get(index),
        lineageType: textNullable(this.strings, this.connectionLineageTypes.get(index)),
        lineageTime: this.connectionTimes.get(index),
      })
    }
    return connections
  }

  /** A computed object's connection: the connector-space row and its link, as `addComputed` was given them. */
  private computedConnection(cs: CsTable, csRow: number): MvConnection {
    return {
      csId: cs.ids.get(csRow) ?? '',
      csDn: cs.dns.get(csRow),
      connectorId: textNullable(this.strings, cs.connectorKey(csRow)),
      connectorName: textNullable(this.strings, cs.connectorNameKey(csRow)),
      lineageId: cs.linkLineageIds.get(csRow),
      lineageType: textNullable(this.strings, cs.linkLineageTypeKey(csRow)),
      lineageTime: cs.linkTimes.get(csRow),
    }
  }

  /** Number of connections of every row. */
  private connectionCount(): number {
    return this.linkedCs === null ? this.connectionCsIds.length : this.connectionRows.length
  }

  /** Seals the pools; call once all rows are added. */
  public seal(): void {
    for (const pool of [this.lineageTimes, this.connectionDns, this.connectionTimes]) pool.seal()
    for (const ids of [this.ids, this.lineageIds, this.connectionCsIds, this.connectionLineageIds]) ids.seal()
    this.attributes.seal()
  }

  /** Writes the table; interned strings are written as ids of the store's interner. */
  public writeTo(out: BinaryWriter): void {
    this.seal()
    for (const ids of this.idColumns()) ids.writeTo(out)
    for (const pool of [this.lineageTimes, this.connectionDns, this.connectionTimes]) pool.writeTo(out)
    out.arrays(this.lineageStarts.parts())
    out.arrays(this.connectionStarts.parts())
    for (const array of this.internedArrays()) out.arrays(array.parts())
    this.attributes.writeTo(out)
    out.json([...this.lineageAsIs])
    out.uint(this.linkedCs === null ? 0 : 1)
    out.arrays(this.connectionRows.parts())
  }

  /**
   * Appends the rows of a table written by `writeTo`; `stringIds` turns the writer's interned ids into ours, and
   * `cs` is the connector-space table read with it, from its row `csRowBase` on (a computed metaverse's connections
   * are rows of it). Into an empty table the columns are read straight into its chunks, else into a table of their
   * own that is appended.
   */
  public readFrom(input: BinaryReader, stringIds: Uint32Array, cs: CsTable, csRowBase: number): void {
    if (this.rowCount === 0 && this.lineageIds.length === 0 && this.connectionCsIds.length === 0) {
      this.readSections(input, stringIds, true, cs, csRowBase)
      return
    }
    // The attributes (most of the bytes) go straight into this table's; the other sections through a table of
    // their own, appended after.
    const other = new MvTable(this.strings)
    other.readSections(input, stringIds, false, cs, csRowBase, this.attributes)
    // Only a finished store holds a computed metaverse, and one is never appended to other objects.
    if (other.linkedCs !== null || this.linkedCs !== null)
      throw new StoreFormatError('metaverse table: a computed metaverse cannot be joined with other objects')
    this.append(other, stringIds)
  }

  /**
   * Reads the sections into this table, its interned ids turned by `stringIds` (or kept as written), and its
   * attributes into `attributes` (this table's, or, for a segment read to be appended, the receiving table's).
   */
  private readSections(
    input: BinaryReader,
    stringIds: Uint32Array,
    remapNow: boolean,
    cs: CsTable,
    csRowBase: number,
    attributes: AttributeTable = this.attributes,
  ): void {
    for (const ids of this.idColumns()) ids.readFrom(input)
    for (const pool of [this.lineageTimes, this.connectionDns, this.connectionTimes]) pool.readFrom(input)
    const rows = this.ids.length
    const lineageEntries = this.lineageIds.length
    const connections = this.connectionCsIds.length
    input.arrayInto(this.lineageStarts, 4, rows)
    input.arrayInto(this.connectionStarts, 4, rows)
    const remap = !remapNow || isIdentity(stringIds) ? null : stringIds
    this.internedArrays().forEach((array, index) => {
      input.arrayInto(array, 4, index === 0 ? rows : index <= 3 ? lineageEntries : connections, (part) => {
        checkIds(part, index === 0 ? stringIds.length : stringIds.length + 1, 'metaverse table')
        if (remap !== null) remapIds(part, remap, index !== 0)
      })
    })
    const attributeRows = attributes.rowCount
    attributes.readFrom(input)
    const asIs = input.text()
    for (const [row, lineage] of JSON.parse(asIs) as [number, (readonly ValueLineage[])[]][])
      this.lineageAsIs.set(row, lineage)
    this.lineageAsIsChars += asIs.length
    const computed = input.uint()
    input.arrayInto(this.connectionRows, 4, null, (part) => {
      for (let index = 0; index < part.length; index += 1) {
        const csRow = (part[index] ?? 0) + csRowBase
        if (csRow >= cs.rowCount) throw new StoreFormatError('metaverse table: damaged links')
        part[index] = csRow
      }
    })
    if (
      attributes.rowCount - attributeRows !== rows ||
      this.lineageTimes.length !== lineageEntries ||
      this.connectionDns.length !== connections ||
      this.connectionTimes.length !== connections ||
      this.connectionLineageIds.length !== connections ||
      computed > 1 ||
      (computed === 1 ? connections !== 0 : this.connectionRows.length !== 0) ||
      (rows > 0 &&
        this.connectionStarts.get(rows - 1) > (computed === 1 ? this.connectionRows.length : connections))
    ) {
      throw new StoreFormatError('metaverse table: damaged columns')
    }
    if (computed === 1) this.linkedCs = cs
  }

  /**
   * Appends every row of another table (a segment read by `readFrom`) but its attributes, which `readFrom` read
   * into this table's; `stringIds` turns its interned ids into ours.
   */
  private append(other: MvTable, stringIds: Uint32Array): void {
    this.seal()
    other.seal()
    const rowBase = this.rowCount
    const lineageBase = this.lineageIds.length
    const connectionBase = this.connectionCsIds.length
    const ours = this.idColumns()
    other.idColumns().forEach((ids, index) => ours[index]?.append(ids))
    this.lineageTimes.append(other.lineageTimes)
    this.connectionDns.append(other.connectionDns)
    this.connectionTimes.append(other.connectionTimes)
    this.lineageStarts.appendAll(other.lineageStarts.flat(), lineageBase)
    this.connectionStarts.appendAll(other.connectionStarts.flat(), connectionBase)
    const arrays = this.internedArrays()
    other.internedArrays().forEach((array, index) => {
      arrays[index]?.appendAll(remapIds(array.flat(), stringIds, index !== 0))
    })
    for (const [row, lineage] of other.lineageAsIs) {
      this.lineageAsIs.set(row + rowBase, lineage)
      this.lineageAsIsChars += JSON.stringify(lineage).length
    }
  }

  private idColumns(): IdColumn[] {
    return [this.ids, this.lineageIds, this.connectionCsIds, this.connectionLineageIds]
  }

  /** The columns of interned ids, in a fixed order; the first (object types) is never null. */
  private internedArrays(): ChunkedArray<Uint32Array>[] {
    return [
      this.objectTypes,
      this.lineageConnectorIds,
      this.lineageConnectorNames,
      this.lineageRules,
      this.connectionConnectorIds,
      this.connectionConnectorNames,
      this.connectionLineageTypes,
    ]
  }

  /** Bytes held. */
  public byteSize(): number {
    let bytes = this.attributes.byteSize()
    for (const ids of [this.ids, this.lineageIds, this.connectionCsIds, this.connectionLineageIds]) {
      bytes += ids.byteSize()
    }
    for (const pool of [this.lineageTimes, this.connectionDns, this.connectionTimes]) bytes += pool.byteSize()
    for (const array of [
      this.connectionRows,
      this.objectTypes,
      this.lineageStarts,
      this.lineageConnectorIds,
      this.lineageConnectorNames,
      this.lineageRules,
      this.connectionStarts,
      this.connectionConnectorIds,
      this.connectionConnectorNames,
      this.connectionLineageTypes,
    ]) {
      bytes += array.byteSize()
    }
    bytes += this.lineageAsIsChars * 3
    return bytes
  }

  /**
   * Finds the distinct lineage entries of an object's values, adds them to the table, and keeps the index of each
   * value's entry for `lineageOf`; false (the lineage is then kept as it came) when an attribute's lineage does not
   * line up with its values, or the object has more distinct entries than a value's index can point at. It runs for
   * every object of exports of millions, so it reuses one list of entries and one of indexes: a list per attribute
   * was a fifth of the memory a metaverse export's load allocated (measured with V8's sampling heap profiler,
   * 2026-12-07).
   */
  private lineageIndexes(attributes: readonly MvAttribute[]): boolean {
    for (let attributeIndex = 0; attributeIndex < attributes.length; attributeIndex++) {
      const attribute = attributes[attributeIndex]
      if (attribute.lineage.length !== valueCountOf(attribute)) return false
    }
    const distinct = this.distinct
    distinct.clear()
    const indexes = this.valueLineages
    const starts = this.attributeLineageStarts
    let next = 0
    for (let attributeIndex = 0; attributeIndex < attributes.length; attributeIndex++) {
      const lineages = attributes[attributeIndex].lineage
      starts[attributeIndex] = next
      for (let valueIndex = 0; valueIndex < lineages.length; valueIndex++) {
        const lineage = lineages[valueIndex]
        let index = distinct.find(lineage)
        if (index < 0) {
          // Entries written before an overflow stay unreferenced; only a pathological object pays.
          if (distinct.size >= MAX_LINEAGE) return false
          index = distinct.add(lineage)
          this.addLineage(lineage)
        }
        indexes[next++] = index
      }
    }
    return true
  }

  /** The index of a value's lineage entry among its object's, as `lineageIndexes` last found it. */
  private readonly lineageOf = (attribute: number, value: number): number =>
    this.valueLineages[(this.attributeLineageStarts[attribute] ?? 0) + value] ?? 0

  private addLineage(lineage: ValueLineage): void {
    this.lineageIds.push(lineage.lineageId)
    this.lineageConnectorIds.push(internNullable(this.strings, lineage.connectorId))
    this.lineageConnectorNames.push(internNullable(this.strings, lineage.connectorName))
    this.lineageRules.push(internNullable(this.strings, lineage.syncRuleName))
    this.lineageTimes.push(lineage.time)
  }

  private lineageEntry(index: number): ValueLineage {
    return {
      lineageId: this.lineageIds.get(index),
      connectorId: textNullable(this.strings, this.lineageConnectorIds.get(index)),
      connectorName: textNullable(this.strings, this.lineageConnectorNames.get(index)),
      syncRuleName: textNullable(this.strings, this.lineageRules.get(index)),
      time: this.lineageTimes.get(index),
    }
  }

  private addConnection(connection: MvConnection): void {
    this.connectionCsIds.push(connection.csId)
    this.connectionDns.push(connection.csDn)
    this.connectionConnectorIds.push(internNullable(this.strings, connection.connectorId))
    this.connectionConnectorNames.push(internNullable(this.strings, connection.connectorName))
    this.connectionLineageIds.push(connection.lineageId)
    this.connectionLineageTypes.push(internNullable(this.strings, connection.lineageType))
    this.connectionTimes.push(connection.lineageTime)
  }
}

/** Linear search over an object's few lineage entries; a map once there are many (large groups). */
const LINEAR_LIMIT = 16

/** The distinct lineage entries of one object, with their index. */
class DistinctLineage {
  private readonly entries: ValueLineage[] = []
  private byKey: Map<string, number> | null = null

  public get size(): number {
    return this.entries.length
  }

  /** Forgets every entry (the next object's). */
  public clear(): void {
    this.entries.length = 0
    this.byKey = null
  }

  public find(lineage: ValueLineage): number {
    if (this.byKey !== null) return this.byKey.get(lineageKey(lineage)) ?? -1
    // Consecutive values mostly share one lineage object (the reader hands the same one out again): identity first.
    // A plain loop: a callback made for every value was a tenth of what the load allocated.
    const entries = this.entries
    for (let index = 0; index < entries.length; index++) {
      const known = entries[index]
      if (known === lineage || sameLineage(known, lineage)) return index
    }
    return -1
  }

  public add(lineage: ValueLineage): number {
    const index = this.entries.length
    this.entries.push(lineage)
    if (this.byKey === null && this.entries.length > LINEAR_LIMIT) {
      this.byKey = new Map(this.entries.map((entry, position) => [lineageKey(entry), position]))
    } else this.byKey?.set(lineageKey(lineage), index)
    return index
  }
}

function lineageKey(lineage: ValueLineage): string {
  return JSON.stringify([
    lineage.lineageId,
    lineage.connectorId,
    lineage.connectorName,
    lineage.syncRuleName,
    lineage.time,
  ])
}

function sameLineage(left: ValueLineage, right: ValueLineage): boolean {
  return (
    left.lineageId === right.lineageId &&
    left.connectorId === right.connectorId &&
    left.connectorName === right.connectorName &&
    left.syncRuleName === right.syncRuleName &&
    left.time === right.time
  )
}

/** The lineage entry of the `index`th value of a stored attribute, for a row whose entries start at `lineageStart`. */
function valueLineageEntry(lineageStart: number, stored: StoredAttribute, index: number): number {
  return lineageStart + (stored.column.lineage?.get(stored.start + index) ?? 0)
}
