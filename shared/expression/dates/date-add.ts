/** VBA `DateAdd` intervals on UTC dates. */
import { daysInMonth, utcDate } from './calendar'

/** The intervals DateAdd accepts. */
export const DATE_ADD_INTERVALS: readonly string[] = ['yyyy', 'q', 'm', 'y', 'd', 'w', 'ww', 'h', 'n', 's']

/** Adds `count` intervals to a date; null for an unknown interval or a date out of range. */
export function dateAdd(interval: string, count: number, date: Date): Date | null {
  const whole = Math.trunc(count)
  switch (interval.toLowerCase()) {
    case 'yyyy':
      return addMonths(date, whole * 12)
    case 'q':
      return addMonths(date, whole * 3)
    case 'm':
      return addMonths(date, whole)
    case 'y':
    case 'd':
    case 'w':
      return addMs(date, whole * 86_400_000)
    case 'ww':
      return addMs(date, whole * 7 * 86_400_000)
    case 'h':
      return addMs(date, whole * 3_600_000)
    case 'n':
      return addMs(date, whole * 60_000)
    case 's':
      return addMs(date, whole * 1000)
    default:
      return null
  }
}

function addMs(date: Date, ms: number): Date | null {
  const result = new Date(date.getTime() + ms)
  return Number.isNaN(result.getTime()) ? null : result
}

/** Adds months; the day is clamped to the end of the target month as .NET AddMonths does. */
function addMonths(date: Date, months: number): Date | null {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  if (year < 1 || year > 9999) return null
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month))
  return utcDate(
    year,
    month,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  )
}
