import type { Attribute, Entry, MvObject } from '../model/objects'

/** Attributes of one object (a hologram or a metaverse object), looked up by name case-insensitively. */
export interface AttributeBag {
  /** DN of the object, null for metaverse objects. */
  readonly dn: string | null
  readonly attributes: readonly Attribute[]
  /** The attribute with this name, undefined when the object has none. */
  get(name: string): Attribute | undefined
  /** The values of the attribute; empty when absent. */
  values(name: string): readonly string[]
}

const NO_VALUES: readonly string[] = []
const lowerCache = new Map<string, string>()
// Attribute names repeat across millions of objects; a bounded cache keeps hostile input from growing it.
const LOWER_CACHE_LIMIT = 50_000

/** Lower-cases an attribute or object-type name, memoised because the same names recur on every object. */
export function lowerName(name: string): string {
  const cached = lowerCache.get(name)
  if (cached !== undefined) return cached
  const lower = name.toLowerCase()
  if (lowerCache.size < LOWER_CACHE_LIMIT) lowerCache.set(name, lower)
  return lower
}

/** Builds a bag over attributes; the name index is built on first lookup. */
export function attributeBag(attributes: readonly Attribute[], dn: string | null): AttributeBag {
  let byName: Map<string, Attribute> | null = null
  const index = (): Map<string, Attribute> => {
    if (byName) return byName
    byName = new Map()
    for (const attribute of attributes) {
      const key = lowerName(attribute.name)
      // The first occurrence wins, as in `findAttribute`.
      if (!byName.has(key)) byName.set(key, attribute)
    }
    return byName
  }
  const get = (name: string): Attribute | undefined => index().get(lowerName(name))
  return {
    dn,
    attributes,
    get,
    values: (name) => get(name)?.values ?? NO_VALUES,
  }
}

// Objects are immutable once read, so one bag per object serves every flow, scope and comparison of a call.
const entryBags = new WeakMap<Entry, AttributeBag>()
const mvBags = new WeakMap<MvObject, AttributeBag>()

/** The bag of a hologram entry; an absent entry is an object without attributes. Cached per entry. */
export function entryBag(entry: Entry | null, dn: string | null = entry?.dn ?? null): AttributeBag {
  if (entry === null || dn !== entry.dn) return attributeBag(entry?.attributes ?? [], dn)
  let bag = entryBags.get(entry)
  if (!bag) {
    bag = attributeBag(entry.attributes, dn)
    entryBags.set(entry, bag)
  }
  return bag
}

/** The bag of a metaverse object, cached per object. */
export function mvBag(object: MvObject): AttributeBag {
  let bag = mvBags.get(object)
  if (!bag) {
    bag = attributeBag(object.attributes, null)
    mvBags.set(object, bag)
  }
  return bag
}

/** An empty bag (an object that does not exist yet). */
export const EMPTY_BAG: AttributeBag = attributeBag([], null)
