/** Prefix length that `hashText` reads: enough to tell DNs apart, bounded for very long values. */
const HASHED_CHARS = 96

/** FNV-1a over the first characters of a string and its length, as an unsigned 32-bit integer. */
export function hashText(text: string, from = 0, to = text.length): number {
  let hash = 0x811c9dc5 ^ (to - from)
  const end = Math.min(to, from + HASHED_CHARS)
  for (let index = from; index < end; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  }
  return hash >>> 0
}
