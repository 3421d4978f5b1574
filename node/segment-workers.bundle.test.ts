import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../scripts/build-electron.mjs'
import { generateTrainingFiles } from '../shared/training/index'

let root: string
let cli: string
let appWorker: string
let appProbe: string
let snapshot: string

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-readers-'))
  cli = await buildBundle(
    { entry: 'node/cli/synclens.ts', outFile: 'dist/cli/synclens.cjs', kind: 'node' },
    { outFile: path.join(root, 'synclens.cjs') },
  )
  appWorker = await buildBundle(
    { entry: 'node/snapshot-worker.ts', outFile: 'dist/electron/snapshot-worker.cjs', kind: 'node' },
    { outFile: path.join(root, 'snapshot-worker.cjs') },
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

describe("the app's snapshot worker, started from the checked text of its bundle", () => {
  it('reads with segment readers that run the same text, and loads what one thread loads', () => {
    const one = openInAppWorker(1)
    const three = openInAppWorker(3)

    expect(one.threadsStarted).toBe(0)
    expect(three.threadsStarted).toBe(2)
    expect(three.summary).toEqual(one.summary)
  }, 120_000)
})
