import { describe, expect, it } from 'vitest'
import type { SegmentJob, SegmentOutcome } from '../io/source'
import { type ReaderReply, type ReaderThread, SegmentReaderPool } from './segment-pool'

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
