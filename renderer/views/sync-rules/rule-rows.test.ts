import { describe, expect, it } from 'vitest'
import { makeRule } from '../testing/make-rule'
import { joinText, scopingText, shortTag, toRuleRow, yesNo } from './rule-rows'

describe('toRuleRow', () => {
  it('maps an inbound rule: connected type is the source, metaverse type the target', () => {
    const row = toRuleRow(makeRule({ sourceObjectType: 'user', targetObjectType: 'person' }))

    expect(row).toMatchObject({
      name: 'In from AD - User Custom',
      connector: 'contoso.com',
      precedence: 50,
      connectedObjectType: 'user',
      metaverseObjectType: 'person',
      linkType: 'Join',
      disabled: false,
      tag: '',
      standard: false,
    })
  })

  it('maps an outbound rule: metaverse type is the source, connected type the target', () => {
    const row = toRuleRow(
      makeRule({ direction: 'Outbound', sourceObjectType: 'person', targetObjectType: 'user' }),
    )

    expect([row.connectedObjectType, row.metaverseObjectType]).toEqual(['user', 'person'])
  })

  it('marks Microsoft rules as standard and keeps their tag', () => {
    const row = toRuleRow(makeRule({ immutableTag: 'Microsoft.InfromADUserJoin.003' }))

    expect(row.standard).toBe(true)
    expect(row.tag).toBe('Microsoft.InfromADUserJoin.003')
  })

  it('falls back to the connector GUID when the connector is unknown', () => {
    const row = toRuleRow(
      makeRule({ connectorName: null, connectorId: 'deadbeef-0000-0000-0000-000000000000' }),
    )

    expect(row.connector).toBe('deadbeef-0000-0000-0000-000000000000')
  })
})

describe('yesNo', () => {
  it('writes booleans as the rules editor does', () => {
    expect([yesNo(true), yesNo(false)]).toEqual(['Yes', 'No'])
  })
})

describe('shortTag', () => {
  it.each([
    ['Microsoft.InfromADUserJoin.003', 'InfromADUserJoin.003'],
    ['', ''],
    ['Contoso.Custom.001', 'Contoso.Custom.001'],
    ['microsoft.lower', 'microsoft.lower'],
  ])('shows %s as %s', (tag, expected) => {
    expect(shortTag(tag)).toBe(expected)
  })
})

describe('scoping and join in one line', () => {
  it('AND-s clauses in a group and OR-s the groups', () => {
    expect(scopingText({ scopeGroups: [] })).toBe('')
    expect(
      scopingText({
        scopeGroups: [{ clauses: [{ attribute: 'mailNickname', operator: 'ISNOTNULL', value: '' }] }],
      }),
    ).toBe('mailNickname ISNOTNULL')
    expect(
      scopingText({
        scopeGroups: [
          {
            clauses: [
              { attribute: 'isCriticalSystemObject', operator: 'NOTEQUAL', value: 'True' },
              { attribute: 'adminDescription', operator: 'NOTSTARTSWITH', value: 'User_' },
            ],
          },
          { clauses: [{ attribute: 'department', operator: 'EQUAL', value: 'Sales' }] },
        ],
      }),
    ).toBe(
      '(isCriticalSystemObject NOTEQUAL True AND adminDescription NOTSTARTSWITH User_) OR (department EQUAL Sales)',
    )
  })

  it('names join conditions from the rule side', () => {
    const joinGroups = [
      { conditions: [{ csAttribute: 'objectGUID', mvAttribute: 'sourceAnchor', caseSensitive: false }] },
    ]

    expect(joinText({ direction: 'Inbound', joinGroups })).toBe('objectGUID = sourceAnchor')
    expect(joinText({ direction: 'Outbound', joinGroups })).toBe('sourceAnchor = objectGUID')
    expect(joinText({ direction: 'Inbound', joinGroups: [] })).toBe('')
  })
})
