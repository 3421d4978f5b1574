import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../scripts/build-electron.mjs'
import { generateTrainingFiles } from '../shared/training/index'

let root: string
let cli: string
let snapshot: string

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-readers-'))
  cli = await buildBundle(
    { entry: 'node/cli/synclens.ts', outFile: 'dist/cli/synclens.cjs', kind: 'node' },
    { outFile: path.join(root, 'synclens.cjs') },
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
