import type { ComparisonOverview, ImpactSummary } from '../../../shared/app/comparison-queries'
import type { SnapshotSession } from '../../../shared/app/session'
import type {
  Difference,
  ImpactRule,
  ObjectImpact,
  SnapshotFacts,
} from '../../../shared/compare/compare-model'
import { cloneSentence } from '../../../shared/compare/clone-source'
import type { ObjectComparison } from '../../../shared/compare/object-comparison'
import { NotASnapshotError } from '../../../shared/load/load-snapshot'
import type { SnapshotSource } from '../../../shared/io/source'
import { formatLoadIssue } from '../../../shared/model/load-issue'
import { formatCount, formatDuration, percent } from '../../../shared/text/format'
import { generateTrainingSnapshot } from '../../../shared/training/index'
import { AtomicWriteError, writeFileAtomic } from '../../atomic-write'
import { openDiskSource, SnapshotOpenError } from '../../disk-source'
import { CliError, type CliIo, EXIT } from '../cli-io'
import { formatLoadProgress, StatusLine } from '../load-progress'
import { isDemo, loaded, nothingLoaded, openSnapshotForCli } from '../open-snapshot'
import { refuseOutputInside } from './report'

/** Options of `synclens compare` (commander leaves an absent flag undefined). */
export interface CompareCommandOptions {
  readonly json?: boolean
  /** `--impact`: also compute what would change in Entra ID for every object. */
  readonly impact?: boolean
  /** `--object DN`: one object's Entra ID attributes under both configurations. */
  readonly object?: string
  /** `--connector NAME`: the connector space of `--object` when the DN is in several. */
  readonly connector?: string
  /** `--format html|json` with `--out FILE`: a report file instead of the text on standard output. */
  readonly format?: string
  readonly out?: string
  readonly force?: boolean
}

/** The file formats `--format` writes. */
export const COMPARE_FILE_FORMATS = ['html', 'json'] as const

/** Objects the text output lists in full; the JSON and HTML outputs hold every one. */
const TEXT_OBJECTS = 20

/** A comparison is never cancelled here: it runs until it is done or the user stops the process. */
const NEVER_CANCELLED = { aborted: false }

/**
 * `synclens compare <A> <B> [--impact] [--object DN [--connector NAME]] [--json | --format html|json --out FILE
 * [--force]]`: what differs between two snapshots' configurations (A is the reference, B the other server or
 * the configuration after a change) and, with --impact, what would change in Entra ID for every object. It
 * asks the session the app asks: B is loaded beside A, as File > Compare With does, so the answers are the
 * Compare view's.
 */
export async function compareCommand(
  first: string,
  second: string,
  options: CompareCommandOptions,
  io: CliIo,
): Promise<void> {
  const format = options.format?.toLowerCase()
  if (format !== undefined && format !== 'html' && format !== 'json') {
    throw new CliError(`"compare" writes --format ${COMPARE_FILE_FORMATS.join('|')}.`, EXIT.usage)
  }
  if (format !== undefined && (options.out === undefined || options.out === '')) {
    throw new CliError('"compare --format" needs --out FILE (the file to write).', EXIT.usage)
  }
  if (format === undefined && options.out !== undefined) {
    throw new CliError('"compare --out" needs --format html|json.', EXIT.usage)
  }
  if (options.connector !== undefined && options.object === undefined) {
    throw new CliError('"compare": --connector goes with --object DN.', EXIT.usage)
  }
  if (options.out !== undefined) {
    for (const target of [first, second]) if (!isDemo(target)) refuseOutputInside(target, options.out)
  }
  const { session } = await openSnapshotForCli(first, io)
  try {
    await loadComparison(session, second, io)
    const impact = options.impact === true ? await computeImpact(session, io) : null
    const objectRequest =
      options.object === undefined
        ? undefined
        : { dn: options.object, ...(options.connector === undefined ? {} : { connector: options.connector }) }
    const object = objectRequest === undefined ? null : comparedObject(session, objectRequest)
    if (format !== undefined && options.out !== undefined) {
      const file = session.comparisonReport({
        format,
        ...(objectRequest === undefined ? {} : { object: objectRequest }),
      })
      if ('error' in file) throw new CliError(file.error, EXIT.notFound)
      try {
        await writeFileAtomic(options.out, file.content, { overwrite: options.force === true })
      } catch (error) {
        if (error instanceof AtomicWriteError) throw new CliError(error.message, EXIT.cannotWrite)
        throw error
      }
      const overview = loaded(session.comparison(), 'the comparison')
      io.stdout(
        `Wrote the ${format.toUpperCase()} comparison of ${overview.a.name} (A) and ${overview.b.name} (B) to ${options.out}: ${differencesText(overview.configuration.differenceCount)}${impact ? `, ${impactLine(impact)}` : ''}.\n`,
      )
      return
    }
    if (options.json === true) {
      const file = session.comparisonReport({
        format: 'json',
        ...(objectRequest === undefined ? {} : { object: objectRequest }),
      })
      if ('error' in file) throw new CliError(file.error, EXIT.notFound)
      io.stdout(file.content)
      return
    }
    const overview = loaded(session.comparison(), 'the comparison')
    const objects = impact === null ? [] : session.comparisonImpact({ offset: 0, limit: TEXT_OBJECTS }).rows
    io.stdout(comparisonText(overview, objects, object))
  } finally {
    // A session the process keeps (the training snapshot's) must not keep B beside it.
    session.closeComparison()
  }
}

