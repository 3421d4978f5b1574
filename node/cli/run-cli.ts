import { parseArgs } from 'node:util'
import { CliError, type CliIo, EXIT } from './cli-io'
import { contributorsCommand } from './commands/contributors'
import { evalCommand } from './commands/eval'
import { objectCommand } from './commands/object'
import { reportCommand } from './commands/report'
import { rulesCommand } from './commands/rules'
import { summaryCommand } from './commands/summary'
import { whyCommand } from './commands/why'

/** The usage text, printed by `synclens help` and after a usage error. */
export const USAGE = `Usage: synclens <command> <snapshot> [options]

Commands:
  summary <snapshot> [--json]                     what the snapshot holds, in counts
  rules <snapshot> [--direction inbound|outbound] [--connector NAME] [--json]
                                                  the sync rules, by direction then precedence
  contributors <snapshot> --mv-attribute NAME [--object-type MVTYPE] [--json]
                                                  rules that write a metaverse attribute, ranked, and
                                                  the outbound flows that read it
  object <snapshot> (--dn DN [--connector NAME] | --mv-id GUID) [--json]
                                                  the metaverse object, its connectors, import and
                                                  export attribute flow and unmapped attributes
  why <snapshot> --dn DN --attribute NAME [--connector NAME] [--target CONNECTOR] [--json]
                                                  why an attribute does or does not reach the target
                                                  connector (Entra ID by default), step by step
  report <snapshot> [--object DN [--connector NAME]] --format html|csv|json --out FILE [--force]
                                                  unmapped attributes and their diagnoses, of the whole
                                                  snapshot or one object, for someone without SyncLens;
                                                  an existing FILE is kept unless --force
  eval '<expression>' [--attr NAME=VALUE]... [--param NAME=VALUE]... [--json]
                                                  evaluates a sync-rule expression; a repeated --attr
                                                  makes a multi-valued attribute
  help                                            this text

<snapshot> is the folder written by Get-ADSyncServerConfiguration, a snapshot folder or .zip,
a single export file, or demo for the built-in Contoso training snapshot.
Exit codes: 0 success, 1 the object was not found, 2 usage error, 3 the input cannot be read
(for eval: the expression fails).
`

const OPTIONS = {
  json: { type: 'boolean', default: false },
  direction: { type: 'string' },
  connector: { type: 'string' },
  attr: { type: 'string', multiple: true, default: [] as string[] },
  param: { type: 'string', multiple: true, default: [] as string[] },
  'mv-attribute': { type: 'string' },
  'object-type': { type: 'string' },
  dn: { type: 'string' },
  'mv-id': { type: 'string' },
  attribute: { type: 'string' },
  target: { type: 'string' },
  object: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** Runs one synclens invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { positionals, values } = parseCliArgs(argv)
    const [command, target, ...extra] = positionals
    if (values.help || command === undefined || command === 'help') {
      io.stdout(USAGE)
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok
    }
    if (extra.length > 0) throw new CliError(`Unexpected argument "${extra[0]}".`, EXIT.usage)
    if (command === 'eval') {
      if (target === undefined)
        throw new CliError('"eval" needs an expression, in single quotes.', EXIT.usage)
      return evalCommand(target, { attrs: values.attr, params: values.param, json: values.json }, io)
    }
    const snapshot = requireTarget(command, target)
    switch (command) {
      case 'summary':
        await summaryCommand(snapshot, values.json, io)
        return EXIT.ok
      case 'rules':
        await rulesCommand(
          snapshot,
          { direction: values.direction, connector: values.connector, json: values.json },
          io,
        )
        return EXIT.ok
      case 'contributors':
        await contributorsCommand(
          snapshot,
          { mvAttribute: values['mv-attribute'], objectType: values['object-type'], json: values.json },
          io,
        )
        return EXIT.ok
      case 'object':
        await objectCommand(
          snapshot,
          { dn: values.dn, connector: values.connector, mvId: values['mv-id'], json: values.json },
          io,
        )
        return EXIT.ok
      case 'why':
        await whyCommand(
          snapshot,
          {
            dn: values.dn,
            attribute: values.attribute,
            connector: values.connector,
            target: values.target,
            json: values.json,
          },
          io,
        )
        return EXIT.ok
      case 'report':
        await reportCommand(
          snapshot,
          {
            object: values.object,
            connector: values.connector,
            format: values.format,
            out: values.out,
            force: values.force,
          },
          io,
        )
        return EXIT.ok
      default:
        throw new CliError(`Unknown command "${command}".`, EXIT.usage)
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`synclens: ${error.message}\n`)
      if (error.exitCode === EXIT.usage) io.stderr(`\n${USAGE}`)
      return error.exitCode
    }
    // A defect in SyncLens itself: still one paragraph, with a way to report it.
    const reason = error instanceof Error ? error.message : String(error)
    io.stderr(`synclens: internal error: ${reason}. Please report it with the command you ran.\n`)
    return EXIT.failure
  }
}

function parseCliArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT.usage)
  }
}

function requireTarget(command: string, target: string | undefined): string {
  if (target === undefined) throw new CliError(`"${command}" needs a snapshot path.`, EXIT.usage)
  return target
}
