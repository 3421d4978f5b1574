import { StoreFormatError } from './binary'

/**
 * An open-addressing hash table from a key's hash to the rows that have that key.
 *
 * It stores only row numbers (32-bit slots, twice as many as rows, so probe runs stay short), never the
 * keys: a lookup walks the probe sequence and asks the caller whether each candidate row has the
 * key. Several rows may share a key (the same DN in two connector spaces); all are found.
 */
export class RowHashIndex {
  private readonly slots: Uint32Array

  /**
   * Builds the table for `rows` rows; `hashOf(row)` returns the row's key hash, or null to leave it out. Given the
   * slots of a table built before (`slotArray`, read back from a store's binary form), takes them as they are;
   * throws StoreFormatError when they cannot be a table of `rows` rows.
   */
  public constructor(rows: number, hashOf: ((row: number) => number | null) | Uint32Array) {
    const capacity = Math.max(8, rows * 2)
    if (hashOf instanceof Uint32Array) {
      if (hashOf.length !== capacity) throw new StoreFormatError('hash index: damaged slots')
      for (let slot = 0; slot < capacity; slot += 1) {
        if ((hashOf[slot] ?? 0) > rows) throw new StoreFormatError('hash index: damaged slots')
      }
      this.slots = hashOf
      return
    }
    this.slots = new Uint32Array(capacity)
    for (let row = 0; row < rows; row += 1) {
      const hash = hashOf(row)
      if (hash === null) continue
      let slot = hash % capacity
      while (this.slots[slot] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1
      this.slots[slot] = row + 1
    }
  }

  /**
   * Rows whose key hash is `hash` and for which `matches(row)` holds. Rows with one key lie along one
   * probe run in the order they were inserted, so they come out ascending.
   */
  public lookup(hash: number, matches: (row: number) => boolean): number[] {
    const found: number[] = []
    const capacity = this.slots.length
    let slot = hash % capacity
    for (let stored = this.slots[slot] ?? 0; stored !== 0; stored = this.slots[slot] ?? 0) {
      if (matches(stored - 1)) found.push(stored - 1)
      slot = slot + 1 === capacity ? 0 : slot + 1
    }
    return found
  }

  /** The first (lowest) row with the key, or -1. */
  public first(hash: number, matches: (row: number) => boolean): number {
    const capacity = this.slots.length
    let slot = hash % capacity
    for (let stored = this.slots[slot] ?? 0; stored !== 0; stored = this.slots[slot] ?? 0) {
      if (matches(stored - 1)) return stored - 1
      slot = slot + 1 === capacity ? 0 : slot + 1
    }
    return -1
  }

  /** The table's slots, to be written with a store's binary form (not a copy: never change them). */
  public get slotArray(): Uint32Array {
    return this.slots
  }

  /** Bytes held. */
  public byteSize(): number {
    return this.slots.byteLength
  }
}
