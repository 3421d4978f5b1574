import type { HostApi } from '../../shared/host-api'
import { createBrowserHost } from './browser-host'

declare global {
  interface Window {
    /** The HostApi the Electron preload exposes; absent in the browser build. */
    readonly synclens?: HostApi
  }
}

/** The host the UI talks to: Electron's preload API when present, else the browser implementation. */
export function selectHost(): HostApi {
  return window.synclens ?? createBrowserHost()
}
