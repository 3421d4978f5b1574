/** The custom scheme the renderer is served from (never `file://`, which can read the whole disk). */
export const APP_SCHEME = 'app'

/** The one host of the app scheme. */
export const APP_HOST = 'synclens'

/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The third-party license notices the build writes beside the renderer (Help > Third-Party Licenses). */
export const APP_NOTICES_URL = `${APP_SCHEME}://${APP_HOST}/third-party-notices.txt`

/**
 * True when the URL belongs to the app itself: scheme `app:`, host `synclens`, no port, no credentials.
 *
 * Node's URL gives a non-special scheme the origin "null", so the parts are compared one by one;
 * prefix checks are never used because `app://synclens.evil` starts with `app://synclens`.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** The URL to hand to the system browser, or null unless it is a plain http(s) link without credentials. */
export function externalLink(url: string): string | null {
  const parsed = parseUrl(url)
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null
  return parsed.href
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
