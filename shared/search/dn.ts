import { foldCase } from '../store/fold'

/**
 * The first RDN of a DN (`CN=Smith\, John` of `CN=Smith\, John,OU=Users,…`), as written: up to the
 * first comma that is not escaped.
 */
export function firstRdn(dn: string): string {
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn[index]
    if (char === '\\') index += 1
    else if (char === ',' || char === ';') return dn.slice(0, index)
  }
  return dn
}

/** Whether the character at `index` is escaped by an odd number of backslashes before it. */
export function isEscaped(text: string, index: number): boolean {
  let backslashes = 0
  for (let before = index - 1; before >= 0 && text[before] === '\\'; before -= 1) backslashes += 1
  return backslashes % 2 === 1
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/

/**
 * An attribute value of a DN with its escapes resolved (`\,` to `,`, `\C3\A9` to `é`) and unescaped
 * surrounding spaces trimmed.
 */
export function unescapeDnValue(value: string): string {
  let result = ''
  let bytes: number[] = []
  const flush = (): void => {
    if (bytes.length > 0) result += new TextDecoder().decode(Uint8Array.from(bytes))
    bytes = []
  }
  let end = value.length
  while (end > 0 && value[end - 1] === ' ' && !isEscaped(value, end - 1)) end -= 1
  let start = 0
  while (start < end && value[start] === ' ') start += 1
  for (let index = start; index < end; index += 1) {
    const char = value[index] ?? ''
    if (char === '\\' && index + 1 < end) {
      const pair = value.slice(index + 1, index + 3)
      if (HEX_PAIR.test(pair)) {
        bytes.push(Number.parseInt(pair, 16))
        index += 2
        continue
      }
      flush()
      result += value[index + 1] ?? ''
      index += 1
      continue
    }
    flush()
    result += char
  }
  flush()
  return result
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
