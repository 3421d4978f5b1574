/**
 * What the sync service made of one AD object: its metaverse object (with the rule behind each
 * value) and its Entra ID connector-space object, including a staged or refused export.
 *
 * The order follows a real history: the object was created from `before` (Apply Once mappings ran
 * then), synchronized again with the current values (unless the case says no synchronization ran,
 * or the run failed with an error), and exported (unless the case says the export is pending or
 * was refused, in which case Entra ID still holds what the previous values produced).
 */
import { type Attributes, sameList, valuesOf } from '../attributes'
import type { AdObject } from '../directory/ad-object'
import { inboundRules, outboundRules } from '../rules/training-rules'
import type { RuleSpec } from '../rules/rule-spec'
import { type Contributions, resolve, type RuleInput, valuesOnly } from './resolve'
import { inScope } from './scope'

/** The Entra ID object types of each AD object class that synchronizes. */
const AAD_OBJECT_TYPE: Readonly<Record<string, string>> = { user: 'user', group: 'group', contact: 'contact' }

/** An export staged in the Entra ID connector space. */
export interface PendingExport {
  /** The object as it will be after the export. */
  readonly hologram: Attributes
  /** The attributes the export changes. */
  readonly changed: readonly string[]
}

/** The Entra ID connector-space object. */
export interface AadObject {
  readonly objectType: string
  readonly dn: string
  /** What Entra ID confirmed: the values after the last export, plus the values the cloud owns. */
  readonly synchronized: Attributes
  readonly pending: PendingExport | null
  /** The rule that provisioned it (its lineage). */
  readonly provisionedBy: RuleSpec
}

/** The metaverse object and the Entra ID object of one AD object; null where there is none. */
export interface SyncedObject {
  readonly metaverseType: string | null
  /** The rule that projected the object into the metaverse. */
  readonly projectedBy: RuleSpec | null
  readonly metaverse: Contributions | null
  readonly aad: AadObject | null
}

const NOT_SYNCHRONIZED: SyncedObject = { metaverseType: null, projectedBy: null, metaverse: null, aad: null }

function resolved(
  inputs: readonly RuleInput[],
  creating: boolean,
  existing: Contributions | null,
): Contributions | null {
  const result = resolve(inputs, { creating, existing })
  return result.ok ? result.attributes : null
}

/** Values Entra ID owns: the cloud anchor, the cloud-mastered flag and the usage location set in the portal. */
function cloudValues(object: AdObject, aadType: string): Map<string, readonly string[]> {
  const prefix = aadType.charAt(0).toUpperCase() + aadType.slice(1)
  const values = new Map<string, readonly string[]>([
    ['cloudAnchor', [`${prefix}_${object.ids.cloudObjectId}`]],
    ['cloudMastered', ['false']],
  ])
  if (object.cloud.usageLocation !== null) values.set('usageLocation', [object.cloud.usageLocation])
  return values
}

/** The Entra ID values the outbound rules produce from a metaverse object (the DN separately). */
function exported(
  rules: readonly RuleSpec[],
  metaverse: Contributions,
): { dn: string; values: Map<string, readonly string[]> } {
  const result = resolved([{ rules, source: valuesOnly(metaverse) }], false, null)
  const values = new Map(result === null ? [] : valuesOnly(result))
  const dn = values.get('dn')?.[0] ?? ''
  values.delete('dn')
  return { dn, values }
}

function merged(...parts: readonly Attributes[]): Map<string, readonly string[]> {
  const result = new Map<string, readonly string[]>()
  for (const part of parts) for (const [name, values] of part) result.set(name, values)
  return result
}

/** The rule that projected the object into the metaverse, or null for a disconnector. */
export function projectingRule(object: AdObject): RuleSpec | null {
  const rule = inboundRules('ad', object.objectClass).find(
    (candidate) => candidate.linkType === 'Provision' && !candidate.disabled,
  )
  return rule !== undefined && inScope(rule.scope, object.before ?? object.attributes) ? rule : null
}

/** Synchronizes one AD object. */
export function synchronize(object: AdObject): SyncedObject {
  const adRules = inboundRules('ad', object.objectClass)
  const projecting = projectingRule(object)
  const before = object.before ?? object.attributes
  if (projecting === null) return NOT_SYNCHRONIZED
  const metaverseType = projecting.targetObjectType
  const created = resolved([{ rules: adRules, source: before }], true, null)
  if (created === null) return NOT_SYNCHRONIZED
  // A failed run changes nothing, and a run that did not happen neither: the metaverse shows `before`.
  const current = object.history.metaverseStale
    ? null
    : resolved([{ rules: adRules, source: object.attributes }], false, created)
  const adSource = current === null ? before : object.attributes
  const adOnly = current ?? created

  const aadType = AAD_OBJECT_TYPE[object.objectClass]
  const outbound = aadType === undefined ? [] : outboundRules(metaverseType, aadType)
  const provisioning = outbound.find((rule) => rule.linkType === 'Provision' && !rule.disabled)
  if (aadType === undefined || !provisioning || !inScope(provisioning.scope, valuesOnly(adOnly))) {
    return { metaverseType, projectedBy: projecting, metaverse: adOnly, aad: null }
  }
  const cloud = cloudValues(object, aadType)
  // The inbound rules from Entra ID read the cloud values and what was exported: the anchor and the account state.
  const imported = merged(cloud, new Map([['sourceAnchor', valuesOf(valuesOnly(adOnly), 'sourceAnchor')]]))
  if (aadType === 'user') imported.set('accountEnabled', valuesOf(valuesOnly(adOnly), 'accountEnabled'))
  const aadInput: RuleInput = { rules: inboundRules('aad', aadType), source: imported }
  const metaverse = resolved([{ rules: adRules, source: adSource }, aadInput], false, created) ?? adOnly
  const previous =
    object.history.export === 'exported'
      ? metaverse
      : (resolved([{ rules: adRules, source: before }, aadInput], false, created) ?? metaverse)
  const confirmed = exported(outbound, previous)
  const synchronized = merged(confirmed.values, cloud)
  let pending: PendingExport | null = null
  if (object.history.export !== 'exported') {
    const next = merged(exported(outbound, metaverse).values, cloud)
    const names = new Set([...synchronized.keys(), ...next.keys()])
    const changed = [...names].filter((name) => !sameList(valuesOf(synchronized, name), valuesOf(next, name)))
    if (changed.length > 0) pending = { hologram: next, changed: changed.sort() }
  }
  return {
    metaverseType,
    projectedBy: projecting,
    metaverse,
    aad: { objectType: aadType, dn: confirmed.dn, synchronized, pending, provisionedBy: provisioning },
  }
}
