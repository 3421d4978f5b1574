import type { Connector } from '../model/connector'
import type { CsObject, MvObject } from '../model/objects'
import type { AttributeFlow, SyncRule } from '../model/sync-rule'
import type { ObjectIndex } from '../model/object-index'
import { entryBag, mvBag } from './attribute-bag'
import { computedMvObject, hasExportedMetaverse } from './computed-mv'
import { evaluateFlow, type FlowEvaluation, flowSourceValues, type SourceValues } from './flow-value'
import { importFlow } from './import-flow'
import { connectorParameters } from './parameters'
import type { RuleIndex } from './rule-index'
import { connectorSpaceMembership, evaluateScope, type ScopeResult } from './scoping'

/** What the rule pane shows for one flow of one object: the scope clauses with results and the evaluation trace. */
export interface FlowDetail {
  readonly rule: SyncRule
  /** The flow (null when the rule has no flow to that target, e.g. a join-only rule). */
  readonly flow: AttributeFlow | null
  readonly scope: ScopeResult
  readonly sourceValues: readonly SourceValues[]
  /** The computed outcome and, for expressions, every step of the evaluation; null without a flow. */
  readonly evaluation: FlowEvaluation | null
  /** Parameters the evaluation could read (`Domain.FQDN`, ...), for display. */
  readonly parameters: readonly (readonly [string, string])[]
}

/** What `flowDetail` needs: the rule, the target attribute and the object the flow reads. */
export interface FlowDetailInput {
  readonly rule: SyncRule
  readonly target: string | null
  readonly connectors: readonly Connector[]
  readonly index: ObjectIndex
  readonly ruleIndex: RuleIndex
  /** The connector-space object (inbound rules). */
  readonly csObject?: CsObject | null
  /** The metaverse object (outbound rules). */
  readonly mvObject?: MvObject | null
}

/**
 * Evaluates one rule for one object with a trace: inbound rules read the connector-space object's
 * synchronized hologram, outbound rules the metaverse object (computed from the rules when the
 * snapshot has no metaverse export).
 */
export function flowDetail(input: FlowDetailInput): FlowDetail | null {
  const { rule } = input
  const flow =
    input.target === null
      ? null
      : (rule.flows.find((f) => f.target.toLowerCase() === input.target?.toLowerCase()) ?? null)
  if (rule.direction === 'Inbound') {
    const csObject = input.csObject
    if (!csObject) return null
    const source = entryBag(csObject.synchronized, csObject.dn)
    const connector = input.connectors.find((c) => c.id === rule.connectorId)
    const parameters = connector ? connectorParameters(connector, csObject.dn) : null
    const scope = evaluateScope(
      rule.scopeGroups,
      source,
      connectorSpaceMembership(input.index, rule.connectorId, csObject.dn),
    )
    return {
      rule,
      flow,
      scope,
      sourceValues: flow ? flowSourceValues(flow, source) : [],
      evaluation: flow
        ? evaluateFlow(flow, { source, parameter: (name) => parameters?.get(name) }, undefined, true)
        : null,
      parameters: parameters?.entries ?? [],
    }
  }
  const exported = input.mvObject ?? null
  if (!exported) return null
  const { ruleIndex, index } = input
  // Without an exported metaverse, outbound rules read what the inbound rules compute now.
  const mvObject = hasExportedMetaverse(index)
    ? exported
    : computedMvObject(
        index.connectedCsObjects(exported.id).map((object) => importFlow(object, { ruleIndex, index })),
        ruleIndex,
        exported,
      )
  const source = mvBag(mvObject)
  const target = input.index
    .connectedCsObjects(mvObject.id)
    .find((object) => object.connectorId === rule.connectorId)
  const imported = target ? entryBag(target.synchronized, target.dn) : undefined
  const scope = evaluateScope(rule.scopeGroups, source)
  return {
    rule,
    flow,
    scope,
    sourceValues: flow ? flowSourceValues(flow, source) : [],
    evaluation: flow
      ? evaluateFlow(flow, { source, imported, parameter: () => undefined }, undefined, true)
      : null,
    parameters: [],
  }
}
