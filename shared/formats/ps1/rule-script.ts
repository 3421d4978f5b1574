import { type LoadIssue, loadIssue } from '../../model/load-issue'
import type { SyncRule } from '../../model/sync-rule'
import { reportForeignCommand, reportForeignStatement, reportNestedRuleCommands } from './foreign-commands'
import type { BoundArguments, CommandSpec } from './ps-arguments'
import { describeValue } from './ps-literals'
import { PsStatementReader } from './ps-parser'
import type { PsCommand, PsStatement } from './ps-syntax'
import {
  JOIN_GROUP_SPEC,
  readConditionObject,
  readJoinGroup,
  readScopeGroup,
  SCOPE_GROUP_SPEC,
} from './rule-conditions'
import { FLOW_MAPPING_SPEC, readFlowMapping } from './rule-flow'
import { readNewRule } from './rule-header'
import { type RuleDraft, ScriptContext } from './script-context'

/** The rules read from one Synchronization Rules Editor export and what was wrong with it. */
export interface RuleScriptResult {
  readonly rules: readonly SyncRule[]
  readonly issues: readonly LoadIssue[]
}

/** True when a text looks like a Synchronization Rules Editor export (content detection). */
export function looksLikeRuleScript(text: string): boolean {
  return /New-ADSyncRule/i.test(text)
}

/**
 * Reads the sync rules of a Synchronization Rules Editor PowerShell export (docs/FORMATS.md) as data.
 * Nothing in the script is run or evaluated. Never throws: problems come back as issues with positions.
 * A rule with an error is left out; warnings keep it.
 */
export function parseRuleScript(text: string, file: string): RuleScriptResult {
  try {
    return new RuleScriptReader(file).read(text.startsWith('\ufeff') ? text.slice(1) : text)
  } catch (error) {
    // A reader bug must not stop the other files of a snapshot from loading.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      rules: [],
      issues: [loadIssue('error', file, `SyncLens could not read this script (internal error: ${reason}).`)],
    }
  }
}

/**
 * Most top-level statements read from one script. A Synchronization Rules Editor export has a few dozen per rule
 * (a rule, its mappings and conditions): 200,000 is thousands of rules. Past it the reader stops, so a script of
 * millions of lines costs bounded time.
 */
export const MAX_SCRIPT_STATEMENTS = 200_000

const ADD_RULE_SPEC: CommandSpec = {
  parameters: ['SynchronizationRule'],
  switches: [],
  positional: ['SynchronizationRule'],
}

/** Walks the top-level commands in order, as PowerShell would, but only reading them. */
class RuleScriptReader {
  private readonly context: ScriptContext
  private readonly drafts: RuleDraft[] = []
  private current: RuleDraft | null = null

  public constructor(private readonly file: string) {
    this.context = new ScriptContext(file)
  }

  public read(text: string): RuleScriptResult {
    // Statements are read and handled one by one, never held together: memory stays a small multiple of the text.
    const reader = new PsStatementReader(text)
    const syntaxErrors: number[] = []
    const takeDiagnostics = (): void => {
      for (const diagnostic of reader.takeDiagnostics()) {
        this.context.report(diagnostic.severity, diagnostic.position, diagnostic.message)
        if (diagnostic.severity === 'error') syntaxErrors.push(diagnostic.position.offset)
      }
    }
    let count = 0
    for (let statements = reader.next(); statements !== null; statements = reader.next()) {
      takeDiagnostics()
      for (const statement of statements) {
        if (++count > MAX_SCRIPT_STATEMENTS) {
          this.stopReading(statement)
          break
        }
        const nested = reportNestedRuleCommands(this.context, statement)
        if (statement.kind === 'command') this.command(statement)
        else if (!nested) reportForeignStatement(this.context, statement)
      }
      if (count > MAX_SCRIPT_STATEMENTS) break
    }
    takeDiagnostics()
    for (const draft of this.drafts) {
      if (draft.end !== null) continue
      this.context.report(
        'warning',
        draft.start,
        `${draft.label} is not followed by Add-ADSyncRule, so PowerShell would not save it; SyncLens shows it as read.`,
      )
    }
    const rules = this.finish(syntaxErrors)
    return { rules, issues: this.context.issues.list() }
  }

  /** Reports the statement cap and leaves the rule being built out: the rest of its commands were never read. */
  private stopReading(statement: PsStatement): void {
    this.context.error(
      this.current,
      statement.position,
      `The script has more than ${MAX_SCRIPT_STATEMENTS.toLocaleString('en-US')} statements; SyncLens stopped ` +
        'reading here, so rules from this line on are not loaded. Export fewer rules per script.',
    )
  }

