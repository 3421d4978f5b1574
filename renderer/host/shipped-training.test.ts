import { beforeAll, describe, expect, it } from 'vitest'
import type { ByteOutput } from '../../shared/io/source'
import { loadSnapshot } from '../../shared/load/load-snapshot'
import { snapshotAnswers as answers } from '../../shared/load/testing/snapshot-answers'
import { generateTrainingSnapshot } from '../../shared/training/index'
import { joinedBytes } from '../../shared/store/testing/joined-bytes'
import { entryHeaderBytes, SHIPPED_TRAINING_MAGIC } from '../../shared/training/shipped-entry'
import { shippedTraining } from './worker-source'

// The browser build's worker reads the training snapshot from the entry the build shipped in the page's folder
// (scripts/ship-training.mjs), labelled with the worker script's file name.

const WORKER_URL = 'http://127.0.0.1:4173/assets/snapshot.worker-Ab12Cd34.js'
let entry: Uint8Array
let generated: unknown

/** A shipped file: the first line, a label, then the entry. */
function shipped(label: object, objects: Uint8Array = entry): Uint8Array {
  return joinedBytes([
    new TextEncoder().encode(`${SHIPPED_TRAINING_MAGIC}${JSON.stringify(label)}\n`),
    objects,
  ])
}

const ownLabel = { worker: 'snapshot.worker-Ab12Cd34.js', users: null, seed: null }

/** A fetch that serves `body` at the page's training.slstore, and records what was asked. */
function serving(body: Uint8Array | null, asked: string[] = []): (url: URL) => Promise<Response> {
  return (url) => {
    asked.push(url.href)
    return Promise.resolve(
      url.href === 'http://127.0.0.1:4173/training.slstore' && body !== null
        ? new Response(new Blob([body.slice()]))
        : new Response('not found', { status: 404 }),
    )
  }
}

beforeAll(async () => {
  // The entry as the command keeps it after a first open: its files' heads, then the store's binary form.
  const source = generateTrainingSnapshot()
  let produce: (() => ByteOutput) | null = null
  const loaded = await loadSnapshot({
    ...source,
    accelerators: { cache: { read: () => Promise.resolve(null), write: (made) => (produce = made) } },
  })
  generated = answers(loaded)
  const pieces = [await entryHeaderBytes(source)]
  // Each piece may be reused for the next: copied.
  for (const piece of (produce as unknown as () => ByteOutput)().pieces()) pieces.push(piece.slice())
  entry = joinedBytes(pieces)
}, 120_000)

describe('the training snapshot shipped with the browser build', () => {
  it('is fetched from the page folder and opens as the generated snapshot does', async () => {
    const asked: string[] = []
    const source = await shippedTraining(WORKER_URL, serving(shipped(ownLabel), asked))

    expect(asked).toEqual(['http://127.0.0.1:4173/training.slstore'])
    expect(source).not.toBeNull()
    expect(answers(await loadSnapshot(source!))).toEqual(generated)
  }, 60_000)

  it('is not used for another build of the worker, other options, a missing or broken file', async () => {
    const unused = async (body: Uint8Array | null): Promise<void> => {
      expect(await shippedTraining(WORKER_URL, serving(body))).toBeNull()
    }
    await unused(shipped({ ...ownLabel, worker: 'snapshot.worker-Zz99Yy88.js' }))
    await unused(shipped({ ...ownLabel, users: 40 }))
    await unused(shipped({ bundle: 'ab'.repeat(32), users: null, seed: null }))
    await unused(null)
    await unused(shipped(ownLabel, entry.subarray(0, 3)))
    await unused(new TextEncoder().encode('<html>not an entry</html>'))
    expect(await shippedTraining(WORKER_URL, () => Promise.reject(new TypeError('offline')))).toBeNull()
    // Where the worker runs outside a page (tests), there is no page folder to look in.
    expect(await shippedTraining(null)).toBeNull()
  })

  it('still opens, generated, when its objects are damaged', async () => {
    const source = await shippedTraining(
      WORKER_URL,
      serving(shipped(ownLabel, entry.subarray(0, entry.length - 1000))),
    )

    expect(answers(await loadSnapshot(source!))).toEqual(generated)
  }, 60_000)
})
