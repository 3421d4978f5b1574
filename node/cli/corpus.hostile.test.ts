import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GENERATED_INPUTS } from '../../test-support/hostile-inputs'

const ROOT = path.resolve(__dirname, '..', '..')
const CORPUS = path.join(ROOT, 'test-support', 'corpus')
const CLI = path.join(ROOT, 'dist', 'cli', 'synclens.cjs')
/** Per input: 30 s of wall time, 1 GiB of heap (enforced) and of peak RSS (checked). */
const TIME_LIMIT_MS = 30_000
const MEMORY_LIMIT_MB = 1024

interface Run {
  readonly status: number | null
  readonly signal: string | null
  readonly stdout: string
  readonly stderr: string
  readonly seconds: number
  readonly peakRssMb: number
}

function runCli(args: readonly string[]): Run {
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${MEMORY_LIMIT_MB}`,
      '--require',
      path.join(ROOT, 'test-support', 'peak-rss.cjs'),
      CLI,
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 },
  )
  const peak = /synclens-peak-rss-kb=(\d+)/.exec(result.stderr)?.[1]
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr.replace(/\nsynclens-peak-rss-kb=\d+\n$/, ''),
    seconds: (performance.now() - started) / 1000,
    peakRssMb: peak === undefined ? Number.NaN : Number(peak) / 1024,
  }
}

/** The CLI ended on its own, in time and memory, with an exit code it documents and no stack trace. */
function expectCalmEnd(run: Run): void {
  expect(run.signal, `killed (time limit ${TIME_LIMIT_MS / 1000} s?)\n${run.stderr}`).toBeNull()
  expect([0, 1, 2, 3]).toContain(run.status)
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(run.stderr).not.toMatch(/Maximum call stack|heap out of memory|internal error/i)
  expect(run.peakRssMb).toBeLessThan(MEMORY_LIMIT_MB)
  expect(run.stdout.length + run.stderr.length).toBeLessThan(4 * 1024 * 1024)
}

const corpusFiles = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    fs.readdirSync(path.join(CORPUS, folder.name)).map((file) => [folder.name, file] as const),
  )

beforeAll(() => {
  if (fs.existsSync(CLI)) return
  const build = spawnSync('npm', ['run', '-s', 'build:electron'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`npm run build:electron failed:\n${build.stdout}\n${build.stderr}`)
}, 120_000)

describe('the regression corpus through the CLI (30 s, 1 GiB each)', () => {
  it.each(corpusFiles)('%s/%s', (folder, file) => {
    const input = path.join(CORPUS, folder, file)
    const args =
      folder === 'expression'
        ? ['eval', fs.readFileSync(input, 'utf8'), '--attr', `half=${'x'.repeat(1024)}`]
        : ['summary', input, '--json']

    expectCalmEnd(runCli(args))
  })
})

describe('the generated hostile inputs through the CLI (30 s, 1 GiB each)', () => {
  let folder = ''

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-hostile-'))
  })

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it.each(GENERATED_INPUTS.map((input) => [input.name, input] as const))(
    '%s',
    (_name, input) => {
      const file = input.write(folder)

      const run = runCli(['summary', file, '--json'])
      fs.rmSync(file, { force: true })

      expectCalmEnd(run)
      console.info(
        `${input.name}: ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.peakRssMb)} MB, exit ${run.status}`,
      )
    },
    120_000,
  )

  it('refuses the overlapping zip bomb before inflating it', () => {
    const [bomb] = GENERATED_INPUTS
    const file = bomb?.write(folder) ?? ''

    const run = runCli(['summary', file])

    expect(run.status).toBe(3)
    expect(run.stderr).toMatch(/has entries whose data overlap .* which is how zip bombs look/)
    expect(fs.statSync(file).size).toBeLessThan(600 * 1024)
    console.info(`overlapping zip bomb: refused in ${run.seconds.toFixed(2)} s (CLI start included)`)
  })
})
