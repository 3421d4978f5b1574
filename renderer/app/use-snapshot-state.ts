import type { HostApi, SnapshotState } from '../../shared/app/host-api'
import { useHostState, type HostStateChannel } from '../views/common/use-host-state'

const SNAPSHOT_STATE: HostStateChannel<SnapshotState> = {
  subscribe: (host, listener) => host.onStateChange(listener),
  read: (host) => host.getState(),
}

/** The host's snapshot state, kept current; null until the host has answered once. */
export function useSnapshotState(host: HostApi): SnapshotState | null {
  return useHostState(host, SNAPSHOT_STATE)
}
