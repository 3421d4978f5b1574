import { describe, expect, it, vi } from 'vitest'
import { FastXmlScanner } from './fast-xml-scanner'
import { NameTable } from './name-table'
import { DOCTYPE_REFUSED, ReferenceXmlScanner } from '../testing/reference-xml-scanner'
import { scanDocument, type ScanDocumentOptions } from './scan-helpers'
import { DEFAULT_XML_LIMITS, type XmlSink, type XmlTokenizerFactory } from './xml-sink'
import { createFastScanner } from './xml-stream'

const createReference: XmlTokenizerFactory = (sink, names, limits) =>
  new ReferenceXmlScanner(sink, names, limits)
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

function fast(xml: string, options?: ScanDocumentOptions) {
  return scanDocument(createFastScanner, encode(xml), options)
}

function reference(xml: string, options?: ScanDocumentOptions) {
  return scanDocument(createReference, encode(xml), options)
}

const RICH_DOCUMENT = [
  '<?xml version="1.0" encoding="utf-8"?>\r\n',
  '<!-- leading comment -->\r\n',
  '<root a="1" b=\'two\' c="x &amp; y &lt; &gt; &quot; &apos; &#65;&#x42;">\r\n',
  '  <empty/>\r\n',
  '  <empty-with-attributes p="q" r = "s" />\r\n',
  '  <text>line one\r\nline two\rline three</text>\r\n',
  '  <mixed>before<!-- hidden -->after<?pi ignored?>end</mixed>\r\n',
  '  <cdata><![CDATA[<not a tag> &amp; stays\r\n]]></cdata>\r\n',
  '  <spaces attr="tab\there\r\nnewline&#10;kept"> keep  inner  spaces </spaces>\r\n',
  '  <unicode name="été">Zürich € 𝄞 &#x1D11E;</unicode>\r\n',
  '  <__proto__ constructor="toString">hasOwnProperty</__proto__>\r\n',
  '</root>\r\n',
].join('')

