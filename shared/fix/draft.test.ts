import { describe, expect, it } from 'vitest'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { parseRuleScript } from '../formats/ps1/rule-script'
import type { Connector } from '../model/connector'
import { EMPTY_SCHEMA } from '../model/schema'
import type { AttributeFlow, SyncRule } from '../model/sync-rule'
import { applyDraft, draftRules, type FixDraft } from './draft'
import { draftScript, draftScriptFile, draftScriptFileName } from './draft-script'
import { checkDraft } from './check-draft'

const AD: Connector = {
  id: '5c0d7e2a-9b1f-4e3c-8a6d-2f4b6c8e0a1d',
  name: 'contoso.com',
  type: 'AD',
  category: 'AD',
  subtype: '',
  description: '',
  selectedAttributes: ['department'],
  partitions: [],
  schema: EMPTY_SCHEMA,
  parameters: [],
  origin: 'Connectors/ad.xml',
}

function direct(source: string, target = source): AttributeFlow {
  return {
    target,
    flowType: 'Direct',
    sources: [source],
    expression: null,
    constant: null,
    mergeType: 'Update',
    applyOnce: false,
  }
}

function rule(name: string, precedence: number, changes: Partial<SyncRule> = {}): SyncRule {
  return {
    id: `00000000-0000-4000-8000-${String(precedence).padStart(12, '0')}`,
    name,
    description: '',
    direction: 'Inbound',
    precedence,
    connectorId: AD.id,
    connectorName: AD.name,
    sourceObjectType: 'user',
    targetObjectType: 'person',
    linkType: 'Join',
    disabled: false,
    immutableTag: '',
    enablePasswordSync: false,
    scopeGroups: [{ clauses: [{ attribute: 'mailNickname', operator: 'ISNOTNULL', value: '' }] }],
    joinGroups: [],
    flows: [direct('proxyAddresses')],
    origin: 'SynchronizationRules/x.xml',
    ...changes,
  }
}

const EXCHANGE = rule('In from AD - User Exchange', 104, {
  immutableTag: 'Microsoft.InfromADUserExchange.003',
})
const HR = rule('Contoso - HR', 50, { flows: [direct('extensionAttribute2', 'department')] })
const CONFIGURATION: ServerConfiguration = { rules: [HR, EXCHANGE], connectors: [AD], metaverse: null }

const CLONE = rule('Custom - In from AD - User Exchange', 99, {
  id: '11111111-2222-4333-8444-555555555555',
  scopeGroups: [],
  origin: 'SyncLens draft',
})

const DRAFT: FixDraft = {
  target: {
    csObjectId: 'cs-1',
    dn: 'CN=Carlos Mendoza\\, Jr,OU=Sales,DC=contoso,DC=com',
    connectorId: AD.id,
    connectorName: AD.name,
    attribute: 'proxyAddresses',
    targetConnectorId: null,
  },
  verdict: 'RULE_OUT_OF_SCOPE',
  changes: [
    {
      kind: 'clone-rule',
      rule: CLONE,
      original: EXCHANGE,
      fixes: 'RULE_OUT_OF_SCOPE',
      summary: 'Copy it without its scoping filter.',
    },
    {
      kind: 'select-attribute',
      connectorId: AD.id,
      connectorName: AD.name,
      attribute: 'employeeID',
      side: 'import',
      standIn: ['<employeeID from contoso.com>'],
      fixes: 'NOT_SELECTED_ON_CONNECTOR',
      summary: 'Select employeeID on "contoso.com", then run a full import.',
    },
  ],
  remaining: [{ code: 'PENDING_EXPORT', message: 'Staged.', advice: 'Run an export.' }],
  notes: [],
}

describe('applyDraft', () => {
  it('adds the copy, disables the out-of-box original and selects the attribute, leaving the input untouched', () => {
    const applied = applyDraft(CONFIGURATION, DRAFT)

    expect(
      applied.rules.map((candidate) => [candidate.name, candidate.precedence, candidate.disabled]),
    ).toEqual([
      ['Contoso - HR', 50, false],
      ['Custom - In from AD - User Exchange', 99, false],
      ['In from AD - User Exchange', 104, true],
    ])
    expect(applied.connectors[0]?.selectedAttributes).toEqual(['department', 'employeeID'])
    expect(CONFIGURATION.rules[1]?.disabled).toBe(false)
    expect(AD.selectedAttributes).toEqual(['department'])
  })

  it('replaces a custom rule edited in place', () => {
    const moved = { ...HR, precedence: 91 }
    const draft: FixDraft = {
      ...DRAFT,
      changes: [
        { kind: 'edit-rule', rule: moved, original: HR, fixes: 'OVERRIDDEN_BY_PRECEDENCE', summary: '' },
      ],
    }

    expect(applyDraft(CONFIGURATION, draft).rules.map((candidate) => candidate.precedence)).toEqual([91, 104])
  })
})

