import { useEffect, useState } from 'react'
import type { HostApi, SnapshotState } from '../../shared/app/host-api'

/** The host's snapshot state, kept current; null until the host has answered once. */
export function useSnapshotState(host: HostApi): SnapshotState | null {
  const [state, setState] = useState<SnapshotState | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = host.onStateChange((next) => {
      if (live) setState(next)
    })
    void host.getState().then((current) => {
      // A change event that arrived first is newer than this answer.
      if (live) setState((previous) => previous ?? current)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [host])
  return state
}
