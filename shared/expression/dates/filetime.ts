/** AD integer dates (FILETIME: 100-nanosecond intervals since 1601-01-01 UTC) and JS dates. */

const EPOCH_DIFFERENCE_MS = 11_644_473_600_000
const TICKS_PER_MS = 10_000

/** The date of a FILETIME number; null when it is negative or not a number. */
export function dateFromFiletime(value: number): Date | null {
  if (!Number.isFinite(value) || value < 0) return null
  const date = new Date(Math.floor(value / TICKS_PER_MS) - EPOCH_DIFFERENCE_MS)
  return Number.isNaN(date.getTime()) ? null : date
}

/** The FILETIME number of a date; null before 1601 (FILETIME cannot express it). */
export function filetimeFromDate(date: Date): number | null {
  const ms = date.getTime()
  if (Number.isNaN(ms) || ms < -EPOCH_DIFFERENCE_MS) return null
  return (ms + EPOCH_DIFFERENCE_MS) * TICKS_PER_MS
}
