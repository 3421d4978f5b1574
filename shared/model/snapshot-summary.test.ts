import { describe, expect, it } from 'vitest'
import {
  emptySnapshotMessage,
  snapshotGaps,
  type ConnectorSummary,
  type SnapshotSummary,
} from './snapshot-summary'

const NONE: SnapshotSummary = {
  name: 'x',
  connectors: [],
  rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
  serverConfigurationVersion: null,
  server: null,
  metaverseObjectTypes: [],
  metaverse: { objects: 0, byObjectType: {}, source: 'none' },
  unassignedCsObjects: 0,
  issues: [],
}

function connector(inferred: boolean, csObjects: number): ConnectorSummary {
  return {
    id: 'c',
    name: 'contoso.com',
    type: 'AD',
    inferred,
    selectedAttributes: 0,
    csObjects,
    byObjectType: {},
  }
}

describe('snapshotGaps', () => {
  it.each<[string, Partial<SnapshotSummary>, readonly string[]]>([
    [
      'a configuration-only folder',
      {
        connectors: [connector(false, 0)],
        rules: { total: 3, inbound: 2, outbound: 1, disabled: 0 },
        metaverseObjectTypes: ['person'],
      },
      ['no-objects'],
    ],
    [
      'a lone csexport',
      { connectors: [connector(true, 40)], metaverse: { objects: 38, byObjectType: {}, source: 'computed' } },
      ['no-configuration', 'computed-metaverse'],
    ],
    [
      'connectors without rules',
      { connectors: [connector(false, 0)], metaverse: { objects: 2, byObjectType: {}, source: 'exported' } },
      ['no-rules'],
    ],
    [
      'a complete snapshot',
      {
        connectors: [connector(false, 5)],
        rules: { total: 3, inbound: 2, outbound: 1, disabled: 0 },
        metaverse: { objects: 5, byObjectType: {}, source: 'exported' },
      },
      [],
    ],
  ])('names what %s lacks', (_what, change, kinds) => {
    const gaps = snapshotGaps({ ...NONE, ...change })

    expect(gaps.map((gap) => gap.kind)).toEqual(kinds)
    for (const gap of gaps) expect(gap.message.length).toBeGreaterThan(40)
  })

  it('says an empty folder is empty and what to open instead', () => {
    expect(emptySnapshotMessage('Export')).toMatch(
      /^Export is empty: it holds no file\. Open the folder written by/,
    )
  })
})