describe('FastXmlScanner events', () => {
  it('hands plain ASCII text over as bytes, and text with entities, line breaks or other bytes as strings', () => {
    const xml = '<r><a>plain text</a><b>x &amp; y</b><c>one\r\ntwo</c><d>Zürich</d><e>tab\there</e></r>'
    const { asciiPieces, ...result } = fast(xml, { asciiBytes: true })

    expect(result).toEqual(reference(xml))
    // "plain text" and "tab\there" came as bytes; the other three as strings.
    expect(asciiPieces).toBe(2)
  })

  it('reports tags, attributes and text the way XML defines them', () => {
    const { events, error } = fast(RICH_DOCUMENT)

    expect(error).toBeNull()
    const significant = events.filter((event) => event.kind !== 'text' || event.text.trim() !== '')
    expect(significant).toEqual([
      {
        kind: 'open',
        name: 'root',
        attributes: [
          ['a', '1'],
          ['b', 'two'],
          ['c', 'x & y < > " \' AB'],
        ],
      },
      { kind: 'open', name: 'empty', attributes: [] },
      { kind: 'close', name: 'empty' },
      {
        kind: 'open',
        name: 'empty-with-attributes',
        attributes: [
          ['p', 'q'],
          ['r', 's'],
        ],
      },
      { kind: 'close', name: 'empty-with-attributes' },
      { kind: 'open', name: 'text', attributes: [] },
      { kind: 'text', text: 'line one\nline two\nline three' },
      { kind: 'close', name: 'text' },
      { kind: 'open', name: 'mixed', attributes: [] },
      { kind: 'text', text: 'beforeafterend' },
      { kind: 'close', name: 'mixed' },
      { kind: 'open', name: 'cdata', attributes: [] },
      { kind: 'text', text: '<not a tag> &amp; stays\n' },
      { kind: 'close', name: 'cdata' },
      { kind: 'open', name: 'spaces', attributes: [['attr', 'tab here newline\nkept']] },
      { kind: 'text', text: ' keep  inner  spaces ' },
      { kind: 'close', name: 'spaces' },
      { kind: 'open', name: 'unicode', attributes: [['name', 'été']] },
      { kind: 'text', text: 'Zürich € 𝄞 𝄞' },
      { kind: 'close', name: 'unicode' },
      { kind: 'open', name: '__proto__', attributes: [['constructor', 'toString']] },
      { kind: 'text', text: 'hasOwnProperty' },
      { kind: 'close', name: '__proto__' },
      { kind: 'close', name: 'root' },
    ])
  })

  it('gives exactly the events of the saxes reference', () => {
    expect(fast(RICH_DOCUMENT)).toEqual(reference(RICH_DOCUMENT))
  })

  it('gives the same events whatever byte the input is cut at', () => {
    const bytes = encode(RICH_DOCUMENT)
    const whole = scanDocument(createFastScanner, bytes)

    for (let cut = 1; cut < bytes.length; cut++) {
      expect(scanDocument(createFastScanner, bytes, { splits: [cut] }), `cut at ${cut}`).toEqual(whole)
    }
    const everyByte = Array.from({ length: bytes.length }, (_, index) => index)
    expect(scanDocument(createFastScanner, bytes, { splits: everyByte })).toEqual(whole)
  })

  it('skips text the sink does not want and still reads the structure', () => {
    const { events, error } = fast('<a>skipped<b x="1">also skipped</b></a>', { wantsText: false })

    expect(error).toBeNull()
    expect(events).toEqual([
      { kind: 'open', name: 'a', attributes: [] },
      { kind: 'open', name: 'b', attributes: [['x', '1']] },
      { kind: 'close', name: 'b' },
      { kind: 'close', name: 'a' },
    ])
  })

  it('reports names past the name-table capacity correctly', () => {
    const names = new NameTable([], 2)
    const xml = '<one><two><three four="4"><five/></three></two></one>'

    const { events, error } = fast(xml, { names })

    expect(error).toBeNull()
    expect(
      events.map((event) => (event.kind === 'text' ? event.text : `${event.kind}:${event.name}`)),
    ).toEqual([
      'open:one',
      'open:two',
      'open:three',
      'open:five',
      'close:five',
      'close:three',
      'close:two',
      'close:one',
    ])
    expect(events[2]).toEqual({ kind: 'open', name: 'three', attributes: [['four', '4']] })
    expect(names.size).toBe(2)
  })

  it('lets the caller reuse its chunk buffer after push returns', () => {
    const recorder: string[] = []
    const sink: XmlSink = {
      wantsText: true,
      openElement: (_id, tag) => recorder.push(`<${tag.elementName()}>`),
      closeElement: () => recorder.push('</>'),
      text: (value) => recorder.push(value),
    }
    const scanner = new FastXmlScanner(sink, new NameTable([]))
    const bytes = encode('<root><value>some text</value></root>')
    const reused = new Uint8Array(5)

    for (let offset = 0; offset < bytes.length; offset += 5) {
      const piece = bytes.subarray(offset, offset + 5)
      reused.fill(0x58)
      reused.set(piece)
      scanner.push(reused.subarray(0, piece.length))
    }
    scanner.end()

    expect(scanner.error).toBeNull()
    expect(recorder).toEqual(['<root>', '<value>', 'some text', '</>', '</>'])
  })

  it('scans a chunk up to its last ">", so that a tag cut by the chunk end is read whole with the next chunk', () => {
    // The cut-token paths (`waitStartTag` and the like) are what V8 compiles last: a chunk end that never lands
    // inside a tag keeps them unused, and the scanner's compiled code with them.
    const waits = ['waitStartTag', 'waitEndTag', 'waitShort', 'waitFor'] as const
    const prototype = FastXmlScanner.prototype as unknown as Record<(typeof waits)[number], () => number>
    const calls = waits.map((name) => vi.spyOn(prototype, name))
    try {
      const objects = Array.from(
        { length: 40 },
        (_, index) =>
          `  <object id="${index}" note="a &gt; b > c">\n    <v>x > y ${index}</v><e/>\n  </object>\n`,
      )
      const bytes = encode(`<root>\n${objects.join('')}</root>\n`)
      const whole = scanDocument(createFastScanner, bytes)
      // Cuts inside names, before and inside values, inside closing tags, after a ">" in a value or a text.
      for (const size of [29, 50, 97, 128]) {
        const splits = Array.from(
          { length: Math.floor(bytes.length / size) },
          (_, index) => (index + 1) * size,
        )
        expect(scanDocument(createFastScanner, bytes, { splits }), `chunks of ${size}`).toEqual(whole)
      }
      expect(whole.error).toBeNull()
      expect(whole.events.filter((event) => event.kind === 'open')).toHaveLength(1 + 40 * 3)
      // A ">" inside a value or a text can end a chunk's scan inside a tag: that tag is put aside as before.
      const aside = calls.reduce((sum, spy) => sum + spy.mock.calls.length, 0)
      expect(aside).toBeLessThan(40)
      calls.forEach((spy) => spy.mockClear())

      const plain = encode(
        `<root>\n${objects.join('').replaceAll(' > ', ' ').replaceAll('&gt;', '')}</root>\n`,
      )
      const plainWhole = scanDocument(createFastScanner, plain)
      calls.forEach((spy) => spy.mockClear())
      // Chunks long enough to hold a ">" each (a chunk without one is scanned to its end, as before).
      for (const size of [50, 97, 128]) {
        const splits = Array.from(
          { length: Math.floor(plain.length / size) },
          (_, index) => (index + 1) * size,
        )
        expect(scanDocument(createFastScanner, plain, { splits }), `chunks of ${size}`).toEqual(plainWhole)
      }
      expect(calls.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0])
    } finally {
      calls.forEach((spy) => spy.mockRestore())
    }
  })

  it('reads what follows the last ">" of the input at its end: trailing text, or a truncated tag', () => {
    expect(fast('<a/>\n  \n').error).toBeNull()
    expect(fast('<a>x</a>\n tail').error).toMatchObject({
      message: 'text is not allowed outside the root element',
      line: 2,
      column: 2,
    })
    expect(fast('<a>x</a><b').error?.message).toContain('the file ends inside a markup construct')
    expect(fast('<a>x</a><b/>').error?.message).toContain('a document has only one root element')
    expect(fast('<a><b>x</b><c y="1').error).toMatchObject({ line: 1, column: 19 })
    expect(fast('<a><b>x</b><c y="1').error?.message).toContain('the file ends inside <a>')
  })
})

