import type { Bitset } from '../store/bitset'
import type { ValueColumn } from '../store/value-column'

/**
 * What Metaverse Search reads of a metaverse: its rows, each row's id and object type, and each attribute's values
 * by column. A store whose metaverse was exported answers it itself; on a metaverse computed from the
 * connector-space links, the values come from `ComputedMvValues`.
 */
export interface MvColumns {
  /** Number of metaverse rows. */
  readonly mvRowCount: number
  /** Rows of an object type (case-insensitive). */
  mvRowsOfType(objectType: string): Bitset
  /** The column of an attribute (case-insensitive name), or null when no object has it. */
  mvColumn(attribute: string): ValueColumn | null
  /** The id of a row. */
  mvIdAt(row: number): string
  /** The object type of a row. */
  mvObjectTypeAt(row: number): string
}
