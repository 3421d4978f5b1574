import type { ComparisonState, HostApi } from '../../../shared/app/host-api'
import { useHostState, type HostStateChannel } from '../common/use-host-state'

const COMPARISON_STATE: HostStateChannel<ComparisonState> = {
  subscribe: (host, listener) => host.onComparisonStateChange(listener),
  read: (host) => host.getComparisonState(),
}

/** The host's comparison state, kept current; null until the host has answered once. */
export function useComparisonState(host: HostApi): ComparisonState | null {
  return useHostState(host, COMPARISON_STATE)
}
