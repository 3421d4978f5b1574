import { READING_SEMI_SPACE_MB, semiSpaceFlag } from '../worker-heap'

/** The V8 flag that sets the semi-space size. */
const SEMI_SPACE_FLAG = '--max-semi-space-size'

/** Commands that read no snapshot: they are not worth a second process start. */
const LIGHT_ARGUMENTS = new Set(['--version', '-V', '--help', '-h', 'help'])

/**
 * glibc's allocator settings for a process that reads snapshots on Linux, each set only where the environment does
 * not set it already. glibc reads them once, when the process starts, so they take a second process start too.
 *
 * - `MALLOC_MMAP_THRESHOLD_`: allocations from 64 KiB (typed arrays of the store, segments handed over by reader
 *   threads, read buffers) get pages of their own, which go back to the system when freed. By default glibc raises
 *   this threshold to the size of each large block freed, up to 32 MiB, so that after the first segment of a
 *   parallel load was joined, later ones came from the heap, whose freed space it keeps.
 * - `MALLOC_ARENA_MAX`: at most two heaps for all threads, instead of eight per core; each reader thread otherwise
 *   gets a heap of its own, whose free space stays with the process after the thread ends.
 *
 * Measured at 100k objects without a metaverse export (1,059 MB of XML), two threads, pieces of 8 MiB, 5 rounds each
 * (docs/PERFORMANCE.md): peak 543 MB by default, 520 MB with the threshold, 504 MB with both; no change in time.
 */
export const READING_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_ARENA_MAX: '2',
}

/** What decides whether the command starts again with its heap settings. */
export interface HeapRelaunchContext {
  /** `process.versions.node`. */
  readonly nodeVersion: string
  /** `process.platform`: the allocator settings are glibc's, so Linux only. */
  readonly platform: NodeJS.Platform
  /** `process.execArgv`: flags given to Node before the script. */
  readonly execArgv: readonly string[]
  /** The command's own arguments (`process.argv.slice(2)`). */
  readonly args: readonly string[]
  /** The environment (`NODE_OPTIONS` may already set the flag; the allocator settings may be set). */
  readonly env: NodeJS.ProcessEnv
}

/** How to start the command again: Node arguments before the script, and variables to add to the environment. */
export interface HeapRelaunch {
  readonly execArgv: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

/**
 * How to start the command again with its heap settings, or null to run it as it is: the young generation
 * (`READING_SEMI_SPACE_MB`: Node 22 and later would size it by the machine, costing memory for no speed) unless it
 * was given (on the command line or in `NODE_OPTIONS`, so also in the started copy) or Node is older (already 16
 * MB); on Linux, the allocator settings (`READING_MALLOC_ENV`) that the environment does not set. Null when neither
 * is needed (so the started copy runs as it is), and for `--version` and `--help`, which read no snapshot.
 */
export function heapRelaunch(context: HeapRelaunchContext): HeapRelaunch | null {
  const first = context.args[0]
  if (first === undefined || LIGHT_ARGUMENTS.has(first)) return null
  const semiSpace = semiSpaceToSet(context)
  const env: Record<string, string> = {}
  if (context.platform === 'linux') {
    for (const [name, value] of Object.entries(READING_MALLOC_ENV))
      if (context.env[name] === undefined) env[name] = value
  }
  if (semiSpace === null && Object.keys(env).length === 0) return null
  return { execArgv: [...(semiSpace === null ? [] : [semiSpace]), ...context.execArgv], env }
}

/** The semi-space flag to start with, or null where Node is older than 22, or the flag was given. */
function semiSpaceToSet(context: HeapRelaunchContext): string | null {
  const major = Number.parseInt(context.nodeVersion.split('.')[0] ?? '', 10)
  if (!Number.isFinite(major) || major < 22) return null
  if (semiSpaceFlag(context.execArgv, context.env.NODE_OPTIONS) !== null) return null
  return `${SEMI_SPACE_FLAG}=${READING_SEMI_SPACE_MB}`
}
