import { describe, expect, it } from 'vitest'
import type { LoadProgress } from '../../shared/app/host-api'
import { formatLoadProgress, StatusLine } from './load-progress'

const MB = 1024 * 1024

function progress(overrides: Partial<LoadProgress> = {}): LoadProgress {
  return {
    files: [
      {
        path: 'SynchronizationRules/rule.xml',
        kind: 'sync rule',
        size: 1000,
        bytesRead: 1000,
        objects: 0,
        done: true,
      },
      {
        path: 'ConnectorSpaces/contoso.com.xml',
        kind: 'csexport',
        size: 600 * MB,
        bytesRead: 150 * MB,
        objects: 30_000,
        done: false,
      },
      {
        path: 'Metaverse/mv-objects.xml',
        kind: 'mv-objects',
        size: 400 * MB,
        bytesRead: 0,
        objects: 0,
        done: false,
      },
    ],
    bytesRead: 150 * MB,
    bytesTotal: 1000 * MB,
    objectsRead: 30_000,
    elapsedMs: 1500,
    rate: 100 * MB,
    secondsLeft: 8.5,
    ...overrides,
  }
}

describe('formatLoadProgress', () => {
  it('says how much is read, how fast, how long is left and which file is being read', () => {
    expect(formatLoadProgress(progress())).toBe(
      'Loading: 15 % (150 MB of 1000 MB), 100 MB/s, 9 s left, ConnectorSpaces/contoso.com.xml',
    )
  })

  it('says the time left is unknown before it can be estimated, and names no file between files', () => {
    const between = progress({ secondsLeft: null, rate: 0 })
    const files = between.files.map((file) => ({ ...file, bytesRead: file.done ? file.bytesRead : 0 }))

    expect(formatLoadProgress({ ...between, files })).toBe('Loading: 15 % (150 MB of 1000 MB), –, – left')
  })
})

describe('StatusLine', () => {
  it('rewrites one line in place, pads over a longer previous text and clears it when done', () => {
    const written: string[] = []
    const line = new StatusLine((text) => written.push(text))

    line.show('Loading: 50 %')
    line.show('Done')
    line.done()
    line.done()

    expect(written).toEqual(['\rLoading: 50 %', '\rDone         ', `\r${' '.repeat(4)}\r`])
  })
})
