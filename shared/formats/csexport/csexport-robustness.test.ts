import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCTYPE_REFUSED } from '../../xml/testing/reference-xml-scanner'
import { encodeDocument, type DocumentEncoding } from '../../xml/testing/xml-arbitraries'
import { readCsExportBytes } from './read-csexport-bytes'

const FULL_OBJECT = fs.readFileSync(path.join(__dirname, 'fixtures', 'aad-full-object.xml'), 'utf8')
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

function object(index: number): string {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
  return `  <cs-object cs-dn="CN=User ${index},DC=contoso,DC=com" id="{${id}}" object-type="user">\n    <synchronized-hologram><entry dn="CN=User ${index},DC=contoso,DC=com"><attr name="sn" type="string" multivalued="false"><value>Name ${index}</value></attr></entry></synchronized-hologram>\n  </cs-object>\n`
}

const THREE_OBJECTS = `<cs-objects>\n${object(1)}${object(2)}${object(3)}</cs-objects>\n`

describe('CsExportReader encodings', () => {
  const plain = readCsExportBytes(encode(FULL_OBJECT), { file: 'full.xml' })

  it.each<DocumentEncoding>(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'])(
    'reads the full fixture the same in %s',
    (encoding) => {
      const bytes = encodeDocument(FULL_OBJECT, encoding)

      const result = readCsExportBytes(bytes, { file: 'full.xml', chunkBytes: 4096 })

      expect(result.objects).toEqual(plain.objects)
      expect(result.issues).toEqual([])
    },
  )

  it.each<DocumentEncoding>(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'])(
    'reads the full fixture the same with CRLF line ends in %s',
    (encoding) => {
      const bytes = encodeDocument(FULL_OBJECT.replace(/\n/g, '\r\n'), encoding)

      const result = readCsExportBytes(bytes, { file: 'full.xml', chunkBytes: 7 })

      expect(result.objects).toEqual(plain.objects)
    },
  )

  it('keeps line numbers right through UTF-16 transcoding', () => {
    const bytes = encodeDocument('<cs-objects>\r\n\r\n  <cs-object id="x"></cs-objects>', 'utf-16le-bom')

    const { issues } = readCsExportBytes(bytes, { file: 'bad.xml' })

    expect(issues[0]).toMatchObject({ severity: 'error', line: 3, column: 21 })
  })
})

describe('CsExportReader on a truncated file', () => {
  it('delivers the objects before the cut and reports the cut with its position', () => {
    const cut = THREE_OBJECTS.indexOf('Name 3')
    const lines = THREE_OBJECTS.slice(0, cut).split('\n')

    const { objects, issues, summary } = readCsExportBytes(encode(THREE_OBJECTS.slice(0, cut)), {
      file: 'cut.xml',
      chunkBytes: 100,
    })

    expect(objects.map((o) => o.dn)).toEqual(['CN=User 1,DC=contoso,DC=com', 'CN=User 2,DC=contoso,DC=com'])
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'cut.xml',
        line: lines.length,
        column: (lines.at(-1) ?? '').length + 1,
        message:
          'the file ends inside <value> (6 elements are still open); it is truncated or was not completely written. The 2 objects before this point were loaded; the rest of the file was not read',
      },
    ])
    expect(summary).toEqual({ objects: 2, partial: true, bytes: cut, invalidTextValues: 0 })
  })

  it('reports every cut position as partial and never delivers a half object', () => {
    const bytes = encode(THREE_OBJECTS)
    const closes = [...THREE_OBJECTS.matchAll(/<\/cs-object>/g)].map((match) => (match.index ?? 0) + 12)

    for (let cut = 1; cut < bytes.length - 14; cut += 7) {
      const { objects, summary } = readCsExportBytes(bytes.subarray(0, cut), { file: 'cut.xml' })

      expect(summary.partial, `cut at ${cut}`).toBe(true)
      expect(objects).toHaveLength(closes.filter((close) => close <= cut).length)
    }
  })
})

describe('CsExportReader safety', () => {
  it.each([
    [
      'billion laughs',
      '<!DOCTYPE cs-objects [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<cs-objects>&b;</cs-objects>',
    ],
    [
      'an external entity',
      '<!DOCTYPE cs-objects [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<cs-objects><cs-object cs-dn="&xxe;"/></cs-objects>',
    ],
  ])('refuses %s with a clear error and no objects', (_what, xml) => {
    const { objects, issues, summary } = readCsExportBytes(encode(xml), { file: 'evil.xml' })

    expect(objects).toEqual([])
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'evil.xml', line: 1, column: 1 })
    expect(issues[0].message).toContain(DOCTYPE_REFUSED)
    expect(summary.partial).toBe(true)
  })

  it('stops at nesting deeper than 256 levels after delivering the objects before it', () => {
    const deep = `<x>${'<y>'.repeat(300)}`
    const xml = `<cs-objects>\n${object(1)}  <cs-object cs-dn="CN=Deep" id="{00000000-0000-4000-8000-000000000009}" object-type="user">${deep}`

    const { objects, issues, summary } = readCsExportBytes(encode(xml), { file: 'deep.xml' })

    expect(objects.map((o) => o.dn)).toEqual(['CN=User 1,DC=contoso,DC=com'])
    expect(issues[0].message).toContain('elements are nested deeper than 256 levels')
    expect(summary.partial).toBe(true)
  })

  it('turns a value over the size limit into an error instead of reading it', () => {
    const limits = { maxValueBytes: 1024, maxDepth: 256, maxNameBytes: 4096 }
    const xml = THREE_OBJECTS.replace('Name 2', 'x'.repeat(2000))

    const { objects, issues } = readCsExportBytes(encode(xml), { file: 'big.xml', limits, chunkBytes: 256 })

    expect(objects).toHaveLength(1)
    expect(issues[0].message).toContain('a text value is larger than 1 KiB')
  })

  it('keeps an oversized unknown element short', () => {
    const xml = `<cs-objects><cs-object cs-dn="CN=A" id="{00000000-0000-4000-8000-000000000001}" object-type="user"><blob>${'z'.repeat(10000)}</blob></cs-object></cs-objects>`

    const { objects } = readCsExportBytes(encode(xml), { file: 'blob.xml' })

    expect(objects[0].unknown[0].name).toBe('blob')
    expect(objects[0].unknown[0].text).toBe(`${'z'.repeat(4096)}… (5904 more characters)`)
  })
})
