/**
 * The Content-Security-Policy of the app, one source for every server of the renderer: the Electron protocol
 * handler, `vite preview` (the browser build, `npm run web`) and the dev server (relaxed below).
 *
 * Nothing loads unless it comes from the app itself. `worker-src 'self'`: every worker starts from a bundled file,
 * never from a blob: or data: URL: the renderer's snapshot worker (`new Worker(new URL('./snapshot.worker.ts',
 * import.meta.url))`) and the segment readers that worker starts for a large load (`segment-reader.worker.ts`); zip
 * reading runs inside the snapshot worker without workers of its own. `frame-ancestors 'none'` keeps any
 * other page from framing the app; it works only in a response header, never in the page's `<meta>` tag.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
]

/** The policy as a response header value. */
export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.join('; ')

/** The policy as index.html's `<meta>` tag carries it: the same, less `frame-ancestors` (ignored there). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ')

/**
 * The dev server's policy: Vite injects inline scripts (React Refresh) and styles (CSS hot reload) and talks over
 * a websocket. Only `vite` (serve) uses it, so the built app is always tested under the strict policy.
 */
export function devServerPolicy(policy: string): string {
  return policy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*")
}

/** Headers every response of a renderer server carries. */
export function securityHeaders(policy: string = CONTENT_SECURITY_POLICY): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  }
}
