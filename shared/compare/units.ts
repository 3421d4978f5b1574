import type { AttributeType, CsObject, MvAttribute, MvObject } from '../model/objects'
import type { ObjectStore } from '../store/object-store'
import type { Side } from './compare-model'
import type { ConnectorPairing } from './connector-match'
import { dnKey } from './names'

/** What the impact compares: a metaverse object with its connected objects, or a connector-space object without a link. */
export type UnitRef =
  | {
      readonly kind: 'linked'
      readonly key: string
      readonly mvRow: number
      readonly csRows: readonly number[]
    }
  | { readonly kind: 'unlinked'; readonly key: string; readonly csRow: number }

/** The units of one snapshot, by key. */
export interface SideUnits {
  readonly units: readonly UnitRef[]
  readonly byKey: ReadonlyMap<string, UnitRef>
}

/** How the units of one snapshot are keyed and which connector receives the export. */
export interface UnitKeying {
  readonly store: ObjectStore
  readonly side: Side
  readonly pairing: ConnectorPairing
  /** The Entra ID connector's id in this store; its objects are targets, never sources. */
  readonly targetConnectorId: string | null
  /** Also list connector-space objects without a link (they may join or project under the other configuration). */
  readonly unlinked: boolean
}

/**
 * The key a connector is known by in both snapshots: its pair's position, so a renamed connector (or one with
 * another id on the other server) has one key; a connector without a partner keeps a key of its own side.
 */
export function pairedConnectorKey(
  pairing: ConnectorPairing,
  side: Side,
  connectorId: string | null,
): string {
  const pair =
    connectorId === null ? null : side === 'a' ? pairing.ofA(connectorId) : pairing.ofB(connectorId)
  const index = pair === null ? -1 : pairing.pairs.indexOf(pair)
  return index >= 0 ? `c${index}` : `${side}:${connectorId ?? ''}`
}

/**
 * The key an object is matched by across snapshots: its connector (paired, so a renamed connector keeps its
 * objects) and its anchor, or its DN when it has no anchor.
 */
export function csKey(
  keying: UnitKeying,
  connectorId: string | null,
  anchor: string | null,
  dn: string,
): string {
  const connector = pairedConnectorKey(keying.pairing, keying.side, connectorId)
  return anchor !== null && anchor !== '' ? `${connector}|anchor:${anchor}` : `${connector}|dn:${dnKey(dn)}`
}

/** The key of a connector-space object. */
export function objectKey(keying: UnitKeying, object: CsObject): string {
  return csKey(keying, object.connectorId, object.anchor, object.dn)
}

function rowKey(keying: UnitKeying, row: number): string {
  const rows = keying.store.csRows
  return csKey(keying, keying.store.csConnectorIdAt(row), rows.anchor(row), rows.dns.get(row))
}

/**
 * Lists the units of a snapshot: every metaverse object, keyed by its first source object (by connector
 * pair, then DN), and, when asked, every source connector-space object without a link.
 */
export function sideUnits(keying: UnitKeying): SideUnits {
  const { store } = keying
  const units: UnitRef[] = []
  const byKey = new Map<string, UnitRef>()
  const linked = new Uint8Array(store.csRowCount)
  const add = (unit: UnitRef): void => {
    if (byKey.has(unit.key)) return
    byKey.set(unit.key, unit)
    units.push(unit)
  }
  for (let mvRow = 0; mvRow < store.mvRowCount; mvRow += 1) {
    const mvId = store.mvIdAt(mvRow)
    const csRows = store.csRowsLinkedTo(mvId)
    let key: string | null = null
    let keyRank = ''
    for (const row of csRows) {
      linked[row] = 1
      const connectorId = store.csConnectorIdAt(row)
      const candidate = rowKey(keying, row)
      // Source objects before the target's, then by key: the same object is chosen on both sides.
      const rank = `${connectorId !== null && connectorId === keying.targetConnectorId ? 1 : 0}${candidate}`
      if (key === null || rank < keyRank) {
        key = candidate
        keyRank = rank
      }
    }
    add({ kind: 'linked', key: key ?? `mv:${mvId}`, mvRow, csRows })
  }
  if (keying.unlinked) {
    for (let row = 0; row < store.csRowCount; row += 1) {
      if (linked[row] === 1) continue
      const connectorId = store.csConnectorIdAt(row)
      if (connectorId === null || connectorId === keying.targetConnectorId) continue
      add({ kind: 'unlinked', key: rowKey(keying, row), csRow: row })
    }
  }
  return { units, byKey }
}

/** Metaverse attribute names to read, with the type each has in the metaverse schema. */
export interface MvAttributeSelection {
  readonly names: readonly string[]
  readonly typeOf: (name: string) => AttributeType
}

/**
 * The objects of a linked unit. With a selection, the metaverse object holds only those attributes, read
 * from the store's columns: building every attribute with its lineage costs more than evaluating the few
 * flows a configuration difference touches.
 */
export function linkedObjects(
  store: ObjectStore,
  unit: UnitRef & { kind: 'linked' },
  selection: MvAttributeSelection | null,
): { readonly mvObject: MvObject; readonly connected: readonly CsObject[] } {
  const connected = unit.csRows.map((row) => store.csObjectAt(row))
  if (selection === null) return { mvObject: store.mvObjectAt(unit.mvRow), connected }
  const attributes: MvAttribute[] = []
  for (const name of selection.names) {
    const values = store.mvColumn(name)?.valuesOf(unit.mvRow) ?? []
    if (values.length === 0) continue
    attributes.push({
      name,
      type: selection.typeOf(name),
      multiValued: values.length > 1,
      values,
      lineage: [],
    })
  }
  return {
    mvObject: {
      id: store.mvIdAt(unit.mvRow),
      objectType: store.mvObjectTypeAt(unit.mvRow),
      attributes,
      connections: [],
    },
    connected,
  }
}
