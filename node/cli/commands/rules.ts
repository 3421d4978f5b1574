import { connectedObjectType, metaverseObjectType, type RuleDirection } from '../../../shared/model/sync-rule'
import { type CliIo, formatTable, writeJson } from '../cli-io'
import { findConnector } from '../find-object'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens rules`. */
export interface RulesOptions {
  readonly direction?: RuleDirection
  readonly connector?: string
  readonly json?: boolean
}

/** `synclens rules <path> [--direction D] [--connector NAME] [--json]`: the normalized rules, by direction then precedence. */
export async function rulesCommand(target: string, options: RulesOptions, io: CliIo): Promise<void> {
  const { session, summary } = await openSnapshotForCli(target, io)
  const connectorId =
    options.connector === undefined ? undefined : findConnector(summary, options.connector).id
  const selected = session.rules({ direction: options.direction, connectorId })
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
  const shown = new Set(selected.map((rule) => rule.id))
  for (const tie of session.ruleWarnings()) {
    if (tie.rules.some((rule) => shown.has(rule.id))) io.stdout(`\nWarning: ${tie.message}\n`)
  }
}
