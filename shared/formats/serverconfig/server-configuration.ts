import type { Connector } from '../../model/connector'
import { type LoadIssue, loadIssue } from '../../model/load-issue'
import type { MetaverseConfig } from '../../model/metaverse-schema'
import { compareRules, type SyncRule } from '../../model/sync-rule'

/** Rules, connectors and metaverse configuration of one sync server. */
export interface ServerConfiguration {
  /** Ordered by direction, then precedence. */
  readonly rules: readonly SyncRule[]
  readonly connectors: readonly Connector[]
  readonly metaverse: MetaverseConfig | null
}

/** The assembled configuration and the problems found while assembling it. */
export interface AssembledConfiguration {
  readonly configuration: ServerConfiguration
  readonly issues: readonly LoadIssue[]
}

/**
 * Joins rules read from any format with the connectors: resolves connector names, drops duplicate
 * rules (a rule exported twice, e.g. as XML and as a script) and warns about rules whose connector
 * is not part of the snapshot.
 */
export function assembleConfiguration(
  rules: readonly SyncRule[],
  connectors: readonly Connector[],
  metaverse: MetaverseConfig | null,
): AssembledConfiguration {
  const issues: LoadIssue[] = []
  const connectorById = new Map<string, Connector>()
  for (const connector of connectors) {
    const existing = connectorById.get(connector.id)
    if (existing) {
      issues.push(
        loadIssue(
          'warning',
          connector.origin,
          `Connector "${connector.name}" appears twice; ${existing.origin} is used.`,
        ),
      )
      continue
    }
    connectorById.set(connector.id, connector)
  }
  const ruleById = new Map<string, SyncRule>()
  const unknownConnectors = new Set<string>()
  for (const rule of rules) {
    const existing = ruleById.get(rule.id)
    if (existing) {
      issues.push(
        loadIssue(
          'warning',
          rule.origin,
          `Rule "${rule.name}" (${rule.id}) appears twice; ${existing.origin} is used.`,
        ),
      )
      continue
    }
    const connector = connectorById.get(rule.connectorId)
    if (!connector && connectors.length > 0 && !unknownConnectors.has(rule.connectorId)) {
      unknownConnectors.add(rule.connectorId)
      issues.push(
        loadIssue(
          'warning',
          rule.origin,
          `Rule "${rule.name}" names connector ${rule.connectorId}, which is not in this snapshot; its rules show the GUID instead of a name.`,
        ),
      )
    }
    ruleById.set(rule.id, { ...rule, connectorName: connector?.name ?? null })
  }
  return {
    configuration: {
      rules: [...ruleById.values()].sort(compareRules),
      connectors: [...connectorById.values()].sort((a, b) => a.name.localeCompare(b.name)),
      metaverse,
    },
    issues,
  }
}