/** Loads B beside A in the session, with the load's progress on a terminal. */
async function loadComparison(session: SnapshotSession, target: string, io: CliIo): Promise<void> {
  const status = io.status === undefined ? null : new StatusLine(io.status, io.columns)
  const where = target
  try {
    const source: SnapshotSource = isDemo(target) ? generateTrainingSnapshot() : await openDiskSource(target)
    const summary = await session.loadComparison(
      source,
      (progress) => status?.show(formatLoadProgress(progress)),
      NEVER_CANCELLED,
    )
    if (nothingLoaded(summary) && summary.issues.length > 0) {
      throw new CliError(
        withIssues(`Nothing in ${where} could be read, so there is nothing to compare.`, summary.issues),
        EXIT.unreadable,
      )
    }
  } catch (error) {
    if (error instanceof CliError) throw error
    if (error instanceof NotASnapshotError)
      throw new CliError(withIssues(error.message, error.issues), EXIT.unreadable)
    if (error instanceof SnapshotOpenError) throw new CliError(error.message, EXIT.unreadable)
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError(`Cannot read ${where}: ${reason}`, EXIT.unreadable)
  } finally {
    status?.done()
  }
}

async function computeImpact(session: SnapshotSession, io: CliIo): Promise<ImpactSummary> {
  const status = io.status === undefined ? null : new StatusLine(io.status, io.columns)
  try {
    return await session.computeImpact((progress) => {
      const left =
        progress.done === 0
          ? null
          : ((progress.total - progress.done) * progress.elapsedMs) / progress.done / 1000
      status?.show(
        `Comparing objects: ${percent(progress.done, progress.total)} % (${formatCount(progress.done)} of ${formatCount(progress.total)}), ${formatDuration(left)} left`,
      )
    }, NEVER_CANCELLED)
  } finally {
    status?.done()
  }
}

function comparedObject(
  session: SnapshotSession,
  request: { readonly dn: string; readonly connector?: string },
): ObjectComparison {
  const answer = loaded(session.comparisonObject(request), 'the object')
  if (answer.ok) return answer.object
  throw new CliError(answer.message, answer.problem === 'ambiguous' ? EXIT.usage : EXIT.notFound)
}

function withIssues(message: string, issues: readonly Parameters<typeof formatLoadIssue>[0][]): string {
  return `${message}${issues.map((issue) => `\n  ${formatLoadIssue(issue)}`).join('')}`
}

function differencesText(count: number): string {
  return `${formatCount(count)} configuration difference${count === 1 ? '' : 's'}`
}

/** Why a snapshot's configuration warnings matter to a comparison, in one sentence. */
export function configurationWarningText(label: string, facts: SnapshotFacts): string {
  const count = facts.configurationWarningCount
  return `${label} has ${formatCount(count)} problem${count === 1 ? '' : 's'} in its configuration files: what a file that could not be read holds is missing here and may show as removed or added. Fix or re-export the file and compare again.`
}

function factsLine(label: string, facts: SnapshotFacts): string {
  const details = [
    facts.server,
    facts.version === null ? null : `Entra Connect ${facts.version}`,
    `${facts.connectors} connectors`,
    `${facts.rules} rules`,
    `${formatCount(facts.csObjects)} connector-space objects`,
  ].filter((part) => part !== null)
  return `${label}: ${facts.name} (${details.join(', ')})`
}

