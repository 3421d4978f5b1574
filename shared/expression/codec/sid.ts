/** Security identifiers: binary form (MS-DTYP 2.4.2.2) and the `S-1-5-21-...` string form. */

/** The string form of SID bytes; null when the bytes are not a SID. */
export function sidToString(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null
  const revision = bytes[0] ?? 0
  const count = bytes[1] ?? 0
  if (bytes.length !== 8 + count * 4) return null
  let authority = 0
  for (let i = 2; i < 8; i++) authority = authority * 256 + (bytes[i] ?? 0)
  // Windows prints authorities of 2^32 and above in hex (ConvertSidToStringSid).
  const authorityText =
    authority >= 2 ** 32 ? `0x${authority.toString(16).toUpperCase().padStart(12, '0')}` : String(authority)
  const parts = [`S-${revision}-${authorityText}`]
  for (let i = 0; i < count; i++) {
    const offset = 8 + i * 4
    const value =
      ((bytes[offset] ?? 0) |
        ((bytes[offset + 1] ?? 0) << 8) |
        ((bytes[offset + 2] ?? 0) << 16) |
        ((bytes[offset + 3] ?? 0) << 24)) >>>
      0
    parts.push(String(value))
  }
  return parts.join('-')
}

/** The bytes of a SID written `S-R-A-S1-S2...`; null when the text is not a SID. */
export function stringToSid(text: string): Uint8Array | null {
  const parts = text.trim().split('-')
  if (parts.length < 3 || (parts[0] ?? '').toUpperCase() !== 'S') return null
  const revision = parseDecimal(parts[1] ?? '', 255)
  const authorityText = parts[2] ?? ''
  const authority = /^0x[0-9a-f]{1,12}$/i.test(authorityText)
    ? parseInt(authorityText.slice(2), 16)
    : parseDecimal(authorityText, 2 ** 32 - 1)
  const subs = parts.slice(3).map((part) => parseDecimal(part, 2 ** 32 - 1))
  if (revision === null || authority === null || subs.length > 15 || subs.some((sub) => sub === null))
    return null
  const bytes = new Uint8Array(8 + subs.length * 4)
  bytes[0] = revision
  bytes[1] = subs.length
  let rest = authority
  for (let i = 7; i >= 2; i--) {
    bytes[i] = rest % 256
    rest = Math.floor(rest / 256)
  }
  subs.forEach((sub, index) => {
    const value = sub ?? 0
    const offset = 8 + index * 4
    bytes[offset] = value & 0xff
    bytes[offset + 1] = (value >>> 8) & 0xff
    bytes[offset + 2] = (value >>> 16) & 0xff
    bytes[offset + 3] = (value >>> 24) & 0xff
  })
  return bytes
}

function parseDecimal(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null
  const value = Number(text)
  return value <= max ? value : null
}
