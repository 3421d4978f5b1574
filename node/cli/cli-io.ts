/** Where a command writes; the real streams in production, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /**
   * Writes a status line that is rewritten in place (load progress); only given when standard error is a
   * terminal, so that scripts and redirected output never see it.
   */
  readonly status?: (text: string) => void
  /** The terminal's width in columns, asked each time (it can be resized); absent when unknown. */
  readonly columns?: () => number | undefined
}

/** Exit codes of the synclens command, as README.md and `synclens --help` document them. */
export const EXIT = {
  ok: 0,
  /** The object asked for is not in the snapshot. */
  notFound: 1,
  usage: 2,
  /** The snapshot (or, for eval, the expression) cannot be read. */
  unreadable: 3,
  /** The output file cannot be written (report --out). */
  cannotWrite: 4,
  /** A defect in SyncLens itself. */
  internal: 5,
} as const

/** One of the exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The exit codes in words, for `--help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0  success (load warnings, if any, are printed)
  1  the object asked for is not in the snapshot
  2  usage error: an unknown command or option, a missing or bad value
  3  the snapshot cannot be read, or nothing in it could be (for eval: the expression fails)
  4  the output file cannot be written
  5  internal error in SyncLens (please report it with the command you ran)
`

/** A problem the user can fix, reported as one paragraph without a stack trace. */
export class CliError extends Error {
  public constructor(
    message: string,
    public readonly exitCode: ExitCode,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Writes a value as pretty JSON followed by a newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/** Formats rows as an aligned plain-text table. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    rows.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), header.length),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n'
}
