import fc from 'fast-check'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SyncRule } from '../../model/sync-rule'
import { decodeText } from '../../text/decode'
import { tokenizePowerShell } from './ps-tokenizer'
import { derivedRuleId } from './rule-fields'
import { looksLikeRuleScript, parseRuleScript } from './rule-script'

function fixture(name: string): string {
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
}

const INBOUND = fixture('inbound-contractor.ps1')
const OUTBOUND = fixture('outbound-several.ps1')

/** A minimal valid rule in export layout, with the given extra New-ADSyncRule lines and commands after it. */
function ruleScript(
  options: { readonly header?: string; readonly body?: string; readonly end?: string } = {},
): string {
  return [
    'New-ADSyncRule  `',
    "-Name 'Test Rule' `",
    options.header ?? "-Identifier '11112222-3333-4444-8555-666677778888' `",
    "-Direction 'Inbound' `",
    '-Precedence 10 `',
    "-SourceObjectType 'user' `",
    "-TargetObjectType 'person' `",
    "-Connector 'aaaabbbb-cccc-4ddd-8eee-ffff00001111' `",
    "-LinkType 'Join' `",
    '-OutVariable syncRule',
    '',
    options.body ?? '',
    '',
    options.end ?? 'Add-ADSyncRule  `\n-SynchronizationRule $syncRule[0]',
    '',
  ].join('\n')
}

function messages(result: ReturnType<typeof parseRuleScript>, severity?: 'error' | 'warning'): string[] {
  return result.issues
    .filter((issue) => severity === undefined || issue.severity === severity)
    .map((i) => i.message)
}

function withLfExpressions(rules: readonly SyncRule[]): SyncRule[] {
  return rules.map((rule) => ({
    ...rule,
    flows: rule.flows.map((flow) => ({
      ...flow,
      expression: flow.expression?.replace(/\r\n/g, '\n') ?? null,
    })),
  }))
}

