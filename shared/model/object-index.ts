import type { CsObject, MvObject } from './objects'

/**
 * Read access to the objects of a loaded snapshot, as the sync engine needs it.
 *
 * The object store implements it over its compact representation; engine tests implement it over
 * plain arrays (`objectIndexFromArrays`). Ids are lower-case GUIDs without braces; DN lookups are
 * case-insensitive.
 */
export interface ObjectIndex {
  csObject(id: string): CsObject | null
  /** The connector-space object with this DN in this connector's space. */
  csObjectByDn(connectorId: string, dn: string): CsObject | null
  /** Connector-space objects with this DN in any connector space. */
  csObjectsByDn(dn: string): readonly CsObject[]
  mvObject(id: string): MvObject | null
  /** Connector-space objects linked to a metaverse object (joined connectors), in any connector space. */
  connectedCsObjects(mvObjectId: string): readonly CsObject[]
  /**
   * The connector ids (lower-case; null when the object names none) and DNs of the objects linked to a
   * metaverse object, in the order of `connectedCsObjects`, without building them. Optional: an index that
   * cannot do it cheaply leaves it out and callers build the objects.
   */
  connectedDns?(mvObjectId: string): readonly { readonly connectorId: string | null; readonly dn: string }[]
  /** Number of connector-space objects, per connector id. */
  csObjectCount(connectorId: string): number
  /** Number of metaverse objects. */
  mvObjectCount(): number
  /** Whether metaverse objects came from an export, were computed from connector-space links, or are absent. */
  readonly metaverseSource: 'exported' | 'computed' | 'none'
}

/** An ObjectIndex over plain arrays, for tests and small snapshots. */
export function objectIndexFromArrays(
  csObjects: readonly CsObject[],
  mvObjects: readonly MvObject[],
  metaverseSource: ObjectIndex['metaverseSource'] = mvObjects.length > 0 ? 'exported' : 'none',
): ObjectIndex {
  const byId = new Map(csObjects.map((o) => [o.id, o]))
  const mvById = new Map(mvObjects.map((o) => [o.id, o]))
  const dnKey = (dn: string): string => dn.toLowerCase()
  const byDn = new Map<string, CsObject[]>()
  const byMv = new Map<string, CsObject[]>()
  for (const object of csObjects) {
    const sameDn = byDn.get(dnKey(object.dn)) ?? []
    sameDn.push(object)
    byDn.set(dnKey(object.dn), sameDn)
    if (object.mvLink) {
      const linked = byMv.get(object.mvLink.mvObjectId) ?? []
      linked.push(object)
      byMv.set(object.mvLink.mvObjectId, linked)
    }
  }
  return {
    metaverseSource,
    csObject: (id) => byId.get(id) ?? null,
    csObjectByDn: (connectorId, dn) =>
      (byDn.get(dnKey(dn)) ?? []).find((object) => object.connectorId === connectorId) ?? null,
    csObjectsByDn: (dn) => byDn.get(dnKey(dn)) ?? [],
    mvObject: (id) => mvById.get(id) ?? null,
    connectedCsObjects: (mvObjectId) => byMv.get(mvObjectId) ?? [],
    csObjectCount: (connectorId) => csObjects.filter((object) => object.connectorId === connectorId).length,
    mvObjectCount: () => mvObjects.length,
  }
}
