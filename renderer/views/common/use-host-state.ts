import { useEffect, useState } from 'react'
import type { HostApi } from '../../../shared/app/host-api'

/** How to follow one piece of host state: subscribe to its changes, and ask for it once. */
export interface HostStateChannel<T> {
  readonly subscribe: (host: HostApi, listener: (next: T) => void) => () => void
  readonly read: (host: HostApi) => Promise<T>
}

/** A piece of the host's state, kept current; null until the host has answered once. */
export function useHostState<T>(host: HostApi, channel: HostStateChannel<T>): T | null {
  const [state, setState] = useState<T | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = channel.subscribe(host, (next) => {
      if (live) setState(() => next)
    })
    void channel.read(host).then((current) => {
      // A change event that arrived first is newer than this answer.
      if (live) setState((previous) => previous ?? current)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [host, channel])
  return state
}