describe('parseRuleScript on export-shaped scripts', () => {
  it('reads an inbound rule with scope groups, join groups and all three flow types', () => {
    const result = parseRuleScript(INBOUND, 'rules/contractor.ps1')

    expect(result.issues).toEqual([])
    expect(result.rules).toEqual([
      {
        id: '3f2b8c1d-6a4e-4b7f-9c2d-1e5a7b9c0d3e',
        name: 'In from AD - Contractor Join',
        description: 'Joins contractor accounts on employeeID, projects the rest',
        direction: 'Inbound',
        precedence: 45,
        connectorId: '5c0d7e2a-9b1f-4e3c-8a6d-2f4b6c8e0a1d',
        connectorName: null,
        sourceObjectType: 'user',
        targetObjectType: 'person',
        linkType: 'Provision',
        disabled: false,
        immutableTag: '',
        enablePasswordSync: true,
        origin: 'rules/contractor.ps1',
        scopeGroups: [
          {
            clauses: [
              { attribute: 'employeeType', operator: 'EQUAL', value: 'Contractor' },
              { attribute: 'userAccountControl', operator: 'ISBITNOTSET', value: '2' },
            ],
          },
          {
            clauses: [
              {
                attribute: 'distinguishedName',
                operator: 'ENDSWITH',
                value: 'OU=Contractors,DC=fabrikam,DC=com',
              },
            ],
          },
        ],
        joinGroups: [
          {
            conditions: [
              { csAttribute: 'employeeID', mvAttribute: 'employeeId', caseSensitive: false },
              { csAttribute: 'mail', mvAttribute: 'mail', caseSensitive: true },
            ],
          },
          {
            conditions: [{ csAttribute: 'sAMAccountName', mvAttribute: 'accountName', caseSensitive: false }],
          },
        ],
        flows: [
          {
            target: 'employeeId',
            flowType: 'Direct',
            sources: ['employeeID'],
            expression: null,
            constant: null,
            mergeType: 'Update',
            applyOnce: false,
          },
          {
            target: 'cloudFiltered',
            flowType: 'Constant',
            sources: [],
            expression: null,
            constant: 'True',
            mergeType: 'Update',
            applyOnce: true,
          },
          {
            target: 'company',
            flowType: 'Expression',
            sources: ['company', 'extensionAttribute1'],
            expression:
              'IIF(IsNullOrEmpty([extensionAttribute1]),\n    "O\'Brien Consulting",\n' +
              "    Trim([company]) & ' (' & [extensionAttribute1] & ')')",
            constant: null,
            mergeType: 'Update',
            applyOnce: false,
          },
        ],
      },
    ])
  })

  it('reads several outbound rules from one file, in file order', () => {
    const { rules, issues } = parseRuleScript(OUTBOUND, 'outbound.ps1')

    expect(issues).toEqual([])
    expect(rules.map((rule) => [rule.name, rule.direction, rule.precedence, rule.disabled])).toEqual([
      ['Out to AAD - Contractor Mail', 'Outbound', 20, true],
      ['Out to AD - Display Name Writeback', 'Outbound', 30, false],
    ])
    expect(rules[0]?.scopeGroups).toEqual([
      {
        clauses: [
          { attribute: 'cloudFiltered', operator: 'NOTEQUAL', value: 'True' },
          { attribute: 'sourceAnchor', operator: 'ISNOTNULL', value: '' },
        ],
      },
    ])
    expect(rules[0]?.flows.map((flow) => [flow.target, flow.flowType, flow.mergeType, flow.sources])).toEqual(
      [
        ['proxyAddresses', 'Direct', 'MergeCaseInsensitive', ['proxyAddresses']],
        ['usageLocation', 'Expression', 'Update', []],
      ],
    )
    expect(rules[1]?.flows).toEqual([
      {
        target: 'displayName',
        flowType: 'Expression',
        sources: ['displayName'],
        expression: 'Replace([displayName],"\'","")',
        constant: null,
        mergeType: 'Update',
        applyOnce: false,
      },
      {
        target: 'info',
        flowType: 'Constant',
        sources: [],
        expression: null,
        constant: 'Synced from the cloud',
        mergeType: 'Update',
        applyOnce: true,
      },
    ])
  })

  it('reads files that were concatenated into one script', () => {
    const { rules, issues } = parseRuleScript(`${INBOUND}\n\n${OUTBOUND}`, 'all.ps1')

    expect(issues).toEqual([])
    expect(rules.map((rule) => rule.name)).toEqual([
      'In from AD - Contractor Join',
      'Out to AAD - Contractor Mail',
      'Out to AD - Display Name Writeback',
    ])
  })

  it('reads CRLF files like LF files', () => {
    const lf = parseRuleScript(INBOUND, 'rule.ps1')

    const crlf = parseRuleScript(INBOUND.replace(/\n/g, '\r\n'), 'rule.ps1')

    expect(crlf.issues).toEqual([])
    expect(withLfExpressions(crlf.rules)).toEqual(lf.rules)
  })

  it('reads UTF-16LE files with a byte-order mark once decoded', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(OUTBOUND.replace(/\n/g, '\r\n'), 'utf16le')])

    const result = parseRuleScript(decodeText(bytes), 'rule.ps1')

    expect(result.issues).toEqual([])
    expect(withLfExpressions(result.rules)).toEqual(parseRuleScript(OUTBOUND, 'rule.ps1').rules)
  })

  it('ignores a UTF-8 byte-order mark left in the text', () => {
    expect(parseRuleScript(`\ufeff${OUTBOUND}`, 'rule.ps1').rules).toHaveLength(2)
  })
})

