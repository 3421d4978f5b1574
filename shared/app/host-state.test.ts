import { describe, expect, it } from 'vitest'
import type { SnapshotSummary } from './host-api'
import { loadIssue } from '../model/load-issue'
import { failedState, hasContent, initialProgress, settledState } from './host-state'

const empty: SnapshotSummary = {
  name: 'Export',
  connectors: [],
  rules: { total: 0, inbound: 0, outbound: 0, disabled: 0 },
  serverConfigurationVersion: null,
  server: null,
  metaverseObjectTypes: [],
  metaverse: { objects: 0, byObjectType: {}, source: 'none' },
  unassignedCsObjects: 0,
  issues: [],
}

describe('initialProgress', () => {
  it('lists every file unread and totals their sizes', () => {
    const progress = initialProgress([
      { path: 'a.xml', size: 10 },
      { path: 'b.xml', size: 32 },
    ])

    expect(progress.bytesTotal).toBe(42)
    expect(progress.bytesRead).toBe(0)
    expect(progress.secondsLeft).toBeNull()
    expect(progress.files).toEqual([
      { path: 'a.xml', size: 10, kind: '', bytesRead: 0, objects: 0, done: false },
      { path: 'b.xml', size: 32, kind: '', bytesRead: 0, objects: 0, done: false },
    ])
  })
})

describe('settledState', () => {
  it.each<[string, Partial<SnapshotSummary>]>([
    ['rules', { rules: { total: 1, inbound: 1, outbound: 0, disabled: 0 } }],
    [
      'connectors',
      {
        connectors: [
          {
            id: 'x',
            name: 'AD',
            type: 'AD',
            inferred: false,
            selectedAttributes: 3,
            csObjects: 0,
            byObjectType: {},
          },
        ],
      },
    ],
    ['metaverse types', { metaverseObjectTypes: ['person'] }],
  ])('is ready when the snapshot has %s', (_what, change) => {
    const summary = { ...empty, ...change }

    expect(hasContent(summary)).toBe(true)
    expect(settledState(summary)).toEqual({ phase: 'ready', summary })
  })

  it('fails with the issues when nothing could be read', () => {
    const issues = [
      loadIssue('error', 'SynchronizationRules/r.xml', 'Unexpected end of file.', { line: 3, column: 7 }),
    ]

    const state = settledState({ ...empty, issues })

    expect(state).toEqual({
      phase: 'failed',
      name: 'Export',
      message: 'Nothing in Export could be read: every snapshot file in it has a problem.',
      issues,
    })
  })
})

describe('failedState', () => {
  it('keeps the error message, whatever was thrown', () => {
    expect(failedState('Export', new Error('Disk gone'))).toMatchObject({
      phase: 'failed',
      message: 'Disk gone',
    })
    expect(failedState('Export', 'plain text')).toMatchObject({ message: 'plain text' })
  })
})
