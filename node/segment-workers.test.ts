import { createHash } from 'node:crypto'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { BroadcastChannel, type Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { afterEach, vi } from 'vitest'
import { SEGMENT_READER_FILE as BUILT_READER_FILE } from '../scripts/build-electron.mjs'
import type { SegmentJob } from '../shared/io/source'
import type { ReaderReply } from '../shared/load/segment-pool'
import {
  AUTOMATIC_PARALLEL_MIN_BYTES,
  askedReaders,
  type CpuSample,
  diskSegmentReaders,
  idleReaders,
  nodeReaderThread,
  type ReaderDecision,
  readersAhead,
  readersByIdleTime,
  readerScript,
  SEGMENT_READER_FILE,
  sampleCpus,
  segmentReaderCount,
} from './segment-workers'

/** A segment of a connector space's first byte. */
const JOB: SegmentJob = {
  path: 'ConnectorSpaces/contoso.com.xml',
  kind: 'csexport',
  start: 0,
  end: 1,
  connectorId: null,
  connectorName: null,
  startsInside: false,
  endsInside: true,
}

describe('segment readers', () => {
  it.each([
    [1, undefined, 0, 1],
    [2, undefined, 0.2, 2],
    [2, undefined, 0.8, 1],
    [2, undefined, 6, 1],
    [4, undefined, 1, 3],
    [8, undefined, 0, 8],
    [8, undefined, 2.6, 5],
    [32, undefined, 0, 8],
    [2, '2', 6, 2],
    [8, '1', 0, 1],
    [8, 'many', 0, 8],
    [8, '0', 0, 8],
  ])(
    'reads with, for %i cores, SYNCLENS_READERS=%s and a load of %f: %i threads',
    (cores, setting, load, expected) => {
      expect(segmentReaderCount(cores, setting, load)).toBe(expected)
    },
  )

  /**
   * A window of `wallMs` on `cores` cores, of which `idleCores` were idle on average and `ownCores` busy with this
   * process (all its threads).
   */
  const window = (cores: number, wallMs: number, idleCores: number, ownCores = 1): [CpuSample, CpuSample] => [
    { idle: 1_000, total: 10_000, own: 500 },
    {
      idle: 1_000 + idleCores * wallMs,
      total: 10_000 + cores * wallMs,
      own: 500 + ownCores * wallMs,
    },
  ]

  it.each([
    ['an idle 2-core machine, this process reading its configuration', 2, 1, 1, 2],
    // Measured: the process's helper threads (file heads, compiling, collecting) on most of the second core.
    ['an idle 2-core machine, this process busy on both cores', 2, 0.2, 1.8, 2],
    ['a 2-core machine where another process keeps a core busy', 2, 0.1, 1, 1],
    ['a 2-core machine where another process and this one share both cores', 2, 0, 1.3, 1],
    ['a 2-core machine busy with something else entirely', 2, 0, 0.5, 1],
    ['an idle 8-core workstation', 8, 6.5, 1.5, 8],
    ['an 8-core workstation with a build on three cores', 8, 3.8, 1.2, 5],
    ['a 32-core server', 32, 30, 1.5, 8],
    ['one core', 1, 0, 0.9, 1],
  ])(
    'reads, on %s, with the cores other processes left since the open: %i cores, %f idle, %f own -> %i',
    (_what, cores, idle, own, expected) => {
      const [before, after] = window(cores, 250, idle, own)
      expect(readersByIdleTime(before, after, cores)).toBe(expected)
    },
  )

  it('leaves a window too short to tell to the load average', () => {
    const [before, after] = window(2, 30, 2)
    expect(readersByIdleTime(before, after, 2)).toBeNull()
    expect(readersByIdleTime(before, before, 2)).toBeNull()
  })

  it('samples the CPU times of every core, idle and busy', () => {
    const times = (idle: number, busy: number) => ({ user: busy, nice: 0, sys: 0, idle, irq: 0 })
    const cpus = [
      { model: 'a', speed: 1, times: times(700, 300) },
      { model: 'a', speed: 1, times: times(400, 600) },
    ]
    expect(sampleCpus(cpus, 42)).toEqual({ idle: 1_100, total: 2_000, own: 42 })
    const own = sampleCpus().own
    expect(own).toBeGreaterThan(0)
    expect(own).toBeLessThanOrEqual(process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000)
  })

  describe('idleReaders', () => {
    afterEach(() => {
      vi.unstubAllEnvs()
    })

    it('decides when asked, from the window since the snapshot was opened', () => {
      vi.stubEnv('SYNCLENS_READERS', undefined)
      const [before, after] = window(2, 300, 1.4)
      const samples = [before, after]
      const decision = idleReaders(2, () => samples.shift() ?? after)

      expect(samples).toHaveLength(1)
      expect(decision.count()).toBe(2)
    })

    it('waits, when settling, until the window is long enough to tell, and no longer', async () => {
      vi.stubEnv('SYNCLENS_READERS', undefined)
      // A machine where one core is idle and this process runs on the other, sampled every 10 ms of waiting.
      let wallMs = 0
      const sample = (): CpuSample => window(2, wallMs, 1)[1]
      const slept: number[] = []
      const decision = idleReaders(2, sample, async (ms) => {
        slept.push(ms)
        wallMs += ms
      })
      wallMs = 15 // the opening took 15 ms: too short a window on 2 cores

      await decision.settle()

      expect(slept.length).toBeGreaterThan(0)
      expect(wallMs).toBeGreaterThanOrEqual(40)
      expect(wallMs).toBeLessThan(60)
      expect(decision.count()).toBe(2) // the load average (this machine's, whatever it is) is not asked
    })

    it("stops waiting after a bounded time when the cores' times do not move", async () => {
      vi.stubEnv('SYNCLENS_READERS', undefined)
      let waited = 0
      const frozen: CpuSample = { idle: 5, total: 10, own: 1 }
      const decision = idleReaders(
        2,
        () => frozen,
        async (ms) => {
          waited += ms
        },
      )

      await decision.settle()

      expect(waited).toBeGreaterThan(0)
      expect(waited).toBeLessThanOrEqual(200)
      expect(decision.count()).toBe(segmentReaderCount(2))
    })

    it('keeps to SYNCLENS_READERS whatever the machine does', async () => {
      vi.stubEnv('SYNCLENS_READERS', '3')
      const decision = idleReaders(
        2,
        () => {
          throw new Error('no sample is needed')
        },
        () => Promise.reject(new Error('no wait is needed')),
      )

      await decision.settle()
      expect(decision.count()).toBe(3)
    })

    /** A decision that counts how often it is settled and asked. */
    const countingDecision = (count: number): { decision: ReaderDecision; calls: number[] } => {
      const calls = [0, 0]
      const decision: ReaderDecision = {
        settle: () => {
          calls[1] = (calls[1] ?? 0) + 1
          return Promise.resolve()
        },
        count: () => {
          calls[0] = (calls[0] ?? 0) + 1
          return count
        },
      }
      return { decision, calls }
    }

    it('decides nothing when the factory is made, nor where the load reads in one thread anyway', async () => {
      const { decision, calls } = countingDecision(2)
      const factory = diskSegmentReaders(new Map(), decision, false, null)
      await factory.settle?.()

      expect(calls).toEqual([0, 0]) // asked, settled
      expect(factory.parallelism).toBe(1) // not a bundle: one thread, whatever the count
    })

    it('settles and decides for a bundle, once', async () => {
      const { decision, calls } = countingDecision(3)
      const factory = diskSegmentReaders(new Map(), decision, false, { kind: 'file', path: 'synclens.cjs' })
      await factory.settle?.()

      expect([factory.parallelism, factory.parallelism]).toEqual([3, 3])
      expect(calls).toEqual([1, 1]) // asked, settled
    })
  })

  it('reads in one thread where the running code is not a bundle (tests, development)', () => {
    expect(diskSegmentReaders(new Map(), 4).parallelism).toBe(1)
    expect(diskSegmentReaders(new Map(), 4, true, { kind: 'source', code: '0' }).parallelism).toBe(4)
  })

  it('leaves loads under 200 MB to one thread unless SYNCLENS_READERS asks for readers', () => {
    expect(diskSegmentReaders(new Map(), 2, false).minTotalBytes).toBe(AUTOMATIC_PARALLEL_MIN_BYTES)
    expect(diskSegmentReaders(new Map(), 2, true).minTotalBytes).toBeUndefined()
    // A count chosen here may be lowered to stay within the memory budget; an asked one is not.
    expect(diskSegmentReaders(new Map(), 2, false).automatic).toBe(true)
    expect(diskSegmentReaders(new Map(), 2, true).automatic).toBeUndefined()
    expect(askedReaders('3')).toBe(3)
    expect(askedReaders('many')).toBeNull()
    expect(askedReaders(undefined)).toBeNull()
  })

  describe('readers started ahead of a load', () => {
    it.each([
      // bound, count known (asked for), cores: readers started
      [Number.POSITIVE_INFINITY, null, 2, 1],
      [Number.POSITIVE_INFINITY, null, 8, 1],
      [Number.POSITIVE_INFINITY, null, 1, 0],
      [1, null, 8, 0],
      [Number.POSITIVE_INFINITY, 4, 2, 3],
      [3, 4, 8, 2],
      [Number.POSITIVE_INFINITY, 1, 8, 0],
    ])('within %s threads, %s asked for, %s cores: %s', (bound, known, cores, expected) => {
      expect(readersAhead(bound, known, cores)).toBe(expected)
    })

    /** A worker as a reader thread hears it: messages and errors, nothing else. */
    const fakeWorker = (): EventEmitter & Worker => {
      const emitter = new EventEmitter() as EventEmitter & Worker
      return Object.assign(emitter, { postMessage: () => undefined, terminate: () => Promise.resolve(0) })
    }

    it('keeps what a thread said before anyone listened, and gives it to the first listener only', () => {
      const worker = fakeWorker()
      const thread = nodeReaderThread(worker)
      worker.emit('message', { kind: 'ready' } satisfies ReaderReply)
      worker.emit('error', new Error('out of memory'))
      const first: string[] = []
      const second: string[] = []

      thread.listen(
        (reply) => first.push(reply.kind),
        (error) => first.push(error.message),
      )
      thread.listen(
        (reply) => second.push(reply.kind),
        (error) => second.push(error.message),
      )
      worker.emit('message', { kind: 'progress', bytes: 1, objects: 0 } satisfies ReaderReply)

      expect(first).toEqual(['ready', 'out of memory', 'progress'])
      expect(second).toEqual(['progress'])
    })

    it('start from a bundle before the load, and serve it once it starts, ready long before', async () => {
      // A reader that says it is ready (and tells the test so), then answers every read with a failure naming it.
      const channel = `synclens-test-${process.pid}-${Date.now()}`
      const code = `
        const { BroadcastChannel, parentPort } = require('node:worker_threads')
        parentPort.on('message', ({ job }) => parentPort.postMessage({ kind: 'failed', message: 'read ' + job.path }))
        parentPort.postMessage({ kind: 'ready' })
        const told = new BroadcastChannel(${JSON.stringify(channel)})
        told.postMessage('ready')
        told.close()`
      const heard = new BroadcastChannel(channel)
      const ready = new Promise((resolve) => {
        heard.onmessage = resolve
      })
      const factory = diskSegmentReaders(new Map([['a.xml', '/a.xml']]), 2, true, { kind: 'source', code }, 2)
      factory.prepare?.(Number.POSITIVE_INFINITY)
      await ready
      heard.close()
      // The thread's "ready" reached this thread's event loop before the pool below listens for it.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const loader = factory.start(2)
      let given = false
      const take = (): SegmentJob | null => {
        if (given) return null
        given = true
        return { ...JOB, path: 'a.xml' }
      }

      try {
        await expect(loader.read(take, () => undefined)).rejects.toThrow('read a.xml')
      } finally {
        loader.close()
        factory.release?.()
      }
    })
  })

  describe('the code reader threads start from', () => {
    const readerCode = Buffer.from('/* the reader bundle */')
    const digest = createHash('sha256').update(readerCode).digest('hex')
    const command = { kind: 'file', path: path.join('/opt', 'synclens', 'synclens-main.cjs') } as const
    const appWorker = {
      kind: 'source',
      code: '/* worker */',
      file: path.join('/app', 'snapshot-worker.cjs'),
    } as const
    const files = new Map([
      [path.join('/opt', 'synclens', SEGMENT_READER_FILE), readerCode],
      [path.join('/app', SEGMENT_READER_FILE), readerCode],
    ])
    const read = (file: string): Buffer => {
      const bytes = files.get(file)
      if (bytes === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' })
      return bytes
    }

    it('is looked for under the name the build writes it as', () => {
      expect(SEGMENT_READER_FILE).toBe(BUILT_READER_FILE)
    })

    it('is the reader bundle beside the running bundle, as checked text, when its digest is the embedded one', () => {
      for (const bundle of [command, appWorker]) {
        expect(readerScript(bundle, digest, read)).toEqual({
          kind: 'source',
          code: '/* the reader bundle */',
        })
      }
    })

    it('is the running bundle when the reader bundle changed, is missing, or no digest was embedded', () => {
      expect(readerScript(command, 'f'.repeat(64), read)).toBe(command)
      expect(readerScript({ kind: 'file', path: '/elsewhere/synclens-main.cjs' }, digest, read)).toEqual({
        kind: 'file',
        path: '/elsewhere/synclens-main.cjs',
      })
      expect(readerScript(appWorker, null, read)).toBe(appWorker)
      // Text whose file is not known: nothing to look beside.
      const unplaced = { kind: 'source', code: '/* worker */' } as const
      expect(readerScript(unplaced, digest, read)).toBe(unplaced)
      expect(readerScript(null, digest, read)).toBeNull()
    })
  })
})