describe('parseRuleScript on broken scripts', () => {
  it('reports an unterminated string with its position and does not load the rule', () => {
    const script = ruleScript({
      body: [
        'Add-ADSyncAttributeFlowMapping  `',
        '-SynchronizationRule $syncRule[0] `',
        "-Destination 'mail' `",
        "-FlowType 'Expression' `",
        "-Expression 'Trim([mail])",
      ].join('\n'),
    })

    const result = parseRuleScript(script, 'broken.ps1')

    expect(result.rules).toEqual([])
    expect(result.issues).toContainEqual({
      severity: 'error',
      file: 'broken.ps1',
      line: 16,
      column: 13,
      message:
        "Unterminated single-quoted string: expected a closing ' before the end of the file " +
        "(a quote inside a value is written twice: '').",
    })
    expect(messages(result, 'error')).toContain(
      'Rule "Test Rule" is not loaded because of the errors reported for it.',
    )
  })

  it('reports a flow mapping that comes before any New-ADSyncRule and still reads the rule after it', () => {
    const orphan =
      "Add-ADSyncAttributeFlowMapping  `\n-SynchronizationRule $syncRule[0] `\n-Destination 'mail' `\n-FlowType 'Direct' `\n-Source @('mail')\n\n"

    const result = parseRuleScript(orphan + ruleScript(), 'orphan.ps1')

    expect(result.rules.map((rule) => rule.name)).toEqual(['Test Rule'])
    expect(result.issues).toContainEqual({
      severity: 'error',
      file: 'orphan.ps1',
      line: 1,
      column: 1,
      message:
        'Add-ADSyncAttributeFlowMapping has no rule to add to: expected New-ADSyncRule ... -OutVariable syncRule before it. It is ignored.',
    })
  })

  it.each([
    ['Direction', "'Sideways'", "expected -Direction 'Inbound' or 'Outbound', found 'Sideways'"],
    ['Precedence', "'high'", "expected -Precedence as a non-negative whole number, found 'high'"],
    ['LinkType', "'Glue'", "expected -LinkType Provision, StickyJoin, Join, JoinNoFlow, found 'Glue'"],
  ])('refuses a rule whose -%s is %s', (parameter, value, problem) => {
    const script = ruleScript().replace(new RegExp(`^-${parameter} .*$`, 'm'), `-${parameter} ${value} \``)

    const result = parseRuleScript(script, 'bad.ps1')

    expect(result.rules).toEqual([])
    expect(messages(result, 'error')).toContain(`Rule "Test Rule": ${problem}; the rule is not loaded.`)
  })

  it('refuses a rule whose scope condition has an unknown operator', () => {
    const body = [
      "New-Object -TypeName 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ScopeCondition' -ArgumentList 'department','Sales','LIKE' -OutVariable condition0",
      'Add-ADSyncScopeConditionGroup -SynchronizationRule $syncRule[0] -ScopeConditions @($condition0[0]) -OutVariable syncRule',
    ].join('\n')

    const result = parseRuleScript(ruleScript({ body }), 'op.ps1')

    expect(result.rules).toEqual([])
    expect(messages(result, 'error')).toEqual([
      "The scope condition on department has the unknown operator 'LIKE'; the rule that uses it is not loaded.",
      'Rule "Test Rule" is not loaded because of the errors reported for it.',
    ])
  })

  it('refuses a rule whose scope group names a condition that was never created', () => {
    const body =
      'Add-ADSyncScopeConditionGroup -SynchronizationRule $syncRule[0] -ScopeConditions @($condition7[0])'

    const result = parseRuleScript(ruleScript({ body }), 'missing.ps1')

    expect(result.rules).toEqual([])
    expect(messages(result, 'error')[0]).toContain(
      'the variable $condition7[0] in -ScopeConditions holds no ScopeCondition',
    )
  })

  it('refuses a flow without a destination or an expression flow without an expression', () => {
    const body = [
      "Add-ADSyncAttributeFlowMapping -SynchronizationRule $syncRule[0] -Source @('mail') -FlowType 'Direct'",
      "Add-ADSyncAttributeFlowMapping -SynchronizationRule $syncRule[0] -Destination 'x' -FlowType 'Expression'",
    ].join('\n')

    const result = parseRuleScript(ruleScript({ body }), 'flows.ps1')

    expect(result.rules).toEqual([])
    expect(messages(result, 'error').slice(0, 2)).toEqual([
      'Rule "Test Rule": Add-ADSyncAttributeFlowMapping needs -Destination (the target attribute). The rule is not loaded.',
      'Rule "Test Rule": the Expression mapping to x has no -Expression. The rule is not loaded.',
    ])
  })

  it('keeps a rule that never reaches Add-ADSyncRule, with a warning', () => {
    const result = parseRuleScript(ruleScript({ end: '' }), 'partial.ps1')

    expect(result.rules.map((rule) => rule.name)).toEqual(['Test Rule'])
    expect(messages(result)).toEqual([
      'Rule "Test Rule" is not followed by Add-ADSyncRule, so PowerShell would not save it; SyncLens shows it as read.',
    ])
  })

  it('derives a stable id from the name when -Identifier is missing', () => {
    const result = parseRuleScript(ruleScript({ header: "-Description 'no id' `" }), 'noid.ps1')

    expect(result.rules[0]?.id).toBe(derivedRuleId('Test Rule'))
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        file: 'noid.ps1',
        line: 1,
        column: 1,
        message: `Rule "Test Rule" has no -Identifier; SyncLens uses the id ${derivedRuleId('Test Rule')}, derived from the rule name.`,
      },
    ])
  })

  it('warns about two rules with the same identifier', () => {
    const result = parseRuleScript(ruleScript() + ruleScript(), 'twice.ps1')

    expect(result.rules).toHaveLength(2)
    expect(messages(result)).toEqual(['Rule "Test Rule" has the same identifier as rule "Test Rule".'])
  })
})

