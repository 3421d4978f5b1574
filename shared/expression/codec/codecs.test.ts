import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../text/base64'
import { bytesToGuid, guidToBytes, randomGuid } from './guid'
import { bytesToHex, hexToBytes } from './hex'
import { sidToString, stringToSid } from './sid'
import { decodeAscii, decodeUtf16le, encodeUtf16le } from './text-encoding'

describe('base64', () => {
  it('round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = bytesToBase64(bytes)

        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(base64ToBytes(text)).toEqual(bytes)
      }),
    )
  })

  it.each([
    ['AQID', [1, 2, 3]],
    ['AQI=', [1, 2]],
    ['AQI', [1, 2]],
    [' AQ\r\nID ', [1, 2, 3]],
  ])('reads %j', (text, bytes) => {
    expect(base64ToBytes(text)).toEqual(new Uint8Array(bytes))
  })

  it.each(['A', 'AQ=I', '****', 'AQID====='])('rejects %j', (text) => {
    expect(base64ToBytes(text)).toBeNull()
  })
})

describe('GUID, SID, hex and text encodings', () => {
  it('round-trips GUIDs in .NET byte order', () => {
    const bytes = guidToBytes('{6F1BC185-65F9-4175-A31E-70FC975F464A}')

    expect(bytes && bytesToHex(bytes)).toBe('85C11B6FF9657541A31E70FC975F464A')
    expect(bytes && bytesToGuid(bytes)).toBe('6f1bc185-65f9-4175-a31e-70fc975f464a')
    expect(guidToBytes('{6F1BC185-65F9-4175-A31E-70FC975F464A')).toBeNull()
    expect(randomGuid(() => 0)).toBe('00000000-0000-4000-8000-000000000000')
  })

  it.each(['S-1-5-18', 'S-1-5-21-3623811015-3361044348-30300820-1013', 'S-1-0x123456789ABC-1'])(
    'round-trips the SID %s',
    (sid) => {
      const bytes = stringToSid(sid)

      expect(bytes && sidToString(bytes)).toBe(sid)
    },
  )

  it.each(['S-1', 'X-1-5', 'S-1-5-99999999999', 'S-1-5-a'])('rejects the SID text %j', (sid) => {
    expect(stringToSid(sid)).toBeNull()
  })

  it('reads hex and text encodings', () => {
    expect(hexToBytes('0aFF')).toEqual(new Uint8Array([10, 255]))
    expect(hexToBytes('0G')).toBeNull()
    expect(decodeUtf16le(encodeUtf16le('Ünïcode 😀'))).toBe('Ünïcode 😀')
    expect(decodeUtf16le(new Uint8Array([0x41, 0, 0x42]))).toBe('A\ufffd')
    expect(decodeAscii(new Uint8Array([0x41, 0xc3]))).toBe('A?')
  })
})
