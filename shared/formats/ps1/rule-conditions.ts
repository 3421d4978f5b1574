import type { BoundArguments, CommandSpec } from './ps-arguments'
import { describeValue, listItems, literalText } from './ps-literals'
import type { PsCommand } from './ps-syntax'
import { parseBooleanText, parseScopeOperator } from './rule-fields'
import type { Binding, RuleDraft, ScriptContext } from './script-context'

/** The parameters of New-Object (TypeName and ArgumentList may be positional). */
export const NEW_OBJECT_SPEC: CommandSpec = {
  parameters: ['TypeName', 'ArgumentList', 'Property', 'ComObject'],
  switches: ['Strict'],
  positional: ['TypeName', 'ArgumentList'],
}

/** The parameters of Add-ADSyncScopeConditionGroup. */
export const SCOPE_GROUP_SPEC: CommandSpec = {
  parameters: ['SynchronizationRule', 'ScopeConditions'],
  switches: [],
}

/** The parameters of Add-ADSyncJoinConditionGroup. */
export const JOIN_GROUP_SPEC: CommandSpec = {
  parameters: ['SynchronizationRule', 'JoinConditions'],
  switches: [],
}

/**
 * Reads `New-Object ... ScopeCondition|JoinCondition -ArgumentList ...` into its -OutVariable.
 * Other types are remembered as "other", so a group that names them is reported.
 */
export function readConditionObject(context: ScriptContext, command: PsCommand): void {
  const bound = context.bind(command, NEW_OBJECT_SPEC)
  const typeName = (context.text(bound, 'TypeName', command) ?? '').trim().toLowerCase()
  const kind = /(^|\.)scopecondition$/.test(typeName)
    ? 'scope'
    : /(^|\.)joincondition$/.test(typeName)
      ? 'join'
      : null
  if (kind === null) {
    context.store(command, bound, { kind: 'other' })
    return
  }
  const argument = bound.values.get('ArgumentList')
  const texts = (argument?.kind === 'value' ? listItems(argument.value) : []).map(literalText)
  const binding =
    kind === 'scope' ? scopeCondition(context, command, texts) : joinCondition(context, command, texts)
  if (!bound.values.has('OutVariable') && command.assignedTo === null) {
    context.report(
      'warning',
      command.position,
      'This condition is not kept in a variable (-OutVariable), so no condition group can use it.',
    )
  }
  context.store(command, bound, binding)
}

/** Adds the scope group of an `Add-ADSyncScopeConditionGroup` to the rule. */
export function readScopeGroup(
  context: ScriptContext,
  command: PsCommand,
  bound: BoundArguments,
  draft: RuleDraft,
): void {
  const clauses = groupMembers(context, command, bound, 'ScopeConditions', 'scope', draft).map(
    (binding) => binding.clause,
  )
  if (clauses.length > 0) draft.scopeGroups.push({ clauses })
}

/** Adds the join group of an `Add-ADSyncJoinConditionGroup` to the rule. */
export function readJoinGroup(
  context: ScriptContext,
  command: PsCommand,
  bound: BoundArguments,
  draft: RuleDraft,
): void {
  const conditions = groupMembers(context, command, bound, 'JoinConditions', 'join', draft).map(
    (binding) => binding.condition,
  )
  if (conditions.length > 0) draft.joinGroups.push({ conditions })
}

function scopeCondition(
  context: ScriptContext,
  command: PsCommand,
  texts: readonly (string | null)[],
): Binding {
  const [attribute, value, operatorText] = texts
  if (texts.length !== 3 || attribute == null || value == null) {
    context.error(
      null,
      command.position,
      "A ScopeCondition needs -ArgumentList 'attribute','value','OPERATOR' with three literal values; " +
        'the rule that uses it is not loaded.',
    )
    return { kind: 'invalid' }
  }
  const operator = operatorText == null ? null : parseScopeOperator(operatorText)
  if (operator === null) {
    context.error(
      null,
      command.position,
      `The scope condition on ${attribute} has the unknown operator '${operatorText ?? ''}'; ` +
        'the rule that uses it is not loaded.',
    )
    return { kind: 'invalid' }
  }
  return { kind: 'scope', clause: { attribute, operator, value } }
}

function joinCondition(
  context: ScriptContext,
  command: PsCommand,
  texts: readonly (string | null)[],
): Binding {
  const [csAttribute, mvAttribute, caseText] = texts
  // The third argument (case-sensitive) is optional in the constructor; exports always write it.
  const caseSensitive = caseText === undefined ? false : caseText === null ? null : parseBooleanText(caseText)
  if (
    texts.length < 2 ||
    texts.length > 3 ||
    csAttribute == null ||
    mvAttribute == null ||
    caseSensitive === null
  ) {
    context.error(
      null,
      command.position,
      "A JoinCondition needs -ArgumentList 'csAttribute','mvAttribute',$false with literal values; " +
        'the rule that uses it is not loaded.',
    )
    return { kind: 'invalid' }
  }
  return { kind: 'join', condition: { csAttribute, mvAttribute, caseSensitive } }
}

function groupMembers<K extends 'scope' | 'join'>(
  context: ScriptContext,
  command: PsCommand,
  bound: BoundArguments,
  parameter: 'ScopeConditions' | 'JoinConditions',
  kind: K,
  draft: RuleDraft,
): Extract<Binding, { readonly kind: K }>[] {
  const argument = bound.values.get(parameter)
  const items = argument?.kind === 'value' ? listItems(argument.value) : []
  const noun = kind === 'scope' ? 'ScopeCondition' : 'JoinCondition'
  const found: Extract<Binding, { readonly kind: K }>[] = []
  for (const item of items) {
    const binding = context.lookup(item)
    if (binding?.kind === 'invalid') {
      draft.errors++
    } else if (binding?.kind === kind) {
      found.push(binding as Extract<Binding, { readonly kind: K }>)
    } else {
      context.error(
        draft,
        item.position,
        `${draft.label}: ${describeValue(item)} in -${parameter} holds no ${noun}; expected a variable ` +
          `set by New-Object ... ${noun} ... -OutVariable before this line. The rule is not loaded.`,
      )
    }
  }
  if (items.length === 0) {
    context.report(
      'warning',
      command.position,
      `${command.name} has no -${parameter}; the empty group is ignored.`,
    )
  }
  return found
}
