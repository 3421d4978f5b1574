import { describe, expect, it } from 'vitest'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import {
  TRAINING_CASES,
  TRAINING_CONCEPTS,
  TRAINING_SNAPSHOT_NAME,
  type TrainingCase,
} from '../../../shared/training/index'
import {
  caseConnectorId,
  caseRoute,
  caseSearchRequest,
  conceptAnchorId,
  conceptTitle,
  isTrainingSnapshot,
} from './training-model'

function summaryWith(name: string, connectors: readonly { id: string; name: string }[]): SnapshotSummary {
  return {
    name,
    connectors: connectors.map((connector) => ({
      ...connector,
      type: 'AD',
      inferred: false,
      selectedAttributes: 0,
      csObjects: 0,
      byObjectType: {},
    })),
    rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
    serverConfigurationVersion: null,
    server: null,
    metaverseObjectTypes: [],
    metaverse: { objects: 0, byObjectType: {}, source: 'none' },
    unassignedCsObjects: 0,
    issues: [],
  }
}

function firstCase(): TrainingCase {
  const [first] = TRAINING_CASES
  if (!first) throw new Error('The training snapshot has no cases.')
  return first
}

describe('isTrainingSnapshot', () => {
  it.each([
    [TRAINING_SNAPSHOT_NAME, true],
    ['Contoso-2016', false],
    ['', false],
  ])('%j is the training snapshot: %s', (name, expected) => {
    expect(isTrainingSnapshot(summaryWith(name, []))).toBe(expected)
  })
})

describe('caseConnectorId', () => {
  it('finds the connector a case names, whatever the case of its name', () => {
    const trainingCase = firstCase()
    const summary = summaryWith(TRAINING_SNAPSHOT_NAME, [
      { id: 'aad', name: 'contoso.onmicrosoft.com - AAD' },
      { id: 'ad', name: trainingCase.connector.toUpperCase() },
    ])

    expect(caseConnectorId(summary, trainingCase)).toBe('ad')
  })

  it('answers null when the snapshot has no such connector', () => {
    expect(caseConnectorId(summaryWith('Other', [{ id: 'x', name: 'fabrikam.com' }]), firstCase())).toBeNull()
  })
})

describe('caseSearchRequest and caseRoute', () => {
  it('search the case DN in its connector for one row', () => {
    const trainingCase = firstCase()

    expect(caseSearchRequest('ad', trainingCase)).toEqual({
      connectorId: 'ad',
      query: { scope: 'dn', value: trainingCase.dn },
      columns: [],
      offset: 0,
      limit: 1,
    })
  })

  it('open the object with the case attribute selected and diagnosed', () => {
    const trainingCase = firstCase()

    expect(caseRoute('{CS-1}', trainingCase)).toEqual({
      view: 'object',
      target: { csId: '{CS-1}' },
      attribute: trainingCase.attribute,
      diagnose: true,
    })
  })
})

describe('concepts', () => {
  it('every case teaches a concept the Concepts panel explains', () => {
    const explained = new Set(TRAINING_CONCEPTS.map((concept) => concept.concept))

    expect(TRAINING_CASES.filter((trainingCase) => !explained.has(trainingCase.concept))).toEqual([])
  })

  it('titles come from the concept texts', () => {
    expect(conceptTitle('precedence')).toBe('Precedence')
    expect(conceptTitle('connector-space')).toBe('Connector space')
  })

  it('anchor ids are unique per concept', () => {
    const ids = TRAINING_CONCEPTS.map((concept) => conceptAnchorId(concept.concept))

    expect(new Set(ids).size).toBe(TRAINING_CONCEPTS.length)
  })
})
