import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { segmentReaderCount } from '../node/segment-workers'
import { threadsWithinMemory } from '../shared/load/parallel-objects'
import { defaultThreads, sharedXmllintInput, timed } from './first-screen'
import { XARGS, XMLLINT, xmllintAvailable } from './processes'

const folders: string[] = []

/** A snapshot folder whose object files have these sizes (sparse files: no disk space is used). */
function folderWith(files: Readonly<Record<string, number>>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-default-threads-'))
  folders.push(folder)
  for (const [relative, bytes] of Object.entries(files)) {
    const file = path.join(folder, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, '')
    fs.truncateSync(file, bytes)
  }
  return folder
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

describe('defaultThreads', () => {
  const idle = segmentReaderCount(os.availableParallelism(), undefined, 0)

  it('is one thread below the size where SyncLens reads in parallel by itself', () => {
    expect(
      defaultThreads(folderWith({ 'ConnectorSpaces/a.xml': 60e6, 'Metaverse/mv.xml': 60e6 }), 'exported'),
    ).toBe(1)
  })

  it('is the idle cores within the memory bound, as the load picks them', () => {
    const exported = folderWith({ 'ConnectorSpaces/a.xml': 1.3e9, 'Metaverse/mv.xml': 1.1e9 })
    expect(defaultThreads(exported, 'exported')).toBe(Math.min(idle, threadsWithinMemory(2.4e9, true)))
  })

  it('reads a computed metaverse with fewer threads, as the memory bound allows', () => {
    // 3.5 GB of connector spaces without a metaverse export, about the bench's 300k snapshot.
    const computed = folderWith({ 'ConnectorSpaces/a.xml': 2e9, 'ConnectorSpaces/b.xml': 1.5e9 })
    expect(threadsWithinMemory(3.5e9, false)).toBe(3)
    expect(threadsWithinMemory(3.5e9, false)).toBeLessThan(threadsWithinMemory(3.5e9, true))
    expect(defaultThreads(computed, 'computed')).toBe(Math.min(idle, 3))
  })
})

describe('xmllint shared out between processes (the reference run)', () => {
  it('hands the files out largest first, NUL-separated, names with spaces whole', () => {
    const input = sharedXmllintInput([
      { path: '/s/Connectors/small.xml', size: 10 },
      { path: '/s/ConnectorSpaces/contoso.onmicrosoft.com - AAD.xml', size: 50e6 },
      { path: '/s/Metaverse/mv-objects.xml', size: 130e6 },
      { path: '/s/Connectors/a.xml', size: 10 },
    ])

    expect(input.split('\0')).toEqual([
      '/s/Metaverse/mv-objects.xml',
      '/s/ConnectorSpaces/contoso.onmicrosoft.com - AAD.xml',
      '/s/Connectors/a.xml',
      '/s/Connectors/small.xml',
    ])
  })

  it.skipIf(!xmllintAvailable())(
    'parses every file, in two processes, with the CPU of both counted (skipped where xmllint is missing)',
    () => {
      const folder = folderWith({})
      const files = ['one file.xml', 'two.xml'].map((name) => path.join(folder, name))
      for (const file of files) fs.writeFileSync(file, `<a>${'<b x="1">text</b>'.repeat(20000)}</a>`)
      const run = (): ReturnType<typeof timed> =>
        timed(
          XARGS,
          ['-0', '-P', '2', '-n', '1', XMLLINT, '--stream', '--noout'],
          process.env,
          sharedXmllintInput(files.map((file) => ({ path: file, size: fs.statSync(file).size }))),
        )

      const figures = run()
      expect(figures.seconds).toBeGreaterThanOrEqual(0)
      expect(figures.cpuSeconds).toBeGreaterThanOrEqual(0)
      expect(figures.peakRssBytes).toBeGreaterThan(0)
      // A file xmllint cannot parse fails the run: each file is really read.
      fs.writeFileSync(files[1] ?? '', '<a><b></a>')
      expect(run).toThrow(/xargs/)
    },
  )
})
