import type { Connector } from '../model/connector'
import type { SchemaAttribute } from '../model/schema'
import { normalizeGuid } from '../model/connector'
import type { CsObject } from '../model/objects'
import type { AttributeFlow } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { type AttributeBag, entryBag, lowerName } from './attribute-bag'
import type { RuleIndex } from './rule-index'

/** One reference value an outbound flow computes, and the DN it has in the target connector space. */
export interface TargetReference {
  /** The computed value: a metaverse object id (or, in a metaverse computed from links, a source DN). */
  readonly value: string
  /** The DN of the referenced object in the target connector space; null when it has none there. */
  readonly dn: string | null
}

const GUID =
  /^(?:\{([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\}|([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}))$/i

const schemaIndexes = new WeakMap<Connector, ReadonlyMap<string, SchemaAttribute>>()

/** A connector's schema attributes by lower-cased name, built once per connector. */
function schemaAttributes(connector: Connector): ReadonlyMap<string, SchemaAttribute> {
  let byName = schemaIndexes.get(connector)
  if (!byName) {
    byName = new Map(connector.schema.attributes.map((attribute) => [lowerName(attribute.name), attribute]))
    schemaIndexes.set(connector, byName)
  }
  return byName
}

/**
 * True when an outbound flow to `attribute` carries references: the target object or the connector
 * schema types the attribute as a reference, or a Direct flow copies a metaverse reference.
 */
export function isReferenceAttribute(
  attribute: string,
  flows: readonly AttributeFlow[],
  source: AttributeBag,
  target: CsObject | null,
  connector: Connector | null,
): boolean {
  const wanted = lowerName(attribute)
  if (target && entryBag(target.synchronized).get(attribute)?.type === 'Reference') return true
  const staged = [target?.unappliedExport, target?.unconfirmedExport].flatMap(
    (delta) => delta?.attributes ?? [],
  )
  if (staged.some((change) => lowerName(change.name) === wanted && change.type === 'Reference')) return true
  const schema = connector ? schemaAttributes(connector).get(wanted) : undefined
  if (schema?.syntax === 'Reference') return true
  return flows.some((flow) => {
    const [only] = flow.sources
    return flow.flowType === 'Direct' && only !== undefined && source.get(only)?.type === 'Reference'
  })
}

/**
 * Maps computed reference values to the DNs their objects have in one target connector space, as
 * the sync engine does on export: a metaverse reference names a metaverse object, the connector space
 * holds the DN of that object's connector there.
 */
export function targetReferences(
  values: readonly string[],
  connectorId: string,
  index: ObjectIndex,
  ruleIndex: RuleIndex,
): readonly TargetReference[] {
  return values.map((value) => ({ value, dn: targetDn(value, connectorId, index, ruleIndex) }))
}

function targetDn(
  value: string,
  connectorId: string,
  index: ObjectIndex,
  ruleIndex: RuleIndex,
): string | null {
  const guid = GUID.exec(value.trim())
  const id = guid?.[1] ?? guid?.[2]
  if (id !== undefined) return dnOfMvObject(id.toLowerCase(), connectorId, index, ruleIndex)
  // A metaverse computed from links holds a source DN where an exported one holds an id.
  const inTarget = index.csObjectByDn(connectorId, value)
  if (inTarget) return inTarget.dn
  const linked = index.csObjectsByDn(value).find((object) => object.mvLink !== null)
  return linked?.mvLink
    ? dnOfMvObject(normalizeGuid(linked.mvLink.mvObjectId), connectorId, index, ruleIndex)
    : null
}

function dnOfMvObject(
  mvId: string,
  connectorId: string,
  index: ObjectIndex,
  ruleIndex: RuleIndex,
): string | null {
  // The DN straight from the index when it can give it: building every object of each referenced metaverse
  // object (a manager's, each member's) only to read one DN was a fifth of a whole-snapshot check.
  const fromIndex = index.connectedDns?.(mvId).find((linked) => linked.connectorId === connectorId)
  if (fromIndex) return fromIndex.dn
  const connected = index
    .connectedCsObjects(mvId)
    .find((object) => (ruleIndex.connectorOf(object)?.id ?? object.connectorId) === connectorId)
  if (connected) return connected.dn
  // The metaverse export also lists connections in connector spaces the snapshot may not hold.
  const listed = index
    .mvObject(mvId)
    ?.connections.find((connection) => normalizeGuid(connection.connectorId ?? '') === connectorId)
  return listed?.csDn ?? null
}

/**
 * True when the target holds exactly the resolvable references (DNs compare case-insensitively).
 * When some references are unavailable in the target, the snapshot cannot say what the target holds
 * for them, so only the resolvable ones must be present.
 */
export function referencesHeld(references: readonly TargetReference[], held: readonly string[]): boolean {
  const wanted = references.flatMap((reference) => (reference.dn === null ? [] : [reference.dn]))
  const unavailable = wanted.length < references.length
  if (!unavailable && wanted.length !== held.length) return false
  const counts = new Map<string, number>()
  for (const dn of held) counts.set(dnKey(dn), (counts.get(dnKey(dn)) ?? 0) + 1)
  for (const dn of wanted) {
    const count = counts.get(dnKey(dn)) ?? 0
    if (count === 0) return false
    counts.set(dnKey(dn), count - 1)
  }
  return true
}

function dnKey(dn: string): string {
  return dn.trim().toLowerCase()
}

/** One reference an inbound flow reads that cannot become a metaverse reference, and why. */
export interface UnresolvedReference {
  readonly dn: string
  readonly reason: 'not-in-connector-space' | 'not-connected'
}

/**
 * The references of a Direct inbound flow of a reference attribute (manager, member, ...) that the sync
 * engine cannot turn into metaverse references: the referenced DN has no object in the same connector space,
 * or its object is joined to no metaverse object. Those values are left out of the metaverse, so the
 * reference stays empty there and in every target.
 */
export function unresolvedInboundReferences(
  attribute: string,
  csObject: CsObject,
  connectorId: string,
  index: ObjectIndex,
): readonly UnresolvedReference[] {
  const held = entryBag(csObject.synchronized ?? csObject.pendingImportHologram, csObject.dn).get(attribute)
  if (!held || held.type !== 'Reference') return []
  const unresolved: UnresolvedReference[] = []
  for (const dn of held.values) {
    const referenced = index.csObjectByDn(connectorId, dn)
    if (!referenced) unresolved.push({ dn, reason: 'not-in-connector-space' })
    else if (!referenced.mvLink) unresolved.push({ dn, reason: 'not-connected' })
  }
  return unresolved
}

/** One sentence on the unresolved references of an attribute. */
export function unresolvedReferenceText(
  attribute: string,
  unresolved: readonly UnresolvedReference[],
): string {
  const parts = unresolved.map((reference) =>
    reference.reason === 'not-in-connector-space'
      ? `${reference.dn} is not in the connector space (filtered out or outside the OU filter)`
      : `${reference.dn} is in the connector space but joined to no metaverse object`,
  )
  return `${attribute} refers to objects the sync engine cannot resolve: ${parts.join('; ')}. The reference stays empty in the metaverse and in Entra ID.`
}
