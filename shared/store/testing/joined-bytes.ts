/**
 * The bytes of `pieces` in one array. Each piece is copied as it comes, so pieces that hold only until the next is
 * asked for (a binary writer's reused buffer) join correctly.
 */
export function joinedBytes(pieces: Iterable<Uint8Array>): Uint8Array {
  const list = Array.from(pieces, (piece) => piece.slice())
  const out = new Uint8Array(list.reduce((sum, piece) => sum + piece.byteLength, 0))
  let offset = 0
  for (const piece of list) {
    out.set(piece, offset)
    offset += piece.byteLength
  }
  return out
}
