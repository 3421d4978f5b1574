import type { SnapshotState } from './host-api'

/** The window title for a snapshot state: the product, then the snapshot shown or being opened. */
export function windowTitle(state: SnapshotState): string {
  switch (state.phase) {
    case 'empty':
      return 'SyncLens'
    case 'loading':
      return `SyncLens - Opening ${state.name}`
    case 'ready':
      return `SyncLens - ${state.summary.name}`
    case 'failed':
      return `SyncLens - ${state.name} (failed)`
  }
}
