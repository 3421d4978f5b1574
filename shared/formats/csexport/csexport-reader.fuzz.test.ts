import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, hostileBytes, mutatedText, pushInChunks } from '../../../test-support/fuzz'
import {
  BILLION_LAUGHS,
  csExportWithManyValues,
  deeplyNested,
  externalDtd,
  externalEntity,
  GIANT_VALUE_HEAD,
  GIANT_VALUE_TAIL,
} from '../../../test-support/hostile-xml'
import type { LoadIssue } from '../../model/load-issue'
import { DEFAULT_XML_LIMITS } from '../../xml/fast/xml-sink'
import { encodeDocument, DOCUMENT_ENCODINGS } from '../../xml/testing/xml-arbitraries'
import { mvObjectsDocument } from '../testing/mv-objects-arbitraries'
import { MvObjectsReader } from '../mv-objects/mv-objects-reader'
import { csExportDocument } from '../testing/csexport-arbitraries'
import { CsExportReader, type ReadSummary } from './csexport-reader'
import { readCsExportBytes } from './read-csexport-bytes'

type ReaderKind = 'csexport' | 'mv-objects'

interface Outcome {
  readonly summary: ReadSummary
  readonly issues: readonly LoadIssue[]
  readonly objects: number
}

function read(kind: ReaderKind, bytes: Uint8Array, cuts: readonly number[]): Outcome {
  const issues: LoadIssue[] = []
  let objects = 0
  const options = {
    file: 'fuzz.xml',
    onObject: () => objects++,
    onIssue: (issue: LoadIssue) => issues.push(issue),
  }
  const reader = kind === 'csexport' ? new CsExportReader(options) : new MvObjectsReader(options)
  pushInChunks(bytes, cuts, (chunk) => reader.push(chunk))
  return { summary: reader.end(), issues, objects }
}

function expectStructured(outcome: Outcome, bytes: Uint8Array): void {
  expect(outcome.summary.bytes).toBe(bytes.length)
  expect(outcome.summary.objects).toBe(outcome.objects)
  for (const issue of outcome.issues) {
    expect(issue.file).toBe('fuzz.xml')
    expect(issue.message.length).toBeGreaterThan(0)
    if (issue.line !== null) expect(issue.line).toBeGreaterThanOrEqual(1)
  }
  if (outcome.issues.some((issue) => issue.severity === 'error')) expect(outcome.summary.partial).toBe(true)
}

const KINDS: readonly ReaderKind[] = ['csexport', 'mv-objects']
const cutsArbitrary = fc.array(fc.nat({ max: 4096 }), { maxLength: 6 })

describe.each(KINDS)('the %s reader on arbitrary bytes', (kind) => {
  it('returns a summary and structured issues for random bytes in random chunks', () => {
    fc.assert(
      fc.property(hostileBytes, cutsArbitrary, (bytes, cuts) => {
        expectStructured(read(kind, bytes, cuts), bytes)
      }),
      fuzzParameters(800),
    )
  })

  it('returns a summary and structured issues for mutated valid documents in any encoding', () => {
    const documents = kind === 'csexport' ? csExportDocument : mvObjectsDocument
    fc.assert(
      fc.property(
        mutatedText(documents),
        fc.constantFrom(...DOCUMENT_ENCODINGS),
        cutsArbitrary,
        (text, encoding, cuts) => {
          const bytes = encodeDocument(text, encoding)
          expectStructured(read(kind, bytes, cuts), bytes)
        },
      ),
      fuzzParameters(800),
    )
  })
})

