import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { version } from '../../package.json'
import { REPORT_FORMATS, type ReportFormat } from '../../shared/app/view-queries'
import { entryRemoved } from '../../shared/model/error-data'
import type { RuleDirection } from '../../shared/model/sync-rule'
import { DamagedEntryError, StoreFormatError } from '../../shared/store/binary'
import { CliError, type CliIo, EXIT, EXIT_CODES_HELP, type ExitCode } from './cli-io'
import { COMPARE_FILE_FORMATS, compareCommand, type CompareCommandOptions } from './commands/compare'
import { contributorsCommand, type ContributorsOptions } from './commands/contributors'
import { evalCommand } from './commands/eval'
import { fixCommand, type FixOptions } from './commands/fix'
import { objectCommand, type ObjectCommandOptions } from './commands/object'
import { type ReportCommandOptions, reportCommand } from './commands/report'
import { rulesCommand, type RulesOptions } from './commands/rules'
import { summaryCommand, type SummaryOptions } from './commands/summary'
import { whyCommand, type WhyOptions } from './commands/why'
import { forgetOpenedSnapshots } from './open-snapshot'

const SNAPSHOT_HELP = `<snapshot> is the folder written by Get-ADSyncServerConfiguration, a snapshot folder or .zip,
a single export file, or demo for the built-in Contoso training snapshot.`

const EXAMPLES = `Examples:
  synclens summary ./Contoso-2016 --json
  synclens contributors demo --mv-attribute department --object-type person
  synclens why demo --dn "CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com" --attribute department
  synclens fix demo --dn "CN=Kwame Okafor,OU=Engineering,OU=Users,OU=Corp,DC=contoso,DC=com" --attribute employeeID --out fix.ps1
  synclens report demo --format html --out report.html
  synclens compare ./active ./staging --impact --format html --out change-board.html
  synclens eval 'IIF(IsPresent([mail]), Trim([mail]), NULL)' --attr mail=' ana@contoso.com '`

/** Runs one synclens invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: ExitCode = EXIT.ok
  let running = 'synclens'
  const output = { written: false }
  const tracked: CliIo = {
    ...io,
    stdout: (text) => {
      output.written = true
      io.stdout(text)
    },
  }
  const program = buildProgram(tracked, {
    started: (name) => (running = `synclens ${name}`),
    finished: (code) => (exitCode = code),
    output,
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    return failed(error, io, running)
  }
}

interface Lifecycle {
  /** A command's action starts (its arguments are parsed and valid). */
  readonly started: (name: string) => void
  /** It ended with this exit code. */
  readonly finished: (code: ExitCode) => void
  /** Whether anything was written to standard output yet. */
  readonly output: { readonly written: boolean }
}

