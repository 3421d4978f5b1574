import type { Attribute, AttributeType } from '../model/objects'
import { type BinaryReader, type BinaryWriter, StoreFormatError } from './binary'
import { SmallIdArray, uint32Array } from './chunked-array'
import { foldCase } from '../text/fold'
import { Interner } from './interner'
import { ValueColumn } from './value-column'

/** Where one attribute of one object lives: its shape and its first value in its column. */
export interface StoredAttribute {
  readonly name: string
  readonly type: AttributeType
  readonly multiValued: boolean
  readonly column: ValueColumn
  /** Position of the first value in the column. */
  readonly start: number
  /** Number of values. */
  readonly count: number
}

interface Descriptor {
  readonly name: string
  readonly type: AttributeType
  readonly multiValued: boolean
  readonly column: number
}

/**
 * The attributes of a table's objects, one row per object, stored by column.
 *
 * Per object it keeps where its entries start; per entry, a descriptor id (name, type,
 * multi-valued, interned) and the position of its first value in the attribute's column. The values
 * themselves live in the columns (`ValueColumn`), which is what search reads.
 */
export class AttributeTable {
  private readonly descriptors: Descriptor[] = []
  /** Descriptor ids by exact name (usually one: one type and multi-valuedness per name). */
  private readonly descriptorIds = new Map<string, number[]>()
  private readonly names = new Interner()
  private readonly columns: ValueColumn[] = []
  private readonly columnIds = new Map<string, number>()
  private readonly rowStarts = uint32Array()
  private readonly entryDescriptors = new SmallIdArray()
  private readonly entryStarts = uint32Array()
  /** Rows that hold two entries for one column (the same name twice): rare, read more carefully. */
  private readonly rowsWithRepeats = new Set<number>()
  /** Per column, 1 + the last row that added a value to it (0: none yet), to spot a name repeated in a row. */
  private readonly columnLastRow: number[] = []

  public constructor(private readonly withLineage: boolean) {}

  /** Number of rows. */
  public get rowCount(): number {
    return this.rowStarts.length
  }

  /** Number of values in all columns. */
  public get valueCount(): number {
    let total = 0
    for (const column of this.columns) total += column.length
    return total
  }

  /** Number of distinct attribute names (case-insensitive). */
  public get columnCount(): number {
    return this.columns.length
  }

  /**
   * Adds a row with these attributes and returns its number. `lineageOf(attribute, value)` gives
   * the lineage index stored with each value, when the table keeps lineage.
   */
  public addRow(
    attributes: readonly Attribute[],
    lineageOf?: (attribute: number, value: number) => number,
  ): number {
    const row = this.rowStarts.length
    this.rowStarts.push(this.entryDescriptors.length)
    // Plain loops and a per-column stamp instead of forEach closures and a Set per row: this runs once per
    // object of a file of millions and allocates nothing of its own.
    for (let attributeIndex = 0; attributeIndex < attributes.length; attributeIndex++) {
      const attribute = attributes[attributeIndex]
      const descriptor = this.descriptorOf(attribute)
      const columnId = this.descriptors[descriptor]?.column ?? 0
      const column = this.columns[columnId]
      if (column === undefined) continue
      const stamp = row + 1
      if (this.columnLastRow[columnId] === stamp) this.rowsWithRepeats.add(row)
      else this.columnLastRow[columnId] = stamp
      this.entryDescriptors.push(descriptor)
      this.entryStarts.push(column.length)
      const values = attribute.values
      for (let valueIndex = 0; valueIndex < values.length; valueIndex++) {
        column.push(
          row,
          values[valueIndex],
          lineageOf === undefined ? 0 : lineageOf(attributeIndex, valueIndex),
        )
      }
    }
    return row
  }

  /** The attributes of a row with their values (no lineage), in the order they were added. */
  public attributeValuesOf(row: number): Attribute[] {
    return this.attributesOf(row).map((stored) => ({
      name: stored.name,
      type: stored.type,
      multiValued: stored.multiValued,
      values: stored.column.values.getRange(stored.start, stored.count),
    }))
  }

