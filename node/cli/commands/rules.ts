import type { RuleFilter } from '../../../shared/app/host-api'
import { connectedObjectType, metaverseObjectType, type RuleDirection } from '../../../shared/model/sync-rule'
import { filterRules } from '../../../shared/app/rule-filter'
import { CliError, type CliIo, EXIT, formatTable, writeJson } from '../cli-io'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens rules`. */
export interface RulesOptions {
  readonly direction?: string
  readonly connector?: string
  readonly json: boolean
}

/** Parses `--direction inbound|outbound`. */
export function parseDirection(value: string | undefined): RuleDirection | undefined {
  if (value === undefined) return undefined
  switch (value.toLowerCase()) {
    case 'inbound':
      return 'Inbound'
    case 'outbound':
      return 'Outbound'
    default:
      throw new CliError(`--direction must be inbound or outbound, not "${value}".`, EXIT.usage)
  }
}

/** `synclens rules <path> [--direction D] [--connector NAME] [--json]`: the normalized rules, by direction then precedence. */
export async function rulesCommand(target: string, options: RulesOptions, io: CliIo): Promise<void> {
  const direction = parseDirection(options.direction)
  const snapshot = await openSnapshotForCli(target, io)
  const { connectors, rules } = snapshot.configuration
  let connectorId: string | undefined
  if (options.connector !== undefined) {
    const wanted = options.connector.toLowerCase()
    const connector = connectors.find((c) => c.name.toLowerCase() === wanted || c.id === wanted)
    if (!connector) {
      const known = connectors.map((c) => `"${c.name}"`).join(', ') || 'none'
      throw new CliError(
        `No connector named "${options.connector}" in this snapshot. Known connectors: ${known}.`,
        EXIT.usage,
      )
    }
    connectorId = connector.id
  }
  const filter: RuleFilter = { direction, connectorId }
  const selected = filterRules(rules, filter)
  if (options.json) {
    writeJson(io, selected)
    return
  }
  io.stdout(
    formatTable(
      ['Precedence', 'Name', 'Direction', 'Connector', 'CS type', 'MV type', 'Link', 'Disabled'],
      selected.map((rule) => [
        String(rule.precedence),
        rule.name,
        rule.direction,
        rule.connectorName ?? rule.connectorId,
        connectedObjectType(rule),
        metaverseObjectType(rule),
        rule.linkType,
        rule.disabled ? 'yes' : '',
      ]),
    ),
  )
}
