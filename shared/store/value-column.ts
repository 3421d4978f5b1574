import { type BinaryReader, type BinaryWriter, type DeferredBlock, StoreFormatError } from './binary'
import { Bitset } from './bitset'
import { uint16Array, uint32Array, type ChunkedArray } from './chunked-array'
import type { TextMatch } from '../text/fold'
import { TextPool } from './text-pool'
import { SortedIndexBuild, sortedRange } from './value-index'
import { scanPool } from './value-scan'

/**
 * Whole-column scans a lookup makes before it builds the sorted index: a scan costs about a sixteenth of a build
 * (folding every value once, then sorting), so lookups never cost more than about twice the cheaper plan.
 */
const SCANS_BEFORE_INDEX = 16

/**
 * All values of one attribute (by case-insensitive name) across the objects of a table, in row
 * order: the values in a text pool, the row of each value in a parallel array. Search reads a
 * column without touching any object; the sorted index and the presence set are built on demand, the index
 * possibly in steps (`buildIndexFor`) between a worker's messages.
 */
export class ValueColumn {
  private readonly pool = new TextPool()
  private readonly rowArray = uint32Array()
  private readonly lineageArray: ChunkedArray<Uint16Array> | null
  /** The column as written, left in a reopen cache entry until first needed (see `readFrom`), and its length. */
  private unread: DeferredBlock | null = null
  private unreadLength = 0
  private sorted: Uint32Array | null = null
  private building: SortedIndexBuild | null = null
  /** Values scanned by lookups for want of the sorted index. */
  private scannedValues = 0
  private presence: Bitset | null = null

  public constructor(withLineage: boolean) {
    this.lineageArray = withLineage ? uint16Array() : null
  }

  /** The values, in row order. */
  public get values(): TextPool {
    if (this.unread !== null) this.readUnread()
    return this.pool
  }

  /** The row of each value, ascending. */
  public get rows(): ChunkedArray<Uint32Array> {
    if (this.unread !== null) this.readUnread()
    return this.rowArray
  }

  /** Per value, a small index into its object's lineage list (metaverse only). */
  public get lineage(): ChunkedArray<Uint16Array> | null {
    if (this.unread !== null) this.readUnread()
    return this.lineageArray
  }

  /** Appends one value of a row. */
  public push(row: number, value: string, lineage: number): void {
    this.values.push(value)
    this.rows.push(row)
    this.lineage?.push(lineage)
  }

  /** Appends one value of a row given as its bytes, all ASCII (see `TextPool.pushAscii`). */
  public pushAscii(row: number, bytes: Uint8Array, start: number, end: number, lineage: number): void {
    if (this.unread !== null) this.readUnread()
    this.pool.pushAscii(bytes, start, end)
    this.rowArray.push(row)
    this.lineageArray?.push(lineage)
  }

  /** Number of values (known without reading a column left in its entry). */
  public get length(): number {
    return this.unread === null ? this.rowArray.length : this.unreadLength
  }

  /** Whether the column is still in its reopen cache entry, not read yet. */
  public get deferred(): boolean {
    return this.unread?.deferred === true
  }

  /** The value positions [start, end) that belong to rows in [fromRow, toRow). */
  public valueRange(fromRow: number, toRow: number): readonly [number, number] {
    const start = this.rows.lowerBound(fromRow)
    return [start, this.rows.lowerBound(toRow, start)]
  }

  /** The values of one row (all of them, in the order they were added). */
  public valuesOf(row: number): string[] {
    const values: string[] = []
    for (
      let index = this.rows.lowerBound(row);
      index < this.rows.length && this.rows.get(index) === row;
      index += 1
    ) {
      values.push(this.values.get(index))
    }
    return values
  }

  /** Rows with at least one value, among `rowCount` rows. */
  public present(rowCount: number): Bitset {
    if (this.presence?.size === rowCount) return this.presence
    const set = new Bitset(rowCount)
    for (let index = 0; index < this.rows.length; index += 1) set.add(this.rows.get(index))
    this.presence = set
    return set
  }

  /** Whether the sorted index exists already. */
  public get indexed(): boolean {
    return this.sorted !== null
  }

  /** Builds the sorted index now, completing a build in steps if one was started. */
  public buildIndex(): void {
    this.sorted ??= this.startedBuild().finish()
    this.building = null
  }

  /** Works on the sorted index until it is built (true) or `overdue` says to stop (false); resumable. */
  public buildIndexFor(overdue: () => boolean): boolean {
    if (this.sorted !== null) return true
    const index = this.startedBuild().step(overdue)
    if (index === null) return false
    this.sorted = index
    this.building = null
    return true
  }

