import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/app/content-security-policy'

/** The policy sent with every page of the app (a header: only a header can carry `frame-ancestors`). */
export { CONTENT_SECURITY_POLICY }

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.otf', 'font/otf'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.wasm', 'application/wasm'],
])

/** The Content-Type of a file of the renderer build; module scripts load only with a JavaScript type. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES.get(path.extname(filePath).toLowerCase()) ?? 'application/octet-stream'
}

/** The headers of every file the app protocol serves. */
export function responseHeaders(filePath: string): Readonly<Record<string, string>> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  }
}

/** The path helpers resolveInside uses; tests pass `path.win32` to check Windows rules on any machine. */
export type PathFlavour = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>

/**
 * The file under `root` that a URL path names, or null when it would leave `root`.
 *
 * `urlPath` is the still-encoded pathname of an `app://` URL. Refused: `..` segments (plain or
 * percent-encoded), backslashes (a separator on Windows), NUL, drive letters and other absolute
 * forms, and anything that resolves to a sibling such as `root-other/`. `/` serves `index.html`.
 */
export function resolveInside(root: string, urlPath: string, flavour: PathFlavour = path): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null
  const absolute = decoded === '' ? '/' : decoded
  // A second leading slash would make a network path (`//server/share`) on Windows.
  if (!absolute.startsWith('/') || absolute.startsWith('//')) return null
  const relative = absolute.slice(1)
  const segments = relative.split('/')
  if (segments.some((segment) => segment === '..' || segment === '.')) return null
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
  const base = flavour.resolve(root)
  const resolved = flavour.resolve(base, file)
  const fromRoot = flavour.relative(base, resolved)
  if (fromRoot === '' || fromRoot.startsWith('..') || flavour.isAbsolute(fromRoot)) return null
  return resolved.startsWith(base + flavour.sep) ? resolved : null
}
