import type { FileProgress, LoadProgress } from '../model/snapshot-summary'

/** Receives load progress, at most a few times per second. */
export type ProgressListener = (progress: LoadProgress) => void

/** Keeps the per-file counters of a load and turns them into LoadProgress snapshots. */
export class ProgressTracker {
  private readonly files: FileProgress[]
  private readonly startedAt: number

  public constructor(
    files: readonly { readonly path: string; readonly size: number }[],
    private readonly clock: () => number = Date.now,
  ) {
    this.files = files.map((file) => ({
      path: file.path,
      size: file.size,
      kind: '',
      bytesRead: 0,
      objects: 0,
      done: false,
    }))
    this.startedAt = clock()
  }

  /** Updates one file's counters. */
  public update(index: number, change: Partial<Omit<FileProgress, 'path' | 'size'>>): void {
    const current = this.files[index]
    if (current) this.files[index] = { ...current, ...change }
  }

  /** Marks a file as fully read. */
  public finish(index: number, objects?: number): void {
    const current = this.files[index]
    if (current)
      this.update(index, { done: true, bytesRead: current.size, objects: objects ?? current.objects })
  }

  /** The progress so far, with rate and time left estimated from bytes read. */
  public snapshot(): LoadProgress {
    const bytesTotal = this.files.reduce((sum, file) => sum + file.size, 0)
    const bytesRead = this.files.reduce((sum, file) => sum + file.bytesRead, 0)
    const elapsedMs = Math.max(0, this.clock() - this.startedAt)
    const rate = elapsedMs > 0 ? (bytesRead * 1000) / elapsedMs : 0
    // Below half a second the rate is noise; say nothing rather than something wrong.
    const secondsLeft = elapsedMs >= 500 && rate > 0 ? Math.max(0, (bytesTotal - bytesRead) / rate) : null
    return {
      files: [...this.files],
      bytesRead,
      bytesTotal,
      objectsRead: this.files.reduce((sum, file) => sum + file.objects, 0),
      elapsedMs,
      rate,
      secondsLeft,
    }
  }
}
