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
    'CN=Ana Trujillo,OU=Sales,OU=Users,OU=Corp,DC=contoso,DC=com',
    'y'.repeat(256),
    'z'.repeat(257),
    `${'a'.repeat(200)}é`,
  ])("decodes %j, with Node's native slice and without it (a browser)", (text) => {
    expect(decodeWhole(new Utf8Decoder(), text)).toBe(text)
    expect(decodeWhole(new Utf8Decoder(null), text)).toBe(text)
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

  it.each([
    ['short', 'Zürich'],
    ['long', 'Zürich, Bahnhofstrasse 1, 8001 Zürich, Switzerland'],
  ])('keeps a U+FEFF that starts a %s value, every time it is read', (_, text) => {
    // Inside a value U+FEFF is a character; only a document's first bytes can be a byte-order mark.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)])
    for (const decoder of [new Utf8Decoder(), new Utf8Decoder(null)]) {
      expect(decoder.decode(bytes, 0, bytes.length)).toBe(`\uFEFF${text}`)
      expect(decoder.decode(bytes, 0, bytes.length)).toBe(`\uFEFF${text}`)
    }
  })

  it("decodes long values and invalid bytes alike with Node's native slice and with TextDecoder", () => {
    const native = new Utf8Decoder()
    const portable = new Utf8Decoder(null)
    const samples = [
      encode('CN=Zoë Ångström,OU=Users,OU=Zürich,DC=contoso,DC=com'),
      new Uint8Array([...encode('x'.repeat(40)), 0xff, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x98]),
      new Uint8Array([0xed, 0xa0, 0x80, ...encode('y'.repeat(40)), 0xf4, 0x90, 0x80, 0x80]),
    ]
    for (const bytes of samples) {
      expect(native.decode(bytes, 1, bytes.length)).toBe(portable.decode(bytes, 1, bytes.length))
    }
    expect(native.invalidValues).toBe(2)
    expect(portable.invalidValues).toBe(2)
  })
})
