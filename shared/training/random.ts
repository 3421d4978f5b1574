/**
 * A small seeded pseudo-random generator (mulberry32), so that the training snapshot is the same
 * for the same seed on every machine and every run.
 */

/** Draws deterministic pseudo-random values. */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number
  /** True with probability `probability`. */
  chance(probability: number): boolean
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** `count` random bytes. */
  bytes(count: number): Uint8Array
}

/** The mulberry32 generator: 32 bits of state, good spread, tiny and fast. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/** A Random over mulberry32 with the given 32-bit seed. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive)
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)]
      if (item === undefined) throw new RangeError('pick() needs a non-empty list.')
      return item
    },
    bytes: (count) => {
      const bytes = new Uint8Array(count)
      for (let index = 0; index < count; index++) bytes[index] = int(256)
      return bytes
    },
  }
}

/**
 * Mixes a seed with labels into a new 32-bit seed (FNV-1a over the parts).
 *
 * Every object draws from its own stream (`mixSeed(seed, 'user', 17)`), so object 17 is the same
 * whether 20 or 200,000 objects are generated, and objects can be produced in any order.
 */
export function mixSeed(...parts: readonly (number | string)[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193)
    }
  }
  return hash >>> 0
}

/** A Random for one labelled stream of a seed. */
export function streamFor(seed: number, ...labels: readonly (number | string)[]): Random {
  // eslint-disable-next-line no-restricted-syntax -- the few labels of a call site, never a list
  return createRandom(mixSeed(seed, ...labels))
}
