import { type LoadIssue, loadIssue } from '../../model/load-issue'
import type {
  AttributeFlow,
  JoinCondition,
  JoinGroup,
  LinkType,
  RuleDirection,
  ScopeClause,
  ScopeGroup,
  SyncRule,
} from '../../model/sync-rule'
import { type BoundArgument, type BoundArguments, bindArguments, type CommandSpec } from './ps-arguments'
import { describeValue, listItems, literalText } from './ps-literals'
import { parsePowerShell } from './ps-parser'
import {
  type PsCommand,
  type PsDiagnostic,
  type PsPosition,
  type PsStatement,
  type PsValue,
  visitSyntax,
} from './ps-syntax'
import {
  derivedRuleId,
  ENUM_CHOICES,
  parseBooleanText,
  parseDirection,
  parseFlowType,
  parseGuid,
  parseLinkType,
  parseMergeType,
  parseScopeOperator,
} from './rule-fields'

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
 * Reads the sync rules of a Synchronization Rules Editor PowerShell export (FORMATS.md §2.1) as data.
 * Nothing in the script is run or evaluated. Never throws: problems come back as issues with positions.
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

const NEW_RULE: CommandSpec = {
  parameters: [
    'Name',
    'Identifier',
    'Description',
    'Direction',
    'Precedence',
    'PrecedenceAfter',
    'PrecedenceBefore',
    'SourceObjectType',
    'TargetObjectType',
    'Connector',
    'LinkType',
    'SoftDeleteExpiryInterval',
    'ImmutableTag',
  ],
  switches: ['EnablePasswordSync', 'Disabled'],
}
const ADD_FLOW: CommandSpec = {
  parameters: ['SynchronizationRule', 'Source', 'Destination', 'FlowType', 'ValueMergeType', 'Expression'],
  switches: ['ExecuteOnce'],
}
const NEW_OBJECT: CommandSpec = {
  parameters: ['TypeName', 'ArgumentList', 'Property', 'ComObject'],
  switches: ['Strict'],
  positional: ['TypeName', 'ArgumentList'],
}
const ADD_SCOPE_GROUP: CommandSpec = { parameters: ['SynchronizationRule', 'ScopeConditions'], switches: [] }
const ADD_JOIN_GROUP: CommandSpec = { parameters: ['SynchronizationRule', 'JoinConditions'], switches: [] }
const ADD_RULE: CommandSpec = {
  parameters: ['SynchronizationRule'],
  switches: [],
  positional: ['SynchronizationRule'],
}

/** Commands this reader understands; the same names inside blocks are reported as not read. */
const RULE_COMMANDS = new Set([
  'new-adsyncrule',
  'add-adsyncattributeflowmapping',
  'new-object',
  'add-adsyncscopeconditiongroup',
  'add-adsyncjoinconditiongroup',
  'add-adsyncrule',
])
/** Commands whose effect depends on code SyncLens would have to run. */
const CODE_RUNNERS = new Set([
  'invoke-expression',
  'iex',
  'invoke-command',
  'icm',
  'start-process',
  'saps',
  'start',
  'start-job',
  'invoke-item',
  'ii',
])

interface RuleDraft {
  readonly start: PsPosition
  end: PsPosition | null
  readonly label: string
  readonly fields: Omit<SyncRule, 'scopeGroups' | 'joinGroups' | 'flows'>
  readonly scopeGroups: ScopeGroup[]
  readonly joinGroups: JoinGroup[]
  readonly flows: AttributeFlow[]
  errors: number
}

type Binding =
  | { readonly kind: 'rule'; readonly draft: RuleDraft }
  | { readonly kind: 'scope'; readonly clause: ScopeClause }
  | { readonly kind: 'join'; readonly condition: JoinCondition }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'other' }

class RuleScriptReader {
  private readonly issues: LoadIssue[] = []
  private readonly drafts: RuleDraft[] = []
  /** PowerShell variable names are case-insensitive: keys are lower-case; values mimic -OutVariable lists. */
  private readonly variables = new Map<string, Binding[]>()
  private current: RuleDraft | null = null

  public constructor(private readonly file: string) {}

