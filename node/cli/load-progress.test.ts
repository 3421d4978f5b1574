import { describe, expect, it } from 'vitest'
import type { LoadProgress } from '../../shared/app/host-api'
import { fitToWidth, formatLoadProgress, StatusLine } from './load-progress'

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
      'Loading: 15 % (150 MiB of 1000 MiB), 100 MiB/s, 9 s left, ConnectorSpaces/contoso.com.xml',
    )
  })

  it('says the time left is unknown before it can be estimated, and names no file between files', () => {
    const between = progress({ secondsLeft: null, rate: 0 })
    const files = between.files.map((file) => ({ ...file, bytesRead: file.done ? file.bytesRead : 0 }))

    expect(formatLoadProgress({ ...between, files })).toBe('Loading: 15 % (150 MiB of 1000 MiB), –, – left')
  })
})

describe('StatusLine', () => {
  it('rewrites one line in place, erasing what a longer previous text left, and clears it when done', () => {
    const written: string[] = []
    const line = new StatusLine((text) => written.push(text))

    line.show('Loading: 50 %')
    line.show('Done')
    line.done()
    line.done()

    expect(written).toEqual(['\rLoading: 50 %\x1b[K', '\rDone\x1b[K', '\r\x1b[K'])
  })

  it('fits each update to the terminal width as it is then, so a narrow terminal keeps one line', () => {
    const written: string[] = []
    let columns = 20
    const line = new StatusLine(
      (text) => written.push(text),
      () => columns,
    )

    line.show(formatLoadProgress(progress()))
    columns = 12
    line.show('Loading: 16 % (160 MB of 1000 MB)')

    expect(written).toEqual(['\rLoading: 15 % (150…\x1b[K', '\rLoading: 1…\x1b[K'])
  })
})

describe('fitToWidth', () => {
  it.each<[string, number | undefined, string]>([
    ['Loading', 80, 'Loading'],
    ['Loading', 8, 'Loading'],
    ['Loading', 7, 'Loadi…'],
    ['Lädt – Größe', 6, 'Lädt…'],
    ['Loading', undefined, 'Loading'],
    ['Loading', 0, 'Loading'],
  ])('fits %j into %s columns as %j', (text, columns, fitted) => {
    expect(fitToWidth(text, columns)).toBe(fitted)
  })
})
