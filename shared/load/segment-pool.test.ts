import { describe, expect, it } from 'vitest'
import type { SegmentJob, SegmentOutcome } from '../io/source'
import { generateTrainingSnapshot } from '../training/index'
import { type ReaderReply, type ReaderThread, readSegmentRange, SegmentReaderPool } from './segment-pool'

/** A thread the test drives: it says what it is told to, and records what it was sent. */
class FakeThread implements ReaderThread<SegmentJob> {
  public readonly sent: SegmentJob[] = []
  public terminated = false
  private readonly listeners = new Set<{
    reply: (reply: ReaderReply) => void
    error: (error: Error) => void
  }>()

  public post(message: SegmentJob): void {
    this.sent.push(message)
  }

  public listen(onReply: (reply: ReaderReply) => void, onError: (error: Error) => void): () => void {
    const listener = { reply: onReply, error: onError }
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  public terminate(): void {
    this.terminated = true
  }

  public say(reply: ReaderReply): void {
    for (const listener of [...this.listeners]) listener.reply(reply)
  }

  public fail(): void {
    for (const listener of [...this.listeners]) listener.error(new Error('the thread ran out of memory'))
  }
}

const job = (start: number): SegmentJob => ({
  path: 'ConnectorSpaces/a.xml',
  kind: 'csexport',
  start,
  end: start + 10,
  connectorId: null,
  connectorName: null,
  startsInside: true,
  endsInside: true,
})

const outcome: SegmentOutcome = {
  store: new Uint8Array(0),
  objects: 0,
  issues: [],
  clean: true,
  invalidTextValues: 0,
}

describe('the segment reader pool', () => {
  it('hands a segment to a thread once it is ready and idle, and the next one when it is done', async () => {
    const thread = new FakeThread()
    const pool = new SegmentReaderPool<SegmentJob>([thread], (segment) => segment)
    const jobs = [job(0), job(10)]
    const first = pool.read(
      () => jobs.shift() ?? null,
      () => undefined,
    )
    const second = pool.read(
      () => jobs.shift() ?? null,
      () => undefined,
    )
    expect(thread.sent).toEqual([])

    thread.say({ kind: 'ready' })
    expect(thread.sent).toEqual([job(0)])
    thread.say({ kind: 'done', outcome })
    await expect(first).resolves.toBe(outcome)
    expect(thread.sent).toEqual([job(0), job(10)])
    thread.say({ kind: 'failed', message: 'not XML' })
    await expect(second).rejects.toThrow('not XML')

    // Nothing left: the thread ends at once, and the read resolves null.
    await expect(
      pool.read(
        () => null,
        () => undefined,
      ),
    ).resolves.toBeNull()
    expect(thread.terminated).toBe(true)
  })

  it('never hands a segment to a thread that failed while idle', async () => {
    const failing = new FakeThread()
    const working = new FakeThread()
    const pool = new SegmentReaderPool<SegmentJob>([failing, working], (segment) => segment)
    // The last ready is the first asked: the failed one, were it not dropped.
    working.say({ kind: 'ready' })
    failing.say({ kind: 'ready' })
    failing.fail()

    const read = pool.read(
      () => job(0),
      () => undefined,
    )
    expect(failing.sent).toEqual([])
    expect(working.sent).toEqual([job(0)])
    working.say({ kind: 'done', outcome })
    await expect(read).resolves.toBe(outcome)

    working.fail()
    let taken = false
    await expect(
      pool.read(
        () => {
          taken = true
          return job(10)
        },
        () => undefined,
      ),
    ).resolves.toBeNull()
    expect(taken).toBe(false)
  })

  it('fails the read of a thread that fails while reading, and leaves the waiting reads to the others', async () => {
    const threads = [new FakeThread(), new FakeThread()]
    const pool = new SegmentReaderPool<SegmentJob>(threads, (segment) => segment)
    for (const thread of threads) thread.say({ kind: 'ready' })
    const first = pool.read(
      () => job(0),
      () => undefined,
    )
    const second = pool.read(
      () => job(10),
      () => undefined,
    )
    const reading = (start: number): FakeThread | undefined =>
      threads.find((thread) => thread.sent.some((sent) => sent.start === start))
    reading(10)?.fail()
    await expect(second).rejects.toThrow('out of memory')
    reading(0)?.say({ kind: 'done', outcome })
    await expect(first).resolves.toBe(outcome)

    pool.close()
    expect(reading(0)?.terminated).toBe(true)
    await expect(
      pool.read(
        () => job(20),
        () => undefined,
      ),
    ).rejects.toThrow('closed')
  })
})

const connectorSpace = generateTrainingSnapshot({ users: 60 }).files.find((entry) =>
  entry.path.startsWith('ConnectorSpaces/'),
)
if (connectorSpace === undefined) throw new Error('the training snapshot has no connector space')
const bytes = await connectorSpace.readAll()

describe('reading a segment in a reader thread', () => {
  const whole: SegmentJob = { ...job(0), end: bytes.length, startsInside: false, endsInside: false }
  const chunkBytes = 4096

  /** Reads `target` with `readChunk` and gives back the replies, in order. */
  const replies = async (
    target: SegmentJob,
    readChunk: (position: number, length: number) => Uint8Array | Promise<Uint8Array>,
  ): Promise<ReaderReply[]> => {
    const heard: ReaderReply[] = []
    await readSegmentRange(target, chunkBytes, readChunk, (reply) => heard.push(reply))
    return heard
  }
  const done = (heard: readonly ReaderReply[]): SegmentOutcome => {
    const last = heard.at(-1)
    if (last?.kind !== 'done') throw new Error(`the read ended with ${JSON.stringify(last)}`)
    return last.outcome
  }

  it('reads the same from chunks given at once, as promises, or in two buffers taking turns', async () => {
    const atOnce = done(await replies(whole, (at, length) => bytes.slice(at, at + length)))
    const later = done(await replies(whole, async (at, length) => bytes.slice(at, at + length)))
    // Each call writes over the buffer of the call before last, as the command's reader threads do.
    const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)]
    let turn = 0
    const reused = done(
      await replies(whole, async (at, length) => {
        const buffer = buffers[turn] ?? new Uint8Array(0)
        turn ^= 1
        buffer.set(bytes.subarray(at, at + length))
        return buffer.subarray(0, Math.min(length, bytes.length - at))
      }),
    )

    expect(atOnce.objects).toBeGreaterThan(60)
    expect(atOnce.clean).toBe(true)
    expect(later).toEqual(atOnce)
    expect(reused).toEqual(atOnce)
  })

