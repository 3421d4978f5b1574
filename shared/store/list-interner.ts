/**
 * Gives each distinct list of plain values (object-class lists, rule lineage lists) a small id and
 * keeps one frozen copy: thousands of objects share a handful of such lists.
 */
export class ListInterner<T> {
  private readonly ids = new Map<string, number>()
  private readonly lists: (readonly T[])[] = [Object.freeze([])]
  private chars = 0
  /** The id interned last: consecutive objects of a file mostly carry the same list. */
  private lastId = 0

  /** The id of a list (0 for the empty list), adding it when new. */
  public intern(list: readonly T[]): number {
    if (list.length === 0) return 0
    // Same as the last list, item by item: no key to build. Items that are not plain values or flat records of
    // plain values go the long way, so that two lists share an id exactly when their JSON is the same.
    if (sameItems(this.lists[this.lastId] ?? [], list)) return this.lastId
    const key = JSON.stringify(list)
    const known = this.ids.get(key)
    if (known !== undefined) {
      this.lastId = known
      return known
    }
    const id = this.lists.length
    this.lists.push(deepFreeze(JSON.parse(key) as T[]))
    this.ids.set(key, id)
    this.chars += key.length
    this.lastId = id
    return id
  }

  /** The list with this id. */
  public list(id: number): readonly T[] {
    return this.lists[id] ?? []
  }

  /** Every list but the empty one, by id from 1. */
  public all(): readonly (readonly T[])[] {
    return this.lists.slice(1)
  }

  /** This interner's ids of another interner's lists (`all()` of it), indexed by the other's ids (0 stays 0). */
  public remap(lists: readonly (readonly T[])[]): Uint32Array {
    const ids = new Uint32Array(lists.length + 1)
    for (let index = 0; index < lists.length; index += 1) ids[index + 1] = this.intern(lists[index] ?? [])
    return ids
  }

  /** Bytes held, estimated. */
  public byteSize(): number {
    return this.chars * 3 + this.lists.length * 120
  }
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/** Whether two lists hold the same items in the same order, judged only where that is cheap and certain. */
function sameItems<T>(kept: readonly T[], list: readonly T[]): boolean {
  if (kept.length !== list.length || kept.length === 0) return false
  for (let index = 0; index < list.length; index += 1) {
    const a: unknown = kept[index]
    const b: unknown = list[index]
    if (a === b) {
      if (typeof a === 'string' || typeof a === 'boolean' || a === null) continue
      return false
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
    if (!sameFlatRecord(a as Record<string, unknown>, b as Record<string, unknown>)) return false
  }
  return true
}

/** Same keys in the same order with the same string, boolean or null values (numbers may not survive JSON). */
function sameFlatRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return false
  const keys = Object.keys(a)
  const otherKeys = Object.keys(b)
  if (keys.length !== otherKeys.length) return false
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]
    if (key === undefined || key !== otherKeys[index]) return false
    const value = a[key]
    if (value !== b[key]) return false
    if (!(typeof value === 'string' || typeof value === 'boolean' || value === null)) return false
  }
  return true
}
