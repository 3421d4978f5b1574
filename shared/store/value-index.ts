import { foldCase } from '../text/fold'
import type { TextPool } from './text-pool'

/**
 * The indexes of a sealed pool's strings, ordered by folded value (equal values by index): Equals and Starts with
 * become two binary searches. Four bytes per value; built in one go.
 */
export function buildSortedIndex(pool: TextPool): Uint32Array {
  return new SortedIndexBuild(pool).finish()
}

/** Values sorted at once before merging: a run sorts in a few milliseconds, so a step stays short. */
const RUN_LENGTH = 2048
/** Values merged between two looks at the clock. */
const MERGE_STEP = 8192

/** Where an index build is: folding the values, sorting runs of them, or merging sorted runs. */
type BuildPhase = 'fold' | 'runs' | 'merge' | 'done'

/**
 * A sorted index built in steps that each take a few milliseconds, so that a worker can build it between its
 * messages (a request that arrives meanwhile is answered after the current step, not after the whole build).
 * Runs of values are sorted, then merged pairwise, pass by pass; ties keep index order, so the result is the
 * same as one stable sort. `finish` completes whatever is left at once.
 */
export class SortedIndexBuild {
  private phase: BuildPhase = 'fold'
  private keys: string[]
  private readonly count: number
  private chunk = 0
  private from: Uint32Array
  private to: Uint32Array
  /** Runs: the next run to sort. Merge: the width of the runs being merged and where the merge stands. */
  private position = 0
  private width = RUN_LENGTH
  private left = 0
  private right = 0
  private out = 0

  public constructor(private readonly pool: TextPool) {
    this.count = pool.length
    this.keys = new Array<string>(pool.length)
    this.from = new Uint32Array(pool.length)
    this.to = new Uint32Array(0)
  }

  /** Number of values the index covers (the pool's length when the build started). */
  public get length(): number {
    return this.count
  }

  /** Works until the index is complete or `overdue` says to stop; returns the index once complete. */
  public step(overdue: () => boolean): Uint32Array | null {
    while (!this.done) {
      this.advance()
      if (!this.done && overdue()) return null
    }
    return this.from
  }

  /** Whether the index is complete. */
  public get done(): boolean {
    return this.phase === 'done'
  }

  /** Completes the build now. */
  public finish(): Uint32Array {
    return this.step(() => false) ?? this.from
  }

  /** One bounded unit of work: one chunk folded, one run sorted, or part of one merge. */
  private advance(): void {
    switch (this.phase) {
      case 'fold':
        this.foldChunk()
        return
      case 'runs':
        this.sortRun()
        return
      case 'merge':
        this.mergeSome()
        return
      case 'done':
        return
    }
  }

  /** Folds one chunk: most keys become slices of one folded chunk. */
  private foldChunk(): void {
    const chunks = this.pool.chunks()
    const chunk = chunks[this.chunk]
    if (chunk === undefined) {
      for (let index = 0; index < this.from.length; index += 1) this.from[index] = index
      this.phase = 'runs'
      return
    }
    const text = foldCase(chunk.text)
    const sameLength = text.length === chunk.text.length
    const last = Math.min(chunk.first + chunk.count, this.count)
    for (let index = chunk.first; index < last; index += 1) {
      const start = this.pool.start(index)
      const end = this.pool.end(chunk, index)
      this.keys[index] = sameLength ? text.slice(start, end) : foldCase(chunk.text.slice(start, end))
    }
    this.chunk += 1
  }

  private sortRun(): void {
    const length = this.from.length
    if (this.position >= length) {
      if (this.width >= length) this.complete()
      else {
        this.phase = 'merge'
        this.to = new Uint32Array(length)
        this.startMerge(0)
      }
      return
    }
    const keys = this.keys
    this.from.subarray(this.position, Math.min(length, this.position + RUN_LENGTH)).sort((left, right) => {
      const a = keys[left] ?? ''
      const b = keys[right] ?? ''
      return a < b ? -1 : a > b ? 1 : left - right
    })
    this.position += RUN_LENGTH
  }

  /** Starts merging the two runs of the current width that begin at `start`. */
  private startMerge(start: number): void {
    this.position = start
    this.left = start
    this.right = Math.min(this.from.length, start + this.width)
    this.out = start
  }

  /**
   * Merges up to MERGE_STEP values of the current pair of runs. The left run holds lower indexes than the right,
   * so taking the left value on a tie keeps equal values in index order.
   */
  private mergeSome(): void {
    const { keys, from, to } = this
    const length = from.length
    const middle = Math.min(length, this.position + this.width)
    const end = Math.min(length, this.position + 2 * this.width)
    const stop = Math.min(end, this.out + MERGE_STEP)
    let { left, right, out } = this
    while (out < stop) {
      if (
        right >= end ||
        (left < middle && (keys[from[left] ?? 0] ?? '') <= (keys[from[right] ?? 0] ?? ''))
      ) {
        to[out++] = from[left++] ?? 0
      } else to[out++] = from[right++] ?? 0
    }
    this.left = left
    this.right = right
    this.out = out
    if (out < end) return
    if (end < length) {
      this.startMerge(end)
      return
    }
    // A pass is complete: the merged runs are twice as wide.
    this.from = to
    this.to = from
    this.width *= 2
    if (this.width >= length) this.complete()
    else this.startMerge(0)
  }

  /** The index is in `from`; the keys and the spare buffer go. */
  private complete(): void {
    this.phase = 'done'
    this.to = new Uint32Array(0)
    this.keys = []
  }
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
