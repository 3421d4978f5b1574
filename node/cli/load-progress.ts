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

/** Shows status lines in place on a terminal: each replaces the last; `done` clears it. */
export class StatusLine {
  private shown = 0

  /** Writes to `write` (standard error on a terminal). */
  public constructor(private readonly write: (text: string) => void) {}

  /** Replaces the line with `text`. */
  public show(text: string): void {
    const padding = ' '.repeat(Math.max(0, this.shown - text.length))
    this.write(`\r${text}${padding}`)
    this.shown = text.length
  }

  /** Removes the line, leaving the cursor at the start of an empty line. */
  public done(): void {
    if (this.shown === 0) return
    this.write(`\r${' '.repeat(this.shown)}\r`)
    this.shown = 0
  }
}
