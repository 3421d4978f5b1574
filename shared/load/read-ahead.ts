/** Reads `length` bytes from `position`, or fewer at the end of the file: at once, or as a promise. */
export type ReadChunk = (position: number, length: number) => Uint8Array | Promise<Uint8Array>

/**
 * The chunks of `[from, to)`, at most `chunkBytes` each, read one ahead: the next chunk is asked for before the
 * current one is handed out, so that a read from disk goes on while the caller scans. So `read` may reuse a chunk's
 * buffer from the call after next on (two buffers taking turns), where the caller keeps nothing of a chunk past its
 * turn. Ends at `to`, or at an empty chunk (the file is shorter). However the caller stops (it breaks off, or throws),
 * a read still in flight has ended before the loop does, so that the file may be closed after it.
 */
export async function* readAhead(
  read: ReadChunk,
  from: number,
  to: number,
  chunkBytes: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  const ask = (at: number): Uint8Array | Promise<Uint8Array> | null =>
    at < to ? read(at, Math.min(chunkBytes, to - at)) : null
  let next = ask(from)
  try {
    for (let at = from; next !== null;) {
      const chunk = await next
      next = null
      if (chunk.byteLength === 0) return
      at += chunk.byteLength
      next = ask(at)
      yield chunk
    }
  } finally {
    if (next !== null) await Promise.resolve(next).catch(() => undefined)
  }
}

/**
 * Two buffers of `bytes` taking turns, each call handing out the other one: what a `readAhead` read may read into,
 * where the caller keeps nothing of a chunk past its turn (a new buffer per chunk costs fresh pages every time).
 */
export function alternatingBuffers(bytes: number): () => Uint8Array {
  const buffers = [new Uint8Array(bytes), new Uint8Array(bytes)] as const
  let turn = 0
  return () => buffers[(turn ^= 1)]
}
