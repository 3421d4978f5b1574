/**
 * 1 for a byte that character data reads as itself: ASCII but NUL, `&` (a reference starts there) and carriage
 * return (a line end is normalized). A run of such bytes is its own text, so it can be kept as bytes
 * (`XmlSink.asciiText`).
 */
export const PLAIN_ASCII: Uint8Array = (() => {
  const plain = new Uint8Array(256)
  for (let byte = 1; byte < 0x80; byte++) plain[byte] = 1
  plain[0x26] = 0
  plain[0x0d] = 0
  return plain
})()

/** Whether `bytes[start, end)` is plain ASCII (see PLAIN_ASCII). */
export function isPlainAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (PLAIN_ASCII[bytes[index]] === 0) return false
  return true
}
