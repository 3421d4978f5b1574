import { describe, expect, it } from 'vitest'
import { memoryFile, type SnapshotSource } from '../io/source'
import type { ObjectStore } from '../store/object-store'
import { generateTrainingSnapshot } from '../training/index'
import { type LoadedSnapshot, loadSnapshot } from './load-snapshot'
import {
  countLineFeeds,
  findObjectStart,
  lineFeedsBefore,
  planSegments,
  release,
  SegmentClaims,
  threadsWithinMemory,
} from './parallel-objects'
import { type MemorySegmentOptions, memorySegments } from './testing/memory-segments'

/** Everything the views read from a loaded snapshot, in one comparable value. */
function answers(snapshot: LoadedSnapshot): unknown {
  const store: ObjectStore = snapshot.objects
  return {
    issues: snapshot.issues,
    source: store.metaverseSource,
    counts: store.counts(),
    cs: Array.from({ length: store.csRowCount }, (_, row) => store.csObjectAt(row)),
    mv: Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row)),
    dn: Array.from({ length: store.csRowCount }, (_, row) => store.csRowsByDn(store.csObjectAt(row).dn)),
  }
}

const training = generateTrainingSnapshot({ users: 120 })

/** The training snapshot with one object file's text changed. */
function edited(path: string, edit: (text: string) => string): SnapshotSource {
  return {
    name: training.name,
    files: training.files.map((file) => {
      if (file.path !== path) return file
      return memoryFile(path, new TextEncoder().encode(edit(new TextDecoder().decode(readNow(file.path)))))
    }),
  }
}

const bytesByPath = new Map<string, Uint8Array>()
for (const file of training.files) bytesByPath.set(file.path, await file.readAll())
function readNow(path: string): Uint8Array {
  return bytesByPath.get(path) ?? new Uint8Array(0)
}

/**
 * Readers of five kinds: many and quick (they take most segments: the loading thread reads the connector spaces
 * and meets them in the metaverse export), one as quick, one slow (the loading thread reads most of the metaverse
 * export too), one that starts too late to take any, and one whose every third read fails (the loading thread then
 * reads that segment's file on from where it stopped, or again from its start).
 */
const READERS: readonly Omit<MemorySegmentOptions, 'minSegmentBytes'>[] = [
  { parallelism: 4 },
  { parallelism: 2, chunkBytes: 1 << 16 },
  { parallelism: 2, yieldEveryChunk: true },
  { parallelism: 2, readerDelayMs: 15 },
  { parallelism: 3, failEvery: 3 },
]

async function serialAndParallel(source: SnapshotSource, minSegmentBytes = 64 << 10) {
  const serial = await loadSnapshot(source)
  const runs = []
  for (const readers of READERS) {
    const segments = memorySegments(source, { minSegmentBytes, ...readers })
    runs.push({
      parallel: await loadSnapshot({ ...source, accelerators: { segments } }),
      jobs: segments.jobs,
    })
  }
  return { serial, runs, parallel: runs[0]?.parallel, jobs: runs[0]?.jobs ?? [] }
}

/** Expects every kind of readers to load what a serial load does. */
function expectSerial({ serial, runs }: Awaited<ReturnType<typeof serialAndParallel>>): void {
  for (const run of runs) expect(answers(run.parallel)).toEqual(answers(serial))
}

const AD = 'ConnectorSpaces/contoso.com.xml'
const MV = 'Metaverse/mv-objects.xml'

