import { describe, expect, it } from 'vitest'
import {
  base64ToBytes,
  bracedLower,
  bracedUpper,
  bytesToBase64,
  guidText,
  randomGuid,
  sidBytes,
  sidText,
  stableGuid,
  utf16Base64,
  utf8Hex,
} from './identifiers'
import { createRandom } from './random'

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j and decodes it back', (text, base64) => {
    const bytes = new TextEncoder().encode(text)

    expect(bytesToBase64(bytes)).toBe(base64)
    expect(base64ToBytes(base64)).toEqual(bytes)
  })

  it('round-trips every byte value the same way Node does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index)

    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
  })
})

describe('GUIDs', () => {
  it('prints the Windows byte layout with the first three groups reversed', () => {
    const bytes = Uint8Array.from([
      0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    ])

    expect(guidText(bytes)).toBe('00112233-4455-6677-8899-aabbccddeeff')
  })

  it('makes random version 4 GUIDs and stable GUIDs per name', () => {
    const guid = randomGuid(createRandom(5))

    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(stableGuid('connector contoso.com')).toBe(stableGuid('connector contoso.com'))
    expect(stableGuid('connector contoso.com')).not.toBe(stableGuid('connector fabrikam.com'))
  })

  it('writes braces in the case each file uses', () => {
    expect(bracedUpper('ab-cd')).toBe('{AB-CD}')
    expect(bracedLower('AB-CD')).toBe('{ab-cd}')
  })
})

describe('SIDs', () => {
  it('encodes a domain account SID as the directory stores it', () => {
    const bytes = sidBytes(5, [21, 1, 2, 1104])

    expect(Array.from(bytes.subarray(0, 8))).toEqual([1, 4, 0, 0, 0, 0, 0, 5])
    expect(Array.from(bytes.subarray(20, 24))).toEqual([0x50, 0x04, 0, 0])
    expect(sidText(5, [21, 3318811921, 1, 1104])).toBe('S-1-5-21-3318811921-1-1104')
  })
})

describe('text encodings', () => {
  it('gives the upper-case UTF-8 hex ConvertToUTF8Hex returns, non-ASCII included', () => {
    expect(utf8Hex('Ab=')).toBe('41623D')
    expect(utf8Hex('ß')).toBe('C39F')
  })

  it('gives base64 of UTF-16LE for string anchors', () => {
    expect(utf16Base64('User_1')).toBe(Buffer.from('User_1', 'utf16le').toString('base64'))
  })
})