  private command(command: PsCommand): void {
    switch (command.name.toLowerCase()) {
      case 'new-adsyncrule': {
        const draft = readNewRule(this.context, command, this.file)
        this.drafts.push(draft)
        this.current = draft
        return
      }
      case 'add-adsyncattributeflowmapping':
        return this.modifyRule(command, FLOW_MAPPING_SPEC, readFlowMapping)
      case 'new-object':
        return readConditionObject(this.context, command)
      case 'add-adsyncscopeconditiongroup':
        return this.modifyRule(command, SCOPE_GROUP_SPEC, readScopeGroup)
      case 'add-adsyncjoinconditiongroup':
        return this.modifyRule(command, JOIN_GROUP_SPEC, readJoinGroup)
      case 'add-adsyncrule':
        return this.addRule(command)
      default:
        return reportForeignCommand(this.context, command)
    }
  }

  /** Runs a reader on the rule a command targets, if that rule is still open; the command outputs the rule. */
  private modifyRule(
    command: PsCommand,
    spec: CommandSpec,
    read: (context: ScriptContext, command: PsCommand, bound: BoundArguments, draft: RuleDraft) => void,
  ): void {
    const bound = this.context.bind(command, spec)
    const draft = this.targetRule(command, bound)
    if (draft === null) {
      this.context.error(
        null,
        command.position,
        `${command.name} has no rule to add to: expected New-ADSyncRule ... -OutVariable syncRule before it. ` +
          'It is ignored.',
      )
      return
    }
    if (draft.end !== null && draft.end.offset < command.position.offset) {
      this.context.report(
        'warning',
        command.position,
        `${command.name} comes after Add-ADSyncRule for ${draft.label}, so PowerShell would not save it; it is ignored.`,
      )
      return
    }
    this.context.store(command, bound, { kind: 'rule', draft })
    read(this.context, command, bound, draft)
  }

  /** The rule a command works on: its -SynchronizationRule variable, else the rule being built. */
  private targetRule(command: PsCommand, bound: BoundArguments): RuleDraft | null {
    const argument = bound.values.get('SynchronizationRule')
    if (argument?.kind === 'value') {
      const binding = this.context.lookup(argument.value)
      if (binding?.kind === 'rule') return binding.draft
      this.context.report(
        'warning',
        argument.position,
        `-SynchronizationRule of ${command.name} is ${describeValue(argument.value)}, which holds no rule created ` +
          'by New-ADSyncRule above; the rule being built is used.',
      )
    } else if (!command.piped) {
      this.context.report(
        'warning',
        command.position,
        `${command.name} has no -SynchronizationRule; the rule being built is used.`,
      )
    }
    return this.current
  }

  private addRule(command: PsCommand): void {
    const bound = this.context.bind(command, ADD_RULE_SPEC)
    const draft = this.targetRule(command, bound)
    if (draft === null) {
      this.context.error(
        null,
        command.position,
        'Add-ADSyncRule has no rule to save: expected New-ADSyncRule before it.',
      )
      return
    }
    if (draft.end !== null) {
      this.context.report(
        'warning',
        command.position,
        `${draft.label} is passed to Add-ADSyncRule more than once.`,
      )
      return
    }
    draft.end = command.position
    this.context.store(command, bound, { kind: 'rule', draft })
    if (draft === this.current) this.current = null
  }

  /**
   * Turns drafts into rules, leaving out those with errors (their own, or syntax errors inside them). The offsets
   * of syntax errors arrive in script order, so each rule's count is two binary searches.
   */
  private finish(syntaxErrors: readonly number[]): SyncRule[] {
    const rules: SyncRule[] = []
    const seen = new Map<string, string>()
    for (const draft of this.drafts) {
      const end = draft.end?.offset ?? Number.MAX_SAFE_INTEGER
      const inside = firstAbove(syntaxErrors, end) - firstAtOrAbove(syntaxErrors, draft.start.offset)
      if (draft.errors + inside > 0) {
        this.context.report(
          'error',
          draft.start,
          `${draft.label} is not loaded because of the errors reported for it.`,
        )
        continue
      }
      const other = seen.get(draft.fields.id)
      if (other !== undefined) {
        this.context.report(
          'warning',
          draft.start,
          `${draft.label} has the same identifier as rule "${other}".`,
        )
      }
      seen.set(draft.fields.id, draft.fields.name)
      rules.push({
        ...draft.fields,
        scopeGroups: draft.scopeGroups,
        joinGroups: draft.joinGroups,
        flows: draft.flows,
      })
    }
    return rules
  }
}

/** Index of the first offset >= value in ascending offsets. */
function firstAtOrAbove(offsets: readonly number[], value: number): number {
  let low = 0
  let high = offsets.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((offsets[middle] ?? 0) < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Index of the first offset > value in ascending offsets. */
function firstAbove(offsets: readonly number[], value: number): number {
  return firstAtOrAbove(offsets, value === Number.MAX_SAFE_INTEGER ? value : value + 1)
}
