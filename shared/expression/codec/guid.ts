/**
 * GUIDs as .NET stores them: the first three groups little-endian, the last two as written
 * (`Guid.ToByteArray`), so an AD objectGUID reads the same as in ADUC.
 */
import { bytesToHex } from './hex'

const GUID_PATTERN =
  /^\{?([0-9A-Fa-f]{8})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{12})\}?$/

/** Bytes of a GUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, optionally in braces; null otherwise. */
export function guidToBytes(text: string): Uint8Array | null {
  const trimmed = text.trim()
  const match = GUID_PATTERN.exec(trimmed)
  if (match === null) return null
  if (trimmed.startsWith('{') !== trimmed.endsWith('}')) return null
  const [, a = '', b = '', c = '', d = '', e = ''] = match
  const bytes = new Uint8Array(16)
  writeLittleEndian(bytes, 0, a)
  writeLittleEndian(bytes, 4, b)
  writeLittleEndian(bytes, 6, c)
  const tail = d + e
  for (let i = 0; i < 8; i++) bytes[8 + i] = parseInt(tail.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

function writeLittleEndian(bytes: Uint8Array, offset: number, hex: string): void {
  const count = hex.length / 2
  for (let i = 0; i < count; i++) {
    bytes[offset + i] = parseInt(hex.slice((count - 1 - i) * 2, (count - i) * 2), 16)
  }
}

/** The lower-case `D` form of a 16-byte GUID; null when the bytes are not 16. */
export function bytesToGuid(bytes: Uint8Array): string | null {
  if (bytes.length !== 16) return null
  const hex = (from: number, to: number, reverse: boolean): string => {
    const slice = Array.from(bytes.subarray(from, to))
    return bytesToHex(Uint8Array.from(reverse ? slice.reverse() : slice))
  }
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)]
    .join('-')
    .toLowerCase()
}

/** A random version-4 GUID string built from a [0, 1) random source. */
export function randomGuid(random: () => number): string {
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256) & 0xff
  bytes[7] = ((bytes[7] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  return bytesToGuid(bytes) ?? ''
}
