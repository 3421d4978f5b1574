import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle, buildSegmentReader } from '../scripts/build-electron.mjs'
import {
  isWorkerOutOfMemory,
  MIN_SNAPSHOT_OLD_GENERATION_MB,
  READER_SEMI_SPACE_MB,
  READER_THREAD_LIMITS,
  semiSpaceFlag,
  snapshotWorkerLimits,
  type StartingThread,
  startReaderThreads,
  STEADY_HEAP_FLAGS,
  steadyHeap,
} from './worker-heap'

const GIB = 2 ** 30
const ROOT = path.resolve(__dirname, '..')

describe('snapshotWorkerLimits', () => {
  it.each([
    [16 * GIB, 8192],
    [24 * GIB, 12288],
    [1 * GIB, MIN_SNAPSHOT_OLD_GENERATION_MB],
  ])('gives a machine of %d bytes an old generation of %d MB', (memory, expected) => {
    expect(snapshotWorkerLimits(memory)).toEqual({
      maxYoungGenerationSizeMb: 192,
      maxOldGenerationSizeMb: expected,
    })
  })

  it('recognises the error of a worker out of memory by its code', () => {
    expect(isWorkerOutOfMemory(Object.assign(new Error('x'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe(
      true,
    )
    expect(isWorkerOutOfMemory(new Error('ERR_WORKER_OUT_OF_MEMORY'))).toBe(false)
  })
})

describe('steadyHeap', () => {
  it('sets each steady-heap flag', () => {
    const set: string[] = []
    steadyHeap((flag) => set.push(flag))
    expect(set).toEqual(['--no-allocation-site-pretenuring'])
  })

  // What the flag is for, in this runtime: a site whose objects all outlive minor collections is pretenured
  // (V8 prints its decisions with --trace-pretenuring-statistics), and set at run time the flag stops that. The
  // decisions follow the collector's timing, so the run without the flag may take a few tries to show one.
  it('stops V8 from pretenuring allocation sites when set at run time', () => {
    const script = (flags: readonly string[]): string =>
      `const v8 = require('node:v8'); for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);` +
      'const make = (i) => ({ a: i, b: [i] }); const kept = [];' +
      'for (let i = 0; i < 1000000; i++) kept.push(make(i)); console.log(kept.length)'
    const decisions = (flags: readonly string[]): number =>
      execFileSync(
        process.execPath,
        [
          '--max-semi-space-size=16',
          '--single-threaded-gc',
          '--trace-pretenuring-statistics',
          '-e',
          script(flags),
        ],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter((line) => line.includes('=> tenure')).length
    let without = 0
    for (let run = 0; run < 5 && without === 0; run += 1) without = decisions([])
    expect(without).toBeGreaterThan(0)
    expect(decisions(STEADY_HEAP_FLAGS)).toBe(0)
    expect(decisions(STEADY_HEAP_FLAGS)).toBe(0)
  })
})

describe('the snapshot worker out of memory', () => {
  /**
   * The worker's old generation in the test. Measured with the bundled worker on Node 24 (2026-12-08): an empty
   * connector space loads from 20 MB up and fails at 16 MB or less, and the large file below fails at 64 MB and loads
   * at 96 MB; so 32 MB leaves a margin on both sides.
   */
  const LIMIT_MB = 32
  let folder = ''
  let bundle = ''
  let large = ''
  let small = ''

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-worker-oom-'))
    // The worker as the build makes it: the readers' bundle first, whose digest the worker embeds.
    const { define } = await buildSegmentReader([folder])
    bundle = await buildBundle(
      { entry: 'node/snapshot-worker.ts', outFile: 'dist/electron/snapshot-worker.cjs', kind: 'node' },
      { outFile: path.join(folder, 'snapshot-worker.cjs'), define },
    )
    small = path.join(folder, 'empty.xml')
    fs.writeFileSync(small, '<cs-objects>\n</cs-objects>\n')
    // 66 MB: 3,000 objects of 20 distinct values of about 1 kB each, which the store keeps on the heap.
    large = path.join(folder, 'connector-space.xml')
    const out = fs.createWriteStream(large)
    out.write('<cs-objects>\n')
    const filler = 'x'.repeat(1000)
    for (let index = 0; index < 3000; index++) {
      let object = `<cs-object cs-dn="CN=User ${index},DC=x" id="{${String(index).padStart(8, '0')}-0000-4000-8000-000000000000}" object-type="user"><synchronized-hologram><entry dn="CN=User ${index},DC=x">`
      for (let attribute = 0; attribute < 20; attribute++) {
        object += `<attr name="a${attribute}" type="string" multivalued="false"><value>value ${attribute} of user ${index} ${filler}</value></attr>`
      }
      if (!out.write(`${object}</entry></synchronized-hologram></cs-object>\n`)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      }
    }
    await new Promise<void>((resolve) => out.end('</cs-objects>\n', () => resolve()))
  }, 120_000)

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it('ends the worker with ERR_WORKER_OUT_OF_MEMORY and leaves its host running', () => {
    // The bundled worker (node/snapshot-worker.ts) in a host process of its own: a 66 MB connector space against a
    // 32 MB old generation, then an empty one in the same limit, then the training snapshot with the normal limits.
    // Exit code 0 is the point: a V8 fatal error would abort the host instead.
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'test-support/worker-oom-host.ts', bundle, String(LIMIT_MB), large, small],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SYNCLENS_CACHE: 'off' } },
    )
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      starved: { ended: string; outOfMemory: boolean; code: string }
      fits: { ended: string; message: string }
      after: { ended: string; message: string }
    }

    expect(result.starved).toMatchObject({
      ended: 'error',
      outOfMemory: true,
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    })
    expect(result.fits).toEqual(expect.objectContaining({ ended: 'loaded', message: 'empty.xml' }))
    expect(result.after).toEqual(
      expect.objectContaining({ ended: 'loaded', message: 'Contoso training snapshot' }),
    )
  }, 180_000)
})

