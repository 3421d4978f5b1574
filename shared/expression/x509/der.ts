/** A minimal DER (ASN.1) reader: tag, length and content of each element, bounds-checked. */

/** One DER element. */
export interface DerElement {
  /** The identifier octet (class, constructed bit and tag number below 31). */
  readonly tag: number
  /** The content octets. */
  readonly content: Uint8Array
  /** The whole element, header included. */
  readonly encoded: Uint8Array
}

/** Input that is not valid DER. */
export class DerError extends Error {}

/** Universal and context tags used by X.509. */
export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  numericString: 0x12,
  visibleString: 0x1a,
} as const

/** Reads the element at `offset`; throws DerError when it does not fit. */
export function readElement(bytes: Uint8Array, offset: number): DerElement {
  const tag = bytes[offset]
  if (tag === undefined) throw new DerError('Unexpected end of DER data.')
  if ((tag & 0x1f) === 0x1f) throw new DerError('Multi-byte DER tags are not supported.')
  let position = offset + 1
  const first = bytes[position++]
  if (first === undefined) throw new DerError('Unexpected end of DER data.')
  let length = first
  if (first & 0x80) {
    const count = first & 0x7f
    if (count === 0 || count > 4) throw new DerError('Unsupported DER length.')
    length = 0
    for (let i = 0; i < count; i++) {
      const byte = bytes[position++]
      if (byte === undefined) throw new DerError('Unexpected end of DER data.')
      length = length * 256 + byte
    }
  }
  const end = position + length
  if (end > bytes.length) throw new DerError('DER element longer than its data.')
  return { tag, content: bytes.subarray(position, end), encoded: bytes.subarray(offset, end) }
}

/** The child elements of a constructed element. */
export function children(element: DerElement): readonly DerElement[] {
  const items: DerElement[] = []
  let offset = 0
  while (offset < element.content.length) {
    const child = readElement(element.content, offset)
    items.push(child)
    offset += child.encoded.length
  }
  return items
}

/** Reads an element and checks its tag. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (element === undefined || element.tag !== tag) throw new DerError(`Expected ${what} in the certificate.`)
  return element
}

/** Dotted text of an OBJECT IDENTIFIER. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('Empty OID.')
  const arcs: string[] = []
  let value = 0n
  let first = true
  for (const byte of content) {
    value = (value << 7n) | BigInt(byte & 0x7f)
    if (byte & 0x80) continue
    if (first) {
      const head = value < 80n ? value / 40n : 2n
      arcs.push(String(head), String(value - head * 40n))
      first = false
    } else {
      arcs.push(String(value))
    }
    value = 0n
  }
  return arcs.join('.')
}

/** A UTCTime or GeneralizedTime as a date. */
export function decodeTime(element: DerElement): Date {
  const text = latin1(element.content)
  const match =
    element.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/.exec(text)
  if (match === null) throw new DerError(`Unsupported certificate time "${text}".`)
  let year = Number(match[1])
  if (element.tag === TAG.utcTime) year += year < 50 ? 2000 : 1900
  const date = new Date(
    Date.UTC(
      2000,
      Number(match[2]) - 1,
      Number(match[3]),
      Number(match[4]),
      Number(match[5]),
      Number(match[6] ?? '0'),
    ),
  )
  date.setUTCFullYear(year, Number(match[2]) - 1, Number(match[3]))
  return date
}

/** Text of a directory string (Printable, UTF8, IA5, T61, BMP, Universal, ...). */
export function decodeString(element: DerElement): string {
  switch (element.tag) {
    case TAG.utf8String:
      return new TextDecoder('utf-8').decode(element.content)
    case TAG.bmpString: {
      let text = ''
      for (let i = 0; i + 1 < element.content.length; i += 2) {
        text += String.fromCharCode(((element.content[i] ?? 0) << 8) | (element.content[i + 1] ?? 0))
      }
      return text
    }
    case TAG.universalString: {
      let text = ''
      for (let i = 0; i + 3 < element.content.length; i += 4) {
        const code =
          ((element.content[i] ?? 0) << 24) |
          ((element.content[i + 1] ?? 0) << 16) |
          ((element.content[i + 2] ?? 0) << 8) |
          (element.content[i + 3] ?? 0)
        text += code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
      }
      return text
    }
    default:
      return latin1(element.content)
  }
}

function latin1(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return text
}
