import { describe, expect, it } from 'vitest'
import type { SnapshotState, SnapshotSummary } from './host-api'
import { windowTitle } from './window-title'

const summary: SnapshotSummary = {
  name: 'Contoso-2016',
  connectors: [],
  rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
  serverConfigurationVersion: null,
  server: null,
  metaverseObjectTypes: [],
  metaverse: { objects: 0, byObjectType: {}, source: 'none' },
  unassignedCsObjects: 0,
  issues: [],
}

const progress = {
  files: [],
  bytesRead: 0,
  bytesTotal: 0,
  objectsRead: 0,
  elapsedMs: 0,
  rate: 0,
  secondsLeft: null,
}

describe('windowTitle', () => {
  it.each<[SnapshotState, string]>([
    [{ phase: 'empty' }, 'SyncLens'],
    [{ phase: 'loading', name: 'export', progress }, 'SyncLens - Opening export'],
    [{ phase: 'ready', summary }, 'SyncLens - Contoso-2016'],
    [{ phase: 'failed', name: 'export', message: 'x', issues: [] }, 'SyncLens - export (failed)'],
  ])('names the snapshot of the %o state', (state, title) => {
    expect(windowTitle(state)).toBe(title)
  })
})
