import { describe, expect, it } from 'vitest'
import { Utf8Decoder } from './utf8-decoder'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

function decodeWhole(decoder: Utf8Decoder, text: string): string {
  const bytes = encode(text)
  return decoder.decode(bytes, 0, bytes.length)
}

describe('Utf8Decoder', () => {
  it.each([
    '',
    'a',
    'string',
    'false',
    'exactly-thirty-two-bytes-long-ok',
    'été',
    '𝄞',
    'x'.repeat(33),
    'é'.repeat(40),
  ])('decodes %j', (text) => {
    expect(decodeWhole(new Utf8Decoder(), text)).toBe(text)
  })

  it('decodes a range in the middle of a buffer', () => {
    const bytes = encode('<attr name="displayName">')

    expect(new Utf8Decoder().decode(bytes, 12, 23)).toBe('displayName')
  })

  it('returns the right string when many short values share cache slots', () => {
    const decoder = new Utf8Decoder()
    const values = Array.from({ length: 20000 }, (_, index) => `v${index.toString(36)}`)

    for (let round = 0; round < 2; round++) {
      for (const value of values) expect(decodeWhole(decoder, value)).toBe(value)
    }
  })

  it('replaces invalid UTF-8 with U+FFFD', () => {
    expect(new Utf8Decoder().decode(new Uint8Array([0x61, 0xff, 0x62]), 0, 3)).toBe('a\uFFFDb')
  })

  it('returns the right string for short non-ASCII values that repeat and share cache slots', () => {
    const decoder = new Utf8Decoder()
    const values = Array.from({ length: 20000 }, (_, index) => `Zü${index.toString(36)}é`)

    for (let round = 0; round < 2; round++) {
      for (const value of values) expect(decodeWhole(decoder, value)).toBe(value)
    }
    expect(decoder.invalidValues).toBe(0)
  })

  it('counts a short value with invalid bytes every time it is read', () => {
    const decoder = new Utf8Decoder()
    const bytes = new Uint8Array([0x5a, 0xc3, 0x28, 0x72])

    for (let round = 0; round < 3; round++) expect(decoder.decode(bytes, 0, bytes.length)).toBe('Z\uFFFD(r')
    expect(decoder.invalidValues).toBe(3)
  })

  it('reads a short value that starts with a byte order mark the same way every time', () => {
    const decoder = new Utf8Decoder()
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Zürich')])
    const first = decoder.decode(bytes, 0, bytes.length)

    expect(first).toBe(new TextDecoder().decode(bytes))
    expect(decoder.decode(bytes, 0, bytes.length)).toBe(first)
  })
})