  private startedBuild(): SortedIndexBuild {
    if (this.building === null || this.building.length !== this.values.length)
      this.building = new SortedIndexBuild(this.values)
    return this.building
  }

  /** Adds to `into` the rows with a value equal to, or starting with, the needle, through the sorted index. */
  public addIndexedMatches(needle: string, match: 'equals' | 'starts-with', into: Bitset): void {
    this.buildIndex()
    const sorted = this.sorted
    if (sorted === null) return
    const [start, end] = sortedRange(this.values, sorted, needle, match)
    for (let position = start; position < end; position += 1) into.add(this.rows.get(sorted[position] ?? 0))
  }

  /** The rows with a value equal to, or starting with, the needle, ascending, through the sorted index. */
  public indexedRows(needle: string, match: 'equals' | 'starts-with'): number[] {
    this.buildIndex()
    const sorted = this.sorted
    if (sorted === null) return []
    const [start, end] = sortedRange(this.values, sorted, needle, match)
    const rows: number[] = []
    for (let position = start; position < end; position += 1) rows.push(this.rows.get(sorted[position] ?? 0))
    rows.sort((left, right) => left - right)
    return rows.filter((row, index) => index === 0 || rows[index - 1] !== row)
  }

  /**
   * The rows with a value equal to the needle, ascending: a join lookup. Without the sorted index the column is
   * scanned (tens of milliseconds at 300k values, where building the index takes hundreds) until the scans have
   * cost about what the build would; then the index is built, or a build under way in steps is completed.
   */
  public equalRows(needle: string): number[] {
    if (this.sorted !== null || this.scannedValues >= SCANS_BEFORE_INDEX * this.length)
      return this.indexedRows(needle, 'equals')
    this.scannedValues += this.length
    const rows: number[] = []
    scanPool(this.values, 0, this.length, needle, 'equals', (index) => {
      const row = this.rows.get(index)
      if (rows[rows.length - 1] !== row) rows.push(row)
    })
    return rows
  }

  /** Adds to `into` the rows in [fromRow, toRow) with a value that matches the needle, by scanning. */
  public addScannedMatches(
    needle: string,
    match: TextMatch,
    fromRow: number,
    toRow: number,
    into: Bitset,
  ): void {
    const [start, end] = this.valueRange(fromRow, toRow)
    scanPool(this.values, start, end, needle, match, (index) => into.add(this.rows.get(index)))
  }

  /** Seals the value pool; scans and indexes need it. (A column read from a store's binary form comes sealed.) */
  public seal(): void {
    this.pool.seal()
  }

  /**
   * Writes the values, their rows and lineage (not the search indexes, which are rebuilt on use): their count, then
   * the rest as one block, which a reader of a reopen cache entry may leave in it until the column is first needed.
   */
  public writeTo(out: BinaryWriter): void {
    out.uint(this.length)
    out.block(() => {
      this.values.writeTo(out)
      out.arrays(this.rows.parts())
      if (this.lineage !== null) out.arrays(this.lineage.parts())
    })
  }

  /**
   * Appends a column written by `writeTo`, straight into this column's chunks: its rows are moved by `rowBase`
   * (the rows of this column's table before those of the written one's). A reader that leaves large blocks in its
   * input (a reopen) leaves the column there: it is read when its values, rows or lineage are first asked for.
   */
  public readFrom(input: BinaryReader, rowBase = 0): void {
    if (this.unread !== null) this.readUnread()
    const first = this.rowArray.length
    const count = input.uint()
    this.sorted = null
    this.building = null
    this.presence = null
    const unread = input.block((block) => this.readSections(block, rowBase, first, count))
    if (unread === null) return
    this.unread = unread
    this.unreadLength = first + count
  }

  /** Reads the column left in its entry (once; a failure is thrown again at each later use). */
  private readUnread(): void {
    const unread = this.unread
    if (unread === null) return
    unread.load()
    this.unread = null
  }

  private readSections(input: BinaryReader, rowBase: number, first: number, count: number): void {
    this.pool.readFrom(input)
    if (this.pool.length - first !== count) throw new StoreFormatError('value column: damaged entries')
    input.arrayInto(
      this.rowArray,
      4,
      count,
      rowBase === 0
        ? undefined
        : (part) => {
            for (let index = 0; index < part.length; index += 1) part[index] = (part[index] ?? 0) + rowBase
          },
    )
    if (this.lineageArray !== null) input.arrayInto(this.lineageArray, 2, count)
  }

  /** Bytes held, indexes included. */
  public byteSize(): number {
    return (
      this.pool.byteSize() +
      this.rowArray.byteSize() +
      (this.lineageArray?.byteSize() ?? 0) +
      (this.sorted?.byteLength ?? 0) +
      (this.presence?.byteSize() ?? 0)
    )
  }
}