  public read(text: string): RuleScriptResult {
    const { statements, diagnostics } = parsePowerShell(text)
    for (const diagnostic of diagnostics)
      this.report(diagnostic.severity, diagnostic.position, diagnostic.message)
    for (const statement of statements) {
      const nested = this.reportNestedRuleCommands(statement)
      if (statement.kind === 'command') this.command(statement)
      else if (!nested) this.otherStatement(statement)
    }
    for (const draft of this.drafts) if (draft.end === null) this.unfinished(draft)
    return { rules: this.finish(diagnostics), issues: this.issues }
  }

  private report(severity: LoadIssue['severity'], position: PsPosition, message: string): void {
    this.issues.push(
      loadIssue(severity, this.file, message, { line: position.line, column: position.column }),
    )
  }

  private error(draft: RuleDraft | null, position: PsPosition, message: string): void {
    if (draft !== null) draft.errors++
    this.report('error', position, message)
  }

  private command(command: PsCommand): void {
    switch (command.name.toLowerCase()) {
      case 'new-adsyncrule':
        return this.newRule(command)
      case 'add-adsyncattributeflowmapping':
        return this.addFlow(command)
      case 'new-object':
        return this.newObject(command)
      case 'add-adsyncscopeconditiongroup':
        return this.addScopeGroup(command)
      case 'add-adsyncjoinconditiongroup':
        return this.addJoinGroup(command)
      case 'add-adsyncrule':
        return this.addRule(command)
      default:
        return this.otherCommand(command)
    }
  }

  private bind(command: PsCommand, spec: CommandSpec): BoundArguments {
    const bound = bindArguments(command, spec)
    for (const problem of bound.problems) this.report('warning', problem.position, problem.message)
    return bound
  }

  /** The literal text of a parameter; null when absent or not a literal (which is reported). */
  private text(bound: BoundArguments, name: string, command: PsCommand): string | null {
    const argument = bound.values.get(name)
    if (argument === undefined) return null
    if (argument.kind === 'switch') return argument.value ? 'True' : 'False'
    return this.literal(argument.value, `-${name} of ${command.name}`)
  }

