import { describe, expect, it } from 'vitest'
import type { MvObject } from '../model/objects'
import {
  connectorAttributeGaps,
  unmappedForCsObject,
  unmappedForMvObject,
  unmappedSourceNames,
  unmappedSourceNamesOf,
} from './unmapped'
import { attributes } from './testing/scenario'
import { AAD, AD, ADA, ADA_MV, smallWorld } from './testing/small-world'

function mvOf(object: MvObject | null): MvObject {
  if (!object) throw new Error('the small world has no MV object')
  return object
}

describe('unmappedSourceNames', () => {
  it('returns attributes with a value that no enabled inbound rule reads', () => {
    const world = smallWorld()

    const names = unmappedSourceNames(
      world.ruleIndex,
      AD.id,
      'user',
      attributes({ homePhone: '555', title: 'x', extensionAttribute2: 'y', empty: [] }),
    )

    expect(names).toEqual(['homePhone', 'extensionAttribute2'])
  })

  it('leaves an attribute the connector selects and no rule of it uses to the connector, not the object', () => {
    const world = smallWorld()

    const names = unmappedSourceNames(world.ruleIndex, AD.id, 'user', attributes({ pager: '555' }))

    expect(names).toEqual([])
    expect(
      connectorAttributeGaps(world.ruleIndex, AD.id)
        .filter((gap) => gap.attribute === 'pager')
        .map((gap) => [gap.kind, gap.severity]),
    ).toEqual([['selected-but-unused', 'unmapped']])
  })

  it('treats every attribute as unmapped for an object type without rules', () => {
    const world = smallWorld()

    expect(unmappedSourceNames(world.ruleIndex, AD.id, 'printer', attributes({ title: 'x' }))).toEqual([
      'title',
    ])
  })
})

describe('unmappedForCsObject', () => {
  it('names source attributes without an enabled in-scope flow, with the matching code', () => {
    const { mailNickname: _omitted, ...noMailbox } = ADA
    const world = smallWorld({
      ad: { ...noMailbox, homePhone: '555', extensionAttribute2: 'y', msExchHideFromAddressLists: 'TRUE' },
    })

    const findings = unmappedForCsObject(world.adUser, { ruleIndex: world.ruleIndex, index: world.index })

    // pager (selected, used by no rule of the connector) is the connector's finding, not this object's.
    expect(findings.filter((finding) => finding.kind === 'source-without-inbound-flow')).toEqual([
      {
        attribute: 'homePhone',
        kind: 'source-without-inbound-flow',
        code: 'NO_INBOUND_FLOW',
        severity: 'unmapped',
        message:
          'homePhone has a value, but no enabled inbound rule of "contoso.com" for user objects maps it.',
        connector: { id: AD.id, name: 'contoso.com' },
      },
      expect.objectContaining({
        attribute: 'extensionAttribute2',
        code: 'RULE_DISABLED',
        severity: 'blocking',
      }),
      {
        attribute: 'msExchHideFromAddressLists',
        kind: 'source-without-inbound-flow',
        code: 'RULE_OUT_OF_SCOPE',
        severity: 'blocking',
        message:
          'msExchHideFromAddressLists has a value, but every enabled rule that maps it is out of scope (Rule "In from AD - User Exchange": mailNickname ISNOTNULL is false (no value)).',
        connector: { id: AD.id, name: 'contoso.com' },
      },
    ])
  })

  it('leaves attributes the connector does not select to the connector gaps, not to every object', () => {
    const world = smallWorld()

    const findings = unmappedForCsObject(world.adUser, { ruleIndex: world.ruleIndex, index: world.index })

    expect(findings.filter((finding) => finding.code === 'NOT_SELECTED_ON_CONNECTOR')).toEqual([])
    expect(
      connectorAttributeGaps(world.ruleIndex, AD.id)
        .filter((gap) => gap.code === 'NOT_SELECTED_ON_CONNECTOR')
        .map((gap) => [gap.attribute, gap.severity]),
    ).toEqual([['info', 'blocking']])
  })
})

describe('unmappedSourceNamesOf', () => {
  it('gives the same answer from names alone as unmappedSourceNames from attributes', () => {
    const world = smallWorld()
    const values = attributes({ pager: '555', title: 'x', extensionAttribute2: 'y' })

    const fromNames = unmappedSourceNamesOf(world.ruleIndex, AD.id, 'user', [
      'pager',
      'title',
      'extensionAttribute2',
    ])

    expect(fromNames).toEqual(unmappedSourceNames(world.ruleIndex, AD.id, 'user', values))
  })
})

