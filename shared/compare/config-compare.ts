import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { Connector, ConnectorType } from '../model/connector'
import type { SyncRule } from '../model/sync-rule'
import type {
  ConfigurationComparison,
  ConnectorComparison,
  ConnectorFacts,
  Difference,
  RuleComparison,
  Side,
} from './compare-model'
import { cloneSource } from './clone-source'
import { connectorDifferences } from './connector-diff'
import { type ConnectorPairing, matchConnectors, matchNote } from './connector-match'
import { outOfBoxEdits, ruleFacts } from './out-of-box'
import { ruleDifferences, ruleSummary } from './rule-diff'
import { matchRules, type RulePair, sameConnectorOf } from './rule-match'
import { schemaDifferences, settingDifferences } from './schema-diff'

/** The configuration comparison with the pairings it was built on (the impact reuses them). */
export interface ConfigurationMatch {
  readonly comparison: ConfigurationComparison
  readonly connectors: ConnectorPairing
  readonly rules: readonly RulePair[]
  /** The differences of one rule pair (empty for an unchanged pair). */
  readonly differencesOf: (pair: RulePair) => readonly Difference[]
}

/**
 * Compares two servers' configurations: connectors, sync rules field by field, the metaverse schema and
 * the global settings, and flags out-of-box rules edited in place. Names compare case-insensitively, and
 * renamed connectors are paired, so neither a case change nor a rename shows up as rules added and removed.
 */
export function compareConfigurations(a: ServerConfiguration, b: ServerConfiguration): ConfigurationMatch {
  const pairing = matchConnectors(a.connectors, b.connectors)
  const connectors = pairing.pairs.map((pair): ConnectorComparison => ({
    a: pair.a ? connectorFacts(pair.a) : null,
    b: pair.b ? connectorFacts(pair.b) : null,
    matchedBy: pair.matchedBy,
    matchNote: matchNote(pair),
    differences: connectorDifferences(pair),
  }))
  const rulePairs = matchRules(a.rules, b.rules, pairing)
  const sameConnector = sameConnectorOf(pairing)
  const differences = new Map<RulePair, readonly Difference[]>()
  for (const pair of rulePairs) differences.set(pair, pairDifferences(pair, sameConnector))
  const differencesOf = (pair: RulePair): readonly Difference[] => differences.get(pair) ?? []
  const rules = rulePairs
    .filter((pair) => differencesOf(pair).length > 0)
    .map((pair): RuleComparison => ({
      direction: (pair.b ?? pair.a)?.direction ?? 'Inbound',
      a: pair.a ? ruleFacts(pair.a) : null,
      b: pair.b ? ruleFacts(pair.b) : null,
      matchedBy: pair.matchedBy,
      differences: differencesOf(pair),
      cloneOf: pair.a === null && pair.b !== null ? cloneSource(pair.b, a.rules, sameConnector) : null,
    }))
  const notes: string[] = []
  let schema: readonly Difference[] = []
  let settings: readonly Difference[] = []
  if (a.metaverse && b.metaverse) {
    schema = schemaDifferences(a.metaverse, b.metaverse)
    settings = settingDifferences(a.metaverse, b.metaverse)
  } else if (a.metaverse || b.metaverse) {
    notes.push(
      `${a.metaverse ? 'B' : 'A'} has no metaverse configuration (GlobalSettings/MV.xml), so the metaverse schema and global settings are not compared.`,
    )
  }
  const connectorTypes = (configuration: ServerConfiguration): Map<string, ConnectorType> =>
    new Map(configuration.connectors.map((connector: Connector) => [connector.id, connector.type]))
  const types: Record<Side, Map<string, ConnectorType>> = { a: connectorTypes(a), b: connectorTypes(b) }
  const outOfBox = outOfBoxEdits({
    pairs: rulePairs,
    differences: differencesOf,
    connectorType: (side, rule: SyncRule) => types[side].get(rule.connectorId) ?? null,
  })
  const differenceCount =
    connectors.reduce((sum, connector) => sum + connector.differences.length, 0) +
    rules.reduce((sum, rule) => sum + rule.differences.length, 0) +
    schema.length +
    settings.length
  return {
    comparison: {
      connectors,
      rules,
      unchangedRules: rulePairs.length - rules.length,
      schema,
      settings,
      outOfBoxEdits: outOfBox,
      notes,
      differenceCount,
    },
    connectors: pairing,
    rules: rulePairs,
    differencesOf,
  }
}

function connectorFacts(connector: Connector): ConnectorFacts {
  return { id: connector.id, name: connector.name, type: connector.type }
}

function pairDifferences(
  pair: RulePair,
  sameConnector: (a: SyncRule, b: SyncRule) => boolean,
): readonly Difference[] {
  const { a, b } = pair
  if (a && b) return ruleDifferences(a, b, sameConnector)
  if (b) return [{ change: 'added', path: ['rule'], label: 'Rule', before: null, after: ruleSummary(b) }]
  if (a) return [{ change: 'removed', path: ['rule'], label: 'Rule', before: ruleSummary(a), after: null }]
  return []
}
