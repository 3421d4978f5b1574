import type { BinaryReader, BinaryWriter } from './binary'
import { Bitset } from './bitset'
import { uint16Array, uint32Array, type ChunkedArray } from './chunked-array'
import type { TextMatch } from '../text/fold'
import { TextPool } from './text-pool'
import { buildSortedIndex, sortedRange } from './value-index'
import { scanPool } from './value-scan'

/**
 * All values of one attribute (by case-insensitive name) across the objects of a table, in row
 * order: the values in a text pool, the row of each value in a parallel array. Search reads a
 * column without touching any object; the sorted index and the presence set are built on demand.
 */
export class ValueColumn {
  /** The values, in row order. */
  public readonly values = new TextPool()
  /** The row of each value, ascending. */
  public readonly rows = uint32Array()
  /** Per value, a small index into its object's lineage list (metaverse only). */
  public readonly lineage: ChunkedArray<Uint16Array> | null
  private sorted: Uint32Array | null = null
  private presence: Bitset | null = null

  public constructor(withLineage: boolean) {
    this.lineage = withLineage ? uint16Array() : null
  }

  /** Appends one value of a row. */
  public push(row: number, value: string, lineage: number): void {
    this.values.push(value)
    this.rows.push(row)
    this.lineage?.push(lineage)
  }

  /** Number of values. */
  public get length(): number {
    return this.rows.length
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

  /** Builds the sorted index now (it is otherwise built by the first indexed search). */
  public buildIndex(): void {
    this.sorted ??= buildSortedIndex(this.values)
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

  /** Seals the value pool; scans and indexes need it. */
  public seal(): void {
    this.values.seal()
  }

  /** Writes the values, their rows and lineage (not the search indexes, which are rebuilt on use). */
  public writeTo(out: BinaryWriter): void {
    this.values.writeTo(out)
    out.array(this.rows.flat())
    if (this.lineage !== null) out.array(this.lineage.flat())
  }

  /** Appends a column written by `writeTo`. */
  public readFrom(input: BinaryReader): void {
    this.values.readFrom(input)
    this.rows.appendAll(input.uint32Array())
    this.lineage?.appendAll(input.uint16Array())
    this.checkLengths()
  }

  /** Appends another column's values, its rows shifted by `rowBase` (segments joined after a parallel load). */
  public append(other: ValueColumn, rowBase: number): void {
    this.values.append(other.values)
    this.rows.appendAll(other.rows.flat(), rowBase)
    if (this.lineage !== null) this.lineage.appendAll(other.lineage?.flat() ?? new Uint16Array(other.length))
    this.checkLengths()
    this.sorted = null
    this.presence = null
  }

  private checkLengths(): void {
    if (
      this.values.length !== this.rows.length ||
      (this.lineage !== null && this.lineage.length !== this.rows.length)
    )
      throw new RangeError('value column: damaged entries')
  }

  /** Bytes held, indexes included. */
  public byteSize(): number {
    return (
      this.values.byteSize() +
      this.rows.byteSize() +
      (this.lineage?.byteSize() ?? 0) +
      (this.sorted?.byteLength ?? 0) +
      (this.presence?.byteSize() ?? 0)
    )
  }
}
