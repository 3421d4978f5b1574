import { IssueCollector, type LoadIssue, loadIssue } from '../../model/load-issue'
import type {
  AttributeFlow,
  JoinCondition,
  JoinGroup,
  ScopeClause,
  ScopeGroup,
  SyncRule,
} from '../../model/sync-rule'
import { type BoundArgument, type BoundArguments, bindArguments, type CommandSpec } from './ps-arguments'
import { describeValue, literalText } from './ps-literals'
import type { PsCommand, PsPosition, PsValue } from './ps-syntax'

/** A rule while its script is being read; it becomes a SyncRule only if no error was reported for it. */
export interface RuleDraft {
  readonly start: PsPosition
  /** Where Add-ADSyncRule saved it; null while it has not been saved. */
  end: PsPosition | null
  /** `Rule "<name>"`, for messages. */
  readonly label: string
  readonly fields: Omit<SyncRule, 'scopeGroups' | 'joinGroups' | 'flows'>
  readonly scopeGroups: ScopeGroup[]
  readonly joinGroups: JoinGroup[]
  readonly flows: AttributeFlow[]
  errors: number
}

/** What a script variable holds, as far as the reader can tell without running anything. */
export type Binding =
  | { readonly kind: 'rule'; readonly draft: RuleDraft }
  | { readonly kind: 'scope'; readonly clause: ScopeClause }
  | { readonly kind: 'join'; readonly condition: JoinCondition }
  /** A condition that could not be read; already reported, and poisons the rule that uses it. */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'other' }

/** Issues and variables shared by the command readers of one script. */
export class ScriptContext {
  /** Problems found so far, in reading order; the first of the file kept, the rest counted. */
  public readonly issues = new IssueCollector()
  /** PowerShell variable names are case-insensitive: keys are lower-case; values mimic -OutVariable lists. */
  private readonly variables = new Map<string, Binding[]>()

  public constructor(private readonly file: string) {}

  /** Records an issue at a script position. */
  public report(severity: LoadIssue['severity'], position: PsPosition, message: string): void {
    this.issues.push(
      loadIssue(severity, this.file, message, { line: position.line, column: position.column }),
    )
  }

  /** Records an error; the rule it belongs to, if any, will not be loaded. */
  public error(draft: RuleDraft | null, position: PsPosition, message: string): void {
    if (draft !== null) draft.errors++
    this.report('error', position, message)
  }

  /** Binds a command's arguments, reporting unknown or malformed ones as warnings. */
  public bind(command: PsCommand, spec: CommandSpec): BoundArguments {
    const bound = bindArguments(command, spec)
    for (const problem of bound.problems) this.report('warning', problem.position, problem.message)
    return bound
  }

  /** The literal text of a parameter; null when absent or not a literal (which is reported). */
  public text(bound: BoundArguments, name: string, command: PsCommand): string | null {
    const argument = bound.values.get(name)
    if (argument === undefined) return null
    if (argument.kind === 'switch') return argument.value ? 'True' : 'False'
    return this.literal(argument.value, `-${name} of ${command.name}`)
  }

  /** The text of a literal value; warns about values that would need evaluating and about `"$..."` text. */
  public literal(value: PsValue, what: string): string | null {
    const text = literalText(value)
    if (text === null) {
      this.report(
        'warning',
        value.position,
        `${what} is ${describeValue(value)}, not a literal value; SyncLens never evaluates scripts, so it is ignored.`,
      )
      return null
    }
    if (value.kind === 'string' && value.expandable) {
      this.report(
        'warning',
        value.position,
        `${what} is a double-quoted string with $ in it; PowerShell would substitute variables there, ` +
          'SyncLens keeps the text exactly as written.',
      )
    }
    return text
  }

  /** True when a switch parameter is present and not turned off with `:$false`. */
  public flag(bound: BoundArguments, name: string): boolean {
    const argument = bound.values.get(name)
    return argument?.kind === 'switch' && argument.value
  }

  /** Stores a command's result in its -OutVariable (`+name` appends) and in `$x = ...`. */
  public store(command: PsCommand, bound: BoundArguments, binding: Binding): void {
    const argument = bound.values.get('OutVariable')
    const written = argument?.kind === 'value' ? literalText(argument.value) : null
    if (written !== null && written !== '') {
      const append = written.startsWith('+')
      const key = (append ? written.slice(1) : written).toLowerCase()
      const existing = append ? this.variables.get(key) : undefined
      if (existing === undefined) this.variables.set(key, [binding])
      else existing.push(binding)
    }
    if (command.assignedTo !== null) this.variables.set(command.assignedTo.toLowerCase(), [binding])
  }

  /** What `$name` or `$name[i]` holds; undefined for anything else or an unknown variable. */
  public lookup(value: PsValue): Binding | undefined {
    if (value.kind !== 'variable') return undefined
    return this.variables.get(value.name.toLowerCase())?.[value.index ?? 0]
  }
}

/** The position of a bound argument, if it was given. */
export function positionOf(argument: BoundArgument | undefined): PsPosition | null {
  return argument?.position ?? null
}
