import { describe, expect, it } from 'vitest'
import { decodeEntities, isXmlChar } from './entities'

describe('decodeEntities', () => {
  it.each([
    ['plain text', 'plain text'],
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['x &#65;&#x42;&#x62; y', 'x ABb y'],
    ['&#233;&#x1D11E;', 'é𝄞'],
    ['&#9;&#10;&#13;', '\t\n\r'],
    ['a&amp;amp;b', 'a&amp;b'],
  ])('decodes %j', (text, expected) => {
    expect(decodeEntities(text)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['&foo;', 0, 'unknown or invalid entity reference "&foo;"'],
    ['ok &lol3; no', 3, 'unknown or invalid entity reference "&lol3;"'],
    ['fish & chips', 5, 'an "&" must start an entity reference'],
    ['&#0;', 0, 'unknown or invalid entity reference "&#0;"'],
    ['&#xD800;', 0, 'unknown or invalid entity reference "&#xD800;"'],
    ['&#x110000;', 0, 'unknown or invalid entity reference "&#x110000;"'],
    ['&#12a;', 0, 'unknown or invalid entity reference "&#12a;"'],
    ['&#x;', 0, 'unknown or invalid entity reference "&#x;"'],
    ['&amp', 0, 'an "&" must start an entity reference'],
  ])('refuses %j', (text, offset, message) => {
    const result = decodeEntities(text)

    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.offset).toBe(offset)
      expect(result.message).toContain(message)
    }
  })
})

describe('isXmlChar', () => {
  it.each([
    [0x09, true],
    [0x0a, true],
    [0x0d, true],
    [0x00, false],
    [0x1f, false],
    [0x20, true],
    [0xd7ff, true],
    [0xd800, false],
    [0xdfff, false],
    [0xe000, true],
    [0xfffe, false],
    [0x10000, true],
    [0x10ffff, true],
    [0x110000, false],
  ])('says U+%s allowed = %s', (code, allowed) => {
    expect(isXmlChar(code)).toBe(allowed)
  })
})