  /** The attributes of a row, in the order they were added. */
  public attributesOf(row: number): StoredAttribute[] {
    const first = this.rowStarts.get(row)
    const last = row + 1 < this.rowStarts.length ? this.rowStarts.get(row + 1) : this.entryDescriptors.length
    const repeats = this.rowsWithRepeats.has(row)
    const stored: StoredAttribute[] = []
    for (let entry = first; entry < last; entry += 1) {
      const descriptor = this.descriptors[this.entryDescriptors.get(entry)]
      const column = descriptor === undefined ? undefined : this.columns[descriptor.column]
      if (descriptor === undefined || column === undefined) continue
      const start = this.entryStarts.get(entry)
      let stop = repeats ? this.nextStartInColumn(entry + 1, last, descriptor.column) : -1
      if (stop < 0) {
        stop = start
        while (stop < column.length && column.rows.get(stop) === row) stop += 1
      }
      stored.push({
        name: descriptor.name,
        type: descriptor.type,
        multiValued: descriptor.multiValued,
        column,
        start,
        count: stop - start,
      })
    }
    return stored
  }

  /** The column of an attribute (case-insensitive name), or null when no object has it. */
  public column(name: string): ValueColumn | null {
    const id = this.columnIds.get(foldCase(name))
    return id === undefined ? null : (this.columns[id] ?? null)
  }

  /** Every column with the attribute name it was first seen with. */
  public allColumns(): readonly ValueColumn[] {
    return this.columns
  }

  /** Seals every column; call once all rows are added. */
  public seal(): void {
    for (const column of this.columns) column.seal()
  }

  /** Bytes held. */
  public byteSize(): number {
    let bytes =
      this.rowStarts.byteSize() +
      this.entryDescriptors.byteSize() +
      this.entryStarts.byteSize() +
      this.names.byteSize() +
      this.descriptors.length * 96 +
      this.rowsWithRepeats.size * 16
    for (const column of this.columns) bytes += column.byteSize() + 64
    return bytes
  }

  /** Writes the table. */
  public writeTo(out: BinaryWriter): void {
    out.json(this.descriptors)
    out.uint(this.columns.length)
    for (const column of this.columns) column.writeTo(out)
    out.arrays(this.rowStarts.parts())
    out.uint(this.entryDescriptors.wideEntries ? 4 : 2)
    out.arrays(this.entryDescriptors.parts())
    out.arrays(this.entryStarts.parts())
    out.array(Uint32Array.from(this.rowsWithRepeats))
  }

  /**
   * Appends the rows of a table written by `writeTo` (a whole store's, or a segment's), straight into this table's
   * chunks: into an empty table as written, after other rows as rows `rowCount` on (`readAppending`).
   */
  public readFrom(input: BinaryReader): void {
    if (this.rowCount === 0 && this.descriptors.length === 0) this.readSections(input)
    else this.readAppending(input, this.rowCount)
  }

  /**
   * Reads a table written by `writeTo` as rows `rowBase` on: its names and shapes matched to this table's, each
   * of its columns read into the matching column (rows moved by `rowBase`), each entry's descriptor turned into
   * ours and its start moved by where its column's values began, with no table of its own in between (a segment
   * joined after a parallel load is copied once: into a table of its own and from there into this one, it was
   * copied three times, and each copy's chunks were new memory).
   */
  private readAppending(input: BinaryReader, rowBase: number): void {
    const descriptors = input.json<Descriptor[]>()
    if (!Array.isArray(descriptors)) throw new StoreFormatError('attribute table: damaged descriptors')
    const descriptorIds = Uint32Array.from(descriptors, (descriptor) => this.descriptorOf(descriptor))
    const columns = input.uint()
    // The column each of the written columns goes to: one of ours per written column, one written per ours.
    const targets = new Int32Array(columns).fill(-1)
    descriptors.forEach((descriptor, id) => {
      const written = descriptor.column
      const ours = this.descriptors[descriptorIds[id] ?? 0]?.column ?? -1
      const known = targets[written] ?? -1
      if (!Number.isInteger(written) || written < 0 || written >= columns || (known !== -1 && known !== ours))
        throw new StoreFormatError('attribute table: damaged descriptors')
      targets[written] = ours
    })
    if (targets.includes(-1) || new Set(targets).size !== columns)
      throw new StoreFormatError('attribute table: damaged columns')
    const positionBase = new Uint32Array(columns)
    targets.forEach((ours, written) => {
      const column = this.columns[ours]
      if (column === undefined) throw new StoreFormatError('attribute table: damaged columns')
      positionBase[written] = column.length
      column.readFrom(input, rowBase)
    })
    const entryBase = this.entryDescriptors.length
    const rows = input.arrayInto(this.rowStarts, 4, null, (part) => {
      for (let index = 0; index < part.length; index += 1) part[index] = (part[index] ?? 0) + entryBase
    })
    const wide = input.uint()
    if (wide !== 2 && wide !== 4) throw new StoreFormatError('attribute table: damaged entries')
    const written = wide === 4 ? input.uint32Array() : input.uint16Array()
    const mapped = new Uint32Array(written.length)
    for (let entry = 0; entry < written.length; entry += 1) {
      const descriptor = written[entry] ?? 0
      if (descriptor >= descriptorIds.length) throw new StoreFormatError('attribute table: damaged entries')
      mapped[entry] = descriptorIds[descriptor] ?? 0
    }
    const startBase = Uint32Array.from(descriptors, (descriptor) => positionBase[descriptor.column] ?? 0)
    const startsBefore = this.entryStarts.length
    input.arrayInto(this.entryStarts, 4, written.length, (part, first) => {
      const offset = first - startsBefore
      for (let index = 0; index < part.length; index += 1)
        part[index] = (part[index] ?? 0) + (startBase[written[offset + index] ?? 0] ?? 0)
    })
    this.entryDescriptors.appendAll(mapped)
    for (const row of input.uint32Array()) this.rowsWithRepeats.add(row + rowBase)
    if (rows > 0 && this.rowStarts.get(rowBase + rows - 1) - entryBase > written.length)
      throw new StoreFormatError('attribute table: damaged entries')
  }

