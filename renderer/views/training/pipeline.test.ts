import { describe, expect, it } from 'vitest'
import type { ConnectorSummary, SnapshotSummary } from '../../../shared/app/host-api'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import { pipelineStages } from './pipeline'

function connector(id: string, name: string, type: ConnectorSummary['type']): ConnectorSummary {
  return { id, name, type, inferred: false, selectedAttributes: 0, csObjects: 0, byObjectType: {} }
}

function summaryWith(connectors: readonly ConnectorSummary[]): SnapshotSummary {
  return {
    name: 'Contoso training snapshot',
    connectors,
    rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
    serverConfigurationVersion: null,
    server: null,
    metaverseObjectTypes: [],
    metaverse: { objects: 0, byObjectType: {}, source: 'none' },
    unassignedCsObjects: 0,
    issues: [],
  }
}

describe('pipelineStages', () => {
  const contoso = summaryWith([
    connector(AAD_CONNECTOR_ID, 'contoso.onmicrosoft.com - AAD', 'AAD'),
    connector('{AD-1}', 'contoso.com', 'AD'),
  ])

  it('runs import, connector space, inbound, metaverse, outbound, connector space, export in order', () => {
    expect(pipelineStages(contoso).map((stage) => stage.label)).toEqual([
      'Import',
      'Connector space',
      'Inbound rules',
      'Metaverse',
      'Outbound rules',
      'Connector space',
      'Export',
    ])
  })

  it('links every box to its view, the AD space before the Entra ID space, each rule set to its direction', () => {
    expect(pipelineStages(contoso).map((stage) => stage.route)).toEqual([
      { view: 'cs-search', connectorId: '{AD-1}', scope: 'pending-import' },
      { view: 'cs-search', connectorId: '{AD-1}' },
      { view: 'rules', direction: 'Inbound' },
      { view: 'search' },
      { view: 'rules', direction: 'Outbound' },
      { view: 'cs-search', connectorId: AAD_CONNECTOR_ID },
      { view: 'cs-search', connectorId: AAD_CONNECTOR_ID, scope: 'pending-export' },
    ])
  })

  it("marks the boxes an attribute's path walks through, in the path's order", () => {
    expect(pipelineStages(contoso).map((stage) => stage.pathStage)).toEqual([
      'source',
      'connector',
      'inbound',
      'metaverse',
      'outbound',
      'target',
      null,
    ])
  })

  it('names the connectors under their spaces', () => {
    const details = pipelineStages(contoso).map((stage) => stage.detail)

    expect(details[1]).toBe('contoso.com')
    expect(details[5]).toBe('contoso.onmicrosoft.com - AAD')
  })

  it('without connectors, the spaces still open the Connector Space search', () => {
    const stages = pipelineStages(summaryWith([]))

    expect(stages[1]?.route).toEqual({ view: 'cs-search' })
    expect(stages[5]?.route).toEqual({ view: 'cs-search' })
    expect(stages[5]?.detail).toBe('Entra ID')
  })

  it('gives every stage a distinct id and a concept', () => {
    const stages = pipelineStages(contoso)

    expect(new Set(stages.map((stage) => stage.id)).size).toBe(stages.length)
    expect(stages.every((stage) => stage.concept.length > 0)).toBe(true)
  })
})
