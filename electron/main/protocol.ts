import fs from 'node:fs'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY, resolveInside, responseHeaders } from './app-files'
import { APP_HOST, APP_SCHEME } from './url-policy'

/**
 * Declares `app:` a standard, secure scheme. Electron accepts this only before `ready`.
 *
 * Standard gives the page a real origin (`app://synclens`) for relative URLs, storage and 'self' in
 * the CSP; secure counts it as HTTPS. `corsEnabled` stays off so no other origin can read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the renderer build under `app://synclens/`, and nothing outside `rendererRoot`. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.hostname !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return refusal(404, 'Not found')
    }
    const file = resolveInside(rendererRoot, url.pathname)
    if (file === null) return refusal(403, 'Forbidden')
    try {
      const body = await fs.promises.readFile(file)
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: responseHeaders(file),
      })
    } catch {
      return refusal(404, 'Not found')
    }
  })
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
