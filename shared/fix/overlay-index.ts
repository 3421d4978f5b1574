import type { CsObject, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'

/**
 * The snapshot's objects with some of them replaced in memory: what-if states for a preview. Every lookup of a
 * replaced object, by id, DN or link, answers the replacement; the snapshot itself is never changed.
 */
export function overlayIndex(
  base: ObjectIndex,
  csObjects: readonly CsObject[],
  mvObjects: readonly MvObject[],
): ObjectIndex {
  if (csObjects.length === 0 && mvObjects.length === 0) return base
  const csById = new Map(csObjects.map((object) => [object.id, object]))
  const mvById = new Map(mvObjects.map((object) => [object.id, object]))
  const swap = (object: CsObject): CsObject => csById.get(object.id) ?? object
  const swapAll = (objects: readonly CsObject[]): readonly CsObject[] =>
    objects.some((object) => csById.has(object.id)) ? objects.map(swap) : objects
  return {
    metaverseSource: base.metaverseSource,
    csObject: (id) => csById.get(id) ?? base.csObject(id),
    csObjectByDn: (connectorId, dn) => {
      const found = base.csObjectByDn(connectorId, dn)
      return found ? swap(found) : null
    },
    csObjectsByDn: (dn) => swapAll(base.csObjectsByDn(dn)),
    mvObject: (id) => mvById.get(id) ?? base.mvObject(id),
    connectedCsObjects: (mvObjectId) => swapAll(base.connectedCsObjects(mvObjectId)),
    csObjectCount: (connectorId) => base.csObjectCount(connectorId),
    mvObjectCount: () => base.mvObjectCount(),
  }
}

/**
 * The same objects with each lookup answered once: the store builds an object from its columns on every call,
 * and one simulation asks for the same metaverse and connector-space objects many times. Meant for one object's
 * simulation, then dropped.
 */
export function memoIndex(base: ObjectIndex): ObjectIndex {
  const cs = new Map<string, CsObject | null>()
  const mv = new Map<string, MvObject | null>()
  const connected = new Map<string, readonly CsObject[]>()
  const remember = <T>(map: Map<string, T>, key: string, load: () => T): T => {
    if (map.has(key)) return map.get(key) as T
    const value = load()
    map.set(key, value)
    return value
  }
  return {
    metaverseSource: base.metaverseSource,
    csObject: (id) => remember(cs, id, () => base.csObject(id)),
    csObjectByDn: (connectorId, dn) => base.csObjectByDn(connectorId, dn),
    csObjectsByDn: (dn) => base.csObjectsByDn(dn),
    mvObject: (id) => remember(mv, id, () => base.mvObject(id)),
    connectedCsObjects: (mvObjectId) =>
      remember(connected, mvObjectId, () => base.connectedCsObjects(mvObjectId)),
    csObjectCount: (connectorId) => base.csObjectCount(connectorId),
    mvObjectCount: () => base.mvObjectCount(),
  }
}
