/**
 * Writes sync rules as a Synchronization Rules Editor export (FORMATS.md §2.1): the same commands, parameter
 * order and layout as the editor's Export button, so an admin recognises the script and `rule-script.ts` reads it
 * back to the same rules. Comments (`#` lines) say what the script is for; the editor writes none, PowerShell and
 * the reader skip them.
 */
import type { AttributeFlow, JoinGroup, ScopeGroup, SyncRule } from '../../model/sync-rule'

/** The all-zero GUID the editor writes for -PrecedenceAfter and -PrecedenceBefore. */
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000'
const OBJECT_MODEL = 'Microsoft.IdentityManagement.PowerShell.ObjectModel'

/** One rule of a script, with the comment lines written above its New-ADSyncRule. */
export interface ScriptRule {
  readonly rule: SyncRule
  /** Comment lines (without `#`), e.g. what the rule changes and why. */
  readonly comments?: readonly string[]
}

/** A whole script: a comment header, then each rule as the editor exports it. */
export interface RuleScript {
  /** Comment lines (without `#`) at the top of the script; blank entries give a bare `#` line. */
  readonly header?: readonly string[]
  readonly rules: readonly ScriptRule[]
  /** Comment lines (without `#`) after the last rule, e.g. the steps to run once the rules are added. */
  readonly footer?: readonly string[]
}

/**
 * A PowerShell single-quoted literal. PowerShell also ends such a string at the typographic single quotes
 * (U+2018-U+201B), so each of them is doubled like the ASCII quote.
 */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`
}

/** The script text: LF line ends, no byte order mark (see `ruleScriptFileContent` for the saved file). */
export function writeRuleScript(script: RuleScript): string {
  const sections: string[] = []
  if (script.header && script.header.length > 0) sections.push(commentLines(script.header))
  for (const { rule, comments } of script.rules) {
    const blocks = ruleBlocks(rule)
    if (comments && comments.length > 0) blocks[0] = `${commentLines(comments)}\n${blocks[0] ?? ''}`
    sections.push(blocks.join('\n\n\n'))
  }
  if (script.footer && script.footer.length > 0) sections.push(commentLines(script.footer))
  return `${sections.join('\n\n\n')}\n`
}

/**
 * The script as a file for the sync server: UTF-8 with a byte order mark, because Windows PowerShell 5.1 (where
 * the ADSync module runs) reads a file without one in the ANSI code page and would garble any non-ASCII name or
 * value. The reader strips the mark.
 */
export function ruleScriptFileContent(script: RuleScript): string {
  return `\ufeff${writeRuleScript(script)}`
}

/** The export of one rule, in the editor's layout, without comments. */
export function writeRule(rule: SyncRule): string {
  return `${ruleBlocks(rule).join('\n\n\n')}\n`
}

function commentLines(lines: readonly string[]): string {
  return lines
    .flatMap((line) => line.split(/\r\n|\r|\n/))
    .map((line) => (line.trim() === '' ? '#' : `# ${line}`))
    .join('\n')
}

/** One command: its name, two spaces and a backtick, then one parameter per line continued with a backtick. */
function block(command: string, lines: readonly string[]): string {
  const last = lines.length - 1
  return [`${command}  \``, ...lines.map((line, index) => (index === last ? line : `${line} \``))].join('\n')
}

/** A switch parameter as the editor writes it: the bare name followed by a space (the backtick adds another). */
function switchLine(name: string): string {
  return `-${name} `
}

function ruleBlocks(rule: SyncRule): string[] {
  return [
    newRuleBlock(rule),
    ...rule.flows.map(flowBlock),
    ...rule.scopeGroups.filter((group) => group.clauses.length > 0).flatMap(scopeGroupBlocks),
    ...rule.joinGroups.filter((group) => group.conditions.length > 0).flatMap(joinGroupBlocks),
    block('Add-ADSyncRule', ['-SynchronizationRule $syncRule[0]']),
    block('Get-ADSyncRule', [`-Identifier ${psQuote(rule.id)}`]),
  ]
}

