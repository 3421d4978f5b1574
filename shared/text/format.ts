const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'] as const

/**
 * Formats a byte count in binary units, the one way SyncLens writes sizes (progress, limits, messages):
 * `512 bytes`, `1.5 KiB`, `64 MiB`, `2 GiB`. Whole multiples print without decimals, so a limit reads as set.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`
  const digits = Number.isInteger(value) || value >= 10 ? Math.round(value).toString() : value.toFixed(1)
  return `${digits} ${UNITS[unit]}`
}

/** Formats a transfer rate in bytes per second as mebibytes per second: `12.3 MiB/s`. */
export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '–'
  const megabytes = bytesPerSecond / (1024 * 1024)
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes).toString()} MiB/s`
}

/** Formats a duration in seconds for "time left": `< 1 s`, `42 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds < 1) return '< 1 s'
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole} s`
  const minutes = Math.floor(whole / 60)
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** Formats a count with thousands separators, independent of the machine's locale: `1,234,567`. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US')
}

/** Ratio of done to total as a whole percentage between 0 and 100. */
export function percent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)))
}