  it('asks for the next chunk before it scans the one it has', async () => {
    const clean = done(await replies(whole, (at, length) => bytes.slice(at, at + length)))
    // Blanks out each chunk when the next is asked for: only a chunk scanned after that ask reads as blanks.
    let previous: Uint8Array | null = null
    const blanked = done(
      await replies(whole, (at, length) => {
        previous?.fill(0x20)
        previous = bytes.slice(at, at + length)
        return previous
      }),
    )

    expect(blanked).not.toEqual(clean)
    expect(blanked.clean).toBe(false)
  })

  it('keeps one read ahead, no more', async () => {
    const asked: number[] = []
    const pending: (() => void)[] = []
    const reading = replies(
      whole,
      (at, length) =>
        new Promise<Uint8Array>((resolve) => {
          asked.push(at)
          pending.push(() => resolve(bytes.slice(at, at + length)))
        }),
    )
    await Promise.resolve()
    expect(asked).toEqual([0])

    pending.shift()?.()
    await new Promise((resolve) => setTimeout(resolve, 0))

    expect(asked).toEqual([0, chunkBytes])
    while (pending.length > 0) {
      pending.shift()?.()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    expect(done(await reading).clean).toBe(true)
  })

  it('replies once the read in flight is over, when the segment fails', async () => {
    const broken = new TextEncoder().encode('<cs-objects><cs-object id="1"></wrong>')
    const target: SegmentJob = { ...whole, end: 10 * chunkBytes }
    let settle: (() => void) | null = null
    const heard: ReaderReply[] = []
    const reading = readSegmentRange(
      target,
      chunkBytes,
      (at) => {
        if (at === 0) return broken
        return new Promise<Uint8Array>((resolve) => {
          settle = () => resolve(new Uint8Array(0))
        })
      },
      (reply) => heard.push(reply),
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(heard).toEqual([])

    ;(settle as (() => void) | null)?.()
    await reading

    expect(heard).toHaveLength(1)
    expect(done(heard).clean).toBe(false)
  })

  it('replies that it failed when a chunk cannot be read', async () => {
    const heard = await replies(whole, (at, length) =>
      at === 0 ? bytes.slice(0, length) : Promise.reject(new Error('EIO: i/o error, read')),
    )

    expect(heard.at(-1)).toEqual({ kind: 'failed', message: 'EIO: i/o error, read' })
  })
})
