import { flowSourceText, scopeText } from '../engine/rule-text'
import type { AttributeFlow, SyncRule } from '../model/sync-rule'
import type { Difference } from './compare-model'
import { sameExpression } from './expression-key'
import { joinDifferences, scopeDifferences } from './group-diff'
import { nameKey, sameName } from './names'

/** Whether two rules' connectors are the same connector (paired across the snapshots). */
export type SameConnector = (a: SyncRule, b: SyncRule) => boolean

/**
 * Every field of a rule that differs between two paired rules, in the order of the Synchronization Rules
 * Editor's pages: description, scoping filter, join rules, transformations. Names, object types and
 * attribute names compare case-insensitively; scoping values too, as the engine compares them.
 */
export function ruleDifferences(
  a: SyncRule,
  b: SyncRule,
  sameConnector: SameConnector,
): readonly Difference[] {
  const differences: Difference[] = []
  const field = (path: string, label: string, before: string, after: string, same: boolean): void => {
    if (!same) differences.push({ change: 'changed', path: [path], label, before, after })
  }
  const text = (value: string): string => value.trim()
  const objectTypeLabels =
    b.direction === 'Inbound'
      ? ['Connected system object type', 'Metaverse object type']
      : ['Metaverse object type', 'Connected system object type']
  field('name', 'Name', a.name, b.name, sameName(a.name, b.name))
  field(
    'description',
    'Description',
    a.description,
    b.description,
    text(a.description) === text(b.description),
  )
  field('direction', 'Direction', a.direction, b.direction, a.direction === b.direction)
  field(
    'connector',
    'Connector',
    a.connectorName ?? a.connectorId,
    b.connectorName ?? b.connectorId,
    sameConnector(a, b),
  )
  field(
    'sourceObjectType',
    objectTypeLabels[0] ?? '',
    a.sourceObjectType,
    b.sourceObjectType,
    sameName(a.sourceObjectType, b.sourceObjectType),
  )
  field(
    'targetObjectType',
    objectTypeLabels[1] ?? '',
    a.targetObjectType,
    b.targetObjectType,
    sameName(a.targetObjectType, b.targetObjectType),
  )
  field('linkType', 'Link type', a.linkType, b.linkType, a.linkType === b.linkType)
  field('precedence', 'Precedence', String(a.precedence), String(b.precedence), a.precedence === b.precedence)
  field('immutableTag', 'Tag', a.immutableTag, b.immutableTag, sameName(a.immutableTag, b.immutableTag))
  field(
    'enablePasswordSync',
    'Enable password sync',
    yesNo(a.enablePasswordSync),
    yesNo(b.enablePasswordSync),
    a.enablePasswordSync === b.enablePasswordSync,
  )
  field('disabled', 'Disabled', yesNo(a.disabled), yesNo(b.disabled), a.disabled === b.disabled)
  for (const item of scopeDifferences(a.scopeGroups, b.scopeGroups)) differences.push(item)
  for (const item of joinDifferences(a.joinGroups, b.joinGroups)) differences.push(item)
  for (const item of flowDifferences(a.flows, b.flows)) differences.push(item)
  return differences
}

/** A rule in one line, for a rule that exists on one side only. */
export function ruleSummary(rule: SyncRule): string {
  const scope = scopeText(rule.scopeGroups)
  return [
    `${rule.direction}, precedence ${rule.precedence}`,
    `connector ${rule.connectorName ?? rule.connectorId}`,
    `${rule.sourceObjectType} → ${rule.targetObjectType}`,
    rule.linkType,
    `${rule.flows.length} transformation${rule.flows.length === 1 ? '' : 's'}`,
    rule.disabled ? 'disabled' : null,
    scope === '' ? null : `scope ${scope}`,
  ]
    .filter((part) => part !== null)
    .join(', ')
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

function flowText(flow: AttributeFlow): string {
  const extras = [
    flow.mergeType === 'Update' ? null : flow.mergeType,
    flow.applyOnce ? 'apply once' : null,
  ].filter((part) => part !== null)
  return `${flow.flowType}: ${flowSourceText(flow)}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`
}

function sameConstant(left: string | null, right: string | null): boolean {
  const a = (left ?? '').trim()
  const b = (right ?? '').trim()
  const boolean = /^(true|false)$/i
  return boolean.test(a) && boolean.test(b) ? a.toLowerCase() === b.toLowerCase() : a === b
}

/** Transformations pair by target attribute (a rule has at most one flow per target). */
/**
 * How many of `clone`'s transformations `source` holds unchanged (same target, flow type, source, constant
 * or expression, merge type and apply-once flag): how a rule cloned from another is recognised.
 */
export function sameFlowCount(source: readonly AttributeFlow[], clone: readonly AttributeFlow[]): number {
  const touched = new Set(
    flowDifferences(source, clone).map((difference) => nameKey(difference.path[1] ?? '')),
  )
  return clone.filter((flow) => !touched.has(nameKey(flow.target))).length
}

function flowDifferences(before: readonly AttributeFlow[], after: readonly AttributeFlow[]): Difference[] {
  const differences: Difference[] = []
  const afterByTarget = new Map(after.map((flow) => [nameKey(flow.target), flow]))
  const beforeTargets = new Set(before.map((flow) => nameKey(flow.target)))
  for (const flow of before) {
    const partner = afterByTarget.get(nameKey(flow.target))
    const path = ['transformations', partner?.target ?? flow.target]
    if (!partner) {
      differences.push({
        change: 'removed',
        path,
        label: `Transformation ${flow.target}`,
        before: flowText(flow),
        after: null,
      })
      continue
    }
    const property = (name: string, label: string, left: string, right: string, same: boolean): void => {
      if (same) return
      differences.push({
        change: 'changed',
        path: [...path, name],
        label: `Transformation ${partner.target}: ${label}`,
        before: left,
        after: right,
      })
    }
    property('flowType', 'flow type', flow.flowType, partner.flowType, flow.flowType === partner.flowType)
    if (flow.flowType === partner.flowType) {
      switch (partner.flowType) {
        case 'Direct':
          property(
            'source',
            'source',
            flow.sources.join(', '),
            partner.sources.join(', '),
            flow.sources.map(nameKey).join() === partner.sources.map(nameKey).join(),
          )
          break
        case 'Constant':
          property(
            'constant',
            'constant',
            flow.constant ?? '',
            partner.constant ?? '',
            sameConstant(flow.constant, partner.constant),
          )
          break
        case 'Expression':
          property(
            'expression',
            'expression',
            flow.expression ?? '',
            partner.expression ?? '',
            sameExpression(flow.expression ?? '', partner.expression ?? ''),
          )
          break
      }
    } else {
      property('source', 'source', flowSourceText(flow), flowSourceText(partner), false)
    }
    property(
      'mergeType',
      'merge type',
      flow.mergeType,
      partner.mergeType,
      flow.mergeType === partner.mergeType,
    )
    property(
      'applyOnce',
      'apply once',
      yesNo(flow.applyOnce),
      yesNo(partner.applyOnce),
      flow.applyOnce === partner.applyOnce,
    )
  }
  for (const flow of after) {
    if (beforeTargets.has(nameKey(flow.target))) continue
    differences.push({
      change: 'added',
      path: ['transformations', flow.target],
      label: `Transformation ${flow.target}`,
      before: null,
      after: flowText(flow),
    })
  }
  return differences
}
