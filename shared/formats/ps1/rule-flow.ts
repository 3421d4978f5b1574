import { MAX_EXPRESSION_LENGTH } from '../../expression/limits'
import type { BoundArguments, CommandSpec } from './ps-arguments'
import { listItems } from './ps-literals'
import type { PsCommand } from './ps-syntax'
import { ENUM_CHOICES, parseFlowType, parseMergeType } from './rule-fields'
import { positionOf, type RuleDraft, type ScriptContext } from './script-context'

/** The parameters of Add-ADSyncAttributeFlowMapping. */
export const FLOW_MAPPING_SPEC: CommandSpec = {
  parameters: ['SynchronizationRule', 'Source', 'Destination', 'FlowType', 'ValueMergeType', 'Expression'],
  switches: ['ExecuteOnce'],
}

/**
 * Reads one `Add-ADSyncAttributeFlowMapping` into the rule's flows. A Constant flow carries its value in
 * `-Source @('value')`; an Expression flow lists the attributes it reads in `-Source`.
 */
export function readFlowMapping(
  context: ScriptContext,
  command: PsCommand,
  bound: BoundArguments,
  draft: RuleDraft,
): void {
  const fail = (parameter: string, message: string): void =>
    context.error(
      draft,
      positionOf(bound.values.get(parameter)) ?? command.position,
      `${draft.label}: ${message} The rule is not loaded.`,
    )
  const warn = (message: string): void => context.report('warning', command.position, message)

  const target = context.text(bound, 'Destination', command)
  if (target === null || target === '') {
    return fail('Destination', 'Add-ADSyncAttributeFlowMapping needs -Destination (the target attribute).')
  }
  const sources: string[] = []
  const sourceArgument = bound.values.get('Source')
  if (sourceArgument?.kind === 'value') {
    for (const item of listItems(sourceArgument.value)) {
      const text = context.literal(item, `A -Source item of the mapping to ${target}`)
      if (text === null)
        return fail('Source', `the mapping to ${target} has a -Source item that is not literal.`)
      sources.push(text)
    }
  }
  const expression = context.text(bound, 'Expression', command)
  const flowText = context.text(bound, 'FlowType', command)
  const flowType =
    flowText === null ? (expression === null ? 'Direct' : 'Expression') : parseFlowType(flowText)
  if (flowType === null) {
    const choices = ENUM_CHOICES.flowType.join(', ')
    return fail(
      'FlowType',
      `the mapping to ${target} has -FlowType '${flowText ?? ''}'; expected ${choices}.`,
    )
  }
  if (flowText === null) warn(`The mapping to ${target} has no -FlowType; ${flowType} is assumed.`)
  const mergeText = context.text(bound, 'ValueMergeType', command)
  const mergeType = mergeText === null ? 'Update' : parseMergeType(mergeText)
  if (mergeType === null) {
    const choices = ENUM_CHOICES.mergeType.join(', ')
    return fail(
      'ValueMergeType',
      `the mapping to ${target} has -ValueMergeType '${mergeText ?? ''}'; expected ${choices}.`,
    )
  }
  if (expression !== null && expression.length > MAX_EXPRESSION_LENGTH) {
    return fail(
      'Expression',
      `the -Expression of the mapping to ${target} is ${expression.length.toLocaleString('en-US')} characters long; ` +
        `SyncLens reads expressions of up to ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters.`,
    )
  }
  if (flowType === 'Expression' && expression === null) {
    return fail('FlowType', `the Expression mapping to ${target} has no -Expression.`)
  }
  if (flowType === 'Constant' && sources.length === 0) {
    return fail('FlowType', `the Constant mapping to ${target} has no value in -Source @('value').`)
  }
  if (flowType !== 'Expression' && expression !== null) {
    warn(`The ${flowType} mapping to ${target} has an -Expression; it is ignored.`)
  }
  if (flowType === 'Direct' && sources.length !== 1) {
    warn(`The Direct mapping to ${target} should have exactly one -Source attribute.`)
  }
  if (flowType === 'Constant' && sources.length > 1) {
    warn(`The Constant mapping to ${target} has several values; the first is used.`)
  }
  if (draft.flows.some((flow) => flow.target.toLowerCase() === target.toLowerCase())) {
    warn(
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
    applyOnce: context.flag(bound, 'ExecuteOnce'),
  })
}
