import { describe, expect, it } from 'vitest'
import { objectIndexFromArrays } from '../model/object-index'
import { objectReport } from './object-report'
import { mvObject } from './testing/scenario'
import { AAD, AD, IDS, smallWorld } from './testing/small-world'

describe('objectReport', () => {
  it('reports an MV object with its connectors, flows and unmapped attributes', () => {
    const world = smallWorld()

    const report = objectReport({
      ruleIndex: world.ruleIndex,
      index: world.index,
      object: { mvObjectId: IDS.mv },
    })

    expect(report.metaverse).toMatchObject({ id: IDS.mv, objectType: 'person' })
    expect(report.metaverse?.attributes[0]).toEqual({
      name: 'sourceAnchor',
      type: 'String',
      values: ['qrvM3e7/ABEiM0RVZneImQ=='],
      // The export carries no lineage for it: the engine's winning import flow names the contributor.
      contributingConnector: 'contoso.com',
      syncRule: 'In from AD - User Join',
      syncRuleId: '00000000-0000-4000-8000-000000000002',
      lineageSource: 'computed',
      lastModified: null,
    })
    expect(report.connectors).toEqual([
      {
        connector: 'contoso.com',
        dn: 'CN=Ada Lovelace,OU=Users,DC=contoso,DC=com',
        objectType: 'user',
        csId: IDS.adUser,
        isConnector: true,
        lineageType: 'Join',
        lineageTime: null,
      },
      expect.objectContaining({ connector: 'contoso.onmicrosoft.com - AAD', csId: IDS.aadUser }),
    ])
    expect(new Set(report.importFlow.map((row) => row.connector.id))).toEqual(new Set([AD.id]))
    expect(report.exportFlow.map((target) => [target.connector, target.state])).toEqual([
      ['contoso.onmicrosoft.com - AAD', 'connected'],
    ])
    // pager is selected on the connector and used by none of its rules: the connector's finding, not the object's.
    expect(report.unmapped.some((finding) => finding.attribute === 'pager')).toBe(false)
    expect(report.unmapped.some((finding) => finding.connector === AAD.name)).toBe(true)
  })

  it('reports a disconnector without a metaverse part', () => {
    const world = smallWorld({ adLinked: false, mv: null, aad: null })

    const report = objectReport({
      ruleIndex: world.ruleIndex,
      index: world.index,
      object: { csObject: world.adUser },
    })

    expect(report.metaverse).toBeNull()
    expect(report.connectors).toEqual([expect.objectContaining({ csId: IDS.adUser, isConnector: false })])
    expect(report.exportFlow).toEqual([])
    expect(report.importFlow.length).toBeGreaterThan(0)
  })

  it('answers an unknown MV id with an empty report', () => {
    const world = smallWorld()

    const report = objectReport({
      ruleIndex: world.ruleIndex,
      index: world.index,
      object: { mvObjectId: '{99999999-9999-4999-8999-999999999999}' },
    })

    expect(report).toEqual({
      metaverse: null,
      connectors: [],
      importFlow: [],
      exportFlow: [],
      unmapped: [],
      counts: { blocking: 0, unmapped: 0, byDesign: 0 },
    })
  })

  it('fills a computed metaverse object (links only) with the values the rules compute', () => {
    const world = smallWorld()
    const { adUser, aadUser, mvUser } = world
    const links = { ...(mvUser ?? mvObject({ id: IDS.mv })), attributes: [] }
    const index = objectIndexFromArrays(aadUser ? [adUser, aadUser] : [adUser], [links], 'computed')

    const report = objectReport({ ruleIndex: world.ruleIndex, index, object: { mvObjectId: IDS.mv } })

    expect(
      report.metaverse?.attributes.find((attribute) => attribute.name === 'extensionAttribute1')?.values,
    ).toEqual(['blue'])
    expect(report.exportFlow[0]?.rows.find((row) => row.csAttribute === 'extensionAttribute1')?.status).toBe(
      'in-sync',
    )
    const computed = report.metaverse?.attributes ?? []
    expect(computed.length).toBeGreaterThan(0)
    for (const attribute of computed) {
      expect(attribute.syncRule, attribute.name).not.toBeNull()
      expect(attribute.contributingConnector, attribute.name).toBe('contoso.com')
      expect(attribute.lineageSource, attribute.name).toBe('computed')
    }
  })

  it('serializes to JSON and back without loss', () => {
    const world = smallWorld()

    const report = objectReport({
      ruleIndex: world.ruleIndex,
      index: world.index,
      object: { mvObjectId: IDS.mv },
    })

    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})
