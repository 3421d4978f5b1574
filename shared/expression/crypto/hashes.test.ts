import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToHex } from '../codec/hex'
import { sha1, sha256 } from './hashes'

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('sha1 and sha256', () => {
  it.each([
    [
      '',
      'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709',
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    ],
    [
      'abc',
      'A9993E364706816ABA3E25717850C26C9CD0D89D',
      'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
    ],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983E441C3BD26EBAAE4AA1F95129E5E54670F1',
      '248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1',
    ],
  ])('hash the FIPS 180 test message %j', (message, expectedSha1, expectedSha256) => {
    expect(bytesToHex(sha1(ascii(message)))).toBe(expectedSha1)
    expect(bytesToHex(sha256(ascii(message)))).toBe(expectedSha256)
  })

  it('agree with node:crypto on random data of every length around the block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(bytesToHex(sha1(data))).toBe(createHash('sha1').update(data).digest('hex').toUpperCase())
        expect(bytesToHex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex').toUpperCase())
      }),
      { numRuns: 300 },
    )
  })
})
