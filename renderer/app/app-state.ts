import type { SnapshotState } from '../../shared/app/host-api'

/** The value of `data-app-state` on `<html>`: the readiness marker end-to-end tests wait for. */
export type AppStateMarker = SnapshotState['phase']

/** The readiness marker for a snapshot state. */
export function appStateMarker(state: SnapshotState): AppStateMarker {
  return state.phase
}

/** The window title for a snapshot state: the snapshot's name once one is open or opening. */
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