describe('FastXmlScanner attribute value ids', () => {
  /** Every attribute of every start tag as [value, id, value read after the id]. */
  function valueIds(
    bytes: Uint8Array,
    chunk = bytes.length,
  ): { ids: [string, number, string][]; invalid: number } {
    const ids: [string, number, string][] = []
    const sink: XmlSink = {
      wantsText: false,
      openElement: (_id, tag) => {
        for (let i = 0; i < tag.attributeCount; i++) {
          const before = tag.attributeValue(i)
          ids.push([before, tag.attributeValueId(i), tag.attributeValue(i)])
        }
      },
      closeElement: () => undefined,
      text: () => undefined,
    }
    const scanner = new FastXmlScanner(sink, new NameTable([]))
    for (let offset = 0; offset < bytes.length; offset += chunk)
      scanner.push(bytes.subarray(offset, offset + chunk))
    scanner.end()
    expect(scanner.error).toBeNull()
    return { ids, invalid: scanner.invalidTextValues }
  }

  it('gives equal values one id whatever chunk they arrive in, and distinct values distinct ids', () => {
    const guid = '{4D809DFC-EEF5-49CD-A811-780E868B1B58}'
    const xml = `<r><v a="${guid}" b="été" c=""/><v a="${guid}" b="ete" c=""/><v a="x" b="été"/></r>`
    for (const chunk of [1, 3, 7, 1000]) {
      const { ids } = valueIds(encode(xml), chunk)
      const idOf = (value: string): number[] => [
        ...new Set(ids.filter(([text]) => text === value).map(([, id]) => id)),
      ]
      expect(idOf(guid)).toHaveLength(1)
      expect(idOf('été')).toHaveLength(1)
      expect(idOf('')).toHaveLength(1)
      const distinct = [guid, 'été', 'ete', '', 'x'].map((value) => idOf(value)[0])
      expect(new Set(distinct).size).toBe(5)
      expect(distinct.every((id) => id !== undefined && id >= 0)).toBe(true)
      expect(ids.every(([before, , after]) => before === after)).toBe(true)
    }
  })

  it('tells apart values that differ only in bytes the lookup hash does not sample', () => {
    // GUIDs and times that differ in one position each, every position of a 38- and a 23-byte value: their
    // hashes often collide, and each must still get an id of its own, the same one every time it comes back.
    const base = '{4D809DFC-EEF5-49CD-A811-780E868B1B58}'
    const time = '2026-11-24 17:30:04.117'
    const variants = [base, time]
    for (const value of [base, time])
      for (let at = 1; at < value.length - 1; at += 1)
        if (/[0-9A-F]/.test(value[at] ?? ''))
          variants.push(value.slice(0, at) + (value[at] === '7' ? '8' : '7') + value.slice(at + 1))
    const distinct = [...new Set(variants)]
    const tags = [...distinct, ...distinct.slice().reverse()].map((value) => `<v a="${value}"/>`).join('')
    for (const chunk of [5, 1000]) {
      const { ids } = valueIds(encode(`<r>${tags}</r>`), chunk)
      const byValue = new Map<string, Set<number>>()
      for (const [text, id] of ids) byValue.set(text, (byValue.get(text) ?? new Set()).add(id))
      expect(byValue.size).toBe(distinct.length)
      expect([...byValue.values()].every((set) => set.size === 1 && [...set][0]! >= 0)).toBe(true)
      expect(new Set([...byValue.values()].map((set) => [...set][0])).size).toBe(distinct.length)
    }
  })

  it('does not intern values written with entities or line breaks, or longer than 64 bytes', () => {
    const long = 'x'.repeat(65)
    const { ids } = valueIds(encode(`<r a="a &amp; b" b="two\nlines" c="${long}" d="${long.slice(1)}"/>`))

    expect(ids.map(([text, id]) => [text, id >= 0])).toEqual([
      ['a & b', false],
      ['two lines', false],
      [long, false],
      [long.slice(1), true],
    ])
  })

  it('never interns a value with invalid UTF-8, so that every read of it is counted as before', () => {
    const bytes = new Uint8Array([
      ...encode('<r><v a="'),
      0xc3,
      0x28,
      ...encode('"/><v a="'),
      0xc3,
      0x28,
      ...encode('"/></r>'),
    ])
    const { ids, invalid } = valueIds(bytes)

    expect(ids.map(([text, id]) => [text, id])).toEqual([
      ['\ufffd(', -1],
      ['\ufffd(', -1],
    ])
    // Each value was read twice by the sink above: every read counts, as without ids.
    expect(invalid).toBe(4)
  })
})

