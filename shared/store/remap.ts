import { StoreFormatError } from './binary'

/**
 * Rewrites interned ids of one store segment as another's (segments joined after a parallel load, a store read
 * back from its binary form): `ids[old]` is the new id of a segment's id `old`. Nullable columns keep 0 for null
 * and id + 1 otherwise (see `internNullable`). Rewrites in place and returns the array.
 */
export function remapIds(values: Uint32Array, ids: Uint32Array, nullable: boolean): Uint32Array {
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? 0
    if (nullable) values[index] = value === 0 ? 0 : (ids[value - 1] ?? 0) + 1
    else values[index] = ids[value] ?? 0
  }
  return values
}

/** Whether a remapping leaves every id as it is (a store read back into an empty one), so it can be skipped. */
export function isIdentity(ids: Uint32Array): boolean {
  for (let index = 0; index < ids.length; index += 1) if (ids[index] !== index) return false
  return true
}

/** Throws StoreFormatError when any id is `limit` or more (binary data that names an id it does not hold). */
export function checkIds(values: Uint32Array, limit: number, what: string): void {
  for (let index = 0; index < values.length; index += 1) {
    if ((values[index] ?? 0) >= limit) throw new StoreFormatError(`${what}: damaged ids`)
  }
}