function differenceLines(differences: readonly Difference[], indent: string): string[] {
  return differences.map((difference) => {
    switch (difference.change) {
      case 'added':
        return `${indent}+ ${difference.label}: ${difference.after ?? ''}`
      case 'removed':
        return `${indent}- ${difference.label}: ${difference.before ?? ''}`
      case 'changed':
        return `${indent}~ ${difference.label}: ${difference.before ?? ''} -> ${difference.after ?? ''}`
    }
  })
}

function ruleName(rule: ImpactRule | null): string {
  return rule === null ? 'no rule' : `${rule.name} (${rule.precedence})`
}

function impactLine(impact: ImpactSummary): string {
  const { counts } = impact
  return `${formatCount(counts.changed)} objects change in Entra ID (${formatCount(counts.attributeChanges)} attributes), ${formatCount(counts.provisioned)} provisioned, ${formatCount(counts.deleted)} deleted, ${formatCount(counts.disconnected)} disconnected`
}

/** What an export value leaves in Entra ID, in words. */
function exportValueText(value: ObjectImpact['changes'][number]['before']): string {
  switch (value.kind) {
    case 'values':
      return value.values.length === 0 ? '(no value)' : value.values.join('; ')
    case 'error':
      return `error: ${value.message}`
    case 'unmanaged':
      return `${value.current.length === 0 ? '(no value)' : value.current.join('; ')} (kept: ${value.why === 'not-selected' ? 'not selected on the connector' : 'no rule writes it'})`
  }
}

function objectLines(object: ObjectImpact): string[] {
  const lines = [`  ${object.event.toUpperCase()} ${object.dn} (${object.connector}, ${object.objectType})`]
  if (object.changes.length === 0 || object.event !== 'changed' || object.reason.startsWith('Under')) {
    lines.push(`      ${object.reason}`)
  }
  for (const change of object.changes) {
    const via = (rule: ImpactRule | null, inbound: ImpactRule | null): string =>
      inbound === null ? ruleName(rule) : `${ruleName(inbound)}, exported by ${ruleName(rule)}`
    lines.push(
      `      ${change.attribute}: ${exportValueText(change.before)} -> ${exportValueText(change.after)}`,
    )
    lines.push(`        A: ${via(change.beforeRule, change.beforeInboundRule)}`)
    lines.push(`        B: ${via(change.afterRule, change.afterInboundRule)}`)
  }
  if (object.dataDiffers) lines.push("      The object's source data differs between the snapshots.")
  return lines
}

function impactText(impact: ImpactSummary, shown: readonly ObjectImpact[]): string[] {
  const lines = ['', 'Impact on objects', `  ${impact.basis}`]
  if (impact.mode === 'none') return lines
  if (impact.target) lines.push(`  Export attribute flow to "${impact.target}".`)
  const { counts } = impact
  lines.push(
    `  ${formatCount(counts.objectsCompared)} objects compared in ${formatDuration(impact.elapsedMs / 1000)}: ${impactLine(impact)}.`,
  )
  if (counts.dataDiffers > 0 || counts.onlyInA > 0 || counts.onlyInB > 0) {
    lines.push(
      `  Source data differs for ${formatCount(counts.dataDiffers)} objects; ${formatCount(counts.onlyInA)} only in A, ${formatCount(counts.onlyInB)} only in B.`,
    )
  }
  // What the snapshots cannot tell qualifies every count, so it comes before the objects.
  for (const caveat of impact.caveats) lines.push(`  Note: ${caveat}`)
  if (impact.byAttribute.length > 0) {
    lines.push(
      `  By attribute: ${impact.byAttribute.map((entry) => `${entry.attribute} ${formatCount(entry.objects)}`).join(', ')}`,
    )
  }
  const total = counts.changed + counts.provisioned + counts.deleted + counts.disconnected
  if (shown.length > 0) {
    const more =
      total > shown.length
        ? ` (the first ${shown.length} of ${formatCount(total)}; --json or --format html lists all)`
        : ''
    lines.push(`  Objects${more}:`)
    for (const object of shown) for (const item of objectLines(object)) lines.push(item)
  }
  return lines
}