/** The draft with its first change's rule changed: what an edit in the window produces. */
function withRule(draft: FixDraft, patch: (rule: SyncRule) => SyncRule): FixDraft {
  return {
    ...draft,
    changes: draft.changes.map((change, index) =>
      index === 0 && 'rule' in change ? { ...change, rule: patch(change.rule) } : change,
    ),
  }
}

describe('checkDraft', () => {
  it('accepts a draft whose rules are complete, with a free precedence', () => {
    const draft = withRule(DRAFT, (rule) => ({
      ...rule,
      precedence: 42,
      scopeGroups: [{ clauses: [{ attribute: 'mail', operator: 'ISNOTNULL', value: '' }] }],
      flows: [{ ...direct('proxyAddresses'), flowType: 'Expression', expression: 'Trim([proxyAddresses])' }],
    }))

    expect(checkDraft(CONFIGURATION, draft)).toEqual([])
  })

  it('reports a taken precedence, the out-of-box range, two mappings to one attribute and a broken expression', () => {
    const doubled = withRule(DRAFT, (rule) => ({
      ...rule,
      precedence: 50,
      flows: [
        ...rule.flows,
        { ...direct('mail'), flowType: 'Expression', expression: 'Trim([mail]' },
        direct('x', 'proxyaddresses'),
      ],
    }))

    const problems = checkDraft(CONFIGURATION, doubled)

    expect(
      problems.map((problem) => [problem.change, problem.severity, problem.message.split(':')[0]]),
    ).toEqual([
      [0, 'error', 'The expression of mail does not parse'],
      [
        0,
        'error',
        '"Custom - In from AD - User Exchange" maps proxyaddresses twice; the engine refuses two mappings to one attribute.',
      ],
      [0, 'error', 'Precedence 50 is already taken by "Contoso - HR"; every rule needs its own.'],
    ])
    expect(
      checkDraft(
        CONFIGURATION,
        withRule(DRAFT, (rule) => ({ ...rule, precedence: 150 })),
      ).map((problem) => problem.severity),
    ).toEqual(['warning'])
  })

  it('refuses an out-of-box rule edited in place', () => {
    const draft: FixDraft = {
      ...DRAFT,
      changes: [
        {
          kind: 'edit-rule',
          rule: { ...EXCHANGE, scopeGroups: [] },
          original: EXCHANGE,
          fixes: 'RULE_OUT_OF_SCOPE',
          summary: '',
        },
      ],
    }

    expect(checkDraft(CONFIGURATION, draft)[0]?.message).toContain('copy it and disable the original')
  })
})

describe('draftScript', () => {
  it('says what it fixes, that it runs on the staging server first, and what is left to do by hand', () => {
    const script = draftScript(DRAFT, { snapshotName: 'Contoso-2016', writtenAt: '2024-05-01T10:00:00.000Z' })

    const header = (script.header ?? []).join('\n')
    expect(header).toContain(
      'SyncLens draft fix: proxyAddresses of CN=Carlos Mendoza\\, Jr,OU=Sales,DC=contoso,DC=com',
    )
    expect(header).toContain('Verdict in the snapshot: RULE_OUT_OF_SCOPE.')
    expect(header).toContain('STAGING server first')
    expect(header).toContain('  1. Copy it without its scoping filter.')
    expect(header).toContain('  - Select employeeID on "contoso.com", then run a full import.')
    expect(header).toContain('  - PENDING_EXPORT: Run an export.')
    expect(script.rules.map((item) => [item.rule.name, item.rule.disabled])).toEqual([
      ['Custom - In from AD - User Exchange', false],
      ['In from AD - User Exchange', true],
    ])
    expect(script.footer?.join('\n')).toContain('2. Run a full synchronization')
  })

  it('writes a file that reads back to the drafted rules, original included as disabled', () => {
    const read = parseRuleScript(draftScriptFile(DRAFT), 'fix.ps1')

    expect(read.issues).toEqual([])
    expect(read.rules).toEqual(
      draftRules(DRAFT).map((item) => ({ ...item, origin: 'fix.ps1', connectorName: null })),
    )
    expect(read.rules.find((item) => item.id === EXCHANGE.id)).toMatchObject({
      disabled: true,
      immutableTag: 'Microsoft.InfromADUserExchange.003',
    })
  })

  it('names the file after the attribute and the object', () => {
    expect(draftScriptFileName(DRAFT)).toBe('synclens-fix-proxyAddresses-Carlos-Mendoza-Jr.ps1')
  })
})
