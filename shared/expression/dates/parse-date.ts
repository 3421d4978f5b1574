/**
 * Date text to a UTC date, for CDate and IsDate: ISO 8601, `yyyy-MM-dd`, US `M/d/yyyy`, month names,
 * LDAP generalized time, an optional time with AM/PM, and an optional zone (`Z`, `UTC`, `-8`, `+05:30`).
 *
 * UNSURE: the engine uses .NET parsing with the server's culture and zone; text without a zone is read as
 * UTC here because a snapshot carries no server time zone.
 */
import { daysInMonth, monthFromName, utcDate } from './calendar'

const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,7}))?(Z|[+-]\d{4})?$/
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/
const MONTH_FIRST = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})/
const NAMED_MONTH_FIRST = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/
const NAMED_DAY_FIRST = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/
const TIME_AND_ZONE =
  /^(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/

interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly rest: string
}

/** Parses date text; null when it is not a date this function understands. */
export function parseDateText(text: string): Date | null {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 64) return null
  const generalized = GENERALIZED.exec(trimmed)
  if (generalized !== null) return fromGeneralized(generalized)
  const parts = dateParts(trimmed)
  if (parts === null) return null
  const time = TIME_AND_ZONE.exec(parts.rest)
  if (time === null) return null
  const [, hourText, minuteText, secondText, fractionText, meridiem, zoneText] = time
  let hour = hourText === undefined ? 0 : Number(hourText)
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null
    const pm = meridiem.toLowerCase() === 'p'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  const minute = minuteText === undefined ? 0 : Number(minuteText)
  const second = secondText === undefined ? 0 : Number(secondText)
  const offset = zoneOffsetMinutes(zoneText)
  if (offset === null) return null
  return build(parts.year, parts.month, parts.day, hour, minute, second, fractionMs(fractionText), offset)
}

function dateParts(text: string): DateParts | null {
  const yearFirst = YEAR_FIRST.exec(text)
  if (yearFirst !== null) {
    return part(yearFirst[1], yearFirst[2], yearFirst[3], text.slice(yearFirst[0].length))
  }
  const monthFirst = MONTH_FIRST.exec(text)
  if (monthFirst !== null) {
    return part(monthFirst[3], monthFirst[1], monthFirst[2], text.slice(monthFirst[0].length))
  }
  const namedMonth = NAMED_MONTH_FIRST.exec(text)
  if (namedMonth !== null) {
    const month = monthFromName(namedMonth[1] ?? '')
    if (month !== null)
      return part(namedMonth[3], String(month), namedMonth[2], text.slice(namedMonth[0].length))
  }
  const namedDay = NAMED_DAY_FIRST.exec(text)
  if (namedDay !== null) {
    const month = monthFromName(namedDay[2] ?? '')
    if (month !== null) return part(namedDay[3], String(month), namedDay[1], text.slice(namedDay[0].length))
  }
  return null
}

function part(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  rest: string,
): DateParts {
  return { year: Number(year), month: Number(month), day: Number(day), rest }
}

function fromGeneralized(match: RegExpExecArray): Date | null {
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const offset = zoneOffsetMinutes(zone)
  if (offset === null) return null
  return build(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? '0'),
    fractionMs(fraction),
    offset,
  )
}

function fractionMs(fraction: string | undefined): number {
  if (fraction === undefined) return 0
  return Math.floor(Number(`0.${fraction}`) * 1000)
}

/** Minutes east of UTC; 0 without a zone; null for an impossible zone. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, digits.length - 2))
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2))
  if (hours > 14 || minutes > 59) return null
  return sign * (hours * 60 + minutes)
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  offsetMinutes: number,
): Date | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null
  if (hour > 23 || minute > 59 || second > 59) return null
  const local = utcDate(year, month, day, hour, minute, second, millisecond)
  return new Date(local.getTime() - offsetMinutes * 60_000)
}
