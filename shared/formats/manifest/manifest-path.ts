/** A path from the manifest, checked and normalized, or why it was refused. */
export type ManifestPathResult =
  | { readonly ok: true; readonly path: string; readonly hadBackslashes: boolean }
  | { readonly ok: false; readonly problem: string }

/**
 * Checks a snapshot-relative path: `/`-separated, no drive, no leading slash, no `..`.
 * Backslashes (a Windows habit) become slashes; `.` and empty segments are dropped.
 */
export function checkManifestPath(
  raw: string,
  options: { readonly allowRoot?: boolean } = {},
): ManifestPathResult {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f]/.test(raw)) return { ok: false, problem: 'contains control characters' }
  const hadBackslashes = raw.includes('\\')
  const slashed = raw.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, problem: 'is absolute; paths must be relative to the snapshot folder' }
  }
  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.includes('..'))
    return { ok: false, problem: 'contains "..", which would leave the snapshot folder' }
  if (segments.length === 0 && options.allowRoot !== true) return { ok: false, problem: 'is empty' }
  return { ok: true, path: segments.join('/'), hadBackslashes }
}
