/** `Buffer.prototype.latin1Slice` where the host is Node (the command, the app's workers); absent in a browser. */
type Latin1Slice = (this: Uint8Array, start: number, end: number) => string
const nativeLatin1Slice: Latin1Slice | null =
  (globalThis as { Buffer?: { prototype?: { latin1Slice?: Latin1Slice } } }).Buffer?.prototype?.latin1Slice ??
  null
/** Reads ASCII where there is no native slice: UTF-8 reads every ASCII byte as itself. */
const decoder = new TextDecoder('utf-8')

/** The string of `bytes[start, end)`, which must all be ASCII (below 0x80): one native copy, no checks. */
export function asciiSlice(bytes: Uint8Array, start: number, end: number): string {
  if (start === end) return ''
  if (nativeLatin1Slice !== null) return nativeLatin1Slice.call(bytes, start, end)
  return decoder.decode(bytes.subarray(start, end))
}
