import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../../test-support/samples'
import type { SyncRule } from '../../model/sync-rule'
import { parseXmlTree } from '../../xml/element-tree'
import { readSyncRuleXml } from '../serverconfig/sync-rule-xml'
import { parseRuleScript } from './rule-script'

/** A PowerShell single-quoted literal, as the Synchronization Rules Editor writes values. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** Renders a rule in the exact layout of a Synchronization Rules Editor export (docs/FORMATS.md). */
function exportScript(rule: SyncRule): string {
  const block = (command: string, lines: readonly string[]): string =>
    [
      `${command}  \``,
      ...lines.map((line, index) => (index === lines.length - 1 ? line : `${line} \``)),
    ].join('\n')
  const blocks = [
    block('New-ADSyncRule', [
      `-Name ${quote(rule.name)}`,
      `-Identifier ${quote(rule.id)}`,
      `-Description ${quote(rule.description)}`,
      `-Direction ${quote(rule.direction)}`,
      `-Precedence ${rule.precedence}`,
      "-PrecedenceAfter '00000000-0000-0000-0000-000000000000'",
      "-PrecedenceBefore '00000000-0000-0000-0000-000000000000'",
      `-SourceObjectType ${quote(rule.sourceObjectType)}`,
      `-TargetObjectType ${quote(rule.targetObjectType)}`,
      `-Connector ${quote(rule.connectorId)}`,
      `-LinkType ${quote(rule.linkType)}`,
      '-SoftDeleteExpiryInterval 0',
      `-ImmutableTag ${quote(rule.immutableTag)}`,
      ...(rule.enablePasswordSync ? ['-EnablePasswordSync '] : []),
      ...(rule.disabled ? ['-Disabled '] : []),
      '-OutVariable syncRule',
    ]),
  ]
  for (const flow of rule.flows) {
    const sources = flow.flowType === 'Constant' ? [flow.constant ?? ''] : flow.sources
    blocks.push(
      block('Add-ADSyncAttributeFlowMapping', [
        '-SynchronizationRule $syncRule[0]',
        ...(sources.length > 0 ? [`-Source @(${sources.map(quote).join(',')})`] : []),
        `-Destination ${quote(flow.target)}`,
        `-FlowType ${quote(flow.flowType)}`,
        `-ValueMergeType ${quote(flow.mergeType)}`,
        ...(flow.applyOnce ? ['-ExecuteOnce '] : []),
        ...(flow.expression === null ? [] : [`-Expression ${quote(flow.expression)}`]),
        '-OutVariable syncRule',
      ]),
    )
  }
  for (const group of rule.scopeGroups) {
    group.clauses.forEach((clause, index) =>
      blocks.push(
        block('New-Object', [
          "-TypeName 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ScopeCondition'",
          `-ArgumentList ${[clause.attribute, clause.value, clause.operator].map(quote).join(',')}`,
          `-OutVariable condition${index}`,
        ]),
      ),
    )
    const names = group.clauses.map((_, index) => `$condition${index}[0]`).join(',')
    blocks.push(
      block('Add-ADSyncScopeConditionGroup', [
        '-SynchronizationRule $syncRule[0]',
        `-ScopeConditions @(${names})`,
        '-OutVariable syncRule',
      ]),
    )
  }
  for (const group of rule.joinGroups) {
    group.conditions.forEach((condition, index) =>
      blocks.push(
        block('New-Object', [
          "-TypeName 'Microsoft.IdentityManagement.PowerShell.ObjectModel.JoinCondition'",
          `-ArgumentList ${quote(condition.csAttribute)},${quote(condition.mvAttribute)},$${condition.caseSensitive}`,
          `-OutVariable condition${index}`,
        ]),
      ),
    )
    const names = group.conditions.map((_, index) => `$condition${index}[0]`).join(',')
    blocks.push(
      block('Add-ADSyncJoinConditionGroup', [
        '-SynchronizationRule $syncRule[0]',
        `-JoinConditions @(${names})`,
        '-OutVariable syncRule',
      ]),
    )
  }
  blocks.push(block('Add-ADSyncRule', ['-SynchronizationRule $syncRule[0]']))
  blocks.push(block('Get-ADSyncRule', [`-Identifier ${quote(rule.id)}`]))
  return `${blocks.join('\n\n\n')}\n`
}

function contosoRules(): SyncRule[] {
  const folder = path.join(CONTOSO_SERVERCONFIG, 'SynchronizationRules')
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .flatMap((name) => {
      const tree = parseXmlTree(fs.readFileSync(path.join(folder, name), 'utf8'))
      if (!tree.ok) throw new Error(`${name}: ${tree.error.message}`)
      const { rule } = readSyncRuleXml(tree.root, 'export.ps1')
      return rule === null ? [] : [rule]
    })
}

const TITLE = 'parseRuleScript on the real Contoso rule set, rendered in export layout'

describe.skipIf(!samplesAvailable)(samplesAvailable ? TITLE : `${TITLE} (${SAMPLES_SKIP_REASON})`, () => {
  it('reads all 62 real rules back unchanged from one script', () => {
    const rules = contosoRules()
    const script = rules.map(exportScript).join('\n\n')

    const result = parseRuleScript(script, 'export.ps1')

    expect(rules.length).toBe(62)
    expect(result.issues).toEqual([])
    expect(result.rules).toEqual(rules)
  })

  it('reads each real rule from its own CRLF script', () => {
    const rules = contosoRules()

    const read = rules.map((rule) => parseRuleScript(exportScript(rule).replace(/\n/g, '\r\n'), 'export.ps1'))

    expect(read.flatMap((result) => result.issues)).toEqual([])
    expect(read.map((result) => result.rules[0]?.name)).toEqual(rules.map((rule) => rule.name))
  })
})