describe('FastXmlScanner errors', () => {
  it.each([
    ['an unknown entity', '<a>\n  x &foo; y</a>', 'unknown or invalid entity reference "&foo;"', 2, 5],
    ['a bare ampersand', '<a>fish & chips</a>', 'an "&" must start an entity reference', 1, 9],
    ['a NUL character reference', '<a>&#0;</a>', 'unknown or invalid entity reference "&#0;"', 1, 4],
    ['an entity in an attribute', '<a x="&bogus;"/>', 'unknown or invalid entity reference "&bogus;"', 1, 7],
    ['"<" in an attribute', '<a x="<"/>', '"<" is not allowed in an attribute value', 1, 7],
    [
      'a mismatched closing tag',
      '<a>\r\n<b></c></a>',
      'closing tag </c> does not match the open element <b>',
      2,
      4,
    ],
    ['a closing tag with no open element', '<a/></a>', 'a closing tag without a matching opening tag', 1, 5],
    ['text outside the root', '<a/>\n tail', 'text is not allowed outside the root element', 2, 2],
    ['a second root', '<a/><b/>', 'a document has only one root element', 1, 5],
    ['a duplicate attribute', '<a x="1" x="2"/>', 'an attribute appears twice in the same tag', 1, 10],
    ['attributes without whitespace', '<a x="1"y="2"/>', 'attributes must be separated by whitespace', 1, 9],
    ['an unquoted attribute', '<a x=1/>', 'an attribute value must be quoted', 1, 6],
    ['a control character', '<a x="\u0001"/>', 'a control character is not allowed in XML', 1, 7],
    ['a lone "<"', '<a>< b</a>', '"<" must start a tag name', 1, 5],
    ['no root element', '<!-- only a comment -->', 'the file has no root element', 1, 24],
    ['an empty file', '', 'the file has no root element', 1, 1],
  ])('reports %s with its line and column', (_what, xml, message, line, column) => {
    const { error } = fast(xml)

    expect(error?.message).toContain(message)
    expect([error?.line, error?.column]).toEqual([line, column])
    expect(reference(xml).error).not.toBeNull()
  })

  it('counts columns in characters, after non-ASCII text and across chunks', () => {
    const xml = '<a>\r\n  <b name="Zürich €">\r\n    <c>é&bad;</c></b></a>'
    const bytes = encode(xml)

    for (const splits of [[], [5], [17, 18, 19], Array.from({ length: bytes.length }, (_, index) => index)]) {
      const { error } = scanDocument(createFastScanner, bytes, { splits })
      expect(error, `splits ${splits.length}`).toMatchObject({ line: 3, column: 9 })
    }
  })

  it('counts lines of every length and alignment up to an error deep in a long file, in any chunking', () => {
    // Lines of 1 to 13 bytes put line feeds at every offset modulo 4, where the counter reads whole words.
    const lines = Array.from(
      { length: 2000 },
      (_, index) => `${' '.repeat(index % 7)}<v>${'x'.repeat(index % 6)}</v>`,
    )
    const xml = `<root>\n${lines.join('\n')}\n  <v>é</w></root>`
    const bytes = encode(xml)

    for (const splits of [[], [3, 4, 5, 6], [1000, 1001, 5003, 9000, 12_345], [bytes.length - 9]]) {
      const { error } = scanDocument(createFastScanner, bytes, { splits })
      expect(error, `splits ${splits.join(',')}`).toMatchObject({ line: 2002, column: 7 })
    }
  })

  it.each([
    ['inside an element', '<a><b>text', 'the file ends inside <b> (2 elements are still open)', 1, 11],
    ['inside a start tag', '<a>\n<b x="1', 'the file ends inside <a> (1 element is still open)', 2, 8],
    ['inside a comment', '<a><!-- unfinished', 'the file ends inside <a>', 1, 19],
    ['before the root closes', '<root>\n  <x/>\n', 'the file ends inside <root>', 3, 1],
    ['inside the root start tag', '<roo', 'the file ends inside a markup construct', 1, 5],
  ])('reports a file truncated %s at its end', (_where, xml, message, line, column) => {
    const { error } = fast(xml)

    expect(error?.message).toContain(message)
    expect([error?.line, error?.column]).toEqual([line, column])
  })
})

