import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCliBundle, CLI_BUNDLE, cliBundleIsStale } from './synclens.mjs'

const ROOT = path.resolve(__dirname, '..')
const BUNDLE = path.join(ROOT, CLI_BUNDLE)

let temp = ''

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-run-'))
  if (cliBundleIsStale()) await buildCliBundle()
}, 120_000)

afterAll(() => {
  fs.rmSync(temp, { recursive: true, force: true })
})

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `command` and collects what it prints. */
function run(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function runBundle(args: readonly string[]): Promise<Run> {
  return run(process.execPath, [BUNDLE, ...args])
}

// Node's own child pipes are socket pairs that swallow the whole output, so only a shell pipeline into head
// shows what a user sees.
const BASH = ['/bin/bash', '/usr/bin/bash'].find((candidate) => fs.existsSync(candidate))

describe('the built synclens command', () => {
  it.skipIf(BASH === undefined)(
    'ends quietly with exit code 0 when piped into head (bash is needed for the pipeline)',
    async () => {
      // 94 kB of JSON: more than a pipe holds, so the command is still writing when head exits.
      const pipeline = `"${process.execPath}" "${BUNDLE}" rules demo --json | head -c 10; echo " exit=\${PIPESTATUS[0]}"`

      const result = await run(BASH ?? 'bash', ['-c', pipeline])

      const firstTenBytes = '[\n  {\n    '
      expect(result).toEqual({ code: 0, stdout: `${firstTenBytes} exit=0\n`, stderr: '' })
    },
    60_000,
  )

  it('keeps the documented exit codes in a real process', async () => {
    expect((await runBundle(['--version'])).code).toBe(0)
    expect((await runBundle(['eval', '1+1', '--attr', 'bad'])).code).toBe(2)
    expect((await runBundle(['summary', path.join(temp, 'absent')])).code).toBe(3)
  }, 60_000)
})

describe('npm run synclens builds the command on demand', () => {
  function tree(files: Record<string, number>): string {
    const root = fs.mkdtempSync(path.join(temp, 'root-'))
    for (const [file, seconds] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      fs.writeFileSync(path.join(root, file), '')
      fs.utimesSync(path.join(root, file), seconds, seconds)
    }
    return root
  }

  it.each<[string, Record<string, number>, boolean]>([
    ['no bundle yet', { 'node/cli/a.ts': 100 }, true],
    ['a source newer than the bundle', { [CLI_BUNDLE]: 100, 'shared/x/b.ts': 200 }, true],
    ['a changed lockfile', { [CLI_BUNDLE]: 100, 'package-lock.json': 200 }, true],
    ['every source older', { [CLI_BUNDLE]: 300, 'node/a.ts': 200, 'shared/b.ts': 100 }, false],
    ['only a test newer (tests are not bundled)', { [CLI_BUNDLE]: 300, 'node/a.test.ts': 400 }, false],
  ])('rebuilds when there is %s: %s', (_name, files, stale) => {
    expect(cliBundleIsStale(tree(files))).toBe(stale)
  })
})
