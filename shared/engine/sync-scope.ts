/**
 * How connector-space objects enter and leave synchronization, beyond attribute flow: the container filter
 * (OU_FILTERED), a joined object that no join or provisioning rule has in scope any more (OUT_OF_SYNC_SCOPE:
 * the next synchronization disconnects it; docs/ENGINE.md, Sync scope), and an imported change that waits for the
 * next synchronization (PENDING_IMPORT).
 */
import type { CsObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import type { ScopeClause } from '../model/sync-rule'
import { entryBag, lowerName } from './attribute-bag'
import { containerVerdict, containerVerdictText } from './container-filter'
import { type ImportFlowResult, inboundSource } from './import-flow'
import type { RuleIndex } from './rule-index'
import { type RuleRef, ruleLabel } from './rule-text'
import { connectorSpaceMembership, evaluateScope, firstFailingClause, scopeFailureText } from './scoping'
import { describeValues } from './value-compare'

/** Why an object in a connector space lies outside the connector's filter; null when it lies inside. */
export function ouFilterText(csObject: CsObject, ruleIndex: RuleIndex): string | null {
  const connector = ruleIndex.connectorOf(csObject)
  if (!connector) return null
  const text = containerVerdictText(connector, containerVerdict(connector, csObject.dn, csObject.objectType))
  if (text === null) return null
  return `${text} The object is still in the connector space from an earlier import; the next full import removes it, the synchronization disconnects it, and the export deletes what it provisioned.`
}

/**
 * Whether a connector-space object keeps its metaverse object alive: the metaverse object stays while one of its
 * connected objects is in scope of an enabled inbound rule of link type Provision or StickyJoin (docs/ENGINE.md,
 * Sync scope). A source reached only through Join rules does not hold it.
 */
function keepsMetaverseObject(csObject: CsObject, index: ObjectIndex, ruleIndex: RuleIndex): boolean {
  const connector = ruleIndex.connectorOf(csObject)
  if (connector === null) return false
  const holders = ruleIndex
    .inbound(connector.id, csObject.objectType)
    .filter((rule) => !rule.disabled && (rule.linkType === 'Provision' || rule.linkType === 'StickyJoin'))
  if (holders.length === 0) return false
  const source = inboundSource(csObject)
  const membership = connectorSpaceMembership(index, connector.id, csObject.dn)
  return holders.some((rule) => evaluateScope(rule.scopeGroups, source, membership).inScope)
}

/** A joined object that leaves synchronization at the next run, and what that takes with it. */
export interface SyncScopeExit {
  /** The join or provisioning rule named in the message (the first, in precedence order). */
  readonly rule: RuleRef
  readonly clause: ScopeClause | null
  readonly message: string
}

/**
 * The exit of a joined object from sync scope: every enabled rule of its connector and type that joins or
 * provisions has it out of scope. Null when one still has it, or when the connector has no such rule.
 */
export function syncScopeExit(
  flow: ImportFlowResult,
  csObject: CsObject,
  index: ObjectIndex,
  ruleIndex: RuleIndex,
): SyncScopeExit | null {
  if (flow.link.kind !== 'joined') return null
  const gates = flow.rules.filter((entry) => {
    if (entry.disabled) return false
    const rule = ruleIndex.rule(entry.rule.id)
    return entry.linkType === 'Provision' || (rule?.joinGroups.length ?? 0) > 0
  })
  const [first] = gates
  if (!first || gates.some((entry) => entry.scope.inScope)) return null
  const mvObjectId = flow.link.mvObjectId
  const others = index.connectedCsObjects(mvObjectId).filter((object) => object.id !== csObject.id)
  const otherSource = others.some((object) => keepsMetaverseObject(object, index, ruleIndex))
  const removed = flow.rows
    .filter((row) => row.winner && row.status === 'contributes' && row.computed.kind === 'value')
    .map(
      (row) =>
        `${row.mvAttribute} = ${describeValues(row.computed.kind === 'value' ? row.computed.values : [])}`,
    )
  const listed = removed.length > 6 ? [...removed.slice(0, 6), `and ${removed.length - 6} more`] : removed
  const consequence = otherSource
    ? 'the next synchronization disconnects it from the metaverse object, which keeps its other sources'
    : 'the next synchronization disconnects it; it was the last source of its metaverse object, so the metaverse object is deleted and the export deletes its objects in the target directories (Entra ID)'
  const values = listed.length > 0 ? ` The values it contributes go with it: ${listed.join('; ')}.` : ''
  return {
    rule: first.rule,
    clause: firstFailingClause(first.scope),
    message: `The object is joined, but no join or provisioning rule has it in scope any more (${ruleLabel(first.rule)}: ${scopeFailureText(first.scope)}): ${consequence}.${values}`,
  }
}

/** An imported change of one attribute that no synchronization has applied yet; null when there is none. */
export function pendingImportOf(
  csObject: CsObject,
  attribute: string,
): { readonly synchronized: readonly string[]; readonly pending: readonly string[] } | null {
  const delta = csObject.pendingImport
  if (!delta) return null
  const wanted = lowerName(attribute)
  const change = delta.attributes.find((candidate) => lowerName(candidate.name) === wanted)
  if (!change) return null
  const synchronized = entryBag(csObject.synchronized, csObject.dn).values(attribute)
  const pending = csObject.pendingImportHologram
    ? entryBag(csObject.pendingImportHologram, csObject.dn).values(attribute)
    : change.operation === 'delete'
      ? []
      : change.values.filter((value) => value.operation !== 'delete').map((value) => value.value)
  return { synchronized, pending }
}

/** The names of the attributes a pending import changes. */
export function pendingImportNames(csObject: CsObject): readonly string[] {
  return csObject.pendingImport?.attributes.map((change) => change.name) ?? []
}