describe('FastXmlScanner refuses DTDs and entity declarations', () => {
  const BILLION_LAUGHS = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    ' <!ENTITY lol "lol">',
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
    ']>',
    '<lolz>&lol3;</lolz>',
  ].join('\n')
  const EXTERNAL_ENTITY =
    '<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<foo>&xxe;</foo>'
  const EXTERNAL_DTD = '<!DOCTYPE cs-objects SYSTEM "http://example.com/evil.dtd"><cs-objects/>'

  it.each([
    ['billion laughs', BILLION_LAUGHS, 2],
    ['an external entity', EXTERNAL_ENTITY, 2],
    ['an external DTD', EXTERNAL_DTD, 1],
  ])('refuses %s before anything is expanded or fetched', (_what, xml, line) => {
    const { events, error } = fast(xml)

    expect(error).toEqual({ message: DOCTYPE_REFUSED, line, column: 1 })
    expect(events).toEqual([])
    expect(reference(xml).error?.message).toBe(DOCTYPE_REFUSED)
  })

  it('refuses a DOCTYPE split across chunks', () => {
    const bytes = encode(EXTERNAL_DTD)

    for (let cut = 1; cut < 12; cut++) {
      expect(scanDocument(createFastScanner, bytes, { splits: [cut] }).error?.message).toBe(DOCTYPE_REFUSED)
    }
  })

  it('refuses an entity declaration outside a DOCTYPE', () => {
    const { error } = fast('<!ENTITY x "y"><a/>')

    expect(error?.message).toContain('entity declaration (<!ENTITY>)')
  })
})

