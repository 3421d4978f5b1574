import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveInside, responseHeaders } from './app-files'

describe('resolveInside (POSIX)', () => {
  const root = '/opt/synclens/dist/renderer'

  it.each([
    ['/', `${root}/index.html`],
    ['', `${root}/index.html`],
    ['/index.html', `${root}/index.html`],
    ['/assets/index-D1x.js', `${root}/assets/index-D1x.js`],
    ['/assets/', `${root}/assets/index.html`],
    ['/assets/my%20font.woff2', `${root}/assets/my font.woff2`],
  ])('serves %j as %s', (urlPath, expected) => {
    expect(resolveInside(root, urlPath, path.posix)).toBe(expected)
  })

  it.each([
    ['parent segment', '/../secret.txt'],
    ['nested parent segments', '/assets/../../etc/passwd'],
    ['encoded parent segment', '/%2e%2e/secret.txt'],
    ['mixed-case encoded parent', '/%2E%2e/secret.txt'],
    ['encoded slash and parents', '/assets%2f..%2f..%2fsecret.txt'],
    ['dot segment', '/./index.html'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['plain backslash', '/assets\\..\\..\\secret.txt'],
    ['NUL byte', '/index.html%00.png'],
    ['raw NUL byte', '/index.html\u0000'],
    ['absolute path after the slash', '//etc/passwd'],
    ['encoded absolute path', '/%2fetc/passwd'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['broken percent encoding', '/%E0%A4%A'],
    ['no leading slash', 'index.html'],
  ])('refuses a %s (%j)', (_label, urlPath) => {
    expect(resolveInside(root, urlPath, path.posix)).toBeNull()
  })

  it('decodes once, so a double-encoded parent is a harmless literal name inside the root', () => {
    expect(resolveInside(root, '/%252e%252e/secret.txt', path.posix)).toBe(`${root}/%2e%2e/secret.txt`)
  })

  it('refuses a sibling folder whose name starts with the root name', () => {
    expect(resolveInside('/opt/app/renderer', '/../renderer-other/x.js', path.posix)).toBeNull()
    expect(resolveInside('/opt/app/renderer', '/%2e%2e/renderer-other/x.js', path.posix)).toBeNull()
  })
})

describe('resolveInside (Windows)', () => {
  const root = 'C:\\Program Files\\SyncLens\\resources\\app\\dist\\renderer'

  it('serves a file under the root with Windows separators', () => {
    expect(resolveInside(root, '/assets/index.js', path.win32)).toBe(`${root}\\assets\\index.js`)
  })

  it.each([
    '/..\\..\\secret.txt',
    '/%5c..%5c..%5csecret.txt',
    '/C:/Windows/win.ini',
    '/c%3a/Windows/win.ini',
    '//server/share/x.js',
    '/%5c%5cserver%5cshare%5cx.js',
    '/index.html:stream',
    '/../renderer-other/x.js',
  ])('refuses %j', (urlPath) => {
    expect(resolveInside(root, urlPath, path.win32)).toBeNull()
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.MJS', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type)
  })
})

describe('responseHeaders', () => {
  it('carries the strict policy, the type and nosniff on every file', () => {
    expect(responseHeaders('/x/index.html')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    })
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    )
  })
})
