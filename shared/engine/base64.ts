const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Map([...ALPHABET].map((character, position) => [character, position]))

/** Decodes base64 (standard alphabet, padding optional, whitespace ignored); null when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '')
  if (clean.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let length = 0
  for (const character of clean) {
    const value = DECODE.get(character)
    if (value === undefined) return null
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[length++] = (buffer >> bits) & 0xff
    }
  }
  return bytes.subarray(0, length)
}

/** Encodes bytes as base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let text = ''
  for (let offset = 0; offset < bytes.length; offset += 3) {
    const a = bytes[offset] ?? 0
    const b = bytes[offset + 1] ?? 0
    const c = bytes[offset + 2] ?? 0
    const triple = (a << 16) | (b << 8) | c
    const remaining = bytes.length - offset
    text += ALPHABET[(triple >> 18) & 63]
    text += ALPHABET[(triple >> 12) & 63]
    text += remaining > 1 ? ALPHABET[(triple >> 6) & 63] : '='
    text += remaining > 2 ? ALPHABET[triple & 63] : '='
  }
  return text
}
