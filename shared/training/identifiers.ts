/** Identifiers and binary values as directories write them: GUIDs, SIDs, base64, UTF-8 hex. */
import { bytesToGuid } from '../expression/codec/guid'
import { base64ToBytes as decodeBase64, bytesToBase64 } from '../text/base64'
import { createRandom, mixSeed, type Random } from './random'

export { bytesToBase64 }

/** Bytes of standard base64 text the generator wrote (it never decodes anything else). */
export function base64ToBytes(text: string): Uint8Array {
  const bytes = decodeBase64(text)
  if (bytes === null) throw new Error(`Not base64: ${text.slice(0, 40)}`)
  return bytes
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function hex(byte: number): string {
  return HEX[byte] ?? '00'
}

/** Upper-case hex of the UTF-8 bytes of a text, as `ConvertToUTF8Hex` returns it. */
export function utf8Hex(text: string): string {
  let result = ''
  for (const byte of new TextEncoder().encode(text)) result += hex(byte)
  return result.toUpperCase()
}

/** Base64 of the UTF-16LE bytes of a text (how the sync engine keeps string anchors). */
export function utf16Base64(text: string): string {
  const bytes = new Uint8Array(text.length * 2)
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    bytes[index * 2] = code & 0xff
    bytes[index * 2 + 1] = code >>> 8
  }
  return bytesToBase64(bytes)
}

/**
 * The text form of a GUID held as 16 bytes in the Windows layout (the first three groups little
 * endian), which is how `objectGUID` is stored and how `[Guid]::new(bytes)` prints it.
 */
export function guidText(bytes: Uint8Array): string {
  return bytesToGuid(bytes) ?? ''
}

/** 16 random bytes shaped as a version 4 GUID. */
export function randomGuidBytes(random: Random): Uint8Array {
  const bytes = random.bytes(16)
  // Version 4 and the RFC 4122 variant, in the Windows byte layout (byte 7 holds the version nibble).
  bytes[7] = ((bytes[7] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  return bytes
}

/** A random GUID in lower-case text form. */
export function randomGuid(random: Random): string {
  return guidText(randomGuidBytes(random))
}

/** A GUID that depends only on a name: rule and connector ids stay the same for every seed. */
export function stableGuid(name: string): string {
  return randomGuid(createRandom(mixSeed('stable-guid', name)))
}

/** `{GUID}` in upper case, as ids appear inside exported files. */
export function bracedUpper(guid: string): string {
  return `{${guid.toUpperCase()}}`
}

/** `{guid}` in lower case, as rule ids and file names appear. */
export function bracedLower(guid: string): string {
  return `{${guid.toLowerCase()}}`
}

/** The binary form of a SID such as `S-1-5-21-1-2-3-1104` (revision, count, authority, sub-authorities LE). */
export function sidBytes(authority: number, subAuthorities: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(8 + subAuthorities.length * 4)
  bytes[0] = 1
  bytes[1] = subAuthorities.length
  bytes[7] = authority
  subAuthorities.forEach((value, index) => {
    const offset = 8 + index * 4
    bytes[offset] = value & 0xff
    bytes[offset + 1] = (value >>> 8) & 0xff
    bytes[offset + 2] = (value >>> 16) & 0xff
    bytes[offset + 3] = (value >>> 24) & 0xff
  })
  return bytes
}

/** The text form of a SID, as `StringFromSid` returns it. */
export function sidText(authority: number, subAuthorities: readonly number[]): string {
  return `S-1-${authority}-${subAuthorities.map((value) => value >>> 0).join('-')}`
}
