import { describe, expect, it } from 'vitest'
import { INBOUND_RULE_XML, OUTBOUND_RULE_XML } from '../../../test-support/serverconfig-fixtures'
import { parseXmlTree } from '../../xml/element-tree'
import { normalizeScopeOperator } from '../../model/sync-rule'
import { readSyncRuleXml } from './sync-rule-xml'

function read(xml: string) {
  const tree = parseXmlTree(xml)
  if (!tree.ok) throw new Error(tree.error.message)
  return readSyncRuleXml(tree.root, 'SynchronizationRules/rule.xml')
}

describe('readSyncRuleXml', () => {
  it('reads every field of an inbound rule', () => {
    const { rule, issues } = read(INBOUND_RULE_XML)

    expect(issues).toEqual([])
    expect(rule).toMatchObject({
      id: '1a2b3c4d-0000-4000-8000-000000000001',
      name: 'In from AD - Staff Custom',
      description: 'Copies staff data & flags contractors',
      direction: 'Inbound',
      precedence: 50,
      connectorId: 'aaaa0000-1111-4222-8333-444455556666',
      connectorName: null,
      sourceObjectType: 'user',
      targetObjectType: 'person',
      linkType: 'Provision',
      disabled: false,
      immutableTag: '',
      enablePasswordSync: true,
      origin: 'SynchronizationRules/rule.xml',
    })
  })

  it('reads scope groups, normalizing ISNOTBITSET to ISBITNOTSET', () => {
    const { rule } = read(INBOUND_RULE_XML)

    expect(rule?.scopeGroups).toEqual([
      {
        clauses: [
          { attribute: 'userAccountControl', operator: 'ISBITNOTSET', value: '2' },
          { attribute: 'mailNickname', operator: 'ISNOTNULL', value: '' },
        ],
      },
      { clauses: [{ attribute: 'employeeType', operator: 'EQUAL', value: 'Contractor' }] },
    ])
  })

  it('reads join groups in order with case sensitivity', () => {
    const { rule } = read(INBOUND_RULE_XML)

    expect(rule?.joinGroups).toEqual([
      {
        conditions: [
          { csAttribute: 'employeeID', mvAttribute: 'employeeID', caseSensitive: false },
          { csAttribute: 'sAMAccountName', mvAttribute: 'accountName', caseSensitive: true },
        ],
      },
      { conditions: [{ csAttribute: 'objectSid', mvAttribute: 'objectSid', caseSensitive: false }] },
    ])
  })

  it('derives the flow type: Direct, Constant, Expression (with and without sources)', () => {
    const { rule } = read(INBOUND_RULE_XML)

    expect(rule?.flows).toEqual([
      {
        target: 'department',
        flowType: 'Direct',
        sources: ['department'],
        expression: null,
        constant: null,
        mergeType: 'Update',
        applyOnce: false,
      },
      {
        target: 'employeeType',
        flowType: 'Constant',
        sources: [],
        expression: null,
        constant: 'Staff',
        mergeType: 'Update',
        applyOnce: true,
      },
      {
        target: 'proxyAddresses',
        flowType: 'Expression',
        sources: ['proxyAddresses', 'mail'],
        expression: 'IIF(IsPresent([mail]) && Len([mail]) > 3, Trim([proxyAddresses]), NULL)',
        constant: null,
        mergeType: 'MergeCaseInsensitive',
        applyOnce: false,
      },
      {
        target: 'sourceConnector',
        flowType: 'Expression',
        sources: [],
        expression: '%Connector.ID%',
        constant: null,
        mergeType: 'Update',
        applyOnce: false,
      },
    ])
  })

  it('reads a disabled outbound rule with empty criteria', () => {
    const { rule, issues } = read(OUTBOUND_RULE_XML)

    expect(issues).toEqual([])
    expect(rule).toMatchObject({
      direction: 'Outbound',
      disabled: true,
      immutableTag: 'Microsoft.OuttoAADStaffCustom.001',
      scopeGroups: [],
      joinGroups: [],
    })
  })

  it.each([
    ['<direction>Sideways</direction>', 'direction "Sideways"'],
    ['<precedence>-3</precedence>', 'precedence "-3"'],
    ['<linkType>Glue</linkType>', 'link type "Glue"'],
    ['<csOperator>LIKE</csOperator>', 'unknown scoping operator "LIKE"'],
  ])('refuses a rule with %s and says why', (replacement, expected) => {
    const tag = /^<(\w+)>/.exec(replacement)?.[1] ?? ''
    const broken = INBOUND_RULE_XML.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), replacement)

    const { rule, issues } = read(broken)

    expect(rule).toBeNull()
    expect(issues[0]?.message).toContain(expected)
    expect(issues[0]?.line).toBeGreaterThan(0)
  })

  it('refuses a mapping without a target attribute', () => {
    const { rule, issues } = read(INBOUND_RULE_XML.replace('<dest>department</dest>', ''))

    expect(rule).toBeNull()
    expect(issues[0]?.message).toContain('mapping without <dest>')
  })
})

describe('normalizeScopeOperator', () => {
  it.each([
    ['equal', 'EQUAL'],
    [' ISBITNOTSET ', 'ISBITNOTSET'],
    ['ISNOTBITSET', 'ISBITNOTSET'],
    ['LESSTHAN_OR_EQUAL', 'LESSTHAN_OR_EQUAL'],
    ['BETWEEN', null],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeScopeOperator(raw)).toBe(expected)
  })
})
