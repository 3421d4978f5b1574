import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, externalLink, isAppUrl } from './url-policy'

describe('isAppUrl', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://synclens/', true],
    ['app://synclens/assets/index-abc.js?x=1#top', true],
    ['app://SYNCLENS/index.html', false],
    ['app://synclens.evil/index.html', false],
    ['app://evil/index.html', false],
    ['app://synclens:8080/index.html', false],
    ['app://user:pass@synclens/index.html', false],
    ['app://user@synclens/index.html', false],
    ['file:///etc/passwd', false],
    ['https://synclens/index.html', false],
    ['http://localhost:5173/', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['not a url', false],
    ['', false],
  ])('%s belongs to the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected)
  })
})

describe('externalLink', () => {
  it.each([
    [
      'https://learn.microsoft.com/entra/identity/hybrid/connect/',
      'https://learn.microsoft.com/entra/identity/hybrid/connect/',
    ],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/a b', 'https://example.com/a%20b'],
    ['https://user:secret@example.com/', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['C:\\Windows\\System32\\calc.exe', null],
    ['smb://server/share', null],
    ['ms-settings:privacy', null],
    ['javascript:alert(1)', null],
    ['app://synclens/index.html', null],
    ['//example.com/path', null],
    ['', null],
  ])('%s opens in the browser as %s', (url, expected) => {
    expect(externalLink(url)).toBe(expected)
  })
})
