import { describe, expect, it } from 'vitest'
import { makeRule } from '../testing/make-rule'
import { descriptionFields, flowRows, joinRows, pageCount, scopeRows } from './rule-detail-model'

describe('descriptionFields', () => {
  it('lists the Description page in the rules editor order, then id and origin', () => {
    const rule = makeRule({
      immutableTag: 'Microsoft.InfromADUserJoin.003',
      enablePasswordSync: true,
      disabled: true,
      description: 'Joins users',
    })

    const fields = descriptionFields(rule)

    expect(fields.map((field) => [field.label, field.value])).toEqual([
      ['Name', 'In from AD - User Custom'],
      ['Description', 'Joins users'],
      ['Connected System', 'contoso.com'],
      ['Connected System Object Type', 'user'],
      ['Metaverse Object Type', 'person'],
      ['Link Type', 'Join'],
      ['Precedence', '50'],
      ['Tag', 'Microsoft.InfromADUserJoin.003'],
      ['Enable Password Sync', 'Yes'],
      ['Disabled', 'Yes'],
      ['Id', '11111111-2222-3333-4444-555555555555'],
      ['Origin file', 'SynchronizationRules/SynchronizationRule_{11111111-2222-3333-4444-555555555555}.xml'],
    ])
    expect(fields.filter((field) => field.code).map((field) => field.label)).toEqual([
      'Tag',
      'Id',
      'Origin file',
    ])
  })
})

describe('scopeRows', () => {
  it('numbers groups from 1 and marks the first clause of each group', () => {
    const rule = makeRule({
      scopeGroups: [
        {
          clauses: [
            { attribute: 'isCriticalSystemObject', operator: 'NOTEQUAL', value: 'TRUE' },
            { attribute: 'adminDescription', operator: 'NOTSTARTSWITH', value: 'User_' },
          ],
        },
        { clauses: [] },
        { clauses: [{ attribute: 'mail', operator: 'ISNOTNULL', value: '' }] },
      ],
    })

    expect(scopeRows(rule)).toEqual([
      {
        group: 1,
        firstInGroup: true,
        attribute: 'isCriticalSystemObject',
        operator: 'NOTEQUAL',
        value: 'TRUE',
      },
      {
        group: 1,
        firstInGroup: false,
        attribute: 'adminDescription',
        operator: 'NOTSTARTSWITH',
        value: 'User_',
      },
      { group: 3, firstInGroup: true, attribute: 'mail', operator: 'ISNOTNULL', value: '' },
    ])
  })

  it('is empty for a rule without scoping filter', () => {
    expect(scopeRows(makeRule())).toEqual([])
  })
})

describe('joinRows', () => {
  const joinGroups = [
    { conditions: [{ csAttribute: 'objectSid', mvAttribute: 'objectSid', caseSensitive: false }] },
    {
      conditions: [{ csAttribute: 'msExchMasterAccountSid', mvAttribute: 'objectSid', caseSensitive: true }],
    },
  ]

  it('reads the connector space as source for inbound rules', () => {
    expect(joinRows(makeRule({ joinGroups }))).toEqual([
      {
        group: 1,
        firstInGroup: true,
        sourceAttribute: 'objectSid',
        targetAttribute: 'objectSid',
        caseSensitive: false,
      },
      {
        group: 2,
        firstInGroup: true,
        sourceAttribute: 'msExchMasterAccountSid',
        targetAttribute: 'objectSid',
        caseSensitive: true,
      },
    ])
  })

  it('reads the metaverse as source for outbound rules', () => {
    const rows = joinRows(makeRule({ direction: 'Outbound', joinGroups }))

    expect(rows[1]).toMatchObject({ sourceAttribute: 'objectSid', targetAttribute: 'msExchMasterAccountSid' })
  })
})

describe('flowRows', () => {
  it('shows each flow type with its own kind of source', () => {
    const rule = makeRule({
      flows: [
        {
          target: 'displayName',
          flowType: 'Direct',
          sources: ['displayName'],
          expression: null,
          constant: null,
          mergeType: 'Update',
          applyOnce: false,
        },
        {
          target: 'cloudCreated',
          flowType: 'Constant',
          sources: [],
          expression: null,
          constant: 'False',
          mergeType: 'Update',
          applyOnce: true,
        },
        {
          target: 'cloudFiltered',
          flowType: 'Expression',
          sources: ['sAMAccountName'],
          expression: 'IIF(IsPresent([sAMAccountName]), NULL, True)',
          constant: null,
          mergeType: 'MergeCaseInsensitive',
          applyOnce: false,
        },
      ],
    })

    expect(flowRows(rule)).toEqual([
      {
        flowType: 'Direct',
        target: 'displayName',
        source: { kind: 'attributes', names: ['displayName'] },
        applyOnce: false,
        mergeType: 'Update',
      },
      {
        flowType: 'Constant',
        target: 'cloudCreated',
        source: { kind: 'constant', value: 'False' },
        applyOnce: true,
        mergeType: 'Update',
      },
      {
        flowType: 'Expression',
        target: 'cloudFiltered',
        source: { kind: 'expression', text: 'IIF(IsPresent([sAMAccountName]), NULL, True)' },
        applyOnce: false,
        mergeType: 'MergeCaseInsensitive',
      },
    ])
  })
})

describe('pageCount', () => {
  it('counts clauses, conditions and flows; the Description page has no count', () => {
    const rule = makeRule({
      scopeGroups: [{ clauses: [{ attribute: 'a', operator: 'ISNULL', value: '' }] }, { clauses: [] }],
      joinGroups: [{ conditions: [] }],
    })

    expect(
      (['Description', 'Scoping filter', 'Join rules', 'Transformations'] as const).map((page) =>
        pageCount(rule, page),
      ),
    ).toEqual([null, 1, 0, 0])
  })
})