/** The command tree: one commander program per run, so tests can run many in one process. */
function buildProgram(io: CliIo, lifecycle: Lifecycle): Command {
  const program = new Command('synclens')
    .usage('<command> <snapshot> [options]')
    .description(
      'Explains Azure AD Connect (Entra Connect Sync) attribute flow from an exported snapshot, read-only.',
    )
    .version(version, '-V, --version', 'print the version of synclens')
    .helpOption('-h, --help', 'print help (also: synclens <command> --help)')
    .helpCommand('help [command]', 'print help for a command')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(text.replace(/^error: /, 'synclens: ')),
      getOutHelpWidth: () => helpWidth(io),
      getErrHelpWidth: () => helpWidth(io),
    })
    .exitOverride()
    .showHelpAfterError('Run "synclens --help" for the commands.')
    .addHelpText('after', `\n${SNAPSHOT_HELP}\n\n${EXIT_CODES_HELP}\n${EXAMPLES}\n`)

  /** A subcommand with the program's output settings and a pointer to its own help after a usage error. */
  const command = (name: string, summary: string): Command =>
    program
      .command(name)
      .summary(summary)
      .description(`${summary[0]?.toUpperCase() ?? ''}${summary.slice(1)}.`)
      .showHelpAfterError(`Run "synclens ${name} --help" for its options.`)
      .configureOutput(program.configureOutput())
      .exitOverride()
  const run =
    <Options>(
      name: string,
      action: (argument: string, options: Options) => Promise<ExitCode | void> | ExitCode,
    ) =>
    async (argument: string, options: Options): Promise<void> => {
      lifecycle.started(name)
      const code = await againIfEntryDamaged(() => action(argument, options), lifecycle.output, io)
      lifecycle.finished(code ?? EXIT.ok)
    }

  command('summary', 'what a snapshot holds, in counts: connectors, rules, metaverse objects, load warnings')
    .argument('<snapshot>', 'the snapshot to read')
    .option('--json', 'print JSON instead of tables')
    .addHelpText('after', `\n${SNAPSHOT_HELP}`)
    .action(run('summary', (snapshot, options: SummaryOptions) => summaryCommand(snapshot, options, io)))

  command('rules', 'the sync rules, by direction then precedence')
    .argument('<snapshot>', 'the snapshot to read')
    .addOption(
      new Option('--direction <direction>', 'only inbound or only outbound rules').argParser(parseDirection),
    )
    .option('--connector <name>', 'only the rules of this connector (name or id)')
    .option('--json', 'print the normalized rules as JSON')
    .action(run('rules', (snapshot, options: RulesOptions) => rulesCommand(snapshot, options, io)))

  command(
    'contributors',
    'every enabled rule writing a metaverse attribute, ranked, and the flows reading it',
  )
    .argument('<snapshot>', 'the snapshot to read')
    .requiredOption('--mv-attribute <name>', 'the metaverse attribute')
    .option('--object-type <type>', 'only rules of this metaverse object type (e.g. person)')
    .option('--json', 'print JSON')
    .action(
      run('contributors', (snapshot, options: ContributorsOptions) =>
        contributorsCommand(snapshot, options, io),
      ),
    )

  command('object', 'the metaverse object, its connectors, import and export flow and unmapped attributes')
    .argument('<snapshot>', 'the snapshot to read')
    .option('--dn <dn>', 'a connector-space object by distinguished name (case-insensitive)')
    .option('--connector <name>', 'the connector space of --dn, when the DN is in several')
    .option('--mv-id <guid>', 'a metaverse object by its GUID')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nGive --dn or --mv-id.')
    .action(run('object', (snapshot, options: ObjectCommandOptions) => objectCommand(snapshot, options, io)))

  command('why', 'why an attribute does or does not reach the target connector, step by step')
    .argument('<snapshot>', 'the snapshot to read')
    .option('--dn <dn>', 'a connector-space object by distinguished name (case-insensitive)')
    .option('--connector <name>', 'the connector space of --dn, when the DN is in several')
    .option('--mv-id <guid>', 'a metaverse object, diagnosed from the object that contributes the attribute')
    .requiredOption('--attribute <name>', 'the attribute (connector-space or metaverse name)')
    .option('--target <connector>', 'the connector the value should reach (default: Entra ID)')
    .option('--json', 'print the diagnosis as JSON')
    .addHelpText(
      'after',
      '\nGive --dn or --mv-id. The verdict is the first blocking step: OK, RULE_OUT_OF_SCOPE, NOT_SELECTED_ON_CONNECTOR, ...',
    )
    .action(run('why', (snapshot, options: WhyOptions) => whyCommand(snapshot, options, io)))

  command('fix', 'the rule and connector changes that make an attribute flow, previewed and counted')
    .argument('<snapshot>', 'the snapshot to read')
    .option('--dn <dn>', 'a connector-space object by distinguished name (case-insensitive)')
    .option('--connector <name>', 'the connector space of --dn, when the DN is in several')
    .option('--mv-id <guid>', 'a metaverse object, fixed from the object that contributes the attribute')
    .requiredOption('--attribute <name>', 'the attribute (connector-space or metaverse name)')
    .option('--target <connector>', 'the connector the value should reach (default: Entra ID)')
    .option(
      '--out <file>',
      'write the changes as a Synchronization Rules Editor script (never inside the snapshot)',
    )
    .option('--force', 'replace FILE when it exists')
    .option('--json', 'print the draft, the object before and after and the impact as JSON')
    .addHelpText(
      'after',
      '\nGive --dn or --mv-id. Run the script on the staging server first; nothing is written into the snapshot.',
    )
    .action(run('fix', (snapshot, options: FixOptions) => fixCommand(snapshot, options, io)))

  command('report', 'the unmapped attributes and their diagnoses, as a file readable without SyncLens')
    .argument('<snapshot>', 'the snapshot to read')
    .addOption(
      new Option('--format <format>', `the file format: ${REPORT_FORMATS.join(', ')}`)
        .argParser(parseFormat)
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'the file to write (never inside the snapshot)')
    .option('--force', 'replace FILE when it exists')
    .option('--object <dn>', 'report on one connector-space object instead of the whole snapshot')
    .option('--connector <name>', 'the connector space of --object, when the DN is in several')
    .action(run('report', (snapshot, options: ReportCommandOptions) => reportCommand(snapshot, options, io)))

  command('compare', 'what differs between two snapshots and, with --impact, what would change in Entra ID')
    .argument('<A>', 'the reference snapshot: the active server, or the configuration before a change')
    .argument('<B>', 'the snapshot compared with it: staging, or the configuration after')
    .option('--impact', 'also evaluate every object under both configurations')
    .option('--object <dn>', "one object's Entra ID attributes under both configurations")
    .option('--connector <name>', 'the connector space of --object, when the DN is in several')
    .option('--json', 'print JSON')
    .addOption(
      new Option('--format <format>', 'write a file instead of printing').choices(COMPARE_FILE_FORMATS),
    )
    .option('--out <file>', 'the file --format writes (never inside a snapshot)')
    .option('--force', 'replace FILE when it exists')
    .action(async (a: string, b: string, options: CompareCommandOptions) => {
      lifecycle.started('compare')
      await compareCommand(a, b, options, io)
      lifecycle.finished(EXIT.ok)
    })

  command('eval', 'evaluates a sync-rule expression')
    .argument('<expression>', 'the expression, in single quotes')
    .option(
      '--attr <name=value>',
      'an attribute value; repeat the name for a multi-valued attribute',
      collectAssignment('--attr'),
      [],
    )
    .option('--param <name=value>', 'a parameter such as Domain.FQDN', collectAssignment('--param'), [])
    .option('--json', 'print the value and its kind as JSON')
    .addHelpText('after', '\nExit code 3 when the expression fails, with the position of the error.')
    .action(
      run(
        'eval',
        (
          expression,
          options: { readonly attr: string[]; readonly param: string[]; readonly json?: boolean },
        ) => evalCommand(expression, { attrs: options.attr, params: options.param, json: options.json }, io),
      ),
    )

  return program
}

