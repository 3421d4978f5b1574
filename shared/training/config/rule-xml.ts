/** Writes a sync rule as `Get-ADSyncServerConfiguration` does: one `<synchronizationRule>` per file. */
import { bracedLower } from '../identifiers'
import type { FlowSpec, JoinConditionSpec, RuleSpec, ScopeClauseSpec } from '../rules/rule-spec'
import { textElement } from '../xml-text'

const ZERO_GUID = '{00000000-0000-0000-0000-000000000000}'

/** The file of a rule inside the snapshot. */
export function ruleFilePath(rule: RuleSpec): string {
  return `SynchronizationRules/SynchronizationRule_${bracedLower(rule.id)}.xml`
}

function mappingXml(flow: FlowSpec): string {
  const lines = [
    flow.applyOnce ? '    <mapping execute-once="true">' : '    <mapping>',
    `      ${textElement('dest', flow.target)}`,
  ]
  if (flow.constant !== null) {
    lines.push(`      ${textElement('src', flow.constant)}`)
  } else if (flow.sources.length > 0) {
    lines.push('      <src>')
    for (const source of flow.sources) lines.push(`        ${textElement('attr', source)}`)
    lines.push('      </src>')
  }
  if (flow.expression !== null) lines.push(`      ${textElement('expression', flow.expression)}`)
  lines.push('      <valueMergeType>Update</valueMergeType>', '    </mapping>')
  return lines.join('\n')
}

function joinXml(groups: readonly (readonly JoinConditionSpec[])[]): string {
  if (groups.length === 0) return '  <relationshipCriteria />'
  const body = groups.map((conditions) =>
    [
      '    <conditions>',
      ...conditions.flatMap((condition) => [
        '      <condition>',
        `        ${textElement('csAttribute', condition.csAttribute)}`,
        `        ${textElement('ilmAttribute', condition.mvAttribute)}`,
        '      </condition>',
      ]),
      '    </conditions>',
    ].join('\n'),
  )
  return ['  <relationshipCriteria>', ...body, '  </relationshipCriteria>'].join('\n')
}

function scopeXml(groups: readonly (readonly ScopeClauseSpec[])[]): string {
  if (groups.length === 0) return '  <synchronizationCriteria />'
  const body = groups.map((clauses) =>
    [
      '    <conditions>',
      ...clauses.flatMap((clause) => [
        '      <scope>',
        `        ${textElement('csAttribute', clause.attribute)}`,
        `        ${textElement('csOperator', clause.operator)}`,
        `        ${textElement('csValue', clause.value)}`,
        '      </scope>',
      ]),
      '    </conditions>',
    ].join('\n'),
  )
  return ['  <synchronizationCriteria>', ...body, '  </synchronizationCriteria>'].join('\n')
}

/** The XML text of a rule; `connectorId` is the GUID of the rule's connector. */
export function ruleXml(rule: RuleSpec, connectorId: string): string {
  const id = bracedLower(rule.id)
  return [
    '<synchronizationRule>',
    `  <id>${id}</id>`,
    `  <internal-id>${id}</internal-id>`,
    '  <version>1</version>',
    `  ${textElement('name', rule.name)}`,
    `  ${textElement('description', rule.description)}`,
    `  ${textElement('immutable-tag', rule.immutableTag)}`,
    `  <direction>${rule.direction}</direction>`,
    `  <disabled>${rule.disabled ? 'True' : 'False'}</disabled>`,
    `  <connector>${bracedLower(connectorId)}</connector>`,
    `  ${textElement('sourceObjectType', rule.sourceObjectType)}`,
    `  ${textElement('targetObjectType', rule.targetObjectType)}`,
    `  <linkType>${rule.linkType}</linkType>`,
    `  <precedence>${rule.precedence}</precedence>`,
    `  <precedence-after>${ZERO_GUID}</precedence-after>`,
    `  <precedence-before>${ZERO_GUID}</precedence-before>`,
    '  <softDeleteExpiryInterval>00:00:00</softDeleteExpiryInterval>',
    `  <EnablePasswordSync>${rule.passwordSync ? 'true' : 'false'}</EnablePasswordSync>`,
    rule.flows.length === 0
      ? '  <attribute-mappings />'
      : ['  <attribute-mappings>', ...rule.flows.map(mappingXml), '  </attribute-mappings>'].join('\n'),
    joinXml(rule.join),
    scopeXml(rule.scope),
    '</synchronizationRule>',
  ].join('\n')
}
