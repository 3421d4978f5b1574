import { formatLoadIssue } from '../../../shared/model/load-issue'
import { type CliIo, formatTable, writeJson } from '../cli-io'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens summary`. */
export interface SummaryOptions {
  readonly json?: boolean
}

/** `synclens summary <path> [--json]`: what a snapshot holds, in counts. */
export async function summaryCommand(target: string, options: SummaryOptions, io: CliIo): Promise<void> {
  const { summary } = await openSnapshotForCli(target, io)
  const warnings = summary.issues.map(formatLoadIssue)
  if (options.json) {
    writeJson(io, {
      connectors: summary.connectors.map(
        ({ id, name, type, selectedAttributes, csObjects, byObjectType }) => ({
          id,
          name,
          type,
          selectedAttributes,
          csObjects,
          byObjectType,
        }),
      ),
      rules: summary.rules,
      metaverse: summary.metaverse,
      warnings,
    })
    return
  }
  const header = [
    `Snapshot ${summary.name}`,
    summary.server ? `server ${summary.server}` : null,
    summary.serverConfigurationVersion ? `AAD Connect ${summary.serverConfigurationVersion}` : null,
  ]
  io.stdout(`${header.filter((part) => part !== null).join(', ')}\n\n`)
  io.stdout(
    formatTable(
      ['Connector', 'Type', 'Selected attributes', 'CS objects', 'Id'],
      summary.connectors.map((c) => [
        c.name,
        c.type,
        String(c.selectedAttributes),
        String(c.csObjects),
        c.id,
      ]),
    ),
  )
  const { total, inbound, outbound, disabled } = summary.rules
  io.stdout(`\nSync rules: ${total} (${inbound} inbound, ${outbound} outbound, ${disabled} disabled)\n`)
  const { objects, source, byObjectType } = summary.metaverse
  const types = Object.entries(byObjectType)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ')
  io.stdout(`Metaverse: ${objects} object(s), ${source}${types ? ` (${types})` : ''}\n`)
  if (warnings.length > 0)
    io.stdout(`\nWarnings (${warnings.length}):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`)
}
