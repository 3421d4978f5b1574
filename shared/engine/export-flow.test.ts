import { describe, expect, it } from 'vitest'
import type { MvObject } from '../model/objects'
import { exportFlow, type ExportTarget, pendingExportValues } from './export-flow'
import { csObject, flow, rule } from './testing/scenario'
import { AAD, ADA_AAD, ADA_MV, RULES, smallWorld, type WorldOptions } from './testing/small-world'

function aadTarget(options: WorldOptions = {}): ExportTarget {
  const world = smallWorld(options)
  const result = exportFlow(mvOf(world.mvUser), { ruleIndex: world.ruleIndex, index: world.index })
  const target = result.targets.find((candidate) => candidate.connector.id === AAD.id)
  if (!target) throw new Error('no Entra ID target')
  return target
}

function mvOf(object: MvObject | null): MvObject {
  if (!object) throw new Error('the small world has no MV object')
  return object
}

function statuses(target: ExportTarget): Readonly<Record<string, string>> {
  return Object.fromEntries(target.rows.map((row) => [row.csAttribute, row.status]))
}

describe('exportFlow', () => {
  it('compares each computed value with the Entra ID object', () => {
    const target = aadTarget({ aad: { ...ADA_AAD, givenName: 'Augusta' } })

    expect(target.state).toBe('connected')
    expect(statuses(target)).toEqual({
      sourceAnchor: 'in-sync',
      givenName: 'differs',
      accountEnabled: 'in-sync',
      extensionAttribute1: 'in-sync',
      title: 'in-sync',
    })
    expect(target.rows.find((row) => row.csAttribute === 'givenName')).toMatchObject({
      targetValueInSnapshot: ['Augusta'],
      computed: { kind: 'value', values: ['Ada'] },
      pendingExportValues: null,
      selectedOnConnector: true,
      winner: true,
    })
  })

  it('compares booleans without regard to case', () => {
    const target = aadTarget({ aad: { ...ADA_AAD, accountEnabled: 'true' } })

    expect(statuses(target).accountEnabled).toBe('in-sync')
  })

  it('shows a staged value as pending export', () => {
    const target = aadTarget({
      mv: { ...ADA_MV, title: 'Analyst' },
      aadPendingExport: { title: 'Analyst' },
    })

    const row = target.rows.find((candidate) => candidate.csAttribute === 'title')

    expect(row).toMatchObject({ status: 'pending-export', pendingExportValues: ['Analyst'] })
    expect(row?.reason).toBe(
      'The value is staged for export to "contoso.onmicrosoft.com - AAD" and not yet confirmed by an import.',
    )
  })

  it('reports an export error on a staged change', () => {
    const target = aadTarget({
      mv: { ...ADA_MV, title: 'Analyst' },
      aadPendingExport: { title: 'Analyst' },
      aadExportError: 'DataValidationFailed',
    })

    expect(statuses(target).title).toBe('export-error')
    expect(target.exportError?.name).toBe('DataValidationFailed')
  })

  it('flags a winner whose target attribute is not selected on the connector', () => {
    const narrow = { ...AAD, selectedAttributes: ['sourceAnchor'] }

    const target = aadTarget({ connectors: [smallWorld().connectors[0] ?? AAD, narrow] })

    expect(statuses(target).title).toBe('not-selected-on-connector')
    expect(target.rows.find((row) => row.csAttribute === 'title')?.selectedOnConnector).toBe(false)
  })

  it('marks every row cloud-filtered when the MV object is filtered', () => {
    const target = aadTarget({ mv: { ...ADA_MV, cloudFiltered: 'True' }, aad: null })

    expect(target.state).toBe('cloud-filtered')
    expect(new Set(Object.values(statuses(target)))).toEqual(new Set(['cloud-filtered']))
    expect(target.rows.every((row) => !row.winner)).toBe(true)
  })

  it('says the object would be provisioned when a provisioning rule is in scope', () => {
    const target = aadTarget({ aad: null })

    expect(target.state).toBe('would-provision')
    expect(target.stateReason).toBe(
      'No object in "contoso.onmicrosoft.com - AAD" yet; Rule "Out to AAD - User Join" (precedence 123) is in scope and would provision one at the next synchronization.',
    )
    expect(statuses(target).extensionAttribute1).toBe('contributes')
  })

  it('marks rows object-not-connected when nothing would provision the object', () => {
    const { sourceAnchor: _omitted, ...noAnchor } = ADA_MV

    const target = aadTarget({ mv: noAnchor, aad: null })

    expect(target.state).toBe('not-connected')
    expect(statuses(target).extensionAttribute1).toBe('object-not-connected')
  })

  it('names the failing clause of an out-of-scope outbound rule', () => {
    const target = aadTarget({ mv: { ...ADA_MV, cloudMastered: 'true' } })

    const row = target.rows.find((candidate) => candidate.csAttribute === 'extensionAttribute1')

    expect(row).toMatchObject({
      status: 'out-of-scope',
      scopeFailure: 'cloudMastered NOTEQUAL True is false ("true")',
      failingClause: { attribute: 'cloudMastered', operator: 'NOTEQUAL', value: 'True' },
    })
  })

  it('lets the lower precedence number win a target attribute', () => {
    const early = rule({
      name: 'Out to AAD - Custom title',
      direction: 'Outbound',
      connector: AAD,
      precedence: 90,
      flows: [flow.direct('title', 'accountName')],
    })

    const target = aadTarget({ extraRules: [early] })

    const titles = target.rows
      .filter((row) => row.csAttribute === 'title')
      .map((row) => [row.rule.name, row.status])
    expect(titles).toEqual([
      ['Out to AAD - Custom title', 'differs'],
      [RULES.outExchange.name, 'overridden'],
    ])
  })

  it('lists every connector with outbound rules for the MV type', () => {
    const world = smallWorld()

    const result = exportFlow(mvOf(world.mvUser), { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.targets.map((target) => target.connector.name)).toEqual(['contoso.onmicrosoft.com - AAD'])
  })
})

describe('pendingExportValues', () => {
  it('is null when nothing is staged for the attribute', () => {
    const object = csObject({ connector: AAD, dn: 'CN=x', pendingExport: { title: 'A' } })

    expect(pendingExportValues(object, 'department')).toBeNull()
    expect(pendingExportValues(object, 'TITLE')).toEqual(['A'])
  })
})
