import {
  type Comparison,
  compareObject,
  compareSnapshots,
  comparisonToHtml,
  type Difference,
  exportValueText,
  type Impact,
  type ImpactRule,
  type ObjectComparison,
  type ObjectImpact,
  type SnapshotFacts,
} from '../../../shared/compare/index'
import { formatCount, formatDuration, percent } from '../../../shared/text/format'
import { AtomicWriteError, writeFileAtomic } from '../../atomic-write'
import { CliError, type CliIo, EXIT, writeJson } from '../cli-io'
import { StatusLine } from '../load-progress'
import { openSnapshotForCli } from '../open-snapshot'

/** Options of `synclens compare`. */
export interface CompareCommandOptions {
  readonly json: boolean
  /** `--impact`: also compute what would change in Entra ID for every object. */
  readonly impact: boolean
  /** `--object DN`: one object's Entra ID attributes under both configurations. */
  readonly object?: string
  /** `--connector NAME`: the connector space of `--object` when the DN is in several. */
  readonly connector?: string
  /** `--format html|json` with `--out FILE`: a report file instead of the text on standard output. */
  readonly format?: string
  readonly out?: string
  readonly force: boolean
}

/** Objects the text output lists in full; the JSON and HTML outputs hold more. */
const TEXT_OBJECTS = 20
const FILE_FORMATS = ['html', 'json'] as const

/**
 * `synclens compare <A> <B> [--impact] [--object DN [--connector NAME]] [--json | --format html|json --out FILE
 * [--force]]`: what differs between two snapshots' configurations (A is the reference, B the other server or
 * the configuration after a change) and, with --impact, what would change in Entra ID for every object.
 */
export async function compareCommand(
  paths: readonly string[],
  options: CompareCommandOptions,
  io: CliIo,
): Promise<void> {
  const [first, second, extra] = paths
  if (first === undefined || second === undefined) {
    throw new CliError(
      '"compare" needs two snapshot paths: the reference (A) and the one to compare with it (B).',
      EXIT.usage,
    )
  }
  if (extra !== undefined) throw new CliError(`Unexpected argument "${extra}".`, EXIT.usage)
  const format = options.format?.toLowerCase()
  if (format !== undefined && !(FILE_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`"compare" writes --format ${FILE_FORMATS.join('|')}.`, EXIT.usage)
  }
  if (format !== undefined && (options.out === undefined || options.out === '')) {
    throw new CliError('"compare --format" needs --out FILE (the file to write).', EXIT.usage)
  }
  if (format === undefined && options.out !== undefined) {
    throw new CliError('"compare --out" needs --format html|json.', EXIT.usage)
  }
  if (options.connector !== undefined && options.object === undefined) {
    throw new CliError(
      '"compare --connector" names the connector space of --object DN; give --object too.',
      EXIT.usage,
    )
  }
  const a = await openSnapshotForCli(first, io)
  const b = await openSnapshotForCli(second, io)
  const status = io.status === undefined ? null : new StatusLine(io.status)
  const { comparison, match } = await compareSnapshots(a, b, {
    impact: options.impact,
    onProgress: (progress) => {
      const left =
        progress.done === 0
          ? null
          : ((progress.total - progress.done) * progress.elapsedMs) / progress.done / 1000
      status?.show(
        `Comparing objects: ${percent(progress.done, progress.total)} % (${formatCount(progress.done)} of ${formatCount(progress.total)}), ${formatDuration(left)} left`,
      )
    },
  })
  status?.done()
  let object: ObjectComparison | null = null
  if (options.object !== undefined) {
    const result = compareObject(a, b, match, options.object, options.connector)
    if (!result.ok) {
      throw new CliError(
        result.error.message,
        result.error.problem === 'ambiguous' ? EXIT.usage : EXIT.failure,
      )
    }
    object = result.object
  }
  if (format !== undefined && options.out !== undefined) {
    const text =
      format === 'html'
        ? comparisonToHtml(comparison, object)
        : `${JSON.stringify({ ...comparison, object }, null, 2)}\n`
    try {
      await writeFileAtomic(options.out, text, { overwrite: options.force })
    } catch (error) {
      if (error instanceof AtomicWriteError) throw new CliError(error.message, EXIT.failure)
      throw error
    }
    io.stdout(
      `Wrote the ${format.toUpperCase()} comparison of ${a.name} (A) and ${b.name} (B) to ${options.out}: ${differencesText(comparison.configuration.differenceCount)}${comparison.impact ? `, ${impactLine(comparison.impact)}` : ''}.\n`,
    )
    return
  }
  if (options.json) {
    writeJson(io, object === null ? comparison : { ...comparison, object })
    return
  }
  io.stdout(comparisonText(comparison, object))
}

