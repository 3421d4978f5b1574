import { createContext, useContext, type ReactNode } from 'react'
import type { HostApi } from '../../shared/app/host-api'

const HostContext = createContext<HostApi | null>(null)

/** Makes the host available to every view below it. */
export function HostProvider({ host, children }: { readonly host: HostApi; readonly children: ReactNode }) {
  return <HostContext value={host}>{children}</HostContext>
}

/** The host the app talks to; views never reach Electron or the worker any other way. */
export function useHost(): HostApi {
  const host = useContext(HostContext)
  if (!host) throw new Error('useHost() needs a <HostProvider> above it.')
  return host
}