function newRuleBlock(rule: SyncRule): string {
  return block('New-ADSyncRule', [
    `-Name ${psQuote(rule.name)}`,
    `-Identifier ${psQuote(rule.id)}`,
    `-Description ${psQuote(rule.description)}`,
    `-Direction ${psQuote(rule.direction)}`,
    `-Precedence ${rule.precedence}`,
    `-PrecedenceAfter ${psQuote(EMPTY_GUID)}`,
    `-PrecedenceBefore ${psQuote(EMPTY_GUID)}`,
    `-SourceObjectType ${psQuote(rule.sourceObjectType)}`,
    `-TargetObjectType ${psQuote(rule.targetObjectType)}`,
    `-Connector ${psQuote(rule.connectorId)}`,
    `-LinkType ${psQuote(rule.linkType)}`,
    '-SoftDeleteExpiryInterval 0',
    `-ImmutableTag ${psQuote(rule.immutableTag)}`,
    ...(rule.enablePasswordSync ? [switchLine('EnablePasswordSync')] : []),
    ...(rule.disabled ? [switchLine('Disabled')] : []),
    '-OutVariable syncRule',
  ])
}

function flowBlock(flow: AttributeFlow): string {
  // A Constant flow carries its value in -Source, as the editor writes it.
  const sources = flow.flowType === 'Constant' ? [flow.constant ?? ''] : flow.sources
  return block('Add-ADSyncAttributeFlowMapping', [
    '-SynchronizationRule $syncRule[0]',
    ...(sources.length > 0 ? [`-Source @(${sources.map(psQuote).join(',')})`] : []),
    `-Destination ${psQuote(flow.target)}`,
    `-FlowType ${psQuote(flow.flowType)}`,
    `-ValueMergeType ${psQuote(flow.mergeType)}`,
    ...(flow.applyOnce ? [switchLine('ExecuteOnce')] : []),
    ...(flow.flowType === 'Expression' && flow.expression !== null
      ? [`-Expression ${psQuote(flow.expression)}`]
      : []),
    '-OutVariable syncRule',
  ])
}

/** The conditions of a group as numbered variables (numbering restarts per group), then the group itself. */
function scopeGroupBlocks(group: ScopeGroup): string[] {
  const conditions = group.clauses.map((clause, index) =>
    block('New-Object', [
      `-TypeName ${psQuote(`${OBJECT_MODEL}.ScopeCondition`)}`,
      `-ArgumentList ${[clause.attribute, clause.value, clause.operator].map(psQuote).join(',')}`,
      `-OutVariable condition${index}`,
    ]),
  )
  return [
    ...conditions,
    block('Add-ADSyncScopeConditionGroup', [
      '-SynchronizationRule $syncRule[0]',
      `-ScopeConditions @(${conditionVariables(group.clauses.length)})`,
      '-OutVariable syncRule',
    ]),
  ]
}

function joinGroupBlocks(group: JoinGroup): string[] {
  const conditions = group.conditions.map((condition, index) =>
    block('New-Object', [
      `-TypeName ${psQuote(`${OBJECT_MODEL}.JoinCondition`)}`,
      `-ArgumentList ${psQuote(condition.csAttribute)},${psQuote(condition.mvAttribute)},${condition.caseSensitive ? '$true' : '$false'}`,
      `-OutVariable condition${index}`,
    ]),
  )
  return [
    ...conditions,
    block('Add-ADSyncJoinConditionGroup', [
      '-SynchronizationRule $syncRule[0]',
      `-JoinConditions @(${conditionVariables(group.conditions.length)})`,
      '-OutVariable syncRule',
    ]),
  ]
}

function conditionVariables(count: number): string {
  return Array.from({ length: count }, (_, index) => `$condition${index}[0]`).join(',')
}
