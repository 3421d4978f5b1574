import { AsciiAttribute } from '../model/ascii-attribute'
import type { Attribute, AttributeType } from '../model/objects'
import { type BinaryReader, type BinaryWriter, type DeferredBlock, StoreFormatError } from './binary'
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

/**
 * Rows whose entries are written as one block (see `AttributeTable.writeTo`): at 300k objects about 3 MB, which a
 * reopened store reads in a few milliseconds, so reading them between the app's messages keeps each step short.
 */
const ENTRY_BLOCK_ROWS = 16384

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
  /**
   * The descriptor that came next the last time, by the one before it (+ 1; 0 for a row's first attribute):
   * objects of one type list their attributes in the same order, so the guess saves looking the name up.
   */
  private readonly following: number[] = [-1]
  /**
   * The blocks of entries (row starts, descriptors and value starts) left in a reopen cache entry until an object's
   * attributes are first asked for (see `readSections`), in order, and the number of rows they hold.
   */
  private unread: DeferredBlock[] | null = null
  private unreadRows = 0

  public constructor(private readonly withLineage: boolean) {}

  /** Number of rows (known without reading entries left in a cache entry). */
  public get rowCount(): number {
    return this.unread === null ? this.rowStarts.length : this.unreadRows
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
    this.readUnread()
    const row = this.rowStarts.length
    this.rowStarts.push(this.entryDescriptors.length)
    // Plain loops and a per-column stamp instead of forEach closures and a Set per row: this runs once per
    // object of a file of millions and allocates nothing of its own.
    let previous = 0
    for (let attributeIndex = 0; attributeIndex < attributes.length; attributeIndex++) {
      const attribute = attributes[attributeIndex]
      const guess = this.following[previous]
      const guessed = guess === undefined || guess < 0 ? undefined : this.descriptors[guess]
      let descriptor: number
      if (
        guessed !== undefined &&
        guessed.name === attribute.name &&
        guessed.type === attribute.type &&
        guessed.multiValued === attribute.multiValued
      ) {
        descriptor = guess as number
      } else {
        descriptor = this.descriptorOf(attribute)
        this.following[previous] = descriptor
      }
      previous = descriptor + 1
      const columnId = this.descriptors[descriptor]?.column ?? 0
      const column = this.columns[columnId]
      if (column === undefined) continue
      const stamp = row + 1
      if (this.columnLastRow[columnId] === stamp) this.rowsWithRepeats.add(row)
      else this.columnLastRow[columnId] = stamp
      this.entryDescriptors.push(descriptor)
      this.entryStarts.push(column.length)
      if (attribute instanceof AsciiAttribute) {
        const { bytes, offset } = attribute.source
        const bounds = attribute.bounds
        for (let valueIndex = 0; 2 * valueIndex < bounds.length; valueIndex++) {
          column.pushAscii(
            row,
            bytes,
            offset + (bounds[2 * valueIndex] as number),
            offset + (bounds[2 * valueIndex + 1] as number),
            lineageOf === undefined ? 0 : lineageOf(attributeIndex, valueIndex),
          )
        }
        continue
      }
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
    this.readUnread()
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
    this.readUnread()
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

  /**
   * Writes the table: its descriptors, its columns, its row count and the width of its descriptor ids, then its
   * entries a block of ENTRY_BLOCK_ROWS rows at a time, which a reader of a reopen cache entry may leave in it until
   * an object's attributes are first asked for, and last the rows that repeat a column.
   */
  public writeTo(out: BinaryWriter): void {
    this.readUnread()
    out.json(this.descriptors)
    out.uint(this.columns.length)
    for (const column of this.columns) column.writeTo(out)
    const rows = this.rowCount
    out.uint(rows)
    out.uint(this.entryDescriptors.wideEntries ? 4 : 2)
    for (let first = 0; first < rows; first += ENTRY_BLOCK_ROWS) {
      const last = Math.min(rows, first + ENTRY_BLOCK_ROWS)
      const from = this.rowStarts.get(first)
      const to = last < rows ? this.rowStarts.get(last) : this.entryDescriptors.length
      out.block(() => {
        out.arrays(this.rowStarts.parts(first, last))
        out.arrays(this.entryDescriptors.parts(from, to))
        out.arrays(this.entryStarts.parts(from, to))
      })
    }
    out.array(Uint32Array.from(this.rowsWithRepeats))
  }

  /**
   * Appends the rows of a table written by `writeTo` (a whole store's, or a segment's), straight into this table's
   * chunks: into an empty table as written, after other rows as rows `rowCount` on (`readAppending`).
   */
  public readFrom(input: BinaryReader): void {
    this.readUnread()
    if (this.rowCount === 0 && this.descriptors.length === 0) this.readSections(input)
    else this.readAppending(input, this.rowCount)
  }

  /** Reads the entries left in the cache entry, in order (once; a failure is thrown again at each later use). */
  private readUnread(): void {
    const unread = this.unread
    if (unread === null) return
    for (const block of unread) block.load()
    this.unread = null
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
    // Where each written descriptor's values begin in our column.
    const startBase = Uint32Array.from(descriptors, (descriptor) => positionBase[descriptor.column] ?? 0)
    const rows = input.uint()
    const wide = entryWidth(input)
    const entryBase = this.entryDescriptors.length
    // Appended entries are read at once: what follows may add to this table.
    for (let first = 0; first < rows; first += ENTRY_BLOCK_ROWS) {
      const count = Math.min(ENTRY_BLOCK_ROWS, rows - first)
      input
        .block((block) => this.appendEntries(block, count, entryBase, wide, descriptorIds, startBase))
        ?.load()
    }
    for (const row of input.uint32Array()) this.rowsWithRepeats.add(row + rowBase)
  }

  /**
   * One block of the entries of a table written by `writeTo`, appended after ours (see `readAppending`): each row
   * start moved by `entryBase` (our entries before the table's), each written descriptor id turned into ours
   * (`descriptorIds`), each value start moved by where its column's values began (`startBase`, by written
   * descriptor).
   */
  private appendEntries(
    input: BinaryReader,
    rows: number,
    entryBase: number,
    wide: boolean,
    descriptorIds: Uint32Array,
    startBase: Uint32Array,
  ): void {
    const firstRow = this.rowStarts.length
    const entriesBefore = this.entryDescriptors.length
    input.arrayInto(this.rowStarts, 4, rows, (part) => {
      for (let index = 0; index < part.length; index += 1) part[index] = (part[index] ?? 0) + entryBase
    })
    const written = wide ? input.uint32Array() : input.uint16Array()
    const mapped = new Uint32Array(written.length)
    for (let entry = 0; entry < written.length; entry += 1) {
      const descriptor = written[entry] ?? 0
      if (descriptor >= descriptorIds.length) throw new StoreFormatError('attribute table: damaged entries')
      mapped[entry] = descriptorIds[descriptor] ?? 0
    }
    const startsBefore = this.entryStarts.length
    input.arrayInto(this.entryStarts, 4, written.length, (part, first) => {
      const offset = first - startsBefore
      for (let index = 0; index < part.length; index += 1)
        part[index] = (part[index] ?? 0) + (startBase[written[offset + index] ?? 0] ?? 0)
    })
    this.entryDescriptors.appendAll(mapped)
    this.checkEntries(firstRow, rows, entriesBefore)
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
    const rows = input.uint()
    const wide = entryWidth(input)
    const unread: DeferredBlock[] = []
    for (let first = 0; first < rows; first += ENTRY_BLOCK_ROWS) {
      const count = Math.min(ENTRY_BLOCK_ROWS, rows - first)
      // Blocks append in order: once one is left in the entry, every later one is too, however small.
      const block = input.block(
        (entries) => this.readEntries(entries, count, wide),
        unread.length > 0 ? 0 : undefined,
      )
      if (block !== null) unread.push(block)
    }
    for (const row of input.uint32Array()) this.rowsWithRepeats.add(row)
    if (unread.length === 0) return
    this.unread = unread
    this.unreadRows = rows
  }

  /** One block of the entries of a table written by `writeTo`, after the blocks before it (see `readSections`). */
  private readEntries(input: BinaryReader, rows: number, wide: boolean): void {
    const firstRow = this.rowStarts.length
    const entriesBefore = this.entryDescriptors.length
    input.arrayInto(this.rowStarts, 4, rows)
    const fillable = this.entryDescriptors.fillable(wide)
    const entries =
      fillable === null
        ? this.appendEntryDescriptors(wide ? input.uint32Array() : input.uint16Array())
        : input.arrayInto<Uint16Array | Uint32Array>(fillable, wide ? 4 : 2)
    input.arrayInto(this.entryStarts, 4, entries)
    this.checkEntries(firstRow, rows, entriesBefore)
  }

  /** Checks that rows `firstRow` on, just read, start at the entries read with them and end within them. */
  private checkEntries(firstRow: number, rows: number, entriesBefore: number): void {
    if (rows === 0) return
    const first = this.rowStarts.get(firstRow)
    const last = this.rowStarts.get(firstRow + rows - 1)
    if (first !== entriesBefore || last < first || last > this.entryDescriptors.length)
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
    this.following.push(-1)
    if (shapes === undefined) {
      shapes = []
      this.descriptorIds.set(name, shapes)
    }
    shapes.push(id)
    return id
  }
}

/** The width of a table's written descriptor ids: true for 32 bits, false for 16. */
function entryWidth(input: BinaryReader): boolean {
  const wide = input.uint()
  if (wide !== 2 && wide !== 4) throw new StoreFormatError('attribute table: damaged entries')
  return wide === 4
}
