import { foldCase } from '../text/fold'
import type { ObjectStore } from './object-store'

/**
 * Ids of the metaverse objects (optionally of one type) with a value of `attribute` equal to
 * `value`, compared case-insensitively, in load order: a join lookup. It goes straight to the
 * attribute's sorted index (scanning the column until building the index pays), without the whole-metaverse sets
 * a query builds, so it stays cheap when called once per connector-space object.
 */
export function mvIdsWithValue(
  store: ObjectStore,
  attribute: string,
  value: string,
  objectType?: string,
): string[] {
  const rows = store.mvColumn(attribute)?.equalRows(value) ?? []
  const wanted = objectType === undefined ? null : foldCase(objectType)
  return rows
    .filter((row) => wanted === null || foldCase(store.mvObjectTypeAt(row)) === wanted)
    .map((row) => store.mvIdAt(row))
}