describe('parallel load of object files in segments', () => {
  it('gives the same store and issues as a serial load of the training snapshot', async () => {
    const result = await serialAndParallel(training)
    const readBy = result.runs.map(({ jobs }) => jobs.reduce((sum, job) => sum + job.end - job.start, 0))
    const total = training.files.reduce(
      (sum, file) => sum + (/(ConnectorSpaces|Metaverse)\//.test(file.path) ? file.size : 0),
      0,
    )

    expect(result.jobs.filter((job) => job.path === MV).length).toBeGreaterThan(3)
    // The readers took a part and the loading thread read the rest itself; the late readers took nothing.
    expect(readBy.slice(0, 3).every((bytes) => bytes > 0 && bytes < total)).toBe(true)
    expect(readBy[3]).toBe(0)
    expectSerial(result)
  })

  it('reports warnings of every segment at their place in the file, report-once kinds once', async () => {
    let seen = 0
    const source = edited(AD, (text) =>
      text
        .replaceAll('type="string"', 'type="strange"')
        .replace(/<attr name="(department|title|description)"/g, (match) => {
          seen += 1
          return seen % 2 === 0 ? match.replace('name=', 'nme=') : match
        }),
    )
    const result = await serialAndParallel(source)
    const { serial } = result
    const lines = serial.issues.filter((issue) => issue.file === AD).map((issue) => issue.line ?? 0)

    expect(lines.length).toBeGreaterThan(150) // past the cap of 200 warnings, then one line saying so
    expect(Math.max(...lines)).toBeGreaterThan(10_000)
    expectSerial(result)
  })

  it('reads a file again in one piece when a segment breaks, reporting what a serial load reports', async () => {
    const source = edited(MV, (text) => {
      const middle = text.indexOf('<mv-object ', Math.floor(text.length * 0.6))
      return `${text.slice(0, middle)}<broken<${text.slice(middle)}`
    })
    const result = await serialAndParallel(source)

    expect(result.serial.issues.some((issue) => issue.file === MV && issue.severity === 'error')).toBe(true)
    expectSerial(result)
  })

  it('reports a file whose read fails in the loading thread as unreadable, as a serial load does', async () => {
    const segments = memorySegments(training, { minSegmentBytes: 64 << 10, parallelism: 2 })
    const failing: typeof segments = {
      ...segments,
      start: (threads) => {
        const loader = segments.start(threads)
        let reading = false
        return {
          ...loader,
          // The cuts are planned first; then the readers start, and the loading thread reads its own part.
          read: (take, onBytes) => {
            reading = true
            return loader.read(take, onBytes)
          },
          readRange: (path, start, length) =>
            reading && path === AD && start > 0
              ? Promise.reject(new Error('EIO: i/o error, read'))
              : loader.readRange(path, start, length),
        }
      },
    }

    const snapshot = await loadSnapshot({ ...training, accelerators: { segments: failing } })

    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        file: AD,
        message: 'This file could not be read, so it was skipped: EIO: i/o error, read',
      }),
    )
    expect(snapshot.objects.mvRowCount).toBeGreaterThan(0)
  })

  it('keeps a truncated file partial exactly as a serial load does', async () => {
    const source = edited(AD, (text) => text.slice(0, Math.floor(text.length * 0.7)))

    expectSerial(await serialAndParallel(source))
  })

  it('cuts CRLF files and files with invalid UTF-8 the same way', async () => {
    const crlf = edited(AD, (text) => text.replaceAll('\n', '\r\n').replaceAll('Sales', 'Sa\ufffdles'))
    expectSerial(await serialAndParallel(crlf))
  })

  it('leaves files under the smallest segment in one piece', async () => {
    const { jobs } = await serialAndParallel(training, 1 << 30)

    expect(jobs).toEqual([])
  })

  it('lowers a thread count the host chose to what the memory budget allows, not one the user asked for', async () => {
    const chosen = memorySegments(training, { minSegmentBytes: 64 << 10, parallelism: 4, automatic: true })
    const asked = memorySegments(training, { minSegmentBytes: 64 << 10, parallelism: 4 })

    const [serial, fromChosen, fromAsked] = await Promise.all([
      loadSnapshot(training),
      loadSnapshot({ ...training, accelerators: { segments: chosen } }),
      loadSnapshot({ ...training, accelerators: { segments: asked } }),
    ])

    // A few megabytes of XML: one thread stays within the budget, and a second would not.
    expect(chosen.jobs).toEqual([])
    expect(asked.jobs.length).toBeGreaterThan(0)
    expect(answers(fromChosen)).toEqual(answers(serial))
    expect(answers(fromAsked)).toEqual(answers(serial))
  })

  it('reads in one thread when the object files together are under the least the host asks for', async () => {
    const segments = { ...memorySegments(training, { minSegmentBytes: 64 << 10 }), minTotalBytes: 1 << 30 }

    await loadSnapshot({ ...training, accelerators: { segments } })

    expect(segments.jobs).toEqual([])
  })
})

