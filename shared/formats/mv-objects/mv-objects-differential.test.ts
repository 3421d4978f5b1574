import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ReferenceXmlScanner } from '../../xml/testing/reference-xml-scanner'
import { DOCUMENT_ENCODINGS, cutPoints, encodeDocument } from '../../xml/testing/xml-arbitraries'
import type { XmlTokenizerFactory } from '../../xml/fast/xml-sink'
import { mvObjectsDocument } from '../testing/mv-objects-arbitraries'
import { readMvObjectsBytes, type MvObjectsBytesResult } from './read-mv-objects-bytes'

const createReference: XmlTokenizerFactory = (sink, names, limits) =>
  new ReferenceXmlScanner(sink, names, limits)

function comparable(result: MvObjectsBytesResult) {
  return {
    objects: result.objects,
    issues: result.issues.map((issue) => `${issue.severity}: ${issue.message}`),
    summary: result.summary,
  }
}

describe('MvObjectsReader with the fast scanner against the saxes reference', () => {
  it('delivers the same objects and issues for every generated document, encoding and chunk size', () => {
    fc.assert(
      fc.property(
        mvObjectsDocument,
        fc.constantFrom(...DOCUMENT_ENCODINGS),
        fc.array(fc.nat(), { maxLength: 1 }),
        (document, encoding, rawChunk) => {
          const bytes = encodeDocument(document, encoding)
          const chunkBytes = 1 + (cutPoints(rawChunk, bytes.length)[0] ?? bytes.length)

          const expected = readMvObjectsBytes(bytes, { file: 'mv.xml', tokenizer: createReference })
          const actual = readMvObjectsBytes(bytes, { file: 'mv.xml', chunkBytes })

          expect(expected.summary.partial).toBe(false)
          expect(comparable(actual)).toEqual(comparable(expected))
        },
      ),
      { numRuns: 300 },
    )
  })
})
