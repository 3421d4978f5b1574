import { app, type Session, session as sessions, shell, type WebContents } from 'electron'
import { externalLink, isAppUrl } from './url-policy'

/**
 * Deny-by-default rules for every web contents the app will ever create.
 *
 * This module acts when imported, and main.ts imports it first, so the rules are in place before
 * any window, webview or session exists (ESM hoists imports; the side effect must live here).
 */
function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: { readonly url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-frame-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links meant for the web open in the user's browser; nothing ever opens inside the app.
    const link = externalLink(url)
    if (link !== null) void shell.openExternal(link)
    return { action: 'deny' }
  })
}

/** SyncLens needs no camera, notification, clipboard-read or other permission: refuse every one. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

app.enableSandbox()
app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
app.on('session-created', denyPermissions)
// The default session may exist before 'session-created' is heard; cover it explicitly.
void app.whenReady().then(() => denyPermissions(sessions.defaultSession))
