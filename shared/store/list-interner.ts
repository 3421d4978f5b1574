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
