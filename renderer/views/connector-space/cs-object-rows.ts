import type { CsObject, Delta, Entry } from '../../../shared/model/objects'

/** Which staged change a row belongs to. */
export type ChangeKind = 'pending import' | 'unapplied export' | 'unconfirmed export' | 'escrowed export'

/** One attribute change of a staged delta, with the value the object holds now. */
export interface ChangeRow {
  readonly kind: ChangeKind
  readonly operation: string
  readonly attribute: string
  readonly oldValues: readonly string[]
  readonly newValues: readonly string[]
}

function heldValues(entry: Entry | null, name: string): readonly string[] {
  const wanted = name.toLowerCase()
  return entry?.attributes.find((attribute) => attribute.name.toLowerCase() === wanted)?.values ?? []
}

function deltaRows(kind: ChangeKind, delta: Delta | null, held: Entry | null): ChangeRow[] {
  if (!delta) return []
  if (delta.attributes.length === 0)
    return [
      {
        kind,
        operation: delta.operation,
        attribute: '(object)',
        oldValues: [],
        newValues: [delta.newDn ?? delta.dn],
      },
    ]
  return delta.attributes.map((change) => ({
    kind,
    operation: change.operation ?? delta.operation,
    attribute: change.name,
    oldValues: heldValues(held, change.name),
    newValues: change.values.map((value) =>
      value.operation === null ? value.value : `${value.operation}: ${value.value}`,
    ),
  }))
}

/**
 * Every staged change of a connector-space object, as Old Value / New Value rows: the pending import first, then
 * the unapplied, unconfirmed and escrowed exports. Old values are the synchronized hologram's.
 */
export function changeRows(object: CsObject): ChangeRow[] {
  const held = object.synchronized
  return [
    ...deltaRows('pending import', object.pendingImport, held),
    ...deltaRows('unapplied export', object.unappliedExport, held),
    ...deltaRows('unconfirmed export', object.unconfirmedExport, held),
    ...deltaRows('escrowed export', object.escrowedExport, held),
  ]
}
