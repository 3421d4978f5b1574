/** Command-line options of `npm run bench`. */

/** Metaverse-object counts measured when no size is given. */
export const DEFAULT_SIZES: readonly number[] = [10_000, 100_000, 300_000]
/** The size measured by `--ci`. */
export const CI_SIZE = 10_000

/** What one run of the benchmark does. */
export interface BenchOptions {
  /** Metaverse-object counts, ascending. */
  readonly sizes: readonly number[]
  readonly ci: boolean
  /** Whether to drive Chromium for the grid scroll measurement. */
  readonly browser: boolean
  /** Whether to time each object file through raw read, saxes, the store and xmllint (long at 1m). */
  readonly filePasses: boolean
  /** Repetitions of each per-file throughput measurement (the median is kept). */
  readonly runs: number
  /** Interleaved rounds of the process-start-to-summary runs against xmllint (medians; at least 3). */
  readonly firstScreenRounds: number
  /** Whether to time the CLI and the app from process start (minutes per round at 300k). */
  readonly processStart: boolean
  /** Whether to compare each size with a copy whose configuration differs (loads the snapshot twice). */
  readonly compare: boolean
  /** Whether to measure on the running Node even when it is older than the LTS the command is built for. */
  readonly nodeAsIs: boolean
}

/** A usage problem, with the sentence to print. */
export interface OptionsError {
  readonly error: string
}

const SUFFIXES = new Map<string, number>([
  ['', 1],
  ['k', 1_000],
  ['m', 1_000_000],
])

/** Reads "300000", "300k", "1m" or "1_000_000" as a count; null when it is not one. */
export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''))
  if (match === null) return null
  const multiplier = SUFFIXES.get((match[2] ?? '').toLowerCase()) ?? 1
  const value = Math.round(Number(match[1]) * multiplier)
  return Number.isSafeInteger(value) && value > 0 ? value : null
}

/** Labels a count the way it is typed: 10k, 300k, 1m. */
export function sizeLabel(size: number): string {
  if (size % 1_000_000 === 0) return `${size / 1_000_000}m`
  if (size % 1_000 === 0) return `${size / 1_000}k`
  return String(size)
}

/**
 * Parses the arguments: `--size N` adds N to the default sizes (`--size 1m` for a million),
 * `--sizes A,B` replaces them, `--ci` measures only the small size, `--no-browser` skips Chromium,
 * `--no-file-passes` skips the per-file throughput passes (the whole-snapshot load is still timed),
 * `--runs N` repeats each throughput measurement, `--rounds N` sets the interleaved first-screen rounds (3 at
 * least, the default), `--no-process-start` skips the runs from process start (CLI, `summary demo`, the app in
 * Chromium), `--no-compare` the comparison of two snapshots, `--node-as-is` measures on the running Node even
 * when it is older than the LTS (by default the benchmark runs itself again on the LTS: `scripts/lts-node.mjs`).
 */
export function parseBenchOptions(args: readonly string[]): BenchOptions | OptionsError {
  let sizes: number[] | null = null
  const extra: number[] = []
  let ci = false
  let browser = true
  let filePasses = true
  let runs = 1
  let firstScreenRounds = 3
  let processStart = true
  let compare = true
  let nodeAsIs = false
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? ''
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined]
    const value = (): string | undefined => inline ?? args[++index]
    switch (flag) {
      case '--ci':
        ci = true
        break
      case '--no-browser':
        browser = false
        break
      case '--no-file-passes':
        filePasses = false
        break
      case '--no-process-start':
        processStart = false
        break
      case '--no-compare':
        compare = false
        break
      case '--node-as-is':
        nodeAsIs = true
        break
      case '--size':
      case '--sizes': {
        const text = value()
        const parsed = (text ?? '').split(',').map(parseSize)
        if (text === undefined || parsed.some((size) => size === null)) {
          return { error: `${flag} needs a count such as 100000, 300k or 1m (got "${text ?? ''}").` }
        }
        const counts = parsed.filter((size): size is number => size !== null)
        if (flag === '--sizes') sizes = [...(sizes ?? []), ...counts]
        else extra.push(...counts)
        break
      }
      case '--runs': {
        const count = Number(value())
        if (!Number.isInteger(count) || count < 1)
          return { error: '--runs needs a whole number of at least 1.' }
        runs = count
        break
      }
      case '--rounds': {
        const count = Number(value())
        if (!Number.isInteger(count) || count < 3)
          return { error: '--rounds needs a whole number of at least 3 (the figures are medians).' }
        firstScreenRounds = count
        break
      }
      default:
        return {
          error: `Unknown argument "${arg}". Use --size N, --sizes A,B, --ci, --runs N, --rounds N, --no-browser, --no-file-passes, --no-process-start, --no-compare, --node-as-is.`,
        }
    }
  }
  const chosen = ci ? [CI_SIZE] : [...(sizes ?? DEFAULT_SIZES), ...extra]
  return {
    sizes: [...new Set(chosen)].sort((a, b) => a - b),
    ci,
    browser,
    filePasses,
    runs,
    firstScreenRounds,
    processStart,
    compare,
    nodeAsIs,
  }
}
