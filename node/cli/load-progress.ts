import type { LoadProgress } from '../../shared/app/host-api'
import { formatBytes, formatDuration, formatRate, percent } from '../../shared/text/format'

/**
 * One line saying how far a load is: the share of bytes read, the rate, the time left and the file being read.
 * A terminal shows it in place while a big snapshot loads (minutes at a million objects).
 */
export function formatLoadProgress(progress: LoadProgress): string {
  const reading = progress.files.find((file) => !file.done && file.bytesRead > 0)
  const parts = [
    `Loading: ${percent(progress.bytesRead, progress.bytesTotal)} % (${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)})`,
    formatRate(progress.rate),
    `${formatDuration(progress.secondsLeft)} left`,
  ]
  if (reading !== undefined) parts.push(reading.path)
  return parts.join(', ')
}

/** Erases from the cursor to the end of the line (ANSI EL; libuv understands it on Windows consoles too). */
const ERASE_TO_END = '\x1b[K'

/**
 * `text` cut with an ellipsis to fit a terminal `columns` wide, leaving the last column free: a line as wide as
 * the terminal wraps on some terminals, and a wrapped line can no longer be rewritten in place.
 */
export function fitToWidth(text: string, columns: number | undefined): string {
  if (columns === undefined || !Number.isFinite(columns) || columns < 2) return text
  const room = Math.floor(columns) - 1
  const characters = Array.from(text)
  return characters.length <= room ? text : `${characters.slice(0, room - 1).join('')}…`
}

/** Shows status lines in place on a terminal: each replaces the last; `done` clears it. */
export class StatusLine {
  private showing = false

  /**
   * Writes to `write` (standard error on a terminal); `columns` gives the terminal's width at each update, so
   * a line never wraps, even after the window is narrowed.
   */
  public constructor(
    private readonly write: (text: string) => void,
    private readonly columns: () => number | undefined = () => undefined,
  ) {}

  /** Replaces the line with `text`, cut to the terminal's width. */
  public show(text: string): void {
    this.write(`\r${fitToWidth(text, this.columns())}${ERASE_TO_END}`)
    this.showing = true
  }

  /** Removes the line, leaving the cursor at the start of an empty line. */
  public done(): void {
    if (!this.showing) return
    this.write(`\r${ERASE_TO_END}`)
    this.showing = false
  }
}
