import fc from 'fast-check'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../../test-support/samples'
import {
  type AttributeFlow,
  type FlowType,
  type LinkType,
  type MergeType,
  SCOPE_OPERATORS,
  type SyncRule,
} from '../../model/sync-rule'
import { parseXmlTree } from '../../xml/element-tree'
import { readSyncRuleXml } from '../serverconfig/sync-rule-xml'
import { parseRuleScript } from './rule-script'
import { psQuote, ruleScriptFileContent, writeRule, writeRuleScript } from './rule-script-writer'

function fixture(name: string): string {
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
}

/** What a script can carry: the reader names the script as origin and cannot know the connector's name. */
function asRead(rule: SyncRule, origin: string): SyncRule {
  return { ...rule, origin, connectorName: null }
}

const RULE: SyncRule = {
  id: '11111111-2222-4333-8444-555555555555',
  name: 'Out to AD - User Example',
  description: '',
  direction: 'Outbound',
  precedence: 90,
  connectorId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  connectorName: 'contoso.com',
  sourceObjectType: 'person',
  targetObjectType: 'user',
  linkType: 'Join',
  disabled: false,
  immutableTag: '',
  enablePasswordSync: false,
  scopeGroups: [{ clauses: [{ attribute: 'sourceAnchor', operator: 'ISNOTNULL', value: '' }] }],
  joinGroups: [],
  flows: [
    {
      target: 'extensionAttribute9',
      flowType: 'Expression',
      sources: [],
      expression: 'Replace([cloudAnchor],"User_","")',
      constant: null,
      mergeType: 'Update',
      applyOnce: false,
    },
  ],
  origin: 'rules.xml',
}

describe('writeRule: the Synchronization Rules Editor export layout', () => {
  it('writes the documented example rule command by command, parameter by parameter', () => {
    expect(writeRule(RULE)).toBe(
      [
        'New-ADSyncRule  `',
        "-Name 'Out to AD - User Example' `",
        "-Identifier '11111111-2222-4333-8444-555555555555' `",
        "-Description '' `",
        "-Direction 'Outbound' `",
        '-Precedence 90 `',
        "-PrecedenceAfter '00000000-0000-0000-0000-000000000000' `",
        "-PrecedenceBefore '00000000-0000-0000-0000-000000000000' `",
        "-SourceObjectType 'person' `",
        "-TargetObjectType 'user' `",
        "-Connector 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' `",
        "-LinkType 'Join' `",
        '-SoftDeleteExpiryInterval 0 `',
        "-ImmutableTag '' `",
        '-OutVariable syncRule',
        '',
        '',
        'Add-ADSyncAttributeFlowMapping  `',
        '-SynchronizationRule $syncRule[0] `',
        "-Destination 'extensionAttribute9' `",
        "-FlowType 'Expression' `",
        "-ValueMergeType 'Update' `",
        `-Expression 'Replace([cloudAnchor],"User_","")' \``,
        '-OutVariable syncRule',
        '',
        '',
        'New-Object  `',
        "-TypeName 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ScopeCondition' `",
        "-ArgumentList 'sourceAnchor','','ISNOTNULL' `",
        '-OutVariable condition0',
        '',
        '',
        'Add-ADSyncScopeConditionGroup  `',
        '-SynchronizationRule $syncRule[0] `',
        '-ScopeConditions @($condition0[0]) `',
        '-OutVariable syncRule',
        '',
        '',
        'Add-ADSyncRule  `',
        '-SynchronizationRule $syncRule[0]',
        '',
        '',
        'Get-ADSyncRule  `',
        "-Identifier '11111111-2222-4333-8444-555555555555'",
        '',
      ].join('\n'),
    )
  })

  it('writes back the hand-made export fixture byte for byte (switches, join groups, several rules)', () => {
    const text = fixture('outbound-several.ps1')
    const { rules, issues } = parseRuleScript(text, 'outbound-several.ps1')

    const written = rules.map(writeRule).join('\n\n')

    expect(issues).toEqual([])
    expect(written).toBe(text)
  })

  it('writes the switches as bare names followed by two spaces and the backtick', () => {
    const text = writeRule({
      ...RULE,
      enablePasswordSync: true,
      disabled: true,
      flows: [{ ...(RULE.flows[0] as AttributeFlow), applyOnce: true }],
    })

    expect(text).toContain("-ImmutableTag '' `\n-EnablePasswordSync  `\n-Disabled  `\n-OutVariable syncRule")
    expect(text).toContain("-ValueMergeType 'Update' `\n-ExecuteOnce  `\n-Expression ")
  })

  it('doubles every kind of single quote PowerShell ends a string with', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'")
    expect(psQuote('it\u2019s \u2018x\u2019')).toBe("'it\u2019\u2019s \u2018\u2018x\u2019\u2019'")
    expect(psQuote('$x `n "y"')).toBe('\'$x `n "y"\'')
  })
})

