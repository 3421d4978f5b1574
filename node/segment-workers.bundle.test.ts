import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle, buildSegmentReader, SEGMENT_READER_FILE } from '../scripts/build-electron.mjs'
import {
  browserWorkerScript,
  SHIPPED_TRAINING_FILE,
  SHIPPED_TRAINING_MAGIC,
  shipTrainingSnapshot,
} from '../scripts/ship-training.mjs'
import { generateTrainingFiles } from '../shared/training/index'

let root: string
let cli: string
let appWorker: string
let appProbe: string
let snapshot: string

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-readers-'))
  // As the build does: the reader threads' bundle first, beside each bundle that starts readers, which embed its digest.
  const { define } = await buildSegmentReader([root, path.join(root, 'electron')])
  cli = await buildBundle(
    { entry: 'node/cli/synclens.ts', outFile: 'dist/cli/synclens.cjs', kind: 'node' },
    { outFile: path.join(root, 'synclens.cjs'), define },
  )
  // In a folder of its own, as in the app: the build ships a training entry beside each bundle.
  appWorker = await buildBundle(
    { entry: 'node/snapshot-worker.ts', outFile: 'dist/electron/snapshot-worker.cjs', kind: 'node' },
    { outFile: path.join(root, 'electron', 'snapshot-worker.cjs'), define },
  )
  appProbe = await buildBundle(
    { entry: 'node/testing/app-worker-probe.ts', outFile: 'app-worker-probe.cjs', kind: 'node' },
    { outFile: path.join(root, 'app-worker-probe.cjs') },
  )
  snapshot = path.join(root, 'snapshot')
  // About 20 MB of object files (more than 16 MiB): above the smallest segment, so that the readers cut them.
  generateTrainingFiles({ users: 780 }, (relative, chunk) => {
    const file = path.join(snapshot, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.appendFileSync(file, chunk)
  })
}, 120_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function run(readers: number, ...args: string[]): string {
  const child = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: String(readers) },
  })
  expect(child.status, child.stderr).toBe(0)
  return child.stdout
}

/** The JSON summary of the training snapshot from the built command, the cache off. */
function demoSummary(): { connectors: { name: string }[] } {
  return JSON.parse(run(1, 'summary', 'demo', '--json')) as { connectors: { name: string }[] }
}

/** Opens the training snapshot in the built app worker, as the app does when started with no snapshot. */
function trainingInAppWorker(): { summary: { connectors: { name: string }[] } } {
  const child = spawnSync(process.execPath, [appProbe, appWorker, '--training'], {
    encoding: 'utf8',
    env: { ...process.env, SYNCLENS_CACHE: 'off' },
  })
  expect(child.status, child.stderr).toBe(0)
  return JSON.parse(child.stdout) as { summary: { connectors: { name: string }[] } }
}

/**
 * A shipped entry whose first connector is renamed in its kept configuration: what opens it shows the new name, so
 * a name shows which was read, the entry or a generated snapshot.
 */
function renameShippedConnector(file: string, from: string, to: string): void {
  const bytes = fs.readFileSync(file)
  const labelEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1
  const headerLength = bytes.readUInt32LE(labelEnd)
  const files = JSON.parse(bytes.toString('utf8', labelEnd + 4, labelEnd + 4 + headerLength)) as {
    path: string
    bytes: string
  }[]
  for (const entry of files) {
    if (!entry.path.startsWith('Connectors/')) continue
    const text = Buffer.from(entry.bytes, 'base64').toString('utf8')
    entry.bytes = Buffer.from(text.replaceAll(`>${from}<`, `>${to}<`)).toString('base64')
  }
  const header = Buffer.from(JSON.stringify(files))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length, 0)
  fs.writeFileSync(
    file,
    Buffer.concat([bytes.subarray(0, labelEnd), length, header, bytes.subarray(labelEnd + 4 + headerLength)]),
  )
}

/** Opens the snapshot in the built app worker, started as the app's main process starts it (app-worker-probe). */
function openInAppWorker(readers: number): { summary: unknown; threadsStarted: number } {
  const child = spawnSync(process.execPath, [appProbe, appWorker, snapshot], {
    encoding: 'utf8',
    env: { ...process.env, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: String(readers) },
  })
  expect(child.status, child.stderr).toBe(0)
  return JSON.parse(child.stdout) as { summary: unknown; threadsStarted: number }
}

describe('the built CLI with segment readers in worker threads', () => {
  it('prints what one thread prints', () => {
    const dn = 'CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com'
    for (const args of [
      ['summary', snapshot, '--json'],
      ['object', snapshot, '--dn', dn, '--json'],
    ]) {
      expect(run(3, ...args)).toEqual(run(1, ...args))
    }
  }, 120_000)
})

