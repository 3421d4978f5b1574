/**
 * Gives each distinct list of plain values (object-class lists, rule lineage lists) a small id and
 * keeps one frozen copy: thousands of objects share a handful of such lists.
 */
export class ListInterner<T> {
  private readonly ids = new Map<string, number>()
  private readonly lists: (readonly T[])[] = [Object.freeze([])]
  private chars = 0

  /** The id of a list (0 for the empty list), adding it when new. */
  public intern(list: readonly T[]): number {
    if (list.length === 0) return 0
    const key = JSON.stringify(list)
    const known = this.ids.get(key)
    if (known !== undefined) return known
    const id = this.lists.length
    this.lists.push(deepFreeze(JSON.parse(key) as T[]))
    this.ids.set(key, id)
    this.chars += key.length
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
