import { sameValues } from '../engine/value-compare'
import type { Attribute, CsObject, MvObject } from '../model/objects'
import { nameKey } from './names'

function attributesEqual(
  left: readonly Attribute[],
  right: readonly Attribute[],
  skipReferences: boolean,
): boolean {
  const withValues = (attributes: readonly Attribute[]): Map<string, Attribute> =>
    new Map(
      attributes
        .filter(
          (attribute) => attribute.values.length > 0 && !(skipReferences && attribute.type === 'Reference'),
        )
        .map((attribute) => [nameKey(attribute.name), attribute]),
    )
  const a = withValues(left)
  const b = withValues(right)
  if (a.size !== b.size) return false
  for (const [key, attribute] of a) {
    const partner = b.get(key)
    if (!partner) return false
    const reference = attribute.type === 'Reference'
    const values = (list: readonly string[]): readonly string[] =>
      reference ? list.map((v) => v.toLowerCase()) : list
    if (!sameValues(values(attribute.values), values(partner.values), attribute.type)) return false
  }
  return true
}

/**
 * Whether one object holds the same source data in both snapshots: the same connected objects (by key)
 * with the same synchronized values, and the same metaverse values (references aside: a metaverse
 * reference is the other object's id, which differs between servers).
 */
export function sameSourceData(
  a: { readonly mvObject: MvObject | null; readonly connected: readonly CsObject[] },
  b: { readonly mvObject: MvObject | null; readonly connected: readonly CsObject[] },
  keyOfA: (object: CsObject) => string,
  keyOfB: (object: CsObject) => string,
): boolean {
  if (a.connected.length !== b.connected.length) return false
  const partners = new Map(b.connected.map((object) => [keyOfB(object), object]))
  for (const object of a.connected) {
    const partner = partners.get(keyOfA(object))
    if (!partner) return false
    if (
      !attributesEqual(object.synchronized?.attributes ?? [], partner.synchronized?.attributes ?? [], false)
    ) {
      return false
    }
  }
  if (a.mvObject === null || b.mvObject === null) return a.mvObject === b.mvObject
  return attributesEqual(a.mvObject.attributes, b.mvObject.attributes, true)
}