describe('the young generation of segment reader threads', () => {
  it.each([
    [[], undefined, null],
    [['--max-semi-space-size=16'], undefined, 16],
    [['--max-semi-space-size', '8'], undefined, 8],
    [['--max_semi_space_size=32'], undefined, 32],
    [[], '--trace-warnings --max-semi-space-size=64', 64],
    [['--max-semi-space-size=16'], '--max-semi-space-size=64', 16],
    [['--max-semi-space-size=x'], undefined, null],
  ])('reads the process flag from %j and NODE_OPTIONS %j: %s', (execArgv, nodeOptions, size) => {
    expect(semiSpaceFlag(execArgv, nodeOptions)).toBe(size)
  })

  /** A thread that comes online, fails or exits when told to. */
  function thread(): StartingThread & { emit(event: string): void } {
    const listeners = new Map<string, () => void>()
    return {
      once: (event, listener) => listeners.set(event, listener),
      emit: (event) => listeners.get(event)?.(),
    }
  }

  it("sets V8's flag to the readers' size while they start where a process flag is set, and back once all have", () => {
    const set: string[] = []
    const threads = [thread(), thread()]
    const started = startReaderThreads(
      () => {
        set.push('start')
        return threads
      },
      16,
      (flags) => set.push(flags),
    )
    expect(started).toBe(threads)
    expect(set).toEqual([`--max-semi-space-size=${READER_SEMI_SPACE_MB}`, 'start'])
    threads[0]?.emit('online')
    threads[0]?.emit('exit')
    expect(set).toHaveLength(2)
    threads[1]?.emit('error')
    expect(set).toEqual([
      `--max-semi-space-size=${READER_SEMI_SPACE_MB}`,
      'start',
      '--max-semi-space-size=16',
    ])
    expect(READER_THREAD_LIMITS).toEqual({ maxYoungGenerationSizeMb: 3 * READER_SEMI_SPACE_MB })
  })

  it('leaves the flag alone where none is set (their resourceLimits apply), and sets it back if none started', () => {
    const set: string[] = []
    startReaderThreads(
      () => [thread()],
      null,
      (flags) => set.push(flags),
    )
    expect(set).toEqual([])
    startReaderThreads(
      () => [],
      16,
      (flags) => set.push(flags),
    )
    expect(set).toEqual([`--max-semi-space-size=${READER_SEMI_SPACE_MB}`, '--max-semi-space-size=16'])
    expect(() =>
      startReaderThreads(
        () => {
          throw new Error('no thread')
        },
        16,
        (flags) => set.push(flags),
      ),
    ).toThrow('no thread')
    expect(set.at(-1)).toBe('--max-semi-space-size=16')
  })
})
