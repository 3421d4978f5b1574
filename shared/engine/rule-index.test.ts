import { describe, expect, it } from 'vitest'
import { buildRuleIndex, flowReads } from './rule-index'
import { aadConnector, connector, flow, rule } from './testing/scenario'

const ad = connector({ name: 'contoso.com', selected: ['mail', 'sn', 'givenName'] })
const aad = aadConnector(['mail'])

const rules = [
  rule({
    name: 'In from AD - User Common',
    connector: ad,
    precedence: 106,
    scope: [['adminDescription NOTSTARTSWITH User_']],
    flows: [
      flow.direct('mail', 'mail'),
      flow.expression('displayName', 'IIF(IsPresent([displayName]),[displayName],[cn])'),
    ],
  }),
  rule({
    name: 'In from AD - Contact Common',
    connector: ad,
    precedence: 116,
    sourceType: 'contact',
    flows: [flow.direct('mail', 'mail')],
  }),
  rule({
    name: 'In from AD - Group Common',
    connector: ad,
    precedence: 114,
    sourceType: 'group',
    targetType: 'group',
    flows: [flow.direct('mail', 'mail')],
  }),
  rule({
    name: 'In from AD - FSP Join',
    connector: ad,
    precedence: 118,
    sourceType: 'foreignSecurityPrincipal',
    targetType: '*',
    flows: [flow.constant('mail', 'none')],
  }),
  rule({
    name: 'In from AD - Custom mail',
    connector: ad,
    precedence: 50,
    disabled: true,
    flows: [flow.direct('mail', 'sn')],
  }),
  rule({
    name: 'Out to AAD - User Identity',
    direction: 'Outbound',
    connector: aad,
    precedence: 124,
    scope: [['sourceObjectType EQUAL User', 'cloudMastered NOTEQUAL True'], ['isGuest EQUAL True']],
    flows: [flow.direct('mail', 'mail'), flow.expression('proxyMail', 'Trim([mail])', [])],
  }),
  {
    ...rule({
      name: 'Out to unknown',
      direction: 'Outbound',
      connector: connector({ id: 'dddddddd-0000-4000-8000-00000000000d', name: 'gone' }),
      precedence: 200,
      flows: [flow.direct('mail', 'mail')],
    }),
    connectorName: null,
  },
]
const index = buildRuleIndex(rules, [ad, aad])

describe('contributors', () => {
  it('ranks enabled inbound mappings by precedence, one entry per mapping', () => {
    const report = index.contributors('mail')

    expect(report.inbound).toEqual([
      {
        rank: 1,
        rule: 'In from AD - User Common',
        precedence: 106,
        connector: 'contoso.com',
        sourceObjectType: 'user',
        flowType: 'Direct',
        source: 'mail',
        scope: 'adminDescription NOTSTARTSWITH User_',
      },
      expect.objectContaining({ rank: 2, rule: 'In from AD - Group Common', precedence: 114 }),
      expect.objectContaining({ rank: 3, rule: 'In from AD - Contact Common', scope: '' }),
      expect.objectContaining({
        rank: 4,
        rule: 'In from AD - FSP Join',
        flowType: 'Constant',
        source: 'none',
      }),
    ])
  })

  it('lists outbound flows that read the attribute, naming unknown connectors by GUID', () => {
    const report = index.contributors('mail')

    expect(report.outbound).toEqual([
      {
        rule: 'Out to AAD - User Identity',
        precedence: 124,
        connector: 'contoso.onmicrosoft.com - AAD',
        targetObjectType: 'user',
        target: 'mail',
        flowType: 'Direct',
        source: 'mail',
        scope: 'sourceObjectType EQUAL User AND cloudMastered NOTEQUAL True OR isGuest EQUAL True',
      },
      expect.objectContaining({ target: 'proxyMail', flowType: 'Expression', source: 'Trim([mail])' }),
      expect.objectContaining({ rule: 'Out to unknown', connector: 'dddddddd-0000-4000-8000-00000000000d' }),
    ])
  })

  it('keeps rules of the MV object type or * with an object type filter', () => {
    const report = index.contributors('MAIL', 'group')

    expect(report.inbound.map((entry) => [entry.rank, entry.rule])).toEqual([
      [1, 'In from AD - Group Common'],
      [2, 'In from AD - FSP Join'],
    ])
    expect(report.outbound).toEqual([])
  })

  it('answers with empty lists for an attribute nobody maps', () => {
    expect(index.contributors('pager')).toEqual({ inbound: [], outbound: [] })
  })

  it('uses the expression text as the source of an expression flow', () => {
    expect(index.contributors('displayName').inbound[0]?.source).toBe(
      'IIF(IsPresent([displayName]),[displayName],[cn])',
    )
  })
})

describe('buildRuleIndex lookups', () => {
  it('finds inbound rules by connector and CS type, ignoring case', () => {
    expect(index.inbound(ad.id, 'USER').map((entry) => entry.precedence)).toEqual([50, 106])
  })

  it('knows which source attributes enabled rules read', () => {
    expect([...index.mappedSources(ad.id, 'user')].sort()).toEqual(['cn', 'displayname', 'mail'])
    expect([...index.disabledOnlySources(ad.id, 'user')]).toEqual(['sn'])
  })

  it('knows which MV attributes outbound rules read per connector', () => {
    expect([...index.outboundReadAttributes(aad.id, 'person')]).toEqual(['mail'])
    expect(index.outboundConnectors('person')).toEqual([aad.id, 'dddddddd-0000-4000-8000-00000000000d'])
  })

  it('labels connectors by name or GUID', () => {
    expect(index.connectorLabel(ad.id)).toBe('contoso.com')
    expect(index.connectorLabel('eeeeeeee-0000-4000-8000-00000000000e')).toBe(
      'eeeeeeee-0000-4000-8000-00000000000e',
    )
  })
})

describe('names that are Object.prototype members', () => {
  it('indexes and finds them like any other attribute', () => {
    const odd = buildRuleIndex(
      [
        rule({
          name: 'Odd names',
          connector: ad,
          precedence: 1,
          flows: [flow.direct('__proto__', 'constructor'), flow.direct('toString', 'hasOwnProperty')],
        }),
      ],
      [ad],
    )

    expect(odd.contributors('__proto__').inbound.map((entry) => entry.source)).toEqual(['constructor'])
    expect(odd.contributors('toString').inbound).toHaveLength(1)
    expect(odd.contributors('valueOf')).toEqual({ inbound: [], outbound: [] })
    expect(odd.mappedSources(ad.id, 'user').has('constructor')).toBe(true)
  })
})

describe('flowReads', () => {
  it('adds the bracketed names of an expression to its declared sources', () => {
    expect(flowReads(flow.expression('x', 'Trim([a]) & [b]', ['a']))).toEqual(['a', 'b'])
  })
})
