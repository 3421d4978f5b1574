/** Invariant-culture calendar names (the engine formats with the invariant culture). */

/** Full month names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Full weekday names, Sunday first. */
export const DAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
]

/** The month number (1-12) of a full or three-letter English month name, any case; null otherwise. */
export function monthFromName(name: string): number | null {
  const lower = name.toLowerCase()
  if (lower.length < 3) return null
  const index = MONTH_NAMES.findIndex((month) => {
    const full = month.toLowerCase()
    return full === lower || full.slice(0, 3) === lower || (lower === 'sept' && full === 'september')
  })
  return index < 0 ? null : index + 1
}

const MONTH_LENGTHS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month (1-12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return MONTH_LENGTHS[month - 1] ?? 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** A UTC date from parts, valid for every year (Date.UTC maps years 0-99 to 1900-1999). */
export function utcDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond))
  date.setUTCFullYear(year, month - 1, day)
  return date
}
