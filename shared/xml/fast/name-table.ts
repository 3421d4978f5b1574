/** Id returned for a name that was not interned because the table is full. */
export const UNINTERNED_NAME = -1

/** Seed of the FNV-1a hash used for names; the scanner hashes bytes inline with `hashStep`. */
export const NAME_HASH_SEED = 0x811c9dc5 | 0

/** One FNV-1a step over a byte. */
export function hashStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, 0x01000193)
}

const EMPTY_SLOT = 0
const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

/**
 * Interns element and attribute names so a scanner can hand out small integer ids and decode each
 * distinct name once. The bytes of all names live in one pool so that comparing a candidate is a
 * tight loop over two typed arrays. Capacity is bounded: a file with endless distinct names cannot
 * grow it forever.
 */
export class NameTable {
  /** UTF-8 bytes of every name, back to back; a name is `pool[offsetOf(id), offsetOf(id) + lengthOf(id))`. */
  public pool: Uint8Array = new Uint8Array(4096)
  private poolUsed = 0
  private offsets: Int32Array = new Int32Array(256)
  private lengths: Int32Array = new Int32Array(256)
  private hashes: Int32Array = new Int32Array(256)
  private readonly texts: string[] = []
  private slots: Int32Array = new Int32Array(1024)
  private mask = 1023

  /** Creates a table whose first ids are the predeclared names, in order (they must be distinct). */
  public constructor(
    predeclared: readonly string[],
    private readonly capacity = 8192,
  ) {
    for (const name of predeclared) {
      if (this.find(name) !== UNINTERNED_NAME) throw new Error(`duplicate predeclared name: ${name}`)
      this.intern(name)
    }
  }

  /** Number of interned names. */
  public get size(): number {
    return this.texts.length
  }

  /** Id of the name in `bytes[start, end)` whose hash is `hash`, inserting it when new and room is left. */
  public lookup(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots
    const mask = this.mask
    const length = end - start
    let slot = hash & mask
    for (;;) {
      const entry = slots[slot]
      if (entry === EMPTY_SLOT) break
      const id = entry - 1
      if (this.hashes[id] === hash && this.lengths[id] === length && this.matches(id, bytes, start, length)) {
        return id
      }
      slot = (slot + 1) & mask
    }
    if (this.texts.length >= this.capacity) return UNINTERNED_NAME
    return this.insert(fromUtf8.decode(bytes.subarray(start, end)), bytes, start, end, hash, slot)
  }

  /** Id of a name given as text, inserting it when new and room is left. */
  public intern(name: string): number {
    const bytes = utf8.encode(name)
    const hash = hashBytes(bytes, 0, bytes.length)
    const slot = this.findSlot(bytes, hash)
    const entry = this.slots[slot]
    if (entry !== EMPTY_SLOT) return entry - 1
    if (this.texts.length >= this.capacity) return UNINTERNED_NAME
    return this.insert(name, bytes, 0, bytes.length, hash, slot)
  }

  /** Id of a name given as text, or UNINTERNED_NAME when it is not in the table. */
  public find(name: string): number {
    const bytes = utf8.encode(name)
    const entry = this.slots[this.findSlot(bytes, hashBytes(bytes, 0, bytes.length))]
    return entry === EMPTY_SLOT ? UNINTERNED_NAME : entry - 1
  }

  /** The text of an id. */
  public text(id: number): string {
    return this.texts[id] ?? ''
  }

  /** Where the bytes of an id start in `pool`. */
  public offsetOf(id: number): number {
    return this.offsets[id]
  }

  /** How many bytes an id has in `pool`. */
  public lengthOf(id: number): number {
    return this.lengths[id]
  }

  /** The UTF-8 bytes of an id (a copy). */
  public bytes(id: number): Uint8Array {
    if (id < 0 || id >= this.texts.length) return new Uint8Array(0)
    return this.pool.slice(this.offsets[id], this.offsets[id] + this.lengths[id])
  }

  private matches(id: number, bytes: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool
    const offset = this.offsets[id]
    for (let k = 0; k < length; k++) if (pool[offset + k] !== bytes[start + k]) return false
    return true
  }

  /** The slot holding the name, or the empty slot where it would go. */
  private findSlot(bytes: Uint8Array, hash: number): number {
    let slot = hash & this.mask
    for (;;) {
      const entry = this.slots[slot]
      if (entry === EMPTY_SLOT) return slot
      const id = entry - 1
      if (
        this.hashes[id] === hash &&
        this.lengths[id] === bytes.length &&
        this.matches(id, bytes, 0, bytes.length)
      ) {
        return slot
      }
      slot = (slot + 1) & this.mask
    }
  }

  private insert(
    text: string,
    bytes: Uint8Array,
    start: number,
    end: number,
    hash: number,
    slot: number,
  ): number {
    const id = this.texts.length
    const length = end - start
    if (id === this.offsets.length) {
      this.offsets = grown(this.offsets, id * 2)
      this.lengths = grown(this.lengths, id * 2)
      this.hashes = grown(this.hashes, id * 2)
    }
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length))
      pool.set(this.pool.subarray(0, this.poolUsed), 0)
      this.pool = pool
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed)
    this.offsets[id] = this.poolUsed
    this.lengths[id] = length
    this.hashes[id] = hash
    this.poolUsed += length
    this.texts.push(text)
    this.slots[slot] = id + 1
    if (this.texts.length * 2 > this.slots.length) this.rehash()
    return id
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.texts.length; id++) {
      let slot = this.hashes[id] & mask
      while (slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask
      slots[slot] = id + 1
    }
    this.slots = slots
    this.mask = mask
  }
}

/** FNV-1a hash of `bytes[start, end)`, the same value the scanner computes inline. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = NAME_HASH_SEED
  for (let i = start; i < end; i++) hash = hashStep(hash, bytes[i])
  return hash
}

function grown(source: Int32Array, size: number): Int32Array {
  const copy = new Int32Array(size)
  copy.set(source, 0)
  return copy
}