describe('parseRuleScript on tolerant input', () => {
  it('accepts any casing, abbreviated parameters, numeric enums, bare words and -Switch:$false', () => {
    const script = [
      'new-adsyncrule -name Lenient -identifier 11112222-3333-4444-8555-666677778888 -dir outbound -precedence 5 `',
      '  -sourceobjecttype person -targetobjecttype user -connector AAAABBBB-CCCC-4DDD-8EEE-FFFF00001111 `',
      '  -linktype 0 -Disabled:$false -outvariable r',
      'add-adsyncattributeflowmapping -synchronizationrule $R[0] -source mail -destination mail -flowtype 0 -valuemergetype 3',
      'add-adsyncrule $r[0]',
    ].join('\n')

    const { rules, issues } = parseRuleScript(script, 'lenient.ps1')

    expect(issues).toEqual([])
    expect(rules[0]).toMatchObject({
      name: 'Lenient',
      direction: 'Outbound',
      precedence: 5,
      connectorId: 'aaaabbbb-cccc-4ddd-8eee-ffff00001111',
      linkType: 'Provision',
      disabled: false,
      flows: [{ target: 'mail', flowType: 'Direct', sources: ['mail'], mergeType: 'Merge' }],
    })
  })

  it('treats names read from the file as data, including __proto__ and constructor', () => {
    const body = [
      "New-Object -TypeName 'ScopeCondition' -ArgumentList '__proto__','toString','EQUAL' -OutVariable __proto__",
      'Add-ADSyncScopeConditionGroup -SynchronizationRule $syncRule[0] -ScopeConditions @($__proto__[0]) -OutVariable constructor',
      "Add-ADSyncAttributeFlowMapping -SynchronizationRule $constructor[0] -Source @('hasOwnProperty') -Destination 'constructor' -FlowType 'Direct'",
    ].join('\n')

    const { rules, issues } = parseRuleScript(ruleScript({ body }), 'proto.ps1')

    expect(issues).toEqual([])
    expect(rules[0]?.scopeGroups).toEqual([
      { clauses: [{ attribute: '__proto__', operator: 'EQUAL', value: 'toString' }] },
    ])
    expect(rules[0]?.flows[0]).toMatchObject({ target: 'constructor', sources: ['hasOwnProperty'] })
  })

  it('warns about commands that would change a rule but are not part of an export', () => {
    const body = [
      "Write-Host 'adding the rule'",
      "Set-ADSyncRule -Identifier '11112222-3333-4444-8555-666677778888'",
      '$syncRule[0].Disabled = $true',
      "if ($true) { Add-ADSyncAttributeFlowMapping -SynchronizationRule $syncRule[0] -Destination 'x' -FlowType 'Direct' }",
    ].join('\n')

    const result = parseRuleScript(ruleScript({ body }), 'extra.ps1')

    expect(result.rules).toHaveLength(1)
    expect(result.issues.map((issue) => [issue.line, issue.severity, issue.message])).toEqual([
      [
        13,
        'warning',
        'Set-ADSyncRule is not read: SyncLens reads only the commands of a Synchronization Rules Editor export; if it changes a rule, that change is missing.',
      ],
      [
        14,
        'warning',
        'This statement uses a rule variable; SyncLens does not evaluate statements, so any change it makes is missing.',
      ],
      [
        15,
        'warning',
        'Add-ADSyncAttributeFlowMapping inside a block or expression is not read; SyncLens reads rule commands only at the top level.',
      ],
    ])
  })
})

