/** Text to bytes and back in the encodings the language names: Unicode (UTF-16LE), UTF8, ASCII. */

/** The encodings of ConvertFromBase64. */
export type TextEncodingOption = 'Unicode' | 'UTF8' | 'ASCII'

/** UTF-16LE bytes of a string (.NET `Encoding.Unicode`). */
export function encodeUtf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[i * 2] = code & 0xff
    bytes[i * 2 + 1] = code >> 8
  }
  return bytes
}

/** Decodes UTF-16LE; a trailing odd byte becomes U+FFFD as .NET does. */
export function decodeUtf16le(bytes: Uint8Array): string {
  const units: string[] = []
  const pairs = Math.floor(bytes.length / 2)
  let chunk = ''
  for (let i = 0; i < pairs; i++) {
    chunk += String.fromCharCode((bytes[i * 2] ?? 0) | ((bytes[i * 2 + 1] ?? 0) << 8))
    if (chunk.length >= 4096) {
      units.push(chunk)
      chunk = ''
    }
  }
  units.push(chunk)
  if (bytes.length % 2 === 1) units.push('\ufffd')
  return units.join('')
}

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** Decodes UTF-8; returns null for invalid sequences when `strict`, else replaces them with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, strict: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Decodes 7-bit ASCII; other bytes become "?" as .NET `Encoding.ASCII` does. */
export function decodeAscii(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : '?'
  return text
}

/** Decodes bytes in the named encoding (invalid UTF-8 becomes U+FFFD). */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingOption): string {
  switch (encoding) {
    case 'Unicode':
      return decodeUtf16le(bytes)
    case 'UTF8':
      return decodeUtf8(bytes, false) ?? ''
    case 'ASCII':
      return decodeAscii(bytes)
  }
}
