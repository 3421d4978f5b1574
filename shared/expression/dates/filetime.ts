/** AD integer dates (FILETIME: 100-nanosecond intervals since 1601-01-01 UTC) and JS dates. */

const EPOCH_DIFFERENCE_MS = 11_644_473_600_000
const TICKS_PER_MS = 10_000

/**
 * The last millisecond a .NET DateTime holds (9999-12-31 23:59:59.999 UTC). A FILETIME beyond it (AD's
 * "never" accountExpires, 9223372036854775807) has no date: DateTime.FromFileTimeUtc refuses it.
 */
const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** The date of a FILETIME number; null when it is negative, past year 9999, or not a number. */
export function dateFromFiletime(value: number): Date | null {
  if (!Number.isFinite(value) || value < 0) return null
  const ms = Math.floor(value / TICKS_PER_MS) - EPOCH_DIFFERENCE_MS
  if (ms > MAX_DATE_MS) return null
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date
}

/** The FILETIME number of a date; null before 1601 (FILETIME cannot express it). */
export function filetimeFromDate(date: Date): number | null {
  const ms = date.getTime()
  if (Number.isNaN(ms) || ms < -EPOCH_DIFFERENCE_MS) return null
  return (ms + EPOCH_DIFFERENCE_MS) * TICKS_PER_MS
}
