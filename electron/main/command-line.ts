import path from 'node:path'

/** How the running Electron was started, which decides where the snapshot argument sits. */
export interface LaunchContext {
  /** `process.defaultApp`: true when started as `electron <app path> ...`, whose first operand is the app. */
  readonly defaultApp: boolean
  /** The directory relative paths are resolved against (the second instance's, for `second-instance`). */
  readonly cwd: string
}

/**
 * The snapshot path on a command line, absolute, or null when there is none.
 *
 * `argv` is the whole vector, executable first. Flags (`--inspect=0`, `--no-sandbox`, Chromium
 * switches added by the OS or Playwright) are skipped wherever they appear; when Electron runs as
 * the default app its first operand is the app itself (`dist/electron/main.cjs`), so the snapshot
 * is the operand after it. Everything after a bare `--` is an operand.
 */
export function snapshotArgument(argv: readonly string[], context: LaunchContext): string | null {
  const operands: string[] = []
  let flagsDone = false
  for (const argument of argv.slice(1)) {
    if (!flagsDone && argument === '--') {
      flagsDone = true
    } else if (flagsDone || !argument.startsWith('-')) {
      operands.push(argument)
    }
  }
  const snapshot = operands[context.defaultApp ? 1 : 0]
  return snapshot === undefined || snapshot === '' ? null : path.resolve(context.cwd, snapshot)
}

/** The user-data directory tests ask for through `SYNCLENS_USER_DATA_DIR`, absolute, or null. */
export function userDataOverride(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | null {
  const requested = env.SYNCLENS_USER_DATA_DIR
  return requested ? path.resolve(cwd, requested) : null
}

/** The flag that starts SyncLens on the empty start page instead of the training snapshot (tests, demos). */
export const START_EMPTY_FLAG = '--start-empty'

/** What to open at launch when the OS and the command line name no snapshot. */
export function startWithoutSnapshot(argv: readonly string[]): 'training' | 'empty' {
  const flagsEnd = argv.indexOf('--')
  const flags = flagsEnd === -1 ? argv : argv.slice(0, flagsEnd)
  return flags.includes(START_EMPTY_FLAG) ? 'empty' : 'training'
}
