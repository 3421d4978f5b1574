import type { HostApi } from '../../shared/app/host-api'
import { createBrowserHost } from './browser-host'
import { browserStart } from './start-option'

declare global {
  interface Window {
    /** The HostApi the Electron preload exposes; absent in the browser build. */
    readonly synclens?: HostApi
  }
}

/**
 * The host the UI talks to: Electron's preload API when present, else the browser implementation, which
 * starts loading the training snapshot at once (Electron's main process does that itself).
 */
export function selectHost(): HostApi {
  if (window.synclens) return window.synclens
  const host = createBrowserHost()
  if (browserStart(window.location.search) === 'training') void host.openTrainingSnapshot()
  return host
}