function differencesText(count: number): string {
  return `${formatCount(count)} configuration difference${count === 1 ? '' : 's'}`
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

function impactLine(impact: Impact): string {
  const { counts } = impact
  return `${formatCount(counts.changed)} objects change in Entra ID (${formatCount(counts.attributeChanges)} attributes), ${formatCount(counts.provisioned)} provisioned, ${formatCount(counts.deleted)} deleted, ${formatCount(counts.disconnected)} disconnected`
}

function objectLines(object: ObjectImpact): string[] {
  const lines = [`  ${object.event.toUpperCase()} ${object.dn} (${object.connector}, ${object.objectType})`]
  if (object.changes.length === 0 || object.event !== 'changed' || object.reason.startsWith('Under')) {
    lines.push(`      ${object.reason}`)
  }
  for (const change of object.changes) {
    const via = (rule: ImpactRule | null, inbound: ImpactRule | null): string =>
      inbound === null ? ruleName(rule) : `${ruleName(inbound)} -> ${ruleName(rule)}`
    lines.push(
      `      ${change.attribute}: ${exportValueText(change.before)} -> ${exportValueText(change.after)}`,
    )
    lines.push(
      `        by ${via(change.beforeRule, change.beforeInboundRule)} -> ${via(change.afterRule, change.afterInboundRule)}`,
    )
  }
  if (object.dataDiffers) lines.push("      The object's source data differs between the snapshots.")
  return lines
}

function impactText(impact: Impact): string[] {
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
  if (impact.byAttribute.length > 0) {
    lines.push(
      `  By attribute: ${impact.byAttribute.map((entry) => `${entry.attribute} ${formatCount(entry.objects)}`).join(', ')}`,
    )
  }
  const shown = impact.objects.slice(0, TEXT_OBJECTS)
  if (shown.length > 0) {
    const more =
      impact.objects.length > shown.length
        ? ` (the first ${shown.length} of ${formatCount(impact.objects.length)}; --json or --format html lists all)`
        : ''
    lines.push(`  Objects${more}:`)
    for (const object of shown) lines.push(...objectLines(object))
  }
  for (const caveat of impact.caveats) lines.push(`  Note: ${caveat}`)
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

/** The comparison as plain text, for a terminal. */
export function comparisonText(comparison: Comparison, object: ObjectComparison | null): string {
  const { a, b, configuration } = comparison
  const lines = [
    factsLine('A', a),
    factsLine('B', b),
    '',
    `${differencesText(configuration.differenceCount)}.`,
  ]
  lines.push(...configuration.notes.map((note) => `Note: ${note}`))
  const changedConnectors = configuration.connectors.filter(
    (connector) => connector.differences.length > 0 || connector.matchNote !== null,
  )
  lines.push('', `Connectors: ${changedConnectors.length === 0 ? 'no differences' : ''}`)
  for (const connector of changedConnectors) {
    lines.push(
      `  ${connector.b?.name ?? connector.a?.name ?? ''} (${connector.b?.type ?? connector.a?.type ?? ''})`,
    )
    if (connector.matchNote) lines.push(`    ${connector.matchNote}`)
    lines.push(...differenceLines(connector.differences, '    '))
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
      lines.push(...differenceLines(rule.differences, '      '))
    }
  }
  lines.push('', `Metaverse schema: ${configuration.schema.length === 0 ? 'no differences' : ''}`)
  lines.push(...differenceLines(configuration.schema, '  '))
  lines.push('', `Global settings: ${configuration.settings.length === 0 ? 'no differences' : ''}`)
  lines.push(...differenceLines(configuration.settings, '  '))
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
  if (comparison.impact) lines.push(...impactText(comparison.impact))
  if (object) lines.push(...objectText(object))
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`
}
