import { describe, expect, it } from 'vitest'
import type { SnapshotState, SnapshotSummary } from '../../shared/app/host-api'
import { appStateMarker, windowTitle } from './app-state'

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

describe('appStateMarker and windowTitle', () => {
  it.each<[SnapshotState, string, string]>([
    [{ phase: 'empty' }, 'empty', 'SyncLens'],
    [{ phase: 'loading', name: 'export', progress }, 'loading', 'SyncLens - Opening export'],
    [{ phase: 'ready', summary }, 'ready', 'SyncLens - Contoso-2016'],
    [{ phase: 'failed', name: 'export', message: 'x', issues: [] }, 'failed', 'SyncLens - export (failed)'],
  ])('maps the %o state to marker and title', (state, marker, title) => {
    expect(appStateMarker(state)).toBe(marker)
    expect(windowTitle(state)).toBe(title)
  })
})