describe('findObjectStart', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

  it.each([
    ['x\n<cs-object id="1">', 2, 1],
    ['x\r\n    <cs-object>', 7, 5],
    ['x\n\t<cs-object\n', 3, 2],
  ])('finds the object tag that starts a line in %j', (text, offset, column) => {
    expect(findObjectStart(bytes(text), 'csexport')).toEqual({ offset, column })
  })

  it.each([
    ['<cs-object id="1">'],
    ['x <cs-object id="1">'],
    ['x\n<cs-objects>'],
    ['x\n<cs-object-like a="1">'],
    ['x\n<cs-object'],
  ])('finds none in %j', (text) => {
    expect(findObjectStart(bytes(text), 'csexport')).toBeNull()
  })
})

describe('planSegments', () => {
  const encoder = new TextEncoder()
  /** A csexport-like file: objects of `sizes` bytes of padding each, one per line, under a root element. */
  const file = (sizes: readonly number[]): Uint8Array =>
    encoder.encode(
      `<cs-objects>\n${sizes.map((size, index) => `  <cs-object id="${index}">${'x'.repeat(size)}</cs-object>\n`).join('')}</cs-objects>\n`,
    )
  /** Reads ranges of `bytes`, keeping what was asked. */
  const reading = (bytes: Uint8Array) => {
    const asked: { start: number; length: number }[] = []
    return {
      asked,
      readRange: async (_path: string, start: number, length: number) => {
        asked.push({ start, length })
        await Promise.resolve()
        return bytes.slice(start, start + length)
      },
    }
  }
  const plan = (bytes: Uint8Array, pieceBytes: number, loader: ReturnType<typeof reading>) =>
    planSegments(
      {
        path: 'cs.xml',
        kind: 'csexport',
        size: bytes.length,
        head: bytes.subarray(0, 16),
        connectorId: null,
        connectorName: null,
      },
      pieceBytes,
      loader,
    )
  /** What each planned segment starts with, and whether the segments cover the file end to end. */
  const starts = (bytes: Uint8Array, planned: Awaited<ReturnType<typeof plan>>) => {
    planned.forEach((segment, index) => {
      expect(segment.job.start).toBe(index === 0 ? 0 : planned[index - 1]?.job.end)
    })
    expect(planned.at(-1)?.job.end).toBe(bytes.length)
    return planned
      .slice(1)
      .map((segment) => new TextDecoder().decode(bytes.subarray(segment.job.start, segment.job.start + 10)))
  }

  it('cuts at object starts near equal shares, reading a short window at each cut', async () => {
    const bytes = file(Array.from({ length: 400 }, () => 2000))
    const loader = reading(bytes)

    const planned = await plan(bytes, 100_000, loader)

    expect(planned).toHaveLength(8)
    expect(new Set(starts(bytes, planned))).toEqual(new Set(['<cs-object']))
    expect(planned.slice(1).map((segment) => segment.column)).toEqual(Array(7).fill(3))
    expect(loader.asked.every((read) => read.length === 64 << 10)).toBe(true)
  })

  it('reads the whole window where the short one holds no object start', async () => {
    // Objects of 300 KB: most cuts fall more than 64 KiB before the next object start.
    const bytes = file(Array.from({ length: 12 }, () => 300_000))
    const loader = reading(bytes)

    const planned = await plan(bytes, 600_000, loader)

    expect(planned).toHaveLength(6)
    expect(new Set(starts(bytes, planned))).toEqual(new Set(['<cs-object']))
    expect(loader.asked.some((read) => read.length === 1 << 20)).toBe(true)
  })

  it('drops a cut with no object start within the window, and one that falls inside the previous piece', async () => {
    // One object of 3 MB among small ones: the cuts inside it find nothing within 1 MiB, or the same start again.
    const bytes = file([1000, 1000, 3_000_000, 1000, 1000])
    const loader = reading(bytes)

    const planned = await plan(bytes, 500_000, loader)

    expect(planned).toHaveLength(2)
    expect(planned[1]?.job.start).toBe(new TextDecoder().decode(bytes).indexOf('<cs-object id="3"'))
    expect(starts(bytes, planned)).toEqual(['<cs-object'])
  })

  it('keeps a file that is not UTF-8 in one piece, reading nothing', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...file([100_000, 100_000])])
    const loader = reading(bytes)

    const planned = await plan(bytes, 50_000, loader)

    expect(planned).toHaveLength(1)
    expect(loader.asked).toEqual([])
  })
})

