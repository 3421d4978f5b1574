import { foldCase } from '../text/fold'
import type { TextPool } from './text-pool'

/**
 * The indexes of a sealed pool's strings, ordered by folded value: Equals and Starts with become two
 * binary searches. Four bytes per value; built on the first search that needs it.
 */
export function buildSortedIndex(pool: TextPool): Uint32Array {
  const keys = foldedValues(pool)
  const order = Array.from({ length: keys.length }, (_, index) => index)
  order.sort((left, right) => {
    const a = keys[left] ?? ''
    const b = keys[right] ?? ''
    return a < b ? -1 : a > b ? 1 : left - right
  })
  return Uint32Array.from(order)
}

/** Every string of a sealed pool, folded; chunk by chunk, so that most keys are slices of one folded chunk. */
function foldedValues(pool: TextPool): string[] {
  const keys = new Array<string>(pool.length)
  for (const chunk of pool.chunks()) {
    const text = foldCase(chunk.text)
    const sameLength = text.length === chunk.text.length
    for (let index = chunk.first; index < chunk.first + chunk.count; index += 1) {
      const start = pool.start(index)
      const end = pool.end(chunk, index)
      keys[index] = sameLength ? text.slice(start, end) : foldCase(chunk.text.slice(start, end))
    }
  }
  return keys
}

/**
 * The positions [start, end) in a sorted index whose values equal the needle, or start with it,
 * compared folded.
 */
export function sortedRange(
  pool: TextPool,
  index: Uint32Array,
  needle: string,
  match: 'equals' | 'starts-with',
): readonly [number, number] {
  const folded = foldCase(needle)
  const keyAt = (position: number): string => foldCase(pool.get(index[position] ?? 0))
  const start = firstPosition(index.length, (position) => keyAt(position) >= folded)
  const end = firstPosition(index.length, (position) => {
    const key = keyAt(position)
    return match === 'equals' ? key > folded : key > folded && !key.startsWith(folded)
  })
  return [start, Math.max(start, end)]
}

/** The first position in [0, length) where a monotone predicate holds, or `length`. */
function firstPosition(length: number, holds: (position: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (holds(middle)) high = middle
    else low = middle + 1
  }
  return low
}
