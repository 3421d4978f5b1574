import { buildRuleIndex } from '../../../shared/engine/index'
import { CliError, type CliIo, EXIT, formatTable, writeJson } from '../cli-io'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens contributors`. */
export interface ContributorsOptions {
  readonly mvAttribute?: string
  readonly objectType?: string
  readonly json: boolean
}

/**
 * `synclens contributors <path> --mv-attribute NAME [--object-type MVTYPE] [--json]`: every enabled rule that
 * writes the metaverse attribute (ranked by precedence) and every outbound flow that reads it.
 */
export async function contributorsCommand(
  target: string,
  options: ContributorsOptions,
  io: CliIo,
): Promise<void> {
  if (!options.mvAttribute) throw new CliError('"contributors" needs --mv-attribute NAME.', EXIT.usage)
  const snapshot = await openSnapshotForCli(target, io)
  const { rules, connectors } = snapshot.configuration
  const report = buildRuleIndex(rules, connectors).contributors(options.mvAttribute, options.objectType)
  if (options.json) {
    writeJson(io, report)
    return
  }
  io.stdout(`Inbound contributors of ${options.mvAttribute} (lowest precedence wins):\n`)
  io.stdout(
    formatTable(
      ['Rank', 'Precedence', 'Rule', 'Connector', 'CS type', 'Flow', 'Source', 'Scope'],
      report.inbound.map((c) => [
        String(c.rank),
        String(c.precedence),
        c.rule,
        c.connector,
        c.sourceObjectType,
        c.flowType,
        c.source,
        c.scope,
      ]),
    ),
  )
  io.stdout(`\nOutbound flows reading ${options.mvAttribute}:\n`)
  io.stdout(
    formatTable(
      ['Precedence', 'Rule', 'Connector', 'CS type', 'Target', 'Flow', 'Source', 'Scope'],
      report.outbound.map((c) => [
        String(c.precedence),
        c.rule,
        c.connector,
        c.targetObjectType,
        c.target,
        c.flowType,
        c.source,
        c.scope,
      ]),
    ),
  )
}
