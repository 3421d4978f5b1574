/**
 * What `ImportedValue("x")` reads: the values the connected directory confirmed by import, never values that
 * are only staged or exported and not yet imported back (docs/ENGINE.md, Confirmed and pending values).
 * The synchronized hologram can already carry an export staged by
 * the last synchronization, so the values of every pending export delta (unapplied, unconfirmed, escrowed)
 * are taken back out of it: an added value is removed, a deleted one restored, and a replaced or added
 * attribute whose previous values the snapshot does not hold is absent.
 */
import type { Attribute, CsObject, Delta } from '../model/objects'
import { type AttributeBag, attributeBag, entryBag, lowerName } from './attribute-bag'
import { sameValues } from './value-compare'

/** The confirmed attributes of a connector-space object, as `ImportedValue` reads them. */
export function confirmedBag(csObject: CsObject): AttributeBag {
  const entry = csObject.synchronized ?? csObject.pendingImportHologram
  if (!csObject.unappliedExport && !csObject.unconfirmedExport && !csObject.escrowedExport) {
    return entryBag(entry, csObject.dn)
  }
  const attributes = new Map<string, Attribute>(
    (entry?.attributes ?? []).map((attribute) => [lowerName(attribute.name), attribute]),
  )
  const deltas = [csObject.unappliedExport, csObject.unconfirmedExport, csObject.escrowedExport].filter(
    (delta): delta is Delta => delta !== null,
  )
  for (const delta of deltas) {
    for (const change of delta.attributes) {
      const key = lowerName(change.name)
      const held = attributes.get(key)
      if (!held) continue
      const added = change.values
        .filter((value) => value.operation === null || value.operation === 'add')
        .map((value) => value.value)
      const removed = change.values
        .filter((value) => value.operation === 'delete')
        .map((value) => value.value)
      const wholeAttribute =
        change.operation === 'replace' ||
        (change.operation === 'add' && change.values.every((v) => v.operation === null))
      if (wholeAttribute) {
        // The hologram holds the staged values themselves: the confirmed ones are not in the snapshot.
        if (sameValues(held.values, added)) attributes.delete(key)
        continue
      }
      if (change.operation === 'delete') continue
      const staged = new Set(added.map((value) => value.toLowerCase()))
      const kept = held.values.filter((value) => !staged.has(value.toLowerCase()))
      const restored = removed.filter((value) => !kept.some((k) => k.toLowerCase() === value.toLowerCase()))
      const values = [...kept, ...restored]
      if (values.length === 0) attributes.delete(key)
      else attributes.set(key, { ...held, values })
    }
  }
  return attributeBag([...attributes.values()], csObject.dn)
}
