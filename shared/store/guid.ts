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

/** The words `packGuid` packs into before it copies them into its answer. */
const packed = new Uint32Array(4)

/**
 * Packs a GUID written in one of the four usual spellings (`xxxxxxxx-xxxx-…`, lower or upper case,
 * with or without braces); null for anything else, mixed case included, which is stored as text.
 */
export function packGuid(text: string): PackedGuid | null {
  const words = packed
  const spelling = packGuidInto(text, words)
  if (spelling === 0) return null
  return { words: [words[0] ?? 0, words[1] ?? 0, words[2] ?? 0, words[3] ?? 0], spelling }
}

/**
 * `packGuid` into four words the caller owns: the spelling, or 0 when the text is no GUID (the words may then be
 * partly written, and mean nothing). It allocates nothing, for the columns that pack every id of a file as they
 * load it.
 */
export function packGuidInto(text: string, words: Uint32Array): GuidSpelling | 0 {
  const braced = text.length === 38
  if (braced ? text.charCodeAt(0) !== 123 || text.charCodeAt(37) !== 125 : text.length !== 36) return 0
  const base = braced ? 1 : 0
  let cases = 0
  let word = 0
  let digits = 0
  let index = 0
  for (let position = 0; position < 36; position += 1) {
    const code = text.charCodeAt(base + position)
    if (position === 8 || position === 13 || position === 18 || position === 23) {
      if (code !== 45) return 0
      continue
    }
    let value: number
    if (code >= 48 && code <= 57) value = code - 48
    else if (code >= 97 && code <= 102) {
      value = code - 87
      cases |= 1
    } else if (code >= 65 && code <= 70) {
      value = code - 55
      cases |= 2
    } else return 0
    word = ((word << 4) | value) >>> 0
    digits += 1
    if (digits === 8) {
      words[index] = word
      index += 1
      word = 0
      digits = 0
    }
  }
  if (cases === 3) return 0
  return cases === 2 ? (braced ? UPPER_BRACED : UPPER) : braced ? LOWER_BRACED : LOWER
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