describe('FastXmlScanner bounds', () => {
  const small = { maxValueBytes: 64, maxDepth: 8, maxNameBytes: 16 }

  it.each([
    ['a text value', `<a>${'x'.repeat(65)}</a>`, 'a text value is larger than 64 bytes'],
    ['an attribute value', `<a v="${'x'.repeat(65)}"/>`, 'an attribute value is larger than 64 bytes'],
    ['a comment', `<a><!--${'x'.repeat(80)}--></a>`, 'a comment is larger than 64 bytes'],
    ['a CDATA section', `<a><![CDATA[${'x'.repeat(80)}]]></a>`, 'a CDATA section is larger than 64 bytes'],
    ['an element name', `<${'n'.repeat(17)}/>`, 'a name is longer than 16 bytes'],
    ['an attribute name', `<a ${'n'.repeat(17)}="1"/>`, 'a name is longer than 16 bytes'],
    [
      'the nesting depth',
      `${'<a>'.repeat(9)}${'</a>'.repeat(9)}`,
      'elements are nested deeper than 8 levels',
    ],
  ])('turns %s over the limit into an error, whole or in small chunks', (_what, xml, message) => {
    const bytes = encode(xml)

    expect(scanDocument(createFastScanner, bytes, { limits: small }).error?.message).toContain(message)
    const tiny = Array.from({ length: Math.floor(bytes.length / 3) }, (_, index) => index * 3)
    expect(scanDocument(createFastScanner, bytes, { limits: small, splits: tiny }).error?.message).toContain(
      message,
    )
  })

  it('accepts values exactly at the limit', () => {
    const { error } = fast(`<a v="${'x'.repeat(64)}">${'y'.repeat(64)}</a>`, { limits: small })

    expect(error).toBeNull()
  })

  it('stops a never-ending value at 64 MiB by default instead of buffering the whole input', () => {
    const scanner = new FastXmlScanner(
      { wantsText: true, openElement: () => {}, closeElement: () => {}, text: () => {} },
      new NameTable([]),
    )
    const megabyte = new Uint8Array(1024 * 1024).fill(0x61)
    scanner.push(encode('<a>'))
    let pushed = 0
    while (scanner.error === null && pushed < 80) {
      scanner.push(megabyte)
      pushed++
    }

    expect(scanner.error?.message).toBe('a text value is larger than 64 MiB, the limit SyncLens reads')
    expect(pushed).toBe(65)
  })

  it('rejects nesting deeper than 256 levels by default', () => {
    const deep = `${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}`

    expect(fast(deep).error?.message).toBe('elements are nested deeper than 256 levels')
    expect(reference(deep).error?.message).toBe('elements are nested deeper than 256 levels')
    const ok = `${'<a>'.repeat(256)}${'</a>'.repeat(256)}`
    expect(fast(ok).error).toBeNull()
  })
})
