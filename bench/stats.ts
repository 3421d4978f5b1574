/** Small statistics over timing samples. */

/** The value below which `share` of the samples fall (nearest rank); NaN when there are none. */
export function percentile(samples: readonly number[], share: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil(share * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN
}

/** The middle sample (the lower of the two middles for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5)
}

/** p50 and p95 of a set of samples. */
export interface Percentiles {
  readonly p50: number
  readonly p95: number
}

/** p50 and p95 of the samples. */
export function percentiles(samples: readonly number[]): Percentiles {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function elapsedMs(start: number): number {
  return performance.now() - start
}

/** CPU milliseconds (user and system, all threads of the process) since `start` (a `process.cpuUsage()` reading). */
export function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
