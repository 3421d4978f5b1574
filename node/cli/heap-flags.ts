import { READING_SEMI_SPACE_MB } from '../worker-heap'

/** The V8 flag that sets the semi-space size. */
const SEMI_SPACE_FLAG = '--max-semi-space-size'

/** Commands that read no snapshot: they are not worth a second process start. */
const LIGHT_ARGUMENTS = new Set(['--version', '-V', '--help', '-h', 'help'])

/** What decides whether the command starts again with its heap settings. */
export interface HeapRelaunchContext {
  /** `process.versions.node`. */
  readonly nodeVersion: string
  /** `process.execArgv`: flags given to Node before the script. */
  readonly execArgv: readonly string[]
  /** The command's own arguments (`process.argv.slice(2)`). */
  readonly args: readonly string[]
  /** The environment (`NODE_OPTIONS` may already set the flag). */
  readonly env: NodeJS.ProcessEnv
}

/**
 * The Node arguments (before the script) to start the command again with its young generation
 * (`READING_SEMI_SPACE_MB`: Node 22 and later would size it by the machine, costing memory for no speed), or null
 * to run it as it is: on Node 20 and older (already 16 MB), when the flag was given (on the command line or in
 * `NODE_OPTIONS`, so also in the started copy), and for `--version` and `--help`.
 */
export function heapRelaunchFlags(context: HeapRelaunchContext): string[] | null {
  const major = Number.parseInt(context.nodeVersion.split('.')[0] ?? '', 10)
  if (!Number.isFinite(major) || major < 22) return null
  const given = (flag: string): boolean =>
    flag === SEMI_SPACE_FLAG ||
    flag.startsWith(`${SEMI_SPACE_FLAG}=`) ||
    flag.startsWith('--max_semi_space_size')
  if (context.execArgv.some(given)) return null
  if ((context.env.NODE_OPTIONS ?? '').split(/\s+/).some(given)) return null
  const first = context.args[0]
  if (first === undefined || LIGHT_ARGUMENTS.has(first)) return null
  return [`${SEMI_SPACE_FLAG}=${READING_SEMI_SPACE_MB}`, ...context.execArgv]
}
