import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

const GUID_BYTES = new Uint8Array([
  0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
])
const SID_BYTES = new Uint8Array([
  1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 0x15, 0xcd, 0x5b, 0x07, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
  0xf4, 0x01, 0x00, 0x00,
])

describe('conversion functions', () => {
  it.each([
    ['CBool(1)', true],
    ['CBool(0)', false],
    ['CBool("TRUE")', true],
    ['CBool("false")', false],
    ['CBool(1 = 1)', true],
    ['CBool(NULL)', 'null'],
    ['CNum("42")', 42],
    ['CNum(" -7 ")', -7],
    ['CNum("&HFF")', 255],
    ['CNum(True)', 1],
    ['CStr(12)', '12'],
    ['CStr(True)', 'True'],
    ['CStr(CRef("cn=Joe,dc=contoso,dc=com"))', 'cn=Joe,dc=contoso,dc=com'],
    ['CStr(DateFromNum(129699324000000000))', '01/01/2012 23:00:00'],
    ['ConvertFromBase64("SABlAGwAbABvACAAdwBvAHIAbABkACEA")', 'Hello world!'],
    ['ConvertFromBase64("SGVsbG8gd29ybGQh", UTF8)', 'Hello world!'],
    ['ConvertFromBase64("SGVsbG8gd29ybGQh", ASCII)', 'Hello world!'],
    ['ConvertFromBase64("SGVsbG8gd29ybGQh", "UTF8")', 'Hello world!'],
    ['ConvertToBase64("Hello world!")', 'SABlAGwAbABvACAAdwBvAHIAbABkACEA'],
    ['ConvertToUTF8Hex("Hello world!")', '48656C6C6F20776F726C6421'],
    ['ConvertFromUTF8Hex("48656C6C6F20776F726C6421")', 'Hello world!'],
    ['ConvertFromUTF8Hex(ConvertToUTF8Hex("Müller €"))', 'Müller €'],
    ['StringFromGuid(CGuid("00112233-4455-6677-8899-aabbccddeeff"))', '00112233-4455-6677-8899-aabbccddeeff'],
    [
      'StringFromGuid(CGuid("{00112233-4455-6677-8899-AABBCCDDEEFF}"))',
      '00112233-4455-6677-8899-aabbccddeeff',
    ],
    ['SidFromString("S-1-5-32-544")', new Uint8Array([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0])],
    ['StringFromSid(SidFromString("S-1-5-21-1-2-3-500"))', 'S-1-5-21-1-2-3-500'],
    ['ConvertToBinaryFromBase64("AQID")', new Uint8Array([1, 2, 3])],
    ['CBin(2,1)', new Uint8Array([2])],
    ['CBin(32,2)', new Uint8Array([32, 0])],
    ['CBin(-1,2)', new Uint8Array([255, 255])],
    ['Len(Thumbprint(CBin(1,1)))', 32],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression)).toEqual(expected)
  })

  it('CGuid stores the first three groups little-endian, as .NET and AD do', () => {
    expect(valueOf('CGuid("00112233-4455-6677-8899-aabbccddeeff")')).toEqual(GUID_BYTES)
  })

  it('StringFromGuid reads an objectGUID as ADUC shows it', () => {
    expect(valueOf('StringFromGuid([objectGUID])', { attributes: { objectGUID: GUID_BYTES } })).toBe(
      '00112233-4455-6677-8899-aabbccddeeff',
    )
  })

  it('StringFromSid formats a domain SID', () => {
    expect(valueOf('StringFromSid([objectSid])', { attributes: { objectSid: SID_BYTES } })).toBe(
      'S-1-5-21-123456789-67305985-134678021-500',
    )
  })

  it('ConvertToBase64 encodes the bytes of a binary value, as the sourceAnchor rule needs', () => {
    expect(valueOf('ConvertToBase64([objectGUID])', { attributes: { objectGUID: GUID_BYTES } })).toBe(
      'MyIRAFVEd2aImaq7zN3u/w==',
    )
  })

  it('Thumbprint hashes binary with SHA-256', () => {
    const value = valueOf('ConvertToUTF8Hex(Thumbprint([key]))', {
      attributes: { key: new Uint8Array([0x61, 0x62, 0x63]) },
    })

    expect(value).toBe('BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD')
  })

  it('CRef makes a reference that DNComponent reads', () => {
    expect(valueOf('CRef("CN=x,DC=y")')).toEqual({ kind: 'reference', dn: 'CN=x,DC=y' })
  })

  it.each([
    ['CNum("abc")', 'CNum expects a number but got string "abc"'],
    ['CNum("1.5")', 'expects a number'],
    ['CBool("maybe")', 'CBool expects a boolean'],
    ['CStr([bin])', 'CStr expects a string but got binary'],
    ['CGuid("not-a-guid")', 'is not a GUID'],
    ['StringFromGuid(CBin(1,2))', 'needs 16 bytes'],
    ['StringFromSid(CBin(1,2))', 'not a security identifier'],
    ['SidFromString("X-1")', 'is not a SID'],
    ['ConvertFromBase64("***")', 'not valid base64'],
    ['ConvertFromBase64("AA==", "EBCDIC")', 'Unicode, UTF8 or ASCII'],
    ['ConvertFromUTF8Hex("ABC")', 'even number of hex digits'],
    ['ConvertFromUTF8Hex("FF")', 'not valid UTF-8'],
    ['CBin(1, 9)', 'byte count must be 1 to 8'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression, { attributes: { bin: new Uint8Array([1]) } })).toContain(fragment)
  })
})