describe('parseRuleScript never executes anything', () => {
  it('reads hostile commands only as tokens and warnings', () => {
    const sentinel = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-ps1-')), 'keep-me.txt')
    fs.writeFileSync(sentinel, 'still here')
    const hostile = [
      `Remove-Item -Path '${sentinel}' -Force`,
      `Invoke-Expression "Remove-Item '${sentinel}'"`,
      `$(Remove-Item '${sentinel}')`,
      '& calc.exe',
    ].join('\n')
    const script = ruleScript({
      header:
        '-Identifier \'11112222-3333-4444-8555-666677778888\' `\n-Description "$(Get-Date) by $env:USERNAME" `',
      body: `${hostile}\nAdd-ADSyncAttributeFlowMapping -SynchronizationRule $syncRule[0] -Destination 'info' -FlowType 'Constant' -Source @($(Remove-Item '${sentinel}'))`,
    })

    const result = parseRuleScript(script, 'hostile.ps1')

    expect(fs.readFileSync(sentinel, 'utf8')).toBe('still here')
    expect(
      tokenizePowerShell(hostile).tokens.filter((token) => token.kind === 'punct' && token.text === '$('),
    ).toHaveLength(1)
    expect(result.rules).toEqual([])
    expect(result.rules.length + result.issues.length).toBeGreaterThan(0)
    expect(messages(result, 'warning')).toEqual([
      '-Description of New-ADSyncRule is a double-quoted string with $ in it; PowerShell would substitute ' +
        'variables there, SyncLens keeps the text exactly as written.',
      'Invoke-Expression would run other code; SyncLens never runs scripts, so anything it adds to a rule is missing.',
      'calc.exe would run other code; SyncLens never runs scripts, so anything it adds to a rule is missing.',
      'A -Source item of the mapping to info is a $(...) subexpression, not a literal value; SyncLens never evaluates scripts, so it is ignored.',
    ])
    expect(messages(result, 'error')).toEqual([
      'Rule "Test Rule": the mapping to info has a -Source item that is not literal. The rule is not loaded.',
      'Rule "Test Rule" is not loaded because of the errors reported for it.',
    ])
  })

  it('keeps double-quoted text literal', () => {
    const script = ruleScript({
      header: '-Identifier \'11112222-3333-4444-8555-666677778888\' `\n-Description "by $env:USERNAME" `',
    })

    expect(parseRuleScript(script, 'q.ps1').rules[0]?.description).toBe('by $env:USERNAME')
  })
})

describe('looksLikeRuleScript', () => {
  it.each([
    [INBOUND, true],
    ['new-adsyncrule -Name x', true],
    ['Get-ADSyncRule | Format-List', false],
    ['<synchronizationRule/>', false],
    ['', false],
  ])('recognises %#', (text, expected) => {
    expect(looksLikeRuleScript(text)).toBe(expected)
  })
})

describe('parseRuleScript properties', () => {
  const FRAGMENTS = [
    'New-ADSyncRule',
    'Add-ADSyncAttributeFlowMapping',
    'Add-ADSyncScopeConditionGroup',
    'Add-ADSyncJoinConditionGroup',
    'Add-ADSyncRule',
    'New-Object',
    "'ScopeCondition'",
    "'JoinCondition'",
    '-Name',
    '-Direction',
    "'Inbound'",
    '-Source',
    '-Destination',
    '-FlowType',
    "'Constant'",
    '-ExecuteOnce',
    '-OutVariable',
    'syncRule',
    'condition0',
    '$syncRule[0]',
    '$condition0[0]',
    '-ArgumentList',
    "'a','b','EQUAL'",
    '@(',
    '$(',
    '@{',
    '(',
    ')',
    '{',
    '}',
    '[',
    ']',
    ',',
    ';',
    '|',
    '&',
    '=',
    '`',
    '`\n',
    '\n',
    '\r\n',
    ' ',
    "'",
    '"',
    "''",
    '#',
    '<#',
    '#>',
    "@'\n",
    "\n'@",
    '$true',
    '$null',
    '90',
    '-',
  ]

  it('returns a result for any text, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseRuleScript(text, 'any.ps1')
        expect(Array.isArray(result.rules)).toBe(true)
        expect(result.issues.every((issue) => !issue.message.includes('internal error'))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('returns a result for any mix of script fragments, with positions inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (parts) => {
        const text = parts.join(' ')
        const lines = text.split(/\r\n|\r|\n/).length
        const result = parseRuleScript(text, 'soup.ps1')
        for (const issue of result.issues) {
          expect(issue.message).not.toContain('internal error')
          expect(issue.line === null || (issue.line >= 1 && issue.line <= lines)).toBe(true)
          expect(issue.column === null || issue.column >= 1).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})