describe('writeRuleScript: comments and the saved file', () => {
  it('puts the header, each rule comment and the footer in # lines that the reader skips', () => {
    const text = writeRuleScript({
      header: ['SyncLens draft', '', 'Run it on the staging server first.'],
      rules: [{ rule: RULE, comments: ['New custom rule', 'two lines\nin one'] }],
      footer: ['Then run a full synchronization.'],
    })

    expect(text.startsWith('# SyncLens draft\n#\n# Run it on the staging server first.\n\n\n')).toBe(true)
    expect(text).toContain('# New custom rule\n# two lines\n# in one\nNew-ADSyncRule  `\n')
    expect(text.endsWith('\n\n\n# Then run a full synchronization.\n')).toBe(true)
    const read = parseRuleScript(text, 'fix.ps1')
    expect(read.issues).toEqual([])
    expect(read.rules).toEqual([asRead(RULE, 'fix.ps1')])
  })

  it('saves UTF-8 with a byte order mark, which the reader accepts', () => {
    const content = ruleScriptFileContent({ rules: [{ rule: { ...RULE, name: 'Müller – Ünïcode' } }] })

    expect(content.charCodeAt(0)).toBe(0xfeff)
    expect(parseRuleScript(content, 'fix.ps1').rules[0]?.name).toBe('Müller – Ünïcode')
  })
})

const guid = fc
  .uuid()
  .map((id) => id.toLowerCase())
  .filter((id) => /^[0-9a-f-]{36}$/.test(id))
/** Text with the characters that matter to quoting: quotes of every kind, backticks, $, new lines, non-ASCII. */
const text = fc.string({
  unit: fc.constantFrom(...'ab Z09_-.,;:()[]{}@#&|"\'\u2018\u2019\u201a\u201b`$\n\r\t\u00e9\u4e2d\u{1f600}'),
  maxLength: 24,
})
const attributeName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/)

const flow: fc.Arbitrary<AttributeFlow> = fc
  .record({
    target: attributeName,
    flowType: fc.constantFrom<FlowType>('Direct', 'Constant', 'Expression'),
    sources: fc.array(attributeName, { minLength: 1, maxLength: 3 }),
    text: text,
    mergeType: fc.constantFrom<MergeType>('Update', 'Replace', 'Merge', 'MergeCaseInsensitive'),
    applyOnce: fc.boolean(),
    expressionSources: fc.boolean(),
  })
  .map((draw): AttributeFlow => {
    const base = { target: draw.target, mergeType: draw.mergeType, applyOnce: draw.applyOnce }
    switch (draw.flowType) {
      case 'Direct':
        return {
          ...base,
          flowType: 'Direct',
          sources: draw.sources.slice(0, 1),
          expression: null,
          constant: null,
        }
      case 'Constant':
        return { ...base, flowType: 'Constant', sources: [], expression: null, constant: draw.text }
      case 'Expression':
        return {
          ...base,
          flowType: 'Expression',
          sources: draw.expressionSources ? draw.sources : [],
          expression: draw.text,
          constant: null,
        }
    }
  })