describe('unmappedForMvObject', () => {
  it('names MV attributes with a value and no outbound flow to each target connector', () => {
    const world = smallWorld({ mv: { ...ADA_MV, department: 'R&D' } })

    const findings = unmappedForMvObject(mvOf(world.mvUser), world.ruleIndex)

    expect(findings.map((finding) => finding.attribute)).toEqual([
      'sourceObjectType',
      'accountName',
      'mailNickname',
      'department',
    ])
    expect(findings[3]).toEqual({
      attribute: 'department',
      kind: 'mv-without-outbound-flow',
      code: 'NO_OUTBOUND_FLOW',
      severity: 'by-design',
      message:
        'department has a value in the metaverse, but no enabled outbound rule to "contoso.onmicrosoft.com - AAD" for person objects maps it.',
      connector: { id: AAD.id, name: 'contoso.onmicrosoft.com - AAD' },
    })
  })

  it('checks only the given target connector', () => {
    const world = smallWorld()

    const findings = unmappedForMvObject(mvOf(world.mvUser), world.ruleIndex, AD.id)

    expect(findings.every((finding) => finding.connector.id === AD.id)).toBe(true)
    expect(findings).toHaveLength(Object.keys(ADA_MV).length)
  })
})

describe('unmappedForMvObject without a target', () => {
  const world = smallWorld()
  const person = (lineageConnector: string | null): MvObject => ({
    id: 'mv-1',
    objectType: 'person',
    connections: [],
    attributes: [
      {
        name: 'pager',
        type: 'String',
        multiValued: false,
        values: ['555'],
        lineage:
          lineageConnector === null
            ? []
            : [
                {
                  lineageId: null,
                  connectorId: lineageConnector,
                  connectorName: null,
                  syncRuleName: null,
                  time: null,
                },
              ],
      },
    ],
  })
  const connectorsFlagged = (object: MvObject): string[] =>
    unmappedForMvObject(object, world.ruleIndex).map((finding) => finding.connector.id)

  it('does not ask for a flow back to the connector that contributed the value', () => {
    expect(connectorsFlagged(person(AD.id))).toEqual([AAD.id])
  })

  it('does not report an AD source directory when the value has no lineage', () => {
    expect(connectorsFlagged(person(null))).toEqual([AAD.id])
  })

  it('still reports the AD connector when it is asked for explicitly (writeback)', () => {
    expect(unmappedForMvObject(person(AD.id), world.ruleIndex, AD.id).map((f) => f.attribute)).toEqual([
      'pager',
    ])
  })
})

describe('connectorAttributeGaps', () => {
  it('names used-but-not-selected and selected-but-unused attributes of a connector', () => {
    const world = smallWorld()

    const gaps = connectorAttributeGaps(world.ruleIndex, AD.id)

    expect(
      gaps.filter((gap) => gap.kind === 'not-selected-on-connector').map((gap) => gap.attribute),
    ).toEqual(['info'])
    expect(gaps.filter((gap) => gap.kind === 'selected-but-unused')).toEqual([
      {
        attribute: 'pager',
        kind: 'selected-but-unused',
        severity: 'unmapped',
        code: 'NO_INBOUND_FLOW',
        message: 'pager is selected on "contoso.com", but no sync rule of that connector uses it.',
        connector: { id: AD.id, name: 'contoso.com' },
      },
    ])
  })

  it('uses NO_OUTBOUND_FLOW for attributes selected on Entra ID and unused', () => {
    const world = smallWorld({
      connectors: [AD, { ...AAD, selectedAttributes: [...AAD.selectedAttributes, 'city'] }],
    })

    const gaps = connectorAttributeGaps(world.ruleIndex, AAD.id)

    expect(gaps.map((gap) => [gap.attribute, gap.code])).toEqual([['city', 'NO_OUTBOUND_FLOW']])
  })

  it('returns the same answer object on a second call (computed once)', () => {
    const world = smallWorld()

    expect(connectorAttributeGaps(world.ruleIndex, AD.id)).toBe(
      connectorAttributeGaps(world.ruleIndex, AD.id),
    )
  })
})
