import type { MvConnection, MvLink, MvObject } from '../model/objects'

/**
 * The metaverse object type that inbound rules project a connector-space object type to, for one
 * connector (from the rules' target types), or null when no rule says.
 */
export type MvObjectTypeResolver = (connectorId: string | null, csObjectType: string) => string | null

/** What the computed metaverse needs of a linked connector-space object. */
export interface LinkedCsObject {
  readonly id: string
  readonly dn: string
  readonly connectorId: string | null
  readonly connectorName: string | null
  readonly objectType: string
  readonly mvLink: MvLink
}

/** The linked connector-space objects of a store, as the computed metaverse reads them. */
export interface LinkedCsSource {
  /** Number of connector-space rows. */
  readonly csRowCount: number
  /** The row's object when it links to a metaverse object, else null. */
  linkedCsAt(row: number): LinkedCsObject | null
  /** The rows linked to the same metaverse id as this row, ascending; empty when it has no link. */
  linkGroupOf(row: number): readonly number[]
}

/**
 * Builds the metaverse from connector-space links, for snapshots without a metaverse export: the
 * objects whose link points to one metaverse id form one metaverse object, in the order of their
 * first connector-space object. Attributes stay empty; the engine computes them from the rules.
 * Returns the number of objects added.
 */
export function computeMetaverse(
  source: LinkedCsSource,
  resolveType: MvObjectTypeResolver,
  add: (object: MvObject) => void,
): number {
  let added = 0
  for (let row = 0; row < source.csRowCount; row += 1) {
    const rows = source.linkGroupOf(row)
    if (rows[0] !== row) continue
    const linked: LinkedCsObject[] = []
    for (const linkedRow of rows) {
      const object = source.linkedCsAt(linkedRow)
      if (object !== null) linked.push(object)
    }
    const first = linked[0]
    if (first === undefined) continue
    add(computedMvObject(first.mvLink.mvObjectId, linked, resolveType))
    added += 1
  }
  return added
}

/** One computed metaverse object from the connector-space objects linked to it (at least one). */
export function computedMvObject(
  mvObjectId: string,
  linked: readonly LinkedCsObject[],
  resolveType: MvObjectTypeResolver,
): MvObject {
  return {
    id: mvObjectId,
    objectType: computedObjectType(linked, resolveType),
    attributes: [],
    connections: linked.map((object): MvConnection => ({
      csId: object.id,
      csDn: object.dn,
      connectorId: object.connectorId,
      connectorName: object.connectorName,
      lineageId: object.mvLink.lineageId,
      lineageType: object.mvLink.lineageType,
      lineageTime: object.mvLink.lineageTime,
    })),
  }
}

/**
 * The projecting object decides the type (its projection rule created the metaverse object); then
 * the first object whose type a rule maps; then the first object's own type.
 */
function computedObjectType(linked: readonly LinkedCsObject[], resolveType: MvObjectTypeResolver): string {
  const projecting = linked.filter((object) => /project/i.test(object.mvLink.lineageType ?? ''))
  for (const object of [...projecting, ...linked]) {
    const type = resolveType(object.connectorId, object.objectType)
    if (type !== null) return type
  }
  return projecting[0]?.objectType ?? linked[0]?.objectType ?? ''
}
