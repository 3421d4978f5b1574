/** Base64 (RFC 4648, standard alphabet) without platform helpers: shared/ has no atob/btoa. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/** Encodes bytes as padded base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const triple = (a << 16) | (b << 8) | c
    chunk +=
      ALPHABET.charAt((triple >> 18) & 63) +
      ALPHABET.charAt((triple >> 12) & 63) +
      (i + 1 < bytes.length ? ALPHABET.charAt((triple >> 6) & 63) : '=') +
      (i + 2 < bytes.length ? ALPHABET.charAt(triple & 63) : '=')
    if (chunk.length >= 4096) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

/**
 * Decodes base64; whitespace is ignored and missing padding is tolerated.
 * Returns null when the text is not base64.
 */
export function base64ToBytes(text: string): Uint8Array | null {
  const sextets: number[] = []
  let padding = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue
    if (code === 0x3d) {
      padding++
      continue
    }
    if (padding > 0) return null
    const value = code < 128 ? (DECODE_TABLE[code] ?? -1) : -1
    if (value < 0) return null
    sextets.push(value)
  }
  if (padding > 2 || sextets.length % 4 === 1) return null
  if (padding > 0 && (sextets.length + padding) % 4 !== 0) return null
  const bytes = new Uint8Array(Math.floor((sextets.length * 6) / 8))
  let out = 0
  for (let i = 0; i < sextets.length; i += 4) {
    const a = sextets[i] ?? 0
    const b = sextets[i + 1] ?? 0
    const c = sextets[i + 2] ?? 0
    const d = sextets[i + 3] ?? 0
    const quad = (a << 18) | (b << 12) | (c << 6) | d
    if (out < bytes.length) bytes[out++] = (quad >> 16) & 0xff
    if (out < bytes.length) bytes[out++] = (quad >> 8) & 0xff
    if (out < bytes.length) bytes[out++] = quad & 0xff
  }
  return bytes
}
