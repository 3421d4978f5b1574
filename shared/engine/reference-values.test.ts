import { describe, expect, it } from 'vitest'
import type { Connector } from '../model/connector'
import type { MvObject } from '../model/objects'
import { objectIndexFromArrays } from '../model/object-index'
import { attributeBag, EMPTY_BAG } from './attribute-bag'
import { isReferenceAttribute, referencesHeld, targetReferences } from './reference-values'
import { buildRuleIndex } from './rule-index'
import { aadConnector, attributes, connector, csObject, flow, mvObject } from './testing/scenario'

const AD = connector({ name: 'contoso.com' })
const AAD = aadConnector()
const GRACE = 'b0000000-0000-4000-8000-000000000002'
const GRACE_AAD = 'CN={47524143}'
const GRACE_AD = 'CN=Grace Hopper,OU=Users,DC=contoso,DC=com'

function aadWithSchema(syntax: 'Reference' | 'String'): Connector {
  return {
    ...AAD,
    schema: {
      classes: [],
      attributes: [{ name: 'manager', syntax, syntaxOid: '', multiValued: false, indexable: false }],
    },
  }
}

describe('isReferenceAttribute', () => {
  const direct = [flow.direct('manager', 'manager')]
  const mvReference = attributeBag(attributes({ manager: '{X}' }, { manager: 'Reference' }), null)
  const mvText = attributeBag(attributes({ manager: 'Grace' }), null)

  it.each([
    ['a Direct flow of a metaverse reference', true, direct, mvReference, null, null],
    ['a Direct flow of metaverse text', false, direct, mvText, null, null],
    [
      'an expression reading a metaverse reference',
      false,
      [flow.expression('manager', '[manager]')],
      mvReference,
      null,
      null,
    ],
    [
      'a target object typing it as a reference',
      true,
      direct,
      mvText,
      csObject({
        connector: AAD,
        dn: 'CN=a',
        attrs: { Manager: GRACE_AAD },
        types: { Manager: 'Reference' },
      }),
      null,
    ],
    [
      'a staged export typing it as a reference',
      true,
      direct,
      EMPTY_BAG,
      csObject({
        connector: AAD,
        dn: 'CN=a',
        pendingExport: { manager: GRACE_AAD },
        types: { manager: 'Reference' },
      }),
      null,
    ],
    [
      'the connector schema typing it as a reference',
      true,
      direct,
      EMPTY_BAG,
      null,
      aadWithSchema('Reference'),
    ],
    ['the connector schema typing it as text', false, direct, EMPTY_BAG, null, aadWithSchema('String')],
  ] as const)('for %s: %s', (_case, expected, flows, source, target, connectorOf) => {
    expect(isReferenceAttribute('manager', flows, source, target, connectorOf)).toBe(expected)
  })
})

describe('targetReferences', () => {
  const ruleIndex = buildRuleIndex([], [AD, AAD])

  it('finds the DN of the object connected to the referenced metaverse object in the target connector', () => {
    const index = objectIndexFromArrays(
      [
        csObject({ connector: AD, dn: GRACE_AD, mv: GRACE }),
        csObject({ connector: AAD, dn: GRACE_AAD, mv: GRACE }),
      ],
      [mvObject({ id: GRACE })],
    )

    const references = targetReferences(
      [`{${GRACE.toUpperCase()}}`, GRACE, GRACE_AD, 'CN=Nobody,DC=contoso,DC=com', 'not a reference'],
      AAD.id,
      index,
      ruleIndex,
    )

    expect(references.map((reference) => reference.dn)).toEqual([GRACE_AAD, GRACE_AAD, GRACE_AAD, null, null])
  })

  it('falls back to the connections the metaverse export lists when that connector space is not loaded', () => {
    const grace: MvObject = {
      ...mvObject({ id: GRACE }),
      connections: [
        {
          csId: 'c0000000-0000-4000-8000-000000000001',
          csDn: GRACE_AAD,
          connectorId: `{${AAD.id.toUpperCase()}}`,
          connectorName: AAD.name,
          lineageId: null,
          lineageType: 'Provision',
          lineageTime: null,
        },
      ],
    }
    const index = objectIndexFromArrays([], [grace])

    expect(targetReferences([GRACE], AAD.id, index, ruleIndex)).toEqual([{ value: GRACE, dn: GRACE_AAD }])
    expect(targetReferences([GRACE], AD.id, index, ruleIndex)).toEqual([{ value: GRACE, dn: null }])
  })
})

describe('referencesHeld', () => {
  const ada = { value: '{A}', dn: 'CN={41}' }
  const grace = { value: '{G}', dn: 'CN={47}' }
  const gone = { value: '{X}', dn: null }

  it.each([
    ['the same DNs in another order and case', true, [ada, grace], ['cn={47}', 'CN={41}']],
    ['a missing DN', false, [ada, grace], ['CN={41}']],
    ['an extra DN', false, [ada], ['CN={41}', 'CN={47}']],
    ['nothing for nothing', true, [], []],
    ['only the available references when one is unavailable', true, [ada, gone], ['CN={41}']],
    ['a value the unavailable reference may stand for', true, [ada, gone], ['CN={41}', 'CN={58}']],
    ['an available reference missing beside an unavailable one', false, [ada, gone], []],
  ] as const)('for %s: %s', (_case, expected, references, held) => {
    expect(referencesHeld(references, held)).toBe(expected)
  })
})
