/**
 * Distinguished names as text, the one module that reads them: split into RDNs (escaped commas, hex escapes
 * and quoted values stay part of their RDN), unescape a value, compare RDNs and containers as the directory
 * does (case-insensitive, escapes resolved, spaces around separators ignored), and escape a value for LDAP.
 */
import { foldCase } from './fold'

/** One relative distinguished name: its attribute type and its value as written (escapes kept). */
export interface Rdn {
  readonly type: string
  readonly value: string
}

/** Where the RDN starting at `start` ends: the next `,` or `;` that is neither escaped nor quoted. */
function rdnEnd(dn: string, start: number): number {
  let quoted = false
  for (let index = start; index < dn.length; index += 1) {
    const char = dn.charAt(index)
    if (char === '\\') index += 1
    else if (char === '"') quoted = !quoted
    else if (!quoted && (char === ',' || char === ';')) return index
  }
  return dn.length
}

/** The RDNs of a DN, left to right; an empty DN has none. */
export function splitDn(dn: string): readonly Rdn[] {
  if (dn.trim() === '') return []
  const rdns: Rdn[] = []
  for (let start = 0; start <= dn.length;) {
    const end = rdnEnd(dn, start)
    rdns.push(toRdn(dn.slice(start, end)))
    start = end + 1
  }
  return rdns
}

/** The first RDN of a DN (`CN=Smith\, John` of `CN=Smith\, John,OU=Users,…`), as written. */
export function firstRdn(dn: string): string {
  return dn.slice(0, rdnEnd(dn, 0))
}

function toRdn(text: string): Rdn {
  const equals = indexOfUnescaped(text, '=')
  if (equals < 0) return { type: '', value: trimUnescaped(text) }
  return { type: text.slice(0, equals).trim(), value: trimUnescaped(text.slice(equals + 1)) }
}

function indexOfUnescaped(text: string, wanted: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index)
    if (char === '\\') index += 1
    else if (char === wanted) return index
  }
  return -1
}

/** Whether the character at `index` is escaped by an odd number of backslashes before it. */
export function isEscaped(text: string, index: number): boolean {
  let backslashes = 0
  for (let before = index - 1; before >= 0 && text.charAt(before) === '\\'; before -= 1) backslashes += 1
  return backslashes % 2 === 1
}

/** Trims spaces around a value but keeps an escaped trailing space (`\ `). */
function trimUnescaped(text: string): string {
  let start = 0
  while (start < text.length && text.charAt(start) === ' ') start += 1
  let end = text.length
  while (end > start && text.charAt(end - 1) === ' ' && !isEscaped(text, end - 1)) end -= 1
  return text.slice(start, end)
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/

/**
 * An attribute value of a DN with its escapes resolved (`\,` to `,`, `\C3\A9` to `é`, a quoted value
 * unquoted) and unescaped surrounding spaces trimmed.
 */
export function unescapeDnValue(value: string): string {
  const trimmed = trimUnescaped(value)
  if (
    trimmed.length >= 2 &&
    trimmed.startsWith('"') &&
    trimmed.endsWith('"') &&
    !isEscaped(trimmed, trimmed.length - 1)
  )
    return trimmed.slice(1, -1)
  let result = ''
  let bytes: number[] = []
  const flush = (): void => {
    if (bytes.length > 0) result += new TextDecoder().decode(Uint8Array.from(bytes))
    bytes = []
  }
  for (let index = 0; index < trimmed.length; index += 1) {
    const char = trimmed.charAt(index)
    if (char === '\\' && index + 1 < trimmed.length) {
      const pair = trimmed.slice(index + 1, index + 3)
      if (HEX_PAIR.test(pair)) {
        bytes.push(Number.parseInt(pair, 16))
        index += 2
        continue
      }
      flush()
      result += trimmed.charAt(index + 1)
      index += 1
      continue
    }
    flush()
    result += char
  }
  flush()
  return result
}

/** One RDN in the form two equal RDNs share: `cn=smith, john` for `CN=Smith\, John` and `cn = smith\2C john`. */
export function rdnComparisonKey(rdn: Rdn): string {
  return `${foldCase(rdn.type)}=${foldCase(unescapeDnValue(rdn.value))}`
}

/** True when `dn` is `container` or lies under it, compared RDN by RDN as the directory compares them. */
export function isDnUnder(dn: string, container: string): boolean {
  const own = splitDn(dn)
  const parent = splitDn(container)
  if (parent.length === 0 || parent.length > own.length) return false
  const offset = own.length - parent.length
  return parent.every((rdn, index) => {
    const ownRdn = own[offset + index]
    return ownRdn !== undefined && rdnComparisonKey(ownRdn) === rdnComparisonKey(rdn)
  })
}

/** How many RDNs a DN has: a container's depth, for "the most specific container decides". */
export function dnDepth(dn: string): number {
  return splitDn(dn).length
}

/**
 * The comparison key of an RDN search: what the user typed and each object's first RDN reduce to the
 * same folded form. `CN=Smith\, John` gives `cn=smith, john`; a bare `Smith, John` gives `smith, john`
 * and is compared with the value part only.
 */
export interface RdnKey {
  readonly type: string | null
  readonly value: string
}

const RDN_TYPE = /^\s*([A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)\s*=/

/** Parses an RDN (`CN=value`) or a bare value into a comparison key. */
export function rdnKey(text: string): RdnKey {
  const typed = RDN_TYPE.exec(text)
  if (typed === null) return { type: null, value: foldCase(unescapeDnValue(text)) }
  return {
    type: foldCase(typed[1] ?? ''),
    value: foldCase(unescapeDnValue(text.slice(typed[0].length))),
  }
}

/** Whether an object's first RDN matches what the user typed. */
export function rdnMatches(objectRdn: RdnKey, wanted: RdnKey): boolean {
  return objectRdn.value === wanted.value && (wanted.type === null || objectRdn.type === wanted.type)
}

const MUST_ESCAPE = new Set([',', '\\', '+', '"', '<', '>', ';', '='])

/**
 * Escapes one RDN for LDAP. With `type=value` only the value is escaped (EscapeDNComponent is used as
 * `EscapeDNComponent("CN=" & [displayName])`).
 */
export function escapeDnComponent(text: string): string {
  const equals = text.indexOf('=')
  const hasType = equals > 0 && /^[A-Za-z][A-Za-z0-9-]*$|^\d+(\.\d+)*$/.test(text.slice(0, equals).trim())
  if (!hasType) return escapeValue(text)
  return `${text.slice(0, equals)}=${escapeValue(text.slice(equals + 1))}`
}

function escapeValue(value: string): string {
  let out = ''
  for (let index = 0; index < value.length; index += 1) {
    const char = value.charAt(index)
    if (char === '\n') out += '\\0A'
    else if (char === '\r') out += '\\0D'
    else if (MUST_ESCAPE.has(char)) out += `\\${char}`
    else if (char === '#' && index === 0) out += '\\#'
    else if (char === ' ' && (index === 0 || index === value.length - 1)) out += '\\ '
    else out += char
  }
  return out
}