describe.each(KINDS)('the %s reader on hostile documents', (kind) => {
  const root = kind === 'csexport' ? 'cs-objects' : 'mv-objects'
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

  it.each([
    ['billion laughs', BILLION_LAUGHS],
    ['an external entity', externalEntity(root)],
    ['an external DTD', externalDtd(root)],
  ])('refuses %s with one error and delivers nothing', (_label, text) => {
    const outcome = read(kind, encode(text), [])

    expect(outcome.objects).toBe(0)
    expect(outcome.summary.partial).toBe(true)
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toHaveLength(1)
    expect(JSON.stringify(outcome.issues)).not.toMatch(/lollol|root:/)
  })

  it('refuses nesting beyond the depth bound', () => {
    const outcome = read(kind, encode(deeplyNested(root, 100_000)), [65_536])

    expect(outcome.summary.partial).toBe(true)
    expect(outcome.issues.some((issue) => issue.severity === 'error')).toBe(true)
  })

  it('reports a UTF-16 file cut in the middle of a code unit as truncated', () => {
    const bytes = encodeDocument(`<${root}><`, 'utf-16le-bom')

    const outcome = read(kind, bytes.subarray(0, bytes.length - 1), [])

    expect(outcome.summary.partial).toBe(true)
  })

  it('reports invalid characters and mixed encodings as errors', () => {
    const utf8 = encode(`<${root}>`)
    const latin1 = Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0xe8, 0x3c, 0x2f, 0x61, 0x3e])
    const control = encode('<a>\u0001</a>')
    const bytes = new Uint8Array([...utf8, ...latin1, ...control])

    const outcome = read(kind, bytes, [5, 11])

    expect(outcome.summary.partial).toBe(true)
    expect(outcome.issues.some((issue) => issue.severity === 'error' && issue.line === 1)).toBe(true)
  })
})

describe('CsExportReader on bytes that are not UTF-8', () => {
  it('reads Latin-1 bytes in a UTF-8 file as U+FFFD and flags the file with a warning', () => {
    const head = new TextEncoder().encode('<cs-objects><cs-object cs-dn="CN=')
    const tail = new TextEncoder().encode(
      '" id="{00000000-0000-4000-8000-000000000001}" object-type="user"/></cs-objects>',
    )
    const bytes = new Uint8Array([...head, 0xe9, 0xe8, ...tail])

    const { objects, issues } = readCsExportBytes(bytes, { file: 'latin1.xml' })

    expect(objects.map((object) => object.dn)).toEqual(['CN=\ufffd\ufffd'])
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'latin1.xml',
        message: expect.stringContaining('not valid UTF-8'),
      }),
    ])
  })
})

describe('CsExportReader bounds on huge values', () => {
  it('refuses a 100 MiB attribute value once it passes the value bound, without holding the rest', () => {
    const issues: LoadIssue[] = []
    const reader = new CsExportReader({
      file: 'giant.xml',
      onObject: () => undefined,
      onIssue: (i) => issues.push(i),
    })
    const chunk = new Uint8Array(1 << 20).fill(0x61)
    let pushedWhenRefused = -1

    reader.push(new TextEncoder().encode(GIANT_VALUE_HEAD))
    for (let mebibyte = 1; mebibyte <= 100; mebibyte++) {
      reader.push(chunk)
      if (pushedWhenRefused < 0 && issues.length > 0) pushedWhenRefused = mebibyte
    }
    reader.push(new TextEncoder().encode(GIANT_VALUE_TAIL))
    const summary = reader.end()

    expect(pushedWhenRefused).toBeGreaterThan(0)
    expect(pushedWhenRefused).toBeLessThanOrEqual(DEFAULT_XML_LIMITS.maxValueBytes / (1 << 20) + 1)
    expect(summary).toMatchObject({ objects: 0, partial: true })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toMatch(/long|large|bytes/i)
  })

  it('reads an attribute with a million values to the end', () => {
    const bytes = new TextEncoder().encode(csExportWithManyValues('proxyAddresses', 1_000_000))

    const { objects, issues, summary } = readCsExportBytes(bytes, { file: 'many.xml', chunkBytes: 1 << 20 })

    expect(issues).toEqual([])
    expect(summary.partial).toBe(false)
    const values = objects[0]?.synchronized?.attributes.find(
      (attribute) => attribute.name === 'proxyAddresses',
    )
    expect(values?.values).toHaveLength(1_000_000)
  })
})
