import { beforeAll, describe, expect, it } from 'vitest'
import { fixSnapshot, previewDraft, proposeFix } from '../../../shared/fix/index'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { FixDraft } from '../../../shared/fix/draft'
import type { DraftPreview } from '../../../shared/fix/preview'
import { type LoadedSnapshot, loadSnapshot } from '../../../shared/load/load-snapshot'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import type { AttributeFlow } from '../../../shared/model/sync-rule'
import { generateTrainingSnapshot, TRAINING_CASES } from '../../../shared/training/index'
import { draftKey, keepDraft, keptDraft } from './draft-store'
import { editDraft } from './edit-draft'
import { expressionSources, withFlowType } from './flow-editor'
import { comparedLines } from './preview-panes'

const DIRECT: AttributeFlow = {
  target: 'department',
  flowType: 'Direct',
  sources: ['department'],
  expression: null,
  constant: null,
  mergeType: 'Update',
  applyOnce: false,
}

describe('editing a mapping', () => {
  it('lists the attributes an expression names, once each, as the Rules Editor lists its sources', () => {
    expect(expressionSources('IIF(IsPresent([mail]), Trim([Mail]), [ proxyAddresses ])')).toEqual([
      'mail',
      'proxyAddresses',
    ])
    expect(expressionSources('"CN=" & %Domain.FQDN%')).toEqual([])
    expect(expressionSources('RemoveDuplicates(Trim(ImportedValue("proxyAddresses")))')).toEqual([
      'proxyAddresses',
    ])
  })

  it('switches flow types keeping what still applies: the source becomes the expression, the value the constant', () => {
    const expression = withFlowType(DIRECT, 'Expression')
    const constant = withFlowType(expression, 'Constant')
    const back = withFlowType(expression, 'Direct')

    expect(expression).toMatchObject({
      flowType: 'Expression',
      expression: '[department]',
      sources: ['department'],
    })
    expect(constant).toMatchObject({ flowType: 'Constant', constant: '', sources: [], expression: null })
    expect(back).toMatchObject({ flowType: 'Direct', sources: ['department'], expression: null })
  })
})

const RULE_DRAFT: FixDraft = {
  target: {
    csObjectId: 'cs-1',
    dn: 'CN=Ana Trujillo,DC=contoso,DC=com',
    connectorId: 'ad',
    connectorName: 'contoso.com',
    attribute: 'department',
    targetConnectorId: null,
  },
  verdict: 'OVERRIDDEN_BY_PRECEDENCE',
  changes: [
    {
      kind: 'add-rule',
      rule: {
        id: 'r1',
        name: 'Custom - In from AD - User department',
        description: '',
        direction: 'Inbound',
        precedence: 99,
        connectorId: 'ad',
        connectorName: 'contoso.com',
        sourceObjectType: 'user',
        targetObjectType: 'person',
        linkType: 'Join',
        disabled: false,
        immutableTag: '',
        enablePasswordSync: false,
        scopeGroups: [],
        joinGroups: [],
        flows: [DIRECT],
        origin: 'SyncLens draft',
      },
      original: null,
      fixes: 'OVERRIDDEN_BY_PRECEDENCE',
      summary: '',
    },
    {
      kind: 'select-attribute',
      connectorId: 'ad',
      connectorName: 'contoso.com',
      attribute: 'employeeID',
      side: 'import',
      standIn: ['<employeeID from contoso.com>'],
      fixes: 'NOT_SELECTED_ON_CONNECTOR',
      summary: '',
    },
  ],
  remaining: [],
  notes: [],
}

describe('editDraft', () => {
  it('edits precedence, scope, a mapping and the stand-in values, one change at a time, leaving the rest', () => {
    let draft = editDraft(RULE_DRAFT, { kind: 'precedence', change: 0, precedence: 42 })
    draft = editDraft(draft, {
      kind: 'scope',
      change: 0,
      scopeGroups: [{ clauses: [{ attribute: 'mail', operator: 'ISNOTNULL', value: '' }] }],
    })
    draft = editDraft(draft, {
      kind: 'flow',
      change: 0,
      target: 'Department',
      flow: { ...DIRECT, flowType: 'Expression', expression: 'Trim([department])', constant: 'dropped' },
    })
    draft = editDraft(draft, { kind: 'stand-in', change: 1, values: ['E-1234'] })

    const [rule, selection] = draft.changes
    expect(rule && 'rule' in rule ? rule.rule : null).toMatchObject({
      precedence: 42,
      scopeGroups: [{ clauses: [{ attribute: 'mail' }] }],
      flows: [{ flowType: 'Expression', expression: 'Trim([department])', constant: null }],
    })
    expect(selection).toMatchObject({ standIn: ['E-1234'] })
    expect(
      RULE_DRAFT.changes[0] && 'rule' in RULE_DRAFT.changes[0] ? RULE_DRAFT.changes[0].rule.precedence : 0,
    ).toBe(99)
  })

  it('ignores an edit that does not fit its change', () => {
    expect(editDraft(RULE_DRAFT, { kind: 'precedence', change: 1, precedence: 1 })).toBe(RULE_DRAFT)
    expect(editDraft(RULE_DRAFT, { kind: 'stand-in', change: 0, values: [] })).toBe(RULE_DRAFT)
    expect(editDraft(RULE_DRAFT, { kind: 'precedence', change: 7, precedence: 1 })).toBe(RULE_DRAFT)
  })
})

describe('the draft store', () => {
  it('keeps drafts per snapshot, by object, attribute (any case) and target', () => {
    const snapshot = { name: 'Contoso' } as SnapshotSummary
    const other = { name: 'Contoso' } as SnapshotSummary
    const key = draftKey('cs-1', 'Department')

    keepDraft(snapshot, key, RULE_DRAFT)

    expect(keptDraft(snapshot, draftKey('cs-1', 'department'))).toBe(RULE_DRAFT)
    expect(keptDraft(snapshot, draftKey('cs-1', 'department', 'aad'))).toBe(null)
    expect(keptDraft(other, key)).toBe(null)
    keepDraft(snapshot, key, null)
    expect(keptDraft(snapshot, key)).toBe(null)
  })
})

describe('comparedLines', () => {
  let snapshot: LoadedSnapshot
  let preview: DraftPreview
  beforeAll(async () => {
    snapshot = await loadSnapshot(generateTrainingSnapshot({ users: 10 }))
    const ana = TRAINING_CASES.find((trainingCase) => trainingCase.id === 'department-from-hr')
    const csObject = ana ? snapshot.objects.csObjectsByDn(ana.dn)[0] : undefined
    if (!ana || !csObject) throw new Error('The training snapshot lost Ana Trujillo')
    const world = fixSnapshot(snapshot)
    preview = previewDraft(world, proposeFix(world, { csObject, attribute: ana.attribute }), csObject)
  })

  it("puts Ana's department line before and after side by side: the HR rule wins before, the Contoso copy after", () => {
    const lines = comparedLines(preview, (id) => id === AAD_CONNECTOR_ID)

    const department = lines.find((line) => line.attribute === 'department')
    expect(lines.map((line) => line.attribute)).toEqual(['department'])
    expect(department?.before?.imports[0]?.rule.name).toBe('Contoso - In from AD - User Department from HR')
    expect(department?.before?.mvValues).toEqual(['Inside Sales'])
    expect(department?.after?.imports[0]?.rule.name).toBe('Contoso - In from AD - User Common')
    expect(department?.after?.mvValues).toEqual(['Sales'])
  })
})