describe('line feeds', () => {
  const text = 'a\nbb\n\nccc\r\ndddd\n'.repeat(37)
  const bytes = new TextEncoder().encode(`x${text}`)

  it.each([0, 1, 2, 3, 5])('counts every line feed from byte %i, at any alignment', (from) => {
    const part = bytes.subarray(from)
    const expected = [...part].filter((byte) => byte === 10).length

    expect(countLineFeeds(part)).toBe(expected)
    expect(countLineFeeds(part.subarray(0, 7))).toBe(
      [...part.subarray(0, 7)].filter((byte) => byte === 10).length,
    )
  })

  it('counts the lines before each offset in one pass, in chunks of any size', async () => {
    const offsets = [0, 3, 40, 41, 500, bytes.length]
    const expected = offsets.map(
      (offset) => [...bytes.subarray(0, offset)].filter((byte) => byte === 10).length,
    )
    const read = async (start: number, length: number): Promise<Uint8Array> =>
      bytes.slice(start, start + length)

    expect([...(await lineFeedsBefore(read, offsets, 7)).values()]).toEqual(expected)
  })
})

describe('threadsWithinMemory', () => {
  it.each([
    [236e6, true, 2], // 10k objects: two threads measured 214 to 229 MB against 233
    [106e6, false, 1], // 10k without a metaverse export (and under AUTOMATIC_PARALLEL_MIN_BYTES)
    [1 << 30, true, 3],
    [2.354e9, true, 5], // 100k: five threads measured 870 MB, within the 974 MB budget; eight, 1,035 to 1,063 MB
    [7.068e9, true, 12], // 300k
    [23.5e9, true, 36], // 1m: more than any machine's readers (MAX_READERS caps them)
    [1.059e9, false, 2], // 100k without a metaverse export: two threads measured 492 to 519 MB against 521
    [3.187e9, false, 3], // 300k without one: three threads measured 1,173 MB against 1,266
    [0.4e9, false, 1],
  ])('lets a load of %d bytes (metaverse exported: %s) read with %i threads', (bytes, exported, threads) => {
    expect(threadsWithinMemory(bytes, exported)).toBe(threads)
  })
})

describe('SegmentClaims', () => {
  it('gives the loading thread the front and the readers the back until they meet', () => {
    const claims = new SegmentClaims(5)

    expect([claims.claimBack(), claims.claimFront(0), claims.claimFront(2), claims.claimFront(1)]).toEqual([
      4,
      true,
      false,
      true,
    ])
    expect([claims.claimBack(), claims.claimFront(2), claims.claimFront(3), claims.claimBack()]).toEqual([
      3,
      true,
      false,
      null,
    ])
  })
})

describe('release', () => {
  it('moves out the bytes of a joined segment that owns its buffer', () => {
    const bytes = new Uint8Array(1 << 16).fill(7)

    release(bytes)

    expect([bytes.byteLength, bytes.buffer.byteLength]).toEqual([0, 0])
  })

  it('leaves bytes that share their buffer with other data', () => {
    const buffer = new ArrayBuffer(64)
    const rest = new Uint8Array(buffer, 32).fill(9)
    for (const shared of [new Uint8Array(buffer, 0, 32), new Uint8Array(buffer, 32)]) {
      release(shared)
      expect(shared.byteLength).toBe(32)
    }
    expect(rest.every((value) => value === 9)).toBe(true)
  })

  it('leaves bytes already moved', () => {
    const bytes = new Uint8Array(8)
    release(bytes)

    expect(() => release(bytes)).not.toThrow()
  })
})
