import type { LinkType, RuleDirection } from '../../model/sync-rule'
import type { BoundArguments, CommandSpec } from './ps-arguments'
import type { PsCommand } from './ps-syntax'
import { parseGuid } from '../../model/connector'
import { derivedRuleId, ENUM_CHOICES, parseDirection, parseLinkType } from './rule-fields'
import { positionOf, type RuleDraft, type ScriptContext } from './script-context'

/** The parameters of New-ADSyncRule as the Synchronization Rules Editor writes them. */
export const NEW_RULE_SPEC: CommandSpec = {
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

/** Reads `New-ADSyncRule` into a new draft and stores it in the command's -OutVariable. */
export function readNewRule(context: ScriptContext, command: PsCommand, origin: string): RuleDraft {
  const bound = context.bind(command, NEW_RULE_SPEC)
  const name = context.text(bound, 'Name', command) ?? ''
  const label = `Rule "${name}"`
  let errors = 0
  const fail = (parameter: string, message: string): void => {
    errors++
    context.report(
      'error',
      positionOf(bound.values.get(parameter)) ?? command.position,
      `${label}: ${message}`,
    )
  }
  const warn = (message: string): void => context.report('warning', command.position, message)
  if (!bound.values.has('Name')) warn('New-ADSyncRule has no -Name; the rule is shown without a name.')

  const id = ruleId(context, bound, command, name)
  const directionText = context.text(bound, 'Direction', command)
  const direction: RuleDirection | null = directionText === null ? null : parseDirection(directionText)
  if (direction === null) {
    const found = directionText === null ? '' : `, found '${directionText}'`
    fail('Direction', `expected -Direction 'Inbound' or 'Outbound'${found}; the rule is not loaded.`)
  }
  const precedence = readPrecedence(context, bound, command, label, fail)
  const linkText = context.text(bound, 'LinkType', command)
  const linkType: LinkType | null = linkText === null ? 'Join' : parseLinkType(linkText)
  if (linkType === null) {
    const choices = ENUM_CHOICES.linkType.join(', ')
    fail('LinkType', `expected -LinkType ${choices}, found '${linkText ?? ''}'; the rule is not loaded.`)
  }
  const connectorText = context.text(bound, 'Connector', command)
  const connectorGuid = connectorText === null ? null : parseGuid(connectorText)
  if (connectorText === null) warn(`${label} has no -Connector GUID; it cannot be matched to a connector.`)
  else if (connectorGuid === null) {
    warn(`${label}: -Connector '${connectorText}' is not a GUID; it may not match any connector.`)
  }
  const sourceObjectType = context.text(bound, 'SourceObjectType', command)
  const targetObjectType = context.text(bound, 'TargetObjectType', command)
  if (sourceObjectType === null) warn(`${label} has no -SourceObjectType; it applies to no object.`)
  if (targetObjectType === null) warn(`${label} has no -TargetObjectType; it applies to no object.`)

  const draft: RuleDraft = {
    start: command.position,
    end: null,
    label,
    fields: {
      id,
      name,
      description: context.text(bound, 'Description', command) ?? '',
      direction: direction ?? 'Inbound',
      precedence,
      connectorId: connectorGuid ?? connectorText?.trim().toLowerCase() ?? '',
      connectorName: null,
      sourceObjectType: sourceObjectType ?? '',
      targetObjectType: targetObjectType ?? '',
      linkType: linkType ?? 'Join',
      disabled: context.flag(bound, 'Disabled'),
      immutableTag: context.text(bound, 'ImmutableTag', command) ?? '',
      enablePasswordSync: context.flag(bound, 'EnablePasswordSync'),
      origin,
    },
    scopeGroups: [],
    joinGroups: [],
    flows: [],
    errors,
  }
  context.store(command, bound, { kind: 'rule', draft })
  return draft
}

function ruleId(context: ScriptContext, bound: BoundArguments, command: PsCommand, name: string): string {
  const written = context.text(bound, 'Identifier', command)
  const id = written === null ? null : parseGuid(written)
  if (id !== null) return id
  const derived = derivedRuleId(name)
  const problem =
    written === null ? 'has no -Identifier' : `has -Identifier '${written}', which is not a GUID`
  context.report(
    'warning',
    positionOf(bound.values.get('Identifier')) ?? command.position,
    `Rule "${name}" ${problem}; SyncLens uses the id ${derived}, derived from the rule name.`,
  )
  return derived
}

function readPrecedence(
  context: ScriptContext,
  bound: BoundArguments,
  command: PsCommand,
  label: string,
  fail: (parameter: string, message: string) => void,
): number {
  const text = context.text(bound, 'Precedence', command)
  if (text === null) {
    context.report('warning', command.position, `${label} has no -Precedence; 0 is assumed.`)
    return 0
  }
  if (/^\d+$/.test(text.trim())) return Number(text.trim())
  fail(
    'Precedence',
    `expected -Precedence as a non-negative whole number, found '${text}'; the rule is not loaded.`,
  )
  return 0
}
