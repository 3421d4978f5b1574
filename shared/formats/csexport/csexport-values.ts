import { parseGuid } from '../../model/connector'
import type { AttributeType, DeltaOperation, ValueOperation } from '../../model/objects'

/** The last few texts asked about and their answers, oldest overwritten first. */
const RECENT_GUIDS = 4
const recentTexts: string[] = new Array<string>(RECENT_GUIDS).fill('')
const recentGuids: (string | null)[] = new Array<string | null>(RECENT_GUIDS).fill(null)
let nextRecent = 0

/**
 * A GUID lower-case without braces, or null when the text is not a GUID (white space around it is ignored).
 *
 * Exports repeat the same few GUIDs on every value (lineage ids, connector ids), so the last few answers are kept:
 * a text seen lately asks nothing again. The check reads character codes instead of running a regular expression and
 * allocates only when the text needs trimming, unbracing or lower-casing; together that took a fifth off reading a
 * metaverse export.
 */
export function normalizeGuid(text: string): string | null {
  for (let i = 0; i < RECENT_GUIDS; i++) if (recentTexts[i] === text) return recentGuids[i] ?? null
  const guid = parseGuid(text)
  recentTexts[nextRecent] = text
  recentGuids[nextRecent] = guid
  nextRecent = (nextRecent + 1) % RECENT_GUIDS
  return guid
}

/** A GUID normalized when it is one, otherwise the trimmed text (still useful to show), or null when empty. */
export function guidOrText(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return normalizeGuid(trimmed) ?? trimmed
}

/** The attribute type named by a `type` attribute, case-insensitively; null when unknown. */
export function attributeTypeOf(text: string): AttributeType | null {
  switch (text) {
    case 'string':
      return 'String'
    case 'integer':
      return 'Integer'
    case 'boolean':
      return 'Boolean'
    case 'binary':
      return 'Binary'
    case 'reference':
      return 'Reference'
  }
  switch (text.trim().toLowerCase()) {
    case 'string':
    case 'text':
      return 'String'
    case 'integer':
    case 'number':
      return 'Integer'
    case 'boolean':
    case 'bool':
      return 'Boolean'
    case 'binary':
      return 'Binary'
    case 'reference':
    case 'dn':
      return 'Reference'
    default:
      return null
  }
}

/** `true`/`false`/`1`/`0` in any case; null for anything else. */
export function flagOf(text: string): boolean | null {
  switch (text) {
    case 'false':
    case '0':
      return false
    case 'true':
    case '1':
      return true
  }
  switch (text.trim().toLowerCase()) {
    case 'false':
    case '0':
    case 'no':
      return false
    case 'true':
    case '1':
    case 'yes':
      return true
    default:
      return null
  }
}

/** The operation of a `<delta>`; `modify` (seen in some consumers) means update. Null when unknown. */
export function deltaOperationOf(text: string): DeltaOperation | null {
  switch (text.trim().toLowerCase()) {
    case 'none':
      return 'none'
    case 'add':
      return 'add'
    case 'replace':
      return 'replace'
    case 'update':
    case 'modify':
      return 'update'
    case 'delete':
      return 'delete'
    case 'delete-add':
      return 'delete-add'
    case 'obsolete':
      return 'obsolete'
    default:
      return null
  }
}

/** The operation on an attribute or value inside a delta; null when absent or unknown. */
export function valueOperationOf(text: string): ValueOperation | null {
  switch (text.trim().toLowerCase()) {
    case 'add':
      return 'add'
    case 'replace':
      return 'replace'
    case 'update':
    case 'modify':
      return 'update'
    case 'delete':
      return 'delete'
    default:
      return null
  }
}

/** A decimal integer, or null. */
export function integerOf(text: string): number | null {
  const trimmed = text.trim()
  if (!/^-?\d{1,15}$/.test(trimmed)) return null
  return Number(trimmed)
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const BASE64_VALUES = buildBase64Values()
const utf8 = new TextDecoder()

/** Decodes base64 to UTF-8 text (for string values written with `encoding="base64"`); null when invalid. */
export function decodeBase64Text(base64: string): string | null {
  const clean = base64.replace(/[\s=]/g, '')
  if (clean.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let out = 0
  let buffer = 0
  let bits = 0
  for (let i = 0; i < clean.length; i++) {
    const value = BASE64_VALUES[clean.charCodeAt(i)] ?? 255
    if (value === 255) return null
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = (buffer >> bits) & 0xff
    }
  }
  return utf8.decode(bytes.subarray(0, out))
}

function buildBase64Values(): Uint8Array {
  const values = new Uint8Array(128).fill(255)
  for (let i = 0; i < BASE64_ALPHABET.length; i++) values[BASE64_ALPHABET.charCodeAt(i)] = i
  values['-'.charCodeAt(0)] = 62
  values['_'.charCodeAt(0)] = 63
  return values
}
