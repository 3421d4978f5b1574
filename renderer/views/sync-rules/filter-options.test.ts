import { describe, expect, it } from 'vitest'
import {
  attributeNames,
  filterOptions,
  INITIAL_FILTER,
  isNarrowed,
  reconcileFilter,
  toRuleFilter,
  type FilterOptions,
} from './filter-options'
import { makeRule } from '../testing/make-rule'

const AD = 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d'
const AAD = 'b891884f-051e-4a83-95af-2544101c9083'

describe('filterOptions', () => {
  it('lists each connector and object type once, with counts, sorted by label', () => {
    const rules = [
      makeRule({ connectorId: AD, connectorName: 'contoso.com', sourceObjectType: 'user' }),
      makeRule({
        connectorId: AD,
        connectorName: 'contoso.com',
        sourceObjectType: 'group',
        targetObjectType: 'group',
      }),
      makeRule({ connectorId: AAD, connectorName: 'Contoso - AAD', sourceObjectType: 'User' }),
    ]

    const options = filterOptions(rules)

    expect(options.connectors).toEqual([
      { value: AAD, label: 'Contoso - AAD', count: 1 },
      { value: AD, label: 'contoso.com', count: 2 },
    ])
    expect(options.connectedObjectTypes.map((option) => [option.value, option.count])).toEqual([
      ['group', 1],
      ['user', 1],
      ['User', 1],
    ])
    expect(options.metaverseObjectTypes).toEqual([
      { value: 'group', label: 'group', count: 1 },
      { value: 'person', label: 'person', count: 2 },
    ])
  })

  it('keeps names that are special on plain objects as ordinary values', () => {
    const rules = [
      makeRule({ sourceObjectType: '__proto__' }),
      makeRule({ sourceObjectType: 'constructor' }),
      makeRule({ sourceObjectType: '__proto__' }),
    ]

    const options = filterOptions(rules)

    expect(options.connectedObjectTypes).toEqual([
      { value: '__proto__', label: '__proto__', count: 2 },
      { value: 'constructor', label: 'constructor', count: 1 },
    ])
  })

  it('gives no options for no rules', () => {
    expect(filterOptions([])).toEqual({ connectors: [], connectedObjectTypes: [], metaverseObjectTypes: [] })
  })
})

describe('reconcileFilter', () => {
  const options: FilterOptions = {
    connectors: [{ value: AD, label: 'contoso.com', count: 2 }],
    connectedObjectTypes: [{ value: 'user', label: 'user', count: 2 }],
    metaverseObjectTypes: [{ value: 'person', label: 'person', count: 2 }],
  }

  it('returns the same object when every value is still offered', () => {
    const filter = { ...INITIAL_FILTER, connectorId: AD, connectedObjectType: 'user' }

    expect(reconcileFilter(filter, options)).toBe(filter)
  })

  it('clears values the options no longer offer and keeps the attribute text', () => {
    const filter = {
      ...INITIAL_FILTER,
      connectorId: AAD,
      metaverseObjectType: 'device',
      connectedObjectType: 'user',
      attribute: 'mail',
    }

    expect(reconcileFilter(filter, options)).toEqual({
      ...INITIAL_FILTER,
      connectedObjectType: 'user',
      attribute: 'mail',
    })
  })
})

describe('toRuleFilter and isNarrowed', () => {
  it('sends only the direction when nothing narrows the list', () => {
    expect(toRuleFilter(INITIAL_FILTER)).toEqual({ direction: 'Inbound' })
    expect(isNarrowed(INITIAL_FILTER)).toBe(false)
  })

  it('sends every set value and trims the attribute', () => {
    const filter = {
      direction: 'Outbound' as const,
      connectorId: AAD,
      connectedObjectType: 'user',
      metaverseObjectType: 'person',
      attribute: '  proxyAddresses ',
    }

    expect(toRuleFilter(filter)).toEqual({
      direction: 'Outbound',
      connectorId: AAD,
      connectedObjectType: 'user',
      metaverseObjectType: 'person',
      attribute: 'proxyAddresses',
    })
    expect(isNarrowed(filter)).toBe(true)
  })

  it('ignores an attribute filter of only spaces', () => {
    expect(isNarrowed({ ...INITIAL_FILTER, attribute: '   ' })).toBe(false)
  })
})

describe('attributeNames', () => {
  it('collects flow, scoping and join attributes once each, sorted without regard to case', () => {
    const rule = makeRule({
      flows: [
        {
          target: 'displayName',
          flowType: 'Expression',
          sources: ['givenName', 'sn'],
          expression: '[givenName] & " " & [sn]',
          constant: null,
          mergeType: 'Update',
          applyOnce: false,
        },
      ],
      scopeGroups: [
        { clauses: [{ attribute: 'adminDescription', operator: 'NOTSTARTSWITH', value: 'User_' }] },
      ],
      joinGroups: [
        { conditions: [{ csAttribute: 'objectSid', mvAttribute: 'objectSid', caseSensitive: false }] },
      ],
    })

    expect(attributeNames([rule, rule])).toEqual([
      'adminDescription',
      'displayName',
      'givenName',
      'objectSid',
      'sn',
    ])
  })
})