/**
 * Runs a command's action; where it met a reopen cache entry that turned out damaged after the reopen had taken it
 * (a block that does not read as written: `DamagedEntryError`), which was then removed, and nothing was written to
 * standard output yet, says so and runs the action once more: it opens the snapshot again, from its files this time,
 * and keeps it afresh in the cache. A second failure is reported as any other.
 */
export async function againIfEntryDamaged<T>(
  action: () => Promise<T> | T,
  output: { readonly written: boolean },
  io: CliIo,
): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (!(error instanceof DamagedEntryError) || !entryRemoved(error) || output.written) throw error
    io.stderr(
      `synclens: the reopen cache entry of this snapshot was damaged (${error.reason}) and has been removed; ` +
        'reading the snapshot from its files.\n',
    )
    forgetOpenedSnapshots()
    return await action()
  }
}

/** The exit code of a run that threw, after saying why in one paragraph. */
function failed(error: unknown, io: CliIo, running: string): ExitCode {
  if (error instanceof CommanderError) return commanderExit(error)
  if (error instanceof CliError) {
    io.stderr(`synclens: ${error.message}\n`)
    if (error.exitCode === EXIT.usage) io.stderr(`Run "${running} --help" for its options.\n`)
    return error.exitCode
  }
  // A reopen cache entry that cannot be read after all (damaged, removed meanwhile): its message says what to do.
  if (error instanceof StoreFormatError) {
    io.stderr(`synclens: ${error.message}\n`)
    return EXIT.unreadable
  }
  // A defect in SyncLens itself: still one paragraph, with a way to report it.
  const reason = error instanceof Error ? error.message : String(error)
  io.stderr(`synclens: internal error: ${reason}. Please report it with the command you ran.\n`)
  return EXIT.internal
}

/** Commander has already printed its message or the help; only the exit code is left to choose. */
function commanderExit(error: CommanderError): ExitCode {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return EXIT.ok
    case 'commander.help':
      // `synclens help why` asked for it (0); no command at all printed it as an error (1).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    default:
      // Everything else is a command line that cannot run: an unknown command or option, a missing or bad
      // value, and no command at all (commander then prints the help on standard error).
      return EXIT.usage
  }
}

function helpWidth(io: CliIo): number {
  return Math.min(io.columns?.() ?? 100, 120)
}

function parseDirection(value: string): RuleDirection {
  switch (value.toLowerCase()) {
    case 'inbound':
      return 'Inbound'
    case 'outbound':
      return 'Outbound'
    default:
      throw new InvalidArgumentError('It must be inbound or outbound.')
  }
}

function parseFormat(value: string): ReportFormat {
  const format = REPORT_FORMATS.find((known) => known === value.toLowerCase())
  if (format === undefined) throw new InvalidArgumentError(`It must be ${REPORT_FORMATS.join(', ')}.`)
  return format
}

/** Collects repeated `NAME=VALUE` options, refusing any other form as a usage error. */
function collectAssignment(option: string) {
  return (value: string, previous: string[]): string[] => {
    if (value.indexOf('=') <= 0) {
      throw new InvalidArgumentError(
        `Write it as ${option} NAME=VALUE, for example ${option} mail=ana@contoso.com.`,
      )
    }
    return previous.concat(value)
  }
}
