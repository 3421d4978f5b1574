import { type CliIo, formatTable, writeJson } from '../cli-io'
import { loaded, openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens contributors`. */
export interface ContributorsOptions {
  readonly mvAttribute: string
  readonly objectType?: string
  readonly json?: boolean
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
  const { session } = await openSnapshotForCli(target, io)
  const report = loaded(session.contributors(options.mvAttribute, options.objectType), 'contributors')
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
