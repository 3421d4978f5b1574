import { describe, expect, it } from 'vitest'
import type { SnapshotSource } from '../../shared/io/source'
import { type LoadedSnapshot, loadSnapshot } from '../../shared/load/load-snapshot'
import {
  BROWSER_PARALLEL_MIN_BYTES,
  type ReaderReply,
  readSegmentRange,
} from '../../shared/load/segment-pool'
import { snapshotAnswers } from '../../shared/load/testing/snapshot-answers'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { browserReaderCount, type BrowserSegmentRead, browserSegmentReaders } from './browser-segments'
import { blobSourceFile } from './worker-source'

// The browser build's segment readers, with Web Workers stood in for by objects that read in this thread, as
// segment-reader.worker.ts does (a Blob's range, in chunks, into a store segment handed back).

function answers(snapshot: LoadedSnapshot): unknown {
  return { issues: snapshot.issues, ...(snapshotAnswers(snapshot) as object) }
}

type Listener = (event: { data?: unknown; message?: string; preventDefault?: () => void }) => void

/** A stand-in for a reader Web Worker; `fail` makes it fail instead of reading (at start, or on its first read). */
class FakeReaderWorker {
  public readonly reads: BrowserSegmentRead[] = []
  public terminated = false
  private readonly listeners = new Map<string, Set<Listener>>()

  public constructor(private readonly fail: 'start' | 'read' | null = null) {
    // Ready before the load's own reading gets far: here it reads without waiting for a timer.
    queueMicrotask(() => {
      if (this.fail === 'start')
        this.emit('error', { message: 'could not start', preventDefault: () => undefined })
      else this.emit('message', { data: { kind: 'ready' } satisfies ReaderReply })
    })
  }

  public addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type)
    if (set === undefined) this.listeners.set(type, (set = new Set()))
    set.add(listener)
  }

  public removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener)
  }

  public postMessage(message: BrowserSegmentRead): void {
    this.reads.push(message)
    void message.file.arrayBuffer().then((buffer) => {
      if (this.terminated) return
      if (this.fail === 'read') {
        this.emit('error', { message: 'crashed', preventDefault: () => undefined })
        return
      }
      const bytes = new Uint8Array(buffer)
      void readSegmentRange(
        message.job,
        1 << 16,
        (position, length) => bytes.slice(position, position + length),
        (reply) => this.emit('message', { data: reply }),
      )
    })
  }

  public terminate(): void {
    this.terminated = true
  }

  private emit(type: string, event: Parameters<Listener>[0]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event)
  }
}

// About 20 MB of object files: more than the 16 MiB from which an asked-for count splits a load.
const training = generateTrainingSnapshot({ users: 780 })
const blobs = new Map<string, Blob>()
for (const file of training.files) blobs.set(file.path, new Blob([(await file.readAll()).slice()]))
const picked: SnapshotSource = {
  name: 'picked',
  files: [...blobs].map(([path, blob]) => blobSourceFile(path, blob)),
}
const serial = answers(await loadSnapshot(picked))

async function loadWith(workers: (() => FakeReaderWorker)[]): Promise<unknown> {
  let started = 0
  const segments = browserSegmentReaders(blobs, workers.length + 1, true, () => {
    const worker = workers[started++]?.()
    if (worker === undefined) throw new Error('no more workers')
    return worker as unknown as Worker
  })
  return answers(await loadSnapshot({ ...picked, accelerators: { segments } }))
}

describe('segment readers in Web Workers', () => {
  it('read ranges of the picked files and load what one thread loads, ending every worker', async () => {
    const workers: FakeReaderWorker[] = []
    const made = (): FakeReaderWorker => {
      const worker = new FakeReaderWorker()
      workers.push(worker)
      return worker
    }
    expect(await loadWith([made, made])).toEqual(serial)

    const read = workers.flatMap((worker) => worker.reads)
    expect(read.length).toBeGreaterThan(0)
    expect(read.every(({ job, file }) => blobs.get(job.path) === file && job.end > job.start)).toBe(true)
    expect(workers.every((worker) => worker.terminated)).toBe(true)
  }, 60_000)

  it('leave the reading to the others when a worker cannot start, fails to start or fails to read', async () => {
    const failing = [
      () => new FakeReaderWorker('start'),
      () => new FakeReaderWorker('read'),
      () => {
        throw new Error('Worker is not defined')
      },
    ]
    expect(await loadWith(failing)).toEqual(serial)
    expect(await loadWith([...failing, () => new FakeReaderWorker()])).toEqual(serial)
  }, 60_000)

  it('count the threads asked for, else one per core up to eight, and split only large loads unasked', () => {
    expect(browserReaderCount(3, 16)).toBe(3)
    expect(browserReaderCount(null, 4)).toBe(4)
    expect(browserReaderCount(null, 32)).toBe(8)
    expect(browserReaderCount(null, undefined)).toBe(1)
    expect(browserSegmentReaders(blobs, 4, false).minTotalBytes).toBe(BROWSER_PARALLEL_MIN_BYTES)
    expect(browserSegmentReaders(blobs, 4, true).minTotalBytes).toBeUndefined()
    expect(browserSegmentReaders(blobs, 4, false).automatic).toBe(true)
    expect(browserSegmentReaders(blobs, 4, true).automatic).toBeUndefined()
  })
})