  private readSections(input: BinaryReader): void {
    const descriptors = input.json<Descriptor[]>()
    if (!Array.isArray(descriptors)) throw new StoreFormatError('attribute table: damaged descriptors')
    for (const descriptor of descriptors) this.descriptorOf(descriptor)
    if (this.descriptors.some((known, index) => known.column !== descriptors[index]?.column))
      throw new StoreFormatError('attribute table: damaged descriptors')
    const columns = input.uint()
    if (columns !== this.columns.length) throw new StoreFormatError('attribute table: damaged columns')
    for (const column of this.columns) column.readFrom(input)
    const rows = input.arrayInto(this.rowStarts, 4)
    const wide = input.uint()
    if (wide !== 2 && wide !== 4) throw new StoreFormatError('attribute table: damaged entries')
    const fillable = this.entryDescriptors.fillable(wide === 4)
    const entries =
      fillable === null
        ? this.appendEntryDescriptors(wide === 4 ? input.uint32Array() : input.uint16Array())
        : input.arrayInto<Uint16Array | Uint32Array>(fillable, wide)
    input.arrayInto(this.entryStarts, 4, entries)
    for (const row of input.uint32Array()) this.rowsWithRepeats.add(row)
    if (rows > 0 && this.rowStarts.get(rows - 1) > entries)
      throw new StoreFormatError('attribute table: damaged entries')
  }

  private appendEntryDescriptors(values: Uint16Array | Uint32Array): number {
    this.entryDescriptors.appendAll(values)
    return values.length
  }

  private nextStartInColumn(from: number, last: number, columnId: number): number {
    for (let entry = from; entry < last; entry += 1) {
      if (this.descriptors[this.entryDescriptors.get(entry)]?.column === columnId)
        return this.entryStarts.get(entry)
    }
    return -1
  }

  private descriptorOf(attribute: Pick<Attribute, 'name' | 'type' | 'multiValued'>): number {
    let shapes = this.descriptorIds.get(attribute.name)
    if (shapes !== undefined) {
      for (const id of shapes) {
        const known = this.descriptors[id]
        if (known?.type === attribute.type && known.multiValued === attribute.multiValued) return id
      }
    }
    const name = this.names.text(this.names.intern(attribute.name))
    const columnKey = foldCase(name)
    let column = this.columnIds.get(columnKey)
    if (column === undefined) {
      column = this.columns.length
      this.columns.push(new ValueColumn(this.withLineage))
      this.columnLastRow.push(0)
      this.columnIds.set(columnKey, column)
    }
    const id = this.descriptors.length
    this.descriptors.push({ name, type: attribute.type, multiValued: attribute.multiValued, column })
    if (shapes === undefined) {
      shapes = []
      this.descriptorIds.set(name, shapes)
    }
    shapes.push(id)
    return id
  }
}
