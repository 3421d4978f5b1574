/** How a stored GUID was spelled (1 to 4), so that it reads back exactly as it came. */
export type GuidSpelling = 1 | 2 | 3 | 4

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower case: the spelling the model asks for. */
export const LOWER: GuidSpelling = 1
/** Upper case, no braces. */
export const UPPER: GuidSpelling = 2
/** Lower case in braces. */
export const LOWER_BRACED: GuidSpelling = 3
/** Upper case in braces, as the XML files write ids. */
export const UPPER_BRACED: GuidSpelling = 4

/** A GUID as four 32-bit words plus the spelling it came in. */
export interface PackedGuid {
  readonly words: readonly [number, number, number, number]
  readonly spelling: GuidSpelling
}

const HEX_DIGITS = '0123456789abcdef'
/** Character positions of the 32 hex digits in the 36-character form. */
const DIGIT_POSITIONS: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32,
  33, 34, 35,
]
const DASH_POSITIONS: readonly number[] = [8, 13, 18, 23]

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 102) return code - 87
  if (code >= 65 && code <= 70) return code - 55
  return -1
}

/**
 * Packs a GUID written in one of the four usual spellings (`xxxxxxxx-xxxx-…`, lower or upper case,
 * with or without braces); null for anything else, mixed case included, which is stored as text.
 */
export function packGuid(text: string): PackedGuid | null {
  const braced = text.length === 38
  if (braced ? text[0] !== '{' || text[37] !== '}' : text.length !== 36) return null
  const base = braced ? 1 : 0
  for (const position of DASH_POSITIONS) if (text.charCodeAt(base + position) !== 45) return null
  const words: [number, number, number, number] = [0, 0, 0, 0]
  let lower = false
  let upper = false
  for (let digit = 0; digit < 32; digit += 1) {
    const code = text.charCodeAt(base + (DIGIT_POSITIONS[digit] ?? 0))
    const value = hexValue(code)
    if (value < 0) return null
    if (code >= 97) lower = true
    else if (code >= 65) upper = true
    const word = digit >>> 3
    words[word] = ((words[word] ?? 0) * 16 + value) >>> 0
  }
  if (lower && upper) return null
  const spelling = upper ? (braced ? UPPER_BRACED : UPPER) : braced ? LOWER_BRACED : LOWER
  return { words, spelling }
}

/** Packs any spelling of a GUID for lookup (case-insensitive, braces optional); null when it is none. */
export function packGuidLoosely(text: string): PackedGuid | null {
  return packGuid(text.toLowerCase())
}

const plainCodes: number[] = new Array<number>(36).fill(45)
const bracedCodes: number[] = new Array<number>(38).fill(45)
bracedCodes[0] = 123
bracedCodes[37] = 125

/** Writes a packed GUID back in its spelling. */
export function formatGuid(w0: number, w1: number, w2: number, w3: number, spelling: GuidSpelling): string {
  const upper = spelling === UPPER || spelling === UPPER_BRACED
  const braced = spelling === LOWER_BRACED || spelling === UPPER_BRACED
  const codes = braced ? bracedCodes : plainCodes
  const base = braced ? 1 : 0
  for (let digit = 0; digit < 32; digit += 1) {
    const word = digit < 8 ? w0 : digit < 16 ? w1 : digit < 24 ? w2 : w3
    const value = (word >>> ((7 - (digit & 7)) * 4)) & 15
    const code = HEX_DIGITS.charCodeAt(value)
    codes[base + (DIGIT_POSITIONS[digit] ?? 0)] = upper && value > 9 ? code - 32 : code
  }
  // eslint-disable-next-line no-restricted-syntax -- always the 36 characters of one GUID
  return String.fromCharCode.apply(null, codes)
}

/** Mixes the four words of a GUID into a 32-bit hash. */
export function hashGuidWords(w0: number, w1: number, w2: number, w3: number): number {
  let hash = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b)
  hash = Math.imul(hash ^ w1 ^ (hash >>> 15), 0xc2b2ae35)
  hash = Math.imul(hash ^ w2 ^ (hash >>> 13), 0x85ebca6b)
  hash = Math.imul(hash ^ w3 ^ (hash >>> 16), 0xc2b2ae35)
  return (hash ^ (hash >>> 15)) >>> 0
}
