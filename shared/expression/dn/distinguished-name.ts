/**
 * Distinguished names as text: split into RDNs without unescaping them (escaped commas, hex escapes and
 * quoted values stay part of their RDN), and escape a value for LDAP.
 */

/** One relative distinguished name: its attribute type and its value as written (escapes kept). */
export interface Rdn {
  readonly type: string
  readonly value: string
}

/** The RDNs of a DN, left to right; an empty DN has none. */
export function splitDn(dn: string): readonly Rdn[] {
  const rdns: Rdn[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < dn.length; i++) {
    const char = dn.charAt(i)
    if (char === '\\' && i + 1 < dn.length) {
      current += char + dn.charAt(i + 1)
      i++
      continue
    }
    if (char === '"') quoted = !quoted
    if (!quoted && (char === ',' || char === ';')) {
      rdns.push(toRdn(current))
      current = ''
      continue
    }
    current += char
  }
  if (current.trim() !== '' || rdns.length > 0) rdns.push(toRdn(current))
  return rdns
}

function toRdn(text: string): Rdn {
  const equals = indexOfUnescaped(text, '=')
  if (equals < 0) return { type: '', value: trimUnescaped(text) }
  return { type: text.slice(0, equals).trim(), value: trimUnescaped(text.slice(equals + 1)) }
}

function indexOfUnescaped(text: string, wanted: string): number {
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (char === '\\') {
      i++
      continue
    }
    if (char === wanted) return i
  }
  return -1
}

/** Trims spaces around a value but keeps an escaped trailing space (`\ `). */
function trimUnescaped(text: string): string {
  const start = text.length - text.trimStart().length
  let end = text.length
  while (end > start && text.charAt(end - 1) === ' ') {
    let backslashes = 0
    for (let i = end - 2; i >= start && text.charAt(i) === '\\'; i--) backslashes++
    if (backslashes % 2 === 1) break
    end--
  }
  return text.slice(start, end)
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
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i)
    if (char === '\n') out += '\\0A'
    else if (char === '\r') out += '\\0D'
    else if (MUST_ESCAPE.has(char)) out += `\\${char}`
    else if (char === '#' && i === 0) out += '\\#'
    else if (char === ' ' && (i === 0 || i === value.length - 1)) out += '\\ '
    else out += char
  }
  return out
}
