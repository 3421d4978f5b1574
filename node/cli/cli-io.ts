/** Where a command writes; the real streams in production, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /**
   * Writes a status line that is rewritten in place (load progress); only given when standard error is a
   * terminal, so that scripts and redirected output never see it.
   */
  readonly status?: (text: string) => void
}

/** Exit codes of the synclens command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, unreadable: 3 } as const

/** A problem the user can fix, reported as one paragraph without a stack trace. */
export class CliError extends Error {
  public constructor(
    message: string,
    public readonly exitCode: (typeof EXIT)[keyof typeof EXIT],
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