const rule: fc.Arbitrary<SyncRule> = fc
  .record({
    id: guid,
    name: text,
    description: text,
    direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
    precedence: fc.nat({ max: 1_000_000 }),
    connectorId: guid,
    sourceObjectType: attributeName,
    targetObjectType: fc.oneof(attributeName, fc.constant('*')),
    linkType: fc.constantFrom<LinkType>('Provision', 'StickyJoin', 'Join', 'JoinNoFlow'),
    disabled: fc.boolean(),
    immutableTag: fc.oneof(fc.constant(''), text),
    enablePasswordSync: fc.boolean(),
    scopeGroups: fc.array(
      fc.record({
        clauses: fc.array(
          fc.record({ attribute: attributeName, operator: fc.constantFrom(...SCOPE_OPERATORS), value: text }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { maxLength: 3 },
    ),
    joinGroups: fc.array(
      fc.record({
        conditions: fc.array(
          fc.record({ csAttribute: attributeName, mvAttribute: attributeName, caseSensitive: fc.boolean() }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    ),
    flows: fc.uniqueArray(flow, { maxLength: 5, selector: (drawn) => drawn.target.toLowerCase() }),
  })
  .map((draw): SyncRule => ({ ...draw, connectorName: null, origin: 'drawn.xml' }))

describe('round trip: written scripts read back to identical rules', () => {
  it('keeps every rule field of any rule, alone or several per script', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 3 }), (rules) => {
        const script = writeRuleScript({
          header: ['Drawn rules'],
          rules: rules.map((drawn) => ({ rule: drawn, comments: [drawn.name] })),
        })
        const read = parseRuleScript(script, 'drawn.ps1')
        expect(read.issues.filter((issue) => issue.severity === 'error')).toEqual([])
        expect(read.rules).toEqual(rules.map((drawn) => asRead(drawn, 'drawn.ps1')))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a rule whose texts hold each quote character on its own', () => {
    for (const quote of ["'", '\u2018', '\u2019', '\u201a', '\u201b', "''", "'\u2019"]) {
      const quoted: SyncRule = {
        ...RULE,
        name: `a${quote}b`,
        description: quote,
        flows: [{ ...(RULE.flows[0] as AttributeFlow), expression: `"${quote}"` }],
        scopeGroups: [{ clauses: [{ attribute: 'company', operator: 'EQUAL', value: `${quote}x` }] }],
      }

      const read = parseRuleScript(writeRule(quoted), 'quotes.ps1')

      expect(read.issues).toEqual([])
      expect(read.rules).toEqual([asRead(quoted, 'quotes.ps1')])
    }
  })
})

function contosoRules(): SyncRule[] {
  const folder = path.join(CONTOSO_SERVERCONFIG, 'SynchronizationRules')
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .flatMap((name) => {
      const tree = parseXmlTree(fs.readFileSync(path.join(folder, name), 'utf8'))
      if (!tree.ok) throw new Error(`${name}: ${tree.error.message}`)
      const { rule } = readSyncRuleXml(tree.root, name)
      return rule === null ? [] : [rule]
    })
}

const CONTOSO = 'the 62 real Contoso-2016 rules re-exported'

describe.skipIf(!samplesAvailable)(samplesAvailable ? CONTOSO : `${CONTOSO} (${SAMPLES_SKIP_REASON})`, () => {
  it('reads every rule back identical, from one script with all of them', () => {
    const rules = contosoRules()

    const read = parseRuleScript(
      writeRuleScript({ rules: rules.map((original) => ({ rule: original })) }),
      'contoso.ps1',
    )

    expect(rules).toHaveLength(62)
    expect(read.issues).toEqual([])
    expect(read.rules).toEqual(rules.map((original) => asRead(original, 'contoso.ps1')))
  })

  it('reads each rule back identical from its own saved file', () => {
    for (const original of contosoRules()) {
      const read = parseRuleScript(ruleScriptFileContent({ rules: [{ rule: original }] }), 'one.ps1')

      expect(read.issues).toEqual([])
      expect(read.rules).toEqual([asRead(original, 'one.ps1')])
    }
  })
})
