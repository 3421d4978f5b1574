import { useEffect, useState } from 'react'
import type { ComparisonState, HostApi } from '../../../shared/app/host-api'

/** The host's comparison state, kept current; null until the host has answered once. */
export function useComparisonState(host: HostApi): ComparisonState | null {
  const [state, setState] = useState<ComparisonState | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = host.onComparisonStateChange((next) => {
      if (live) setState(next)
    })
    void host.getComparisonState().then((current) => {
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