describe('the reader threads of the built CLI and app worker', () => {
  it("start from the readers' bundle whose SHA-256 the command embeds", async () => {
    // A command built to expect a readers' bundle that also leaves a mark when it starts: the mark shows it ran.
    const folder = path.join(root, 'marked')
    fs.mkdirSync(folder)
    const marker = path.join(folder, 'reader-ran')
    const reader = Buffer.concat([
      fs.readFileSync(path.join(root, SEGMENT_READER_FILE)),
      Buffer.from(`\nrequire('node:fs').appendFileSync(${JSON.stringify(marker)}, 'x')\n`),
    ])
    fs.writeFileSync(path.join(folder, SEGMENT_READER_FILE), reader)
    const digest = createHash('sha256').update(reader).digest('hex')
    const marked = await buildBundle(
      { entry: 'node/cli/synclens.ts', outFile: 'dist/cli/synclens.cjs', kind: 'node' },
      {
        outFile: path.join(folder, 'synclens.cjs'),
        define: { __SEGMENT_READER_SHA256__: JSON.stringify(digest) },
      },
    )
    const summary = ['summary', snapshot, '--json']
    const three = spawnSync(process.execPath, [marked, ...summary], {
      encoding: 'utf8',
      env: { ...process.env, SYNCLENS_CACHE: 'off', SYNCLENS_READERS: '3' },
    })

    expect(three.status, three.stderr).toBe(0)
    expect(three.stdout).toEqual(run(1, ...summary))
    expect(fs.readFileSync(marker, 'utf8')).toBe('xx')
  }, 120_000)

  it('do not run a reader bundle changed after the build, and read as well from the running bundle', () => {
    const marker = path.join(root, 'changed-reader-ran')
    const originals = [root, path.join(root, 'electron')].map((folder) => {
      const file = path.join(folder, SEGMENT_READER_FILE)
      const original = fs.readFileSync(file)
      fs.writeFileSync(
        file,
        Buffer.concat([
          original,
          Buffer.from(`\nrequire('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n`),
        ]),
      )
      return { file, original }
    })
    try {
      const summary = ['summary', snapshot, '--json']
      expect(run(3, ...summary)).toEqual(run(1, ...summary))
      const three = openInAppWorker(3)
      expect(three.threadsStarted).toBe(2)
      expect(three.summary).toEqual(openInAppWorker(1).summary)
      expect(fs.existsSync(marker)).toBe(false)
    } finally {
      for (const { file, original } of originals) fs.writeFileSync(file, original)
    }
  }, 120_000)
})

describe("the app's snapshot worker, started from the checked text of its bundle", () => {
  it('reads with segment readers that run the same text, and loads what one thread loads', () => {
    const one = openInAppWorker(1)
    const three = openInAppWorker(3)

    expect(one.threadsStarted).toBe(0)
    expect(three.threadsStarted).toBe(2)
    expect(three.summary).toEqual(one.summary)
  }, 120_000)
})

describe('the training snapshot the build ships beside the command and the app worker', () => {
  it('is what both open, the cache off, and holds what generating it gives', () => {
    const generated = demoSummary()
    const generatedInApp = trainingInAppWorker().summary
    const page = path.join(root, 'renderer')
    fs.mkdirSync(path.join(page, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(page, 'assets', 'snapshot.worker-Ab12Cd34.js'), '')
    const browserWorker = browserWorkerScript(page)
    expect(browserWorker).toBe(path.join(page, 'assets', 'snapshot.worker-Ab12Cd34.js'))

    const shipped = shipTrainingSnapshot(cli, [cli, appWorker], [browserWorker ?? ''])
    expect(shipped).toEqual([
      path.join(root, SHIPPED_TRAINING_FILE),
      path.join(root, 'electron', SHIPPED_TRAINING_FILE),
      path.join(page, SHIPPED_TRAINING_FILE),
    ])
    const firstLines = (file: string): string[] =>
      fs.readFileSync(file).toString('latin1').split('\n').slice(0, 2)
    expect(firstLines(path.join(page, SHIPPED_TRAINING_FILE))).toEqual([
      SHIPPED_TRAINING_MAGIC.trim(),
      '{"worker":"snapshot.worker-Ab12Cd34.js","users":null,"seed":null}',
    ])

    expect(demoSummary()).toEqual(generated)
    expect(trainingInAppWorker().summary).toEqual(generatedInApp)

    const name = generated.connectors[0]?.name ?? ''
    for (const file of shipped) renameShippedConnector(file, name, 'shipped.example')
    const names = (summary: { connectors: { name: string }[] }): string[] =>
      summary.connectors.map((connector) => connector.name).sort()
    const renamed = names(generated)
      .map((each) => (each === name ? 'shipped.example' : each))
      .sort()
    expect(names(demoSummary())).toEqual(renamed)
    expect(names(trainingInAppWorker().summary)).toEqual(renamed)
  }, 120_000)
})
