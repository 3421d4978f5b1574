import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AsciiAttribute } from '../model/ascii-attribute'
import type { CsObject, MvObject } from '../model/objects'
import { ObjectStore } from '../store/object-store'
import { cutPoints, encodeDocument } from '../xml/testing/xml-arbitraries'
import { readCsExportBytes } from './csexport/read-csexport-bytes'
import { readMvObjectsBytes } from './mv-objects/read-mv-objects-bytes'
import { csExportDocument } from './testing/csexport-arbitraries'
import { mvObjectsDocument } from './testing/mv-objects-arbitraries'

/** Objects as plain data: an attribute kept as bytes turns into the plain attribute it stands for. */
const plain = (objects: readonly unknown[]): unknown => JSON.parse(JSON.stringify(objects)) as unknown

function asciiAttributes(objects: readonly (CsObject | MvObject)[]): number {
  let count = 0
  for (const object of objects) {
    const attributes = 'synchronized' in object ? (object.synchronized?.attributes ?? []) : object.attributes
    for (const attribute of attributes) if (attribute instanceof AsciiAttribute) count += 1
  }
  return count
}

function storeOf(cs: readonly CsObject[], mv: readonly MvObject[]): Uint8Array {
  const store = new ObjectStore()
  cs.forEach((object) => store.addCsObject(object))
  mv.forEach((object) => store.addMvObject(object))
  store.finish()
  return store.toBinary()
}

/** A csexport file of `count` users whose values add up to several slabs of value bytes, one object alone to two. */
function manyUsers(count: number): Uint8Array {
  const objects = Array.from({ length: count }, (_, index) => {
    const big = index === Math.floor(count / 2)
    const values = big
      ? Array.from({ length: 40 }, (_, value) => `<value>${`${value} `.repeat(2_000)}</value>`).join('')
      : `<value>user${index}@contoso.com</value><value>User Number ${index}</value>`
    const id = `{${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}`
    return [
      `<cs-object cs-dn="CN=User ${index},DC=contoso,DC=com" id="${id}" object-type="user">`,
      `<synchronized-hologram><entry dn="CN=User ${index},DC=contoso,DC=com">`,
      '<primary-objectclass>user</primary-objectclass>',
      `<attr name="proxyAddresses" type="string" multivalued="true">${values}</attr>`,
      `<attr name="displayName" type="string" multivalued="false"><value>Zoë ${index}</value></attr>`,
      `<attr name="mixed" type="string" multivalued="true"><value>plain</value><value>Łódź</value></attr>`,
      '</entry></synchronized-hologram></cs-object>',
    ].join('\r\n')
  })
  return new TextEncoder().encode(`<cs-objects>\r\n${objects.join('\r\n')}\r\n</cs-objects>`)
}

/** One generated format: its documents, how it is read, and how its objects go into a store. */
interface Format<T extends CsObject | MvObject> {
  readonly name: string
  readonly documents: fc.Arbitrary<string>
  readonly read: (
    bytes: Uint8Array,
    options: { chunkBytes?: number; valuesAsBytes?: boolean },
  ) => { readonly objects: readonly T[]; readonly issues: readonly unknown[] }
  readonly store: (objects: readonly T[]) => Uint8Array
}

const FORMATS = [
  {
    name: 'csexport',
    documents: csExportDocument,
    read: (bytes, options) => readCsExportBytes(bytes, { file: 'cs.xml', ...options }),
    store: (objects) => storeOf(objects, []),
  } satisfies Format<CsObject>,
  {
    name: 'metaverse',
    documents: mvObjectsDocument,
    read: (bytes, options) => readMvObjectsBytes(bytes, { file: 'mv.xml', ...options }),
    store: (objects) => storeOf([], objects),
  } satisfies Format<MvObject>,
] as const

describe('objects read with their ASCII values kept as bytes', () => {
  it.each(FORMATS)(
    'are the $name objects read as strings, for every generated export and chunking',
    (format) => {
      let kept = 0
      const { documents, read, store } = format as Format<CsObject | MvObject>
      fc.assert(
        fc.property(documents, fc.array(fc.nat(), { maxLength: 1 }), (document, rawChunk) => {
          const bytes = encodeDocument(document, 'utf-8')
          const chunkBytes = 1 + (cutPoints(rawChunk, bytes.length)[0] ?? bytes.length)
          const expected = read(bytes, {})
          const actual = read(bytes, { chunkBytes, valuesAsBytes: true })

          expect(plain(actual.objects)).toEqual(plain(expected.objects))
          expect(actual.issues).toEqual(expected.issues)
          expect(store(actual.objects)).toEqual(store(expected.objects))
          kept += asciiAttributes(actual.objects)
        }),
        { numRuns: 200 },
      )
      // The generated values are plain ASCII half the time: some attributes must have been kept as bytes.
      expect(kept).toBeGreaterThan(0)
    },
  )

  it('leave a value longer than 64 KiB to the string path, in an attribute of strings', () => {
    const photo = 'QUJD'.repeat(20_000)
    const document = [
      '<cs-objects><cs-object cs-dn="CN=A" id="{00000000-0000-4000-8000-000000000001}" object-type="user">',
      '<synchronized-hologram><entry dn="CN=A"><primary-objectclass>user</primary-objectclass>',
      `<attr name="thumbnailPhoto" type="binary" multivalued="false"><value encoding="base64">${photo}</value></attr>`,
      '<attr name="mail" type="string" multivalued="false"><value>a@contoso.com</value></attr>',
      '</entry></synchronized-hologram></cs-object></cs-objects>',
    ].join('')
    const bytes = new TextEncoder().encode(document)
    const expected = readCsExportBytes(bytes, { file: 'cs.xml' })
    const actual = readCsExportBytes(bytes, { file: 'cs.xml', valuesAsBytes: true })
    const [thumbnail, mail] = actual.objects[0]?.synchronized?.attributes ?? []

    expect(plain(actual.objects)).toEqual(plain(expected.objects))
    expect(thumbnail instanceof AsciiAttribute).toBe(false)
    expect(thumbnail?.values).toEqual([photo])
    expect(mail instanceof AsciiAttribute).toBe(true)
  })

  it('keep their values when kept after later objects filled new slabs of bytes', () => {
    const bytes = manyUsers(3_000)
    const expected = readCsExportBytes(bytes, { file: 'cs.xml' })
    const actual = readCsExportBytes(bytes, { file: 'cs.xml', chunkBytes: 65_536, valuesAsBytes: true })

    expect(actual.objects).toHaveLength(3_000)
    expect(plain(actual.objects)).toEqual(plain(expected.objects))
    // Per user, proxyAddresses is kept as bytes; displayName (not ASCII) and mixed (partly not) are not.
    expect(asciiAttributes(actual.objects)).toBe(3_000)
    const big = actual.objects[1_500]?.synchronized?.attributes[0]
    expect(big?.values).toHaveLength(40)
    expect(big?.values[39]).toBe('39 '.repeat(2_000))
    expect(storeOf(actual.objects, [])).toEqual(storeOf(expected.objects, []))
  })
})
