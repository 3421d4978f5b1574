import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ReferenceXmlScanner } from '../../xml/testing/reference-xml-scanner'
import { DOCUMENT_ENCODINGS, cutPoints, encodeDocument } from '../../xml/testing/xml-arbitraries'
import type { XmlTokenizerFactory } from '../../xml/fast/xml-sink'
import type { LoadIssue } from '../../model/load-issue'
import type { CsObject } from '../../model/objects'
import { csExportDocument } from '../testing/csexport-arbitraries'
import { CsExportReader } from './csexport-reader'
import { readCsExportBytes, type CsExportBytesResult } from './read-csexport-bytes'

const createReference: XmlTokenizerFactory = (sink, names, limits) =>
  new ReferenceXmlScanner(sink, names, limits)

function readInPieces(bytes: Uint8Array, splits: readonly number[]): CsExportBytesResult {
  const objects: CsObject[] = []
  const issues: LoadIssue[] = []
  const reader = new CsExportReader({
    file: 'generated.xml',
    onObject: (object) => objects.push(object),
    onIssue: (issue) => issues.push(issue),
  })
  let from = 0
  for (const split of [...splits, bytes.length]) {
    reader.push(bytes.subarray(from, split))
    from = split
  }
  return { objects, issues, summary: reader.end() }
}

/** Issues without positions: saxes reports where a tag ends, the fast scanner where it starts. */
function comparable(result: CsExportBytesResult) {
  return {
    objects: result.objects,
    issues: result.issues.map((issue) => `${issue.severity}: ${issue.message}`),
    summary: result.summary,
  }
}

describe('CsExportReader with the fast scanner against the saxes reference', () => {
  it('delivers the same objects and issues for every generated export, encoding and chunking', () => {
    fc.assert(
      fc.property(
        csExportDocument,
        fc.constantFrom(...DOCUMENT_ENCODINGS),
        fc.array(fc.nat(), { maxLength: 10 }),
        (document, encoding, rawCuts) => {
          const bytes = encodeDocument(document, encoding)

          const expected = readCsExportBytes(bytes, { file: 'generated.xml', tokenizer: createReference })
          const actual = readInPieces(bytes, cutPoints(rawCuts, bytes.length))

          expect(expected.summary.partial).toBe(false)
          expect(comparable(actual)).toEqual(comparable(expected))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('delivers the same objects when a generated export is cut at every byte', () => {
    fc.assert(
      fc.property(csExportDocument, (document) => {
        const bytes = encodeDocument(document, 'utf-8')
        const expected = readCsExportBytes(bytes, { file: 'generated.xml', tokenizer: createReference })

        const actual = readCsExportBytes(bytes, { file: 'generated.xml', chunkBytes: 1 })

        expect(comparable(actual)).toEqual(comparable(expected))
      }),
      { numRuns: 40 },
    )
  })
})
