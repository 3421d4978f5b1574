import { isLinkingRule, type MvAttributeLookup } from '../engine/join'
import { buildRuleIndex, type RuleIndex } from '../engine/rule-index'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { AAD_CONNECTOR_ID, type Connector } from '../model/connector'
import type { CsObject } from '../model/objects'
import type { SyncRule } from '../model/sync-rule'
import type { ObjectStore } from '../store/object-store'
import { mvIdsWithValue } from '../store/mv-lookup'
import type { ImpactScope } from './affected'
import { outsideConnectorFilter } from './connector-filter'
import { nameKey } from './names'

/** One configuration applied to one snapshot's objects: what evaluating an object needs. */
export interface EvaluationSide {
  /** `A` or `B`: whose configuration this is, for the sentences of the results. */
  readonly label: string
  readonly store: ObjectStore
  /** The configuration, in the store's connector ids. */
  readonly configuration: ServerConfiguration
  /** Every rule and flow. */
  readonly full: RuleIndex
  /** The join and provisioning rules, and only the flows the impact scope names. */
  readonly scoped: RuleIndex
  /** The Entra ID connector's id in the store, null when the configuration has none. */
  readonly targetConnectorId: string | null
  /** Why an object lies outside its connector's filters under this configuration, null when inside. */
  readonly outsideFilter: (csObject: CsObject) => string | null
  /** The object as this configuration imports it: without the source attributes it does not select. */
  readonly imported: (csObject: CsObject) => CsObject
  /** Whether the store's metaverse values were exported (else the rules recompute them). */
  readonly exportedMetaverse: boolean
  readonly mvLookup: MvAttributeLookup
  /** The key of a connector of the store that is the same for its partner in the other snapshot. */
  readonly connectorKey: (connectorId: string | null) => string
  readonly now: () => Date
}

/** What building a side needs. */
export interface SideInput {
  readonly label: string
  readonly store: ObjectStore
  /** This side's configuration, in the store's connector ids. */
  readonly configuration: ServerConfiguration
  /** The other configuration, in the same ids (for which filters and selections differ). */
  readonly other: ServerConfiguration
  readonly scope: ImpactScope
  /** The key of a store's connector that its partner in the other snapshot shares. */
  readonly connectorKey: (connectorId: string | null) => string
  readonly now: () => Date
}

/** Builds the evaluation of one configuration on one snapshot's objects. */
export function evaluationSide(input: SideInput): EvaluationSide {
  const { configuration, other, scope, store } = input
  const exportedMetaverse = store.metaverseSource === 'exported'
  const targetConnectorId =
    configuration.connectors.find((connector) => connector.type === 'AAD')?.id ??
    (configuration.rules.some((rule) => rule.connectorId === AAD_CONNECTOR_ID) ? AAD_CONNECTOR_ID : null)
  const otherById = new Map(other.connectors.map((connector) => [connector.id, connector]))
  const filtered = new Map<string, Connector>()
  const hidden = new Map<string, ReadonlySet<string>>()
  for (const connector of configuration.connectors) {
    const partner = otherById.get(connector.id)
    if (!partner || connector.type === 'AAD') continue
    if (JSON.stringify(connector.partitions) !== JSON.stringify(partner.partitions))
      filtered.set(connector.id, connector)
    const own = new Set(connector.selectedAttributes.map(nameKey))
    const missing = partner.selectedAttributes.map(nameKey).filter((name) => !own.has(name))
    if (own.size > 0 && missing.length > 0) hidden.set(connector.id, new Set(missing))
  }
  return {
    label: input.label,
    store,
    configuration,
    full: buildRuleIndex(configuration.rules, configuration.connectors),
    scoped: buildRuleIndex(
      scopedRules(configuration, scope, targetConnectorId, exportedMetaverse),
      configuration.connectors,
    ),
    targetConnectorId,
    outsideFilter: (csObject) => {
      const connector = csObject.connectorId === null ? undefined : filtered.get(csObject.connectorId)
      return connector ? outsideConnectorFilter(connector, csObject.dn, csObject.objectType) : null
    },
    imported: (csObject) => {
      const names = csObject.connectorId === null ? undefined : hidden.get(csObject.connectorId)
      const entry = csObject.synchronized
      if (!names || !entry) return csObject
      const attributes = entry.attributes.filter((attribute) => !names.has(nameKey(attribute.name)))
      return attributes.length === entry.attributes.length
        ? csObject
        : { ...csObject, synchronized: { ...entry, attributes } }
    },
    exportedMetaverse,
    mvLookup: (attribute, value) => mvIdsWithValue(store, attribute, value),
    connectorKey: input.connectorKey,
    now: input.now,
  }
}

/**
 * The rules cut down to what the impact scope needs: every join and provisioning rule (whether an object
 * is linked, projected or provisioned is always evaluated), inbound flows to the affected metaverse
 * attributes (all of them when the metaverse was not exported: outbound rules then read what inbound
 * rules compute), and outbound flows to the affected Entra ID attributes.
 */
function scopedRules(
  configuration: ServerConfiguration,
  scope: ImpactScope,
  targetConnectorId: string | null,
  exportedMetaverse: boolean,
): SyncRule[] {
  const kept: SyncRule[] = []
  for (const rule of configuration.rules) {
    let flows: SyncRule['flows']
    if (rule.direction === 'Inbound') {
      flows = exportedMetaverse
        ? rule.flows.filter((flow) => scope.mvAttributes.has(nameKey(flow.target)))
        : rule.flows
    } else if (rule.connectorId === targetConnectorId) {
      flows = rule.flows.filter((flow) => scope.targetAttributes.has(nameKey(flow.target)))
    } else continue
    if (flows.length > 0 || isLinkingRule(rule)) kept.push(flows === rule.flows ? rule : { ...rule, flows })
  }
  return kept
}
