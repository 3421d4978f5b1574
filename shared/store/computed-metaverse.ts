/**
 * The metaverse object type that inbound rules project a connector-space object type to, for one
 * connector (from the rules' target types), or null when no rule says.
 */
export type MvObjectTypeResolver = (connectorId: string | null, csObjectType: string) => string | null

/** The linked connector-space rows of a store, as the computed metaverse reads them. */
export interface LinkedCsSource {
  /** Number of connector-space rows. */
  readonly csRowCount: number
  /** Whether the row links to a metaverse object. */
  hasLink(row: number): boolean
  /** The rows linked to the same metaverse id as this row, ascending; empty when it has no link. */
  linkGroupOf(row: number): readonly number[]
  /** Whether the row's link came from a projection (its rule created the metaverse object). */
  isProjecting(row: number): boolean
  /** The metaverse object type the rules give the row's object type on its connector, or null. */
  ruleType(row: number): string | null
  /** The row's own object type. */
  objectType(row: number): string
}

/**
 * Builds the metaverse from connector-space links, for snapshots without a metaverse export: the rows whose link
 * points to one metaverse id form one metaverse object, in the order of their first row. `add` receives the
 * linked rows (at least one) and the object type. Returns the number of objects added.
 */
export function computeMetaverse(
  source: LinkedCsSource,
  add: (rows: readonly number[], objectType: string) => void,
): number {
  let added = 0
  for (let row = 0; row < source.csRowCount; row += 1) {
    const group = source.linkGroupOf(row)
    if (group[0] !== row) continue
    const linked = group.filter((linkedRow) => source.hasLink(linkedRow))
    if (linked.length === 0) continue
    add(linked, computedObjectType(linked, source))
    added += 1
  }
  return added
}

/**
 * The projecting object decides the type (its projection rule created the metaverse object); then
 * the first object whose type a rule maps; then the first object's own type.
 */
function computedObjectType(linked: readonly number[], source: LinkedCsSource): string {
  const projecting = linked.filter((row) => source.isProjecting(row))
  for (const row of [...projecting, ...linked]) {
    const type = source.ruleType(row)
    if (type !== null) return type
  }
  const first = projecting[0] ?? linked[0]
  return first === undefined ? '' : source.objectType(first)
}