  private literal(value: PsValue, what: string): string | null {
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

  private flag(bound: BoundArguments, name: string): boolean {
    const argument = bound.values.get(name)
    return argument?.kind === 'switch' && argument.value
  }

  private outVariable(command: PsCommand, bound: BoundArguments, binding: Binding): void {
    const argument = bound.values.get('OutVariable')
    const written = argument?.kind === 'value' ? literalText(argument.value) : null
    if (written !== null && written !== '') {
      const append = written.startsWith('+')
      const key = (append ? written.slice(1) : written).toLowerCase()
      const existing = append ? (this.variables.get(key) ?? []) : []
      this.variables.set(key, [...existing, binding])
    }
    if (command.assignedTo !== null) this.variables.set(command.assignedTo.toLowerCase(), [binding])
  }

  private lookup(value: PsValue): Binding | undefined {
    if (value.kind !== 'variable') return undefined
    const list = this.variables.get(value.name.toLowerCase())
    return list?.[value.index ?? 0]
  }

  private newRule(command: PsCommand): void {
    const bound = this.bind(command, NEW_RULE)
    const name = this.text(bound, 'Name', command) ?? ''
    const label = `Rule "${name}"`
    let errors = 0
    const fail = (position: PsPosition, message: string): void => {
      errors++
      this.report('error', position, message)
    }
    const warn = (message: string): void => this.report('warning', command.position, message)
    if (!bound.values.has('Name')) warn('New-ADSyncRule has no -Name; the rule is shown without a name.')

    const id = this.ruleId(bound, command, name)
    const directionText = this.text(bound, 'Direction', command)
    const direction: RuleDirection | null = directionText === null ? null : parseDirection(directionText)
    if (direction === null) {
      fail(
        positionOf(bound.values.get('Direction')) ?? command.position,
        `${label}: expected -Direction 'Inbound' or 'Outbound'${directionText === null ? '' : `, found '${directionText}'`}; the rule is not loaded.`,
      )
    }
    const precedence = this.precedence(bound, command, label, fail)
    const linkText = this.text(bound, 'LinkType', command)
    const linkType: LinkType | null = linkText === null ? 'Join' : parseLinkType(linkText)
    if (linkType === null) {
      fail(
        positionOf(bound.values.get('LinkType')) ?? command.position,
        `${label}: expected -LinkType ${ENUM_CHOICES.linkType.join(', ')}, found '${linkText ?? ''}'; the rule is not loaded.`,
      )
    }
    const connectorText = this.text(bound, 'Connector', command)
    const connectorId =
      connectorText === null ? '' : (parseGuid(connectorText) ?? connectorText.trim().toLowerCase())
    if (connectorText === null) warn(`${label} has no -Connector GUID; it cannot be matched to a connector.`)
    else if (parseGuid(connectorText) === null) {
      warn(`${label}: -Connector '${connectorText}' is not a GUID; it may not match any connector.`)
    }
    const sourceObjectType = this.text(bound, 'SourceObjectType', command)
    const targetObjectType = this.text(bound, 'TargetObjectType', command)
    if (sourceObjectType === null) warn(`${label} has no -SourceObjectType; it applies to no object.`)
    if (targetObjectType === null) warn(`${label} has no -TargetObjectType; it applies to no object.`)

    const draft: RuleDraft = {
      start: command.position,
      end: null,
      label,
      fields: {
        id,
        name,
        description: this.text(bound, 'Description', command) ?? '',
        direction: direction ?? 'Inbound',
        precedence,
        connectorId,
        connectorName: null,
        sourceObjectType: sourceObjectType ?? '',
        targetObjectType: targetObjectType ?? '',
        linkType: linkType ?? 'Join',
        disabled: this.flag(bound, 'Disabled'),
        immutableTag: this.text(bound, 'ImmutableTag', command) ?? '',
        enablePasswordSync: this.flag(bound, 'EnablePasswordSync'),
        origin: this.file,
      },
      scopeGroups: [],
      joinGroups: [],
      flows: [],
      errors,
    }
    this.drafts.push(draft)
    this.current = draft
    this.outVariable(command, bound, { kind: 'rule', draft })
  }

  private ruleId(bound: BoundArguments, command: PsCommand, name: string): string {
    const written = this.text(bound, 'Identifier', command)
    const id = written === null ? null : parseGuid(written)
    if (id !== null) return id
    const derived = derivedRuleId(name)
    const problem =
      written === null ? 'has no -Identifier' : `has -Identifier '${written}', which is not a GUID`
    this.report(
      'warning',
      positionOf(bound.values.get('Identifier')) ?? command.position,
      `Rule "${name}" ${problem}; SyncLens uses the id ${derived}, derived from the rule name.`,
    )
    return derived
  }

  private precedence(
    bound: BoundArguments,
    command: PsCommand,
    label: string,
    fail: (position: PsPosition, message: string) => void,
  ): number {
    const text = this.text(bound, 'Precedence', command)
    if (text === null) {
      this.report('warning', command.position, `${label} has no -Precedence; 0 is assumed.`)
      return 0
    }
    if (/^\d+$/.test(text.trim())) return Number(text.trim())
    fail(
      positionOf(bound.values.get('Precedence')) ?? command.position,
      `${label}: expected -Precedence as a non-negative whole number, found '${text}'; the rule is not loaded.`,
    )
    return 0
  }

  private unfinished(draft: RuleDraft): void {
    this.report(
      'warning',
      draft.start,
      `${draft.label} is not followed by Add-ADSyncRule, so PowerShell would not save it; SyncLens shows it as read.`,
    )
  }

  /** The rule a command adds to: its -SynchronizationRule variable, else the rule being built. */
  private targetRule(command: PsCommand, bound: BoundArguments): RuleDraft | null {
    const argument = bound.values.get('SynchronizationRule')
    if (argument?.kind === 'value') {
      const binding = this.lookup(argument.value)
      if (binding?.kind === 'rule') return binding.draft
      this.report(
        'warning',
        argument.position,
        `-SynchronizationRule of ${command.name} is ${describeValue(argument.value)}, which holds no rule created ` +
          'by New-ADSyncRule above; the rule being built is used.',
      )
    } else if (!command.piped) {
      this.report(
        'warning',
        command.position,
        `${command.name} has no -SynchronizationRule; the rule being built is used.`,
      )
    }
    return this.current
  }

  private openRule(command: PsCommand, bound: BoundArguments): RuleDraft | null {
    const draft = this.targetRule(command, bound)
    if (draft === null) {
      this.error(
        null,
        command.position,
        `${command.name} has no rule to add to: expected New-ADSyncRule ... -OutVariable syncRule before it. It is ignored.`,
      )
      return null
    }
    if (draft.end !== null && draft.end.offset < command.position.offset) {
      this.report(
        'warning',
        command.position,
        `${command.name} comes after Add-ADSyncRule for ${draft.label}, so PowerShell would not save it; it is ignored.`,
      )
      return null
    }
    return draft
  }

  private addFlow(command: PsCommand): void {
    const bound = this.bind(command, ADD_FLOW)
    const draft = this.openRule(command, bound)
    if (draft === null) return
    this.outVariable(command, bound, { kind: 'rule', draft })
    const fail = (argument: BoundArgument | undefined, message: string): void =>
      this.error(
        draft,
        positionOf(argument) ?? command.position,
        `${draft.label}: ${message} The rule is not loaded.`,
      )

    const target = this.text(bound, 'Destination', command)
    if (target === null || target === '') {
      fail(
        bound.values.get('Destination'),
        'Add-ADSyncAttributeFlowMapping needs -Destination (the target attribute).',
      )
      return
    }
    const sources: string[] = []
    const sourceArgument = bound.values.get('Source')
    if (sourceArgument?.kind === 'value') {
      for (const item of listItems(sourceArgument.value)) {
        const text = this.literal(item, `A -Source item of the mapping to ${target}`)
        if (text === null)
          return fail(sourceArgument, `the mapping to ${target} has a -Source item that is not literal.`)
        sources.push(text)
      }
    }
    const expression = this.text(bound, 'Expression', command)
    const flowText = this.text(bound, 'FlowType', command)
    const flowType =
      flowText === null ? (expression === null ? 'Direct' : 'Expression') : parseFlowType(flowText)
    if (flowType === null) {
      return fail(
        bound.values.get('FlowType'),
        `the mapping to ${target} has -FlowType '${flowText ?? ''}'; expected ${ENUM_CHOICES.flowType.join(', ')}.`,
      )
    }
    if (flowText === null)
      this.report(
        'warning',
        command.position,
        `The mapping to ${target} has no -FlowType; ${flowType} is assumed.`,
      )
    const mergeText = this.text(bound, 'ValueMergeType', command)
    const mergeType = mergeText === null ? 'Update' : parseMergeType(mergeText)
    if (mergeType === null) {
      return fail(
        bound.values.get('ValueMergeType'),
        `the mapping to ${target} has -ValueMergeType '${mergeText ?? ''}'; expected ${ENUM_CHOICES.mergeType.join(', ')}.`,
      )
    }
    const applyOnce = this.flag(bound, 'ExecuteOnce')
    if (flowType === 'Expression' && expression === null) {
      return fail(bound.values.get('FlowType'), `the Expression mapping to ${target} has no -Expression.`)
    }
    if (flowType === 'Constant' && sources.length === 0) {
      return fail(
        bound.values.get('FlowType'),
        `the Constant mapping to ${target} has no value in -Source @('value').`,
      )
    }
    if (flowType !== 'Expression' && expression !== null) {
      this.report(
        'warning',
        command.position,
        `The ${flowType} mapping to ${target} has an -Expression; it is ignored.`,
      )
    }
    if (flowType === 'Direct' && sources.length !== 1) {
      this.report(
        'warning',
        command.position,
        `The Direct mapping to ${target} should have exactly one -Source attribute.`,
      )
    }
    if (flowType === 'Constant' && sources.length > 1) {
      this.report(
        'warning',
        command.position,
        `The Constant mapping to ${target} has several values; the first is used.`,
      )
    }
    if (draft.flows.some((flow) => flow.target.toLowerCase() === target.toLowerCase())) {
      this.report(
        'warning',
        command.position,
        `${draft.label} maps ${target} more than once; the engine refuses this, SyncLens keeps both mappings.`,
      )
    }
    draft.flows.push({
      target,
      flowType,
      sources: flowType === 'Constant' ? [] : sources,
      expression: flowType === 'Expression' ? expression : null,
      constant: flowType === 'Constant' ? (sources[0] ?? '') : null,
      mergeType,
      applyOnce,
    })
  }

  private newObject(command: PsCommand): void {
    const bound = this.bind(command, NEW_OBJECT)
    const typeName = (this.text(bound, 'TypeName', command) ?? '').trim().toLowerCase()
    const kind = /(^|\.)scopecondition$/.test(typeName)
      ? 'scope'
      : /(^|\.)joincondition$/.test(typeName)
        ? 'join'
        : null
    if (kind === null) {
      this.outVariable(command, bound, { kind: 'other' })
      return
    }
    const argument = bound.values.get('ArgumentList')
    const items = argument?.kind === 'value' ? listItems(argument.value) : []
    const texts = items.map((item) => literalText(item))
    const binding =
      kind === 'scope' ? this.scopeCondition(command, texts) : this.joinCondition(command, texts)
    if (!bound.values.has('OutVariable') && command.assignedTo === null) {
      this.report(
        'warning',
        command.position,
        'This condition is not kept in a variable (-OutVariable), so no condition group can use it.',
      )
    }
    this.outVariable(command, bound, binding)
  }

  private scopeCondition(command: PsCommand, texts: readonly (string | null)[]): Binding {
    const [attribute, value, operatorText] = texts
    const operator =
      operatorText === null || operatorText === undefined ? null : parseScopeOperator(operatorText)
    if (
      texts.length !== 3 ||
      attribute === null ||
      attribute === undefined ||
      value === null ||
      value === undefined
    ) {
      this.error(
        null,
        command.position,
        "A ScopeCondition needs -ArgumentList 'attribute','value','OPERATOR' with three literal values; " +
          'the rule that uses it is not loaded.',
      )
      return { kind: 'invalid' }
    }
    if (operator === null) {
      this.error(
        null,
        command.position,
        `The scope condition on ${attribute} has the unknown operator '${operatorText ?? ''}'; the rule that uses it is not loaded.`,
      )
      return { kind: 'invalid' }
    }
    return { kind: 'scope', clause: { attribute, operator, value } }
  }

  private joinCondition(command: PsCommand, texts: readonly (string | null)[]): Binding {
    const [csAttribute, mvAttribute, caseText] = texts
    const caseSensitive =
      caseText === undefined ? false : caseText === null ? null : parseBooleanText(caseText)
    if (
      texts.length < 2 ||
      texts.length > 3 ||
      csAttribute === null ||
      csAttribute === undefined ||
      mvAttribute === null ||
      mvAttribute === undefined ||
      caseSensitive === null
    ) {
      this.error(
        null,
        command.position,
        "A JoinCondition needs -ArgumentList 'csAttribute','mvAttribute',$false with literal values; " +
          'the rule that uses it is not loaded.',
      )
      return { kind: 'invalid' }
    }
    return { kind: 'join', condition: { csAttribute, mvAttribute, caseSensitive } }
  }

  private conditions<K extends 'scope' | 'join'>(
    command: PsCommand,
    bound: BoundArguments,
    parameter: 'ScopeConditions' | 'JoinConditions',
    kind: K,
    draft: RuleDraft,
  ): Extract<Binding, { readonly kind: K }>[] {
    const argument = bound.values.get(parameter)
    const items = argument?.kind === 'value' ? listItems(argument.value) : []
    const found: Extract<Binding, { readonly kind: K }>[] = []
    const noun = kind === 'scope' ? 'ScopeCondition' : 'JoinCondition'
    for (const item of items) {
      const binding = this.lookup(item)
      if (binding?.kind === 'invalid') {
        draft.errors++
      } else if (binding !== undefined && binding.kind === kind) {
        found.push(binding as Extract<Binding, { readonly kind: K }>)
      } else {
        this.error(
          draft,
          item.position,
          `${draft.label}: ${describeValue(item)} in -${parameter} holds no ${noun}; expected a variable ` +
            `set by New-Object ... ${noun} ... -OutVariable before this line. The rule is not loaded.`,
        )
      }
    }
    if (items.length === 0) {
      this.report(
        'warning',
        command.position,
        `${command.name} has no -${parameter}; the empty group is ignored.`,
      )
    }
    return found
  }

  private addScopeGroup(command: PsCommand): void {
    const bound = this.bind(command, ADD_SCOPE_GROUP)
    const draft = this.openRule(command, bound)
    if (draft === null) return
    this.outVariable(command, bound, { kind: 'rule', draft })
    const clauses = this.conditions(command, bound, 'ScopeConditions', 'scope', draft).map(
      (binding) => binding.clause,
    )
    if (clauses.length > 0) draft.scopeGroups.push({ clauses })
  }

  private addJoinGroup(command: PsCommand): void {
    const bound = this.bind(command, ADD_JOIN_GROUP)
    const draft = this.openRule(command, bound)
    if (draft === null) return
    this.outVariable(command, bound, { kind: 'rule', draft })
    const conditions = this.conditions(command, bound, 'JoinConditions', 'join', draft).map(
      (binding) => binding.condition,
    )
    if (conditions.length > 0) draft.joinGroups.push({ conditions })
  }

  private addRule(command: PsCommand): void {
    const bound = this.bind(command, ADD_RULE)
    const draft = this.targetRule(command, bound)
    if (draft === null) {
      this.error(
        null,
        command.position,
        'Add-ADSyncRule has no rule to save: expected New-ADSyncRule before it.',
      )
      return
    }
    if (draft.end !== null) {
      this.report('warning', command.position, `${draft.label} is passed to Add-ADSyncRule more than once.`)
      return
    }
    draft.end = command.position
    this.outVariable(command, bound, { kind: 'rule', draft })
    if (draft === this.current) this.current = null
  }

  private otherCommand(command: PsCommand): void {
    const name = command.name.toLowerCase()
    const [verb = '', noun = ''] = name.split('-', 2)
    const label = command.name === '' ? 'This command' : command.name
    if (command.invocation !== 'direct' || CODE_RUNNERS.has(name)) {
      this.report(
        'warning',
        command.position,
        `${label} would run other code; SyncLens never runs scripts, so anything it adds to a rule is missing.`,
      )
    } else if (noun.startsWith('adsync') && verb !== 'get') {
      this.report(
        'warning',
        command.position,
        `${command.name} is not read: SyncLens reads only the commands of a Synchronization Rules Editor export; ` +
          'if it changes a rule, that change is missing.',
      )
    } else if (this.usesRuleVariable([command])) {
      this.report(
        'warning',
        command.position,
        `${command.name} uses a rule variable; SyncLens does not know this command, so any change it makes is missing.`,
      )
    }
  }

  private otherStatement(statement: PsStatement): void {
    if (!this.usesRuleVariable([statement])) return
    this.report(
      'warning',
      statement.position,
      'This statement uses a rule variable; SyncLens does not evaluate statements, so any change it makes is missing.',
    )
  }

  private usesRuleVariable(statements: readonly PsStatement[]): boolean {
    let uses = false
    visitSyntax(statements, {
      value: (value) => {
        if (this.lookup(value)?.kind === 'rule') uses = true
      },
    })
    return uses
  }

  /** Reports rule commands that sit inside blocks or expressions; true when there were any. */
  private reportNestedRuleCommands(statement: PsStatement): boolean {
    let found = false
    visitSyntax([statement], {
      statement: (nested) => {
        if (nested === statement || nested.kind !== 'command') return
        if (!RULE_COMMANDS.has(nested.name.toLowerCase())) return
        found = true
        this.report(
          'warning',
          nested.position,
          `${nested.name} inside a block or expression is not read; SyncLens reads rule commands only at the top level.`,
        )
      },
    })
    return found
  }

  private finish(diagnostics: readonly PsDiagnostic[]): SyncRule[] {
    const rules: SyncRule[] = []
    const seen = new Map<string, string>()
    for (const draft of this.drafts) {
      const end = draft.end?.offset ?? Number.MAX_SAFE_INTEGER
      const syntaxErrors = diagnostics.filter(
        (diagnostic) =>
          diagnostic.severity === 'error' &&
          diagnostic.position.offset >= draft.start.offset &&
          diagnostic.position.offset <= end,
      ).length
      if (draft.errors + syntaxErrors > 0) {
        this.report(
          'error',
          draft.start,
          `${draft.label} is not loaded because of the errors reported for it.`,
        )
        continue
      }
      const other = seen.get(draft.fields.id)
      if (other !== undefined) {
        this.report('warning', draft.start, `${draft.label} has the same identifier as rule "${other}".`)
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

function positionOf(argument: BoundArgument | undefined): PsPosition | null {
  return argument?.position ?? null
}
