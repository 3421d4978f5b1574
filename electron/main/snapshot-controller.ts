import path from 'node:path'
import type { RecentSnapshot } from '../../shared/app/host-api'
import { checkSnapshotPaths, snapshotRequestName, TRAINING_REQUEST } from '../../node/snapshot-request'
import {
  existingRecent,
  loadRecent,
  type RecentEntry,
  rememberOpened,
  saveRecent,
  toRecentSnapshot,
} from './recent'
import type { ComparisonCore, ComparisonOutcome } from '../../shared/app/comparison-core'
import type { HostCore, LoadOutcome } from '../../shared/app/host-core'
import type { SnapshotRequest } from '../../node/snapshot-request'

/** Where the controller keeps its list and how it learns about the world. */
export interface SnapshotControllerOptions {
  readonly host: HostCore<SnapshotRequest>
  /** The snapshot compared with the open one (Compare with…). */
  readonly comparison?: ComparisonCore<SnapshotRequest>
  /** The JSON file of the recent list, in user data. */
  readonly recentFile: string
  /** The home folder, shown as `~` in recent locations. */
  readonly home: string
  readonly now?: () => Date
  /** Told whenever the recent list changes (the menu lists it). */
  readonly onRecentChanged?: () => void
  /** Told when the recent list cannot be saved; opening goes on regardless. */
  readonly onSaveError?: (error: unknown) => void
}

/**
 * Every way to open a snapshot ends here: the Open dialog, a drop, the recent list, the command line
 * and the OS. Paths are checked before the worker sees them, and a snapshot that loads joins the
 * recent list; paths never leave the main process.
 */
export class SnapshotController {
  private recent: readonly RecentEntry[]

  public constructor(private readonly options: SnapshotControllerOptions) {
    this.recent = loadRecent(options.recentFile)
  }

  /** Opens one folder, zip or file, or several loose files; resolves once the load has settled. */
  public async openPaths(paths: readonly string[]): Promise<LoadOutcome> {
    const { host } = this.options
    const check = await checkSnapshotPaths(paths)
    if (!check.ok) {
      host.reject(paths.length === 1 ? path.basename(paths[0] ?? '') : `${paths.length} files`, check.message)
      return 'failed'
    }
    const outcome = await host.open(check.request, snapshotRequestName(check.request))
    const state = host.getState()
    if (outcome === 'ready' && state.phase === 'ready') {
      this.remember({ name: state.summary.name, paths: check.request.paths })
    }
    return outcome
  }

  /** Compares the open snapshot with one folder, zip or file, or several loose files (checked as for opening). */
  public async openComparisonPaths(paths: readonly string[]): Promise<ComparisonOutcome> {
    const { comparison } = this.options
    if (comparison === undefined) return 'failed'
    const check = await checkSnapshotPaths(paths)
    if (!check.ok) {
      comparison.reject(
        paths.length === 1 ? path.basename(paths[0] ?? '') : `${paths.length} files`,
        check.message,
      )
      return 'failed'
    }
    return comparison.open(check.request, snapshotRequestName(check.request))
  }

  /** Opens the built-in training snapshot; it is generated, not a file, so it never joins the recent list. */
  public openTraining(): Promise<LoadOutcome> {
    return this.options.host.open(TRAINING_REQUEST, snapshotRequestName(TRAINING_REQUEST))
  }

  /** Opens a snapshot from the recent list by its opaque id. */
  public async openRecent(id: string): Promise<LoadOutcome> {
    const entry = this.recent.find((candidate) => candidate.id === id)
    if (!entry) {
      this.options.host.reject(
        'Recent snapshot',
        'That snapshot is no longer in the recent list. Open it again.',
      )
      return 'failed'
    }
    return this.openPaths(entry.paths)
  }

  /** The recent snapshots that still exist, as the renderer may see them. */
  public listRecent(): readonly RecentSnapshot[] {
    return existingRecent(this.recent).map((entry) => toRecentSnapshot(entry, this.options.home))
  }

  /** Empties the recent list. */
  public clearRecent(): void {
    this.store([])
  }

  private remember(opened: { readonly name: string; readonly paths: readonly string[] }): void {
    this.store(rememberOpened(this.recent, opened, this.options.now?.() ?? new Date()))
  }

  private store(entries: readonly RecentEntry[]): void {
    this.recent = entries
    try {
      saveRecent(this.options.recentFile, entries)
    } catch (error) {
      this.options.onSaveError?.(error)
    }
    this.options.onRecentChanged?.()
  }
}
