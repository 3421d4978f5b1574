/**
 * Character tests for the regular-expression engine, on UTF-16 code units as .NET matches them.
 *
 * The fixed JS regular expressions below test one character against a Unicode property; they never see
 * user patterns, so they cannot backtrack.
 */

/** Tests one UTF-16 code unit. */
export type CharTest = (code: number) => boolean

const DIGIT = /^\p{Nd}$/u
const WORD = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}]$/u
const SPACE = /^[\f\n\r\t\v\x85\p{Z}]$/u

/** .NET `\d`: any Unicode decimal digit (ASCII only in ECMAScript mode). */
export function digitTest(ascii: boolean): CharTest {
  return (code) =>
    (code >= 0x30 && code <= 0x39) || (!ascii && code > 0x7f && DIGIT.test(String.fromCharCode(code)))
}

/** .NET `\w`: letters, combining marks, digits and connector punctuation. */
export function wordTest(ascii: boolean): CharTest {
  return (code) =>
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    (!ascii && code > 0x7f && (WORD.test(String.fromCharCode(code)) || code === 0x200c || code === 0x200d))
}

/** .NET `\s`. */
export function spaceTest(ascii: boolean): CharTest {
  return (code) =>
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    (!ascii && code > 0x7f && SPACE.test(String.fromCharCode(code)))
}

/** `\p{Name}` for a Unicode general category (`L`, `Lu`, `Nd`, ...); null when the name is not one. */
export function categoryTest(name: string): CharTest | null {
  if (!/^[A-Z][a-z]?$/.test(name)) return null
  let property: RegExp
  try {
    property = new RegExp(`^\\p{${name}}$`, 'u')
  } catch {
    return null
  }
  return (code) => property.test(String.fromCharCode(code))
}

/** Lower- and upper-case forms of a code unit (single code units only), including itself. */
export function caseVariants(code: number): readonly number[] {
  const char = String.fromCharCode(code)
  const lower = char.toLowerCase()
  const upper = char.toUpperCase()
  const variants = [code]
  if (lower.length === 1 && lower.charCodeAt(0) !== code) variants.push(lower.charCodeAt(0))
  if (upper.length === 1 && upper.charCodeAt(0) !== code) variants.push(upper.charCodeAt(0))
  return variants
}

/** Makes a positive test case-insensitive. */
export function ignoringCase(test: CharTest): CharTest {
  return (code) => {
    if (test(code)) return true
    const variants = caseVariants(code)
    for (let i = 1; i < variants.length; i++) if (test(variants[i] ?? code)) return true
    return false
  }
}