function objectText(object: ObjectComparison): string[] {
  const side = (label: string, state: ObjectComparison['before']): string =>
    `  Under ${label}: ${state.found ? (state.inEntra ? 'in Entra ID. ' : 'not in Entra ID. ') : ''}${state.reason}${state.syncError ? ` Synchronization error: ${state.syncError}.` : ''}`
  const lines = [
    '',
    `Object ${object.dn} (${object.connector}, ${object.objectType})`,
    side('A', object.before),
    side('B', object.after),
  ]
  if (object.attributes.length > 0) lines.push('  Entra ID attributes (* changes):')
  for (const attribute of object.attributes) {
    const mark = attribute.changed ? '*' : ' '
    const value = attribute.changed
      ? `${exportValueText(attribute.before)} -> ${exportValueText(attribute.after)}`
      : exportValueText(attribute.after)
    lines.push(`  ${mark} ${attribute.attribute}: ${value}`)
  }
  return lines
}

/** The comparison as plain text, for a terminal: the differences, then the impact's first objects and one object. */
export function comparisonText(
  overview: ComparisonOverview,
  shownObjects: readonly ObjectImpact[],
  object: ObjectComparison | null,
): string {
  const { a, b, configuration } = overview
  const lines = [factsLine('A', a), factsLine('B', b)]
  for (const [label, facts] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (facts.configurationWarningCount === 0) continue
    lines.push(`  Warning: ${configurationWarningText(label, facts)}`)
    for (const warning of facts.configurationWarnings) lines.push(`    ${warning}`)
    const more = facts.configurationWarningCount - facts.configurationWarnings.length
    if (more > 0) lines.push(`    … and ${formatCount(more)} more (synclens summary lists them).`)
  }
  lines.push('', `${differencesText(configuration.differenceCount)}.`)
  for (const item of configuration.notes.map((note) => `Note: ${note}`)) lines.push(item)
  const changedConnectors = configuration.connectors.filter(
    (connector) => connector.differences.length > 0 || connector.matchNote !== null,
  )
  lines.push('', `Connectors: ${changedConnectors.length === 0 ? 'no differences' : ''}`)
  for (const connector of changedConnectors) {
    lines.push(
      `  ${connector.b?.name ?? connector.a?.name ?? ''} (${connector.b?.type ?? connector.a?.type ?? ''})`,
    )
    if (connector.matchNote) lines.push(`    ${connector.matchNote}`)
    for (const item of differenceLines(connector.differences, '    ')) lines.push(item)
  }
  lines.push(
    '',
    `Sync rules: ${configuration.rules.length === 0 ? 'no differences' : `${configuration.rules.length} differ`} (${configuration.unchangedRules} paired rules identical)`,
  )
  for (const direction of ['Inbound', 'Outbound'] as const) {
    const rules = configuration.rules.filter((rule) => rule.direction === direction)
    if (rules.length === 0) continue
    lines.push(`  ${direction}`)
    for (const rule of rules) {
      const facts = rule.b ?? rule.a
      const where = !rule.a ? ', only in B' : !rule.b ? ', only in A' : ''
      lines.push(
        `    ${facts?.name ?? ''} (${facts?.connector ?? ''}, precedence ${facts?.precedence ?? ''}${where})`,
      )
      if (rule.cloneOf) lines.push(`      ${cloneSentence(rule.cloneOf)}`)
      for (const item of differenceLines(rule.differences, '      ')) lines.push(item)
    }
  }
  lines.push('', `Metaverse schema: ${configuration.schema.length === 0 ? 'no differences' : ''}`)
  for (const item of differenceLines(configuration.schema, '  ')) lines.push(item)
  lines.push('', `Global settings: ${configuration.settings.length === 0 ? 'no differences' : ''}`)
  for (const item of differenceLines(configuration.settings, '  ')) lines.push(item)
  const edits = configuration.outOfBoxEdits
  lines.push(
    '',
    edits.length === 0
      ? 'Out-of-box rules edited in place: none'
      : `Out-of-box rules edited in place (${edits.length}): upgrades overwrite such edits; the supported way is to clone the rule and disable the original.`,
  )
  for (const edit of edits) {
    const where = edit.side === null ? 'A or B' : edit.side === 'both' ? 'A and B' : edit.side.toUpperCase()
    const against =
      edit.evidence === 'default-set' ? `Microsoft's default ${edit.rule.immutableTag}` : 'the other snapshot'
    lines.push(`  ${edit.rule.name} (in ${where}; differs from ${against}): ${edit.details.join('; ')}`)
  }
  if (overview.impact) for (const item of impactText(overview.impact, shownObjects)) lines.push(item)
  if (object) for (const item of objectText(object)) lines.push(item)
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`
}
