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
 * distinct name once. Capacity is bounded: a file with endless distinct names cannot grow it forever.
 */
export class NameTable {
  private readonly texts: string[] = []
  private readonly encoded: Uint8Array[] = []
  private readonly hashes: number[] = []
  private slots: Int32Array
  private mask: number

  /** Creates a table whose first ids are the predeclared names, in order (they must be distinct). */
  public constructor(
    predeclared: readonly string[],
    private readonly capacity = 8192,
  ) {
    this.slots = new Int32Array(1024)
    this.mask = this.slots.length - 1
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
    let slot = hash & mask
    for (;;) {
      const entry = slots[slot]
      if (entry === EMPTY_SLOT) break
      const id = entry - 1
      if (this.hashes[id] === hash && sameBytes(this.encoded[id], bytes, start, end)) return id
      slot = (slot + 1) & mask
    }
    if (this.texts.length >= this.capacity) return UNINTERNED_NAME
    const copy = bytes.slice(start, end)
    return this.insert(fromUtf8.decode(copy), copy, hash, slot)
  }

  /** Id of a name given as text, inserting it when new and room is left. */
  public intern(name: string): number {
    const bytes = utf8.encode(name)
    const hash = hashBytes(bytes, 0, bytes.length)
    const found = this.findHashed(bytes, hash)
    if (found.id !== UNINTERNED_NAME) return found.id
    if (this.texts.length >= this.capacity) return UNINTERNED_NAME
    return this.insert(name, bytes, hash, found.slot)
  }

  /** Id of a name given as text, or UNINTERNED_NAME when it is not in the table. */
  public find(name: string): number {
    const bytes = utf8.encode(name)
    return this.findHashed(bytes, hashBytes(bytes, 0, bytes.length)).id
  }

  /** The text of an id. */
  public text(id: number): string {
    return this.texts[id] ?? ''
  }

  /** The UTF-8 bytes of an id. */
  public bytes(id: number): Uint8Array {
    return this.encoded[id] ?? new Uint8Array(0)
  }

  private findHashed(bytes: Uint8Array, hash: number): { readonly id: number; readonly slot: number } {
    let slot = hash & this.mask
    for (;;) {
      const entry = this.slots[slot]
      if (entry === EMPTY_SLOT) return { id: UNINTERNED_NAME, slot }
      const id = entry - 1
      if (this.hashes[id] === hash && sameBytes(this.encoded[id], bytes, 0, bytes.length)) return { id, slot }
      slot = (slot + 1) & this.mask
    }
  }

  private insert(text: string, bytes: Uint8Array, hash: number, slot: number): number {
    const id = this.texts.length
    this.texts.push(text)
    this.encoded.push(bytes)
    this.hashes.push(hash)
    this.slots[slot] = id + 1
    if (this.texts.length * 2 > this.slots.length) this.grow()
    return id
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.hashes.length; id++) {
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

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false
  return true
}
