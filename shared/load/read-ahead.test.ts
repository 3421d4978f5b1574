import { describe, expect, it } from 'vitest'
import { alternatingBuffers, readAhead } from './read-ahead'

const bytes = Uint8Array.from({ length: 100 }, (_, index) => index)

/** Reads of `bytes` that each wait for the test to settle them, recording what was asked and what settled. */
function heldReads() {
  const asked: number[] = []
  const settled: number[] = []
  const pending: (() => void)[] = []
  const read = (position: number, length: number): Promise<Uint8Array> =>
    new Promise((resolve) => {
      asked.push(position)
      pending.push(() => {
        settled.push(position)
        resolve(bytes.slice(position, position + length))
      })
    })
  const settleAll = async (): Promise<void> => {
    for (let turn = 0; turn < 20; turn += 1) {
      pending.splice(0).forEach((settle) => settle())
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }
  return { asked, settled, read, settleAll }
}

describe('readAhead', () => {
  it('hands out the range in chunks, the next one asked for before the current is handed out', async () => {
    const chunks: number[][] = []
    const askedWhenHanded: number[] = []
    const asked: number[] = []
    for await (const chunk of readAhead(
      (position, length) => {
        asked.push(position)
        return bytes.slice(position, position + length)
      },
      10,
      45,
      10,
    )) {
      chunks.push([chunk[0] ?? -1, chunk.length])
      askedWhenHanded.push(asked.length)
    }

    expect(chunks).toEqual([
      [10, 10],
      [20, 10],
      [30, 10],
      [40, 5],
    ])
    expect(askedWhenHanded).toEqual([2, 3, 4, 4])
  })

  it('ends at an empty chunk, as at the end of a shorter file', async () => {
    const seen: number[] = []
    for await (const chunk of readAhead(
      (position, length) => bytes.slice(position, position + length),
      90,
      200,
      8,
    ))
      seen.push(chunk.length)

    expect(seen).toEqual([8, 2])
  })

  it('lets the read in flight end before the loop does, when the caller breaks off or throws', async () => {
    for (const stop of ['break', 'throw'] as const) {
      const reads = heldReads()
      const loop = (async () => {
        for await (const chunk of readAhead(reads.read, 0, 100, 10)) {
          if (chunk[0] !== 0) continue
          if (stop === 'throw') throw new Error('cancelled')
          break
        }
      })()
      const ended = loop.then(
        () => [...reads.settled],
        () => [...reads.settled],
      )
      await reads.settleAll()

      // The chunk at 10 was asked for before the one at 0 was handed out, and had settled when the loop ended.
      expect(await ended).toEqual([0, 10])
      expect(reads.asked).toEqual([0, 10])
    }
  })
})

describe('alternatingBuffers', () => {
  it('hands out two buffers of the size in turn, so a chunk read ahead never lands in the one being scanned', async () => {
    const next = alternatingBuffers(8)
    const handed = [next(), next(), next(), next()]
    expect(handed.map((buffer) => buffer.byteLength)).toEqual([8, 8, 8, 8])
    expect(handed[0]).not.toBe(handed[1])
    expect(handed[2]).toBe(handed[0])
    expect(handed[3]).toBe(handed[1])

    // Read ahead through them, each chunk checked at its turn: every chunk is whole although both are reused.
    const buffer = alternatingBuffers(8)
    const seen: number[] = []
    for await (const chunk of readAhead(
      async (position, length) => {
        const into = buffer()
        into.set(bytes.subarray(position, position + length))
        return into.subarray(0, Math.min(length, bytes.length - position))
      },
      0,
      bytes.length,
      8,
    ))
      seen.push(...chunk)
    expect(seen).toEqual([...bytes])
  })
})
