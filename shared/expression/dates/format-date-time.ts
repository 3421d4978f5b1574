/**
 * .NET custom and standard date format strings (invariant culture), for FormatDateTime.
 *
 * Dates are UTC; `K` prints `Z` and `z`/`zz`/`zzz` print a zero offset. JS dates hold milliseconds, so
 * `ffff` and beyond print zeros after the third digit.
 */
import { DAY_NAMES, MONTH_NAMES } from './calendar'

/** The result of formatting: the text, or why the format is invalid. */
export type FormatResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }

const STANDARD_FORMATS: ReadonlyMap<string, string> = new Map([
  ['d', 'MM/dd/yyyy'],
  ['D', 'dddd, dd MMMM yyyy'],
  ['f', 'dddd, dd MMMM yyyy HH:mm'],
  ['F', 'dddd, dd MMMM yyyy HH:mm:ss'],
  ['g', 'MM/dd/yyyy HH:mm'],
  ['G', 'MM/dd/yyyy HH:mm:ss'],
  ['m', 'MMMM dd'],
  ['M', 'MMMM dd'],
  ['o', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"],
  ['O', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"],
  ['r', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"],
  ['R', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"],
  ['s', "yyyy'-'MM'-'dd'T'HH':'mm':'ss"],
  ['t', 'HH:mm'],
  ['T', 'HH:mm:ss'],
  ['u', "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"],
  ['U', 'dddd, dd MMMM yyyy HH:mm:ss'],
  ['y', 'yyyy MMMM'],
  ['Y', 'yyyy MMMM'],
])

const PATTERN_LETTERS = new Set(['d', 'f', 'F', 'g', 'h', 'H', 'K', 'm', 'M', 's', 't', 'y', 'z'])

/** Formats a date with a .NET format string. */
export function formatDateTime(date: Date, format: string): FormatResult {
  if (format.length === 1) {
    const standard = STANDARD_FORMATS.get(format)
    if (standard === undefined) return { ok: false, message: `"${format}" is not a standard date format.` }
    return formatCustom(date, standard)
  }
  // .NET: an empty format is the general format ("G"), as DateTime.ToString() writes it.
  if (format.length === 0) return formatCustom(date, STANDARD_FORMATS.get('G') ?? 'MM/dd/yyyy HH:mm:ss')
  return formatCustom(date, format)
}

function formatCustom(date: Date, format: string): FormatResult {
  let out = ''
  let i = 0
  while (i < format.length) {
    const char = format.charAt(i)
    if (char === "'" || char === '"') {
      const close = format.indexOf(char, i + 1)
      if (close < 0)
        return { ok: false, message: `The quote at position ${i + 1} of the date format is not closed.` }
      out += format.slice(i + 1, close)
      i = close + 1
      continue
    }
    if (char === '\\') {
      if (i + 1 >= format.length) return { ok: false, message: 'The date format ends with a lone backslash.' }
      out += format.charAt(i + 1)
      i += 2
      continue
    }
    if (char === '%') {
      const next = format.charAt(i + 1)
      if (!PATTERN_LETTERS.has(next))
        return { ok: false, message: 'In a date format, "%" must precede a pattern letter.' }
      const piece = field(date, next, 1)
      if (piece === null) return { ok: false, message: `Invalid date format near "%${next}".` }
      out += piece
      i += 2
      continue
    }
    if (PATTERN_LETTERS.has(char)) {
      let count = 1
      while (format.charAt(i + count) === char) count++
      const piece = field(date, char, count)
      if (piece === null) return { ok: false, message: `Invalid date format "${char.repeat(count)}".` }
      out += piece
      i += count
      continue
    }
    out += char
    i++
  }
  return { ok: true, text: out }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function fraction(date: Date, count: number, trim: boolean): string | null {
  if (count > 7) return null
  const digits = pad(date.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, count)
  return trim ? digits.replace(/0+$/, '') : digits
}

function field(date: Date, letter: string, count: number): string | null {
  const hour = date.getUTCHours()
  switch (letter) {
    case 'y': {
      const year = date.getUTCFullYear()
      if (count <= 2) return count === 1 ? String(year % 100) : pad(year % 100, 2)
      return pad(year, count)
    }
    case 'M': {
      const month = date.getUTCMonth()
      if (count >= 4) return MONTH_NAMES[month] ?? ''
      if (count === 3) return (MONTH_NAMES[month] ?? '').slice(0, 3)
      return count === 2 ? pad(month + 1, 2) : String(month + 1)
    }
    case 'd': {
      if (count >= 4) return DAY_NAMES[date.getUTCDay()] ?? ''
      if (count === 3) return (DAY_NAMES[date.getUTCDay()] ?? '').slice(0, 3)
      return count === 2 ? pad(date.getUTCDate(), 2) : String(date.getUTCDate())
    }
    case 'h': {
      const twelve = hour % 12 === 0 ? 12 : hour % 12
      return count >= 2 ? pad(twelve, 2) : String(twelve)
    }
    case 'H':
      return count >= 2 ? pad(hour, 2) : String(hour)
    case 'm':
      return count >= 2 ? pad(date.getUTCMinutes(), 2) : String(date.getUTCMinutes())
    case 's':
      return count >= 2 ? pad(date.getUTCSeconds(), 2) : String(date.getUTCSeconds())
    case 'f':
      return fraction(date, count, false)
    case 'F':
      return fraction(date, count, true)
    case 't': {
      const designator = hour < 12 ? 'AM' : 'PM'
      return count >= 2 ? designator : designator.charAt(0)
    }
    case 'z':
      return count === 1 ? '+0' : count === 2 ? '+00' : '+00:00'
    case 'K':
      return 'Z'.repeat(count)
    case 'g':
      return 'A.D.'
    default:
      return null
  }
}
