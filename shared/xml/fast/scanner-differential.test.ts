import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ReferenceXmlScanner } from '../testing/reference-xml-scanner'
import { scanDocument } from './scan-helpers'
import {
  DOCUMENT_ENCODINGS,
  cutPoints,
  encodeDocument,
  xmlDocument,
  xmlDocumentParts,
} from '../testing/xml-arbitraries'
import type { XmlTokenizerFactory } from './xml-sink'
import { createFastScanner } from './xml-stream'

const createReference: XmlTokenizerFactory = (sink, names, limits) =>
  new ReferenceXmlScanner(sink, names, limits)

describe('FastXmlScanner against the saxes reference', () => {
  it('reads every generated document exactly like saxes, in any encoding and any chunking', () => {
    fc.assert(
      fc.property(
        xmlDocument,
        fc.constantFrom(...DOCUMENT_ENCODINGS),
        fc.array(fc.nat(), { maxLength: 12 }),
        (document, encoding, rawCuts) => {
          const bytes = encodeDocument(document, encoding)
          const splits = cutPoints(rawCuts, bytes.length)

          const expected = scanDocument(createReference, bytes)
          const actual = scanDocument(createFastScanner, bytes, { splits })

          expect(expected.error).toBeNull()
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('reads every generated document like saxes with plain ASCII text handed over as bytes', () => {
    let asciiPieces = 0
    fc.assert(
      fc.property(xmlDocument, fc.array(fc.nat(), { maxLength: 12 }), (document, rawCuts) => {
        const bytes = encodeDocument(document, 'utf-8')
        const splits = cutPoints(rawCuts, bytes.length)

        const expected = scanDocument(createReference, bytes)
        const { asciiPieces: pieces, ...actual } = scanDocument(createFastScanner, bytes, {
          splits,
          asciiBytes: true,
        })

        expect(actual).toEqual(expected)
        asciiPieces += pieces ?? 0
      }),
      { numRuns: 300 },
    )
    // The generated text is partly plain ASCII: some of it must have come as bytes.
    expect(asciiPieces).toBeGreaterThan(0)
  })

  it('reads a generated document identically when cut at every single byte', () => {
    fc.assert(
      fc.property(xmlDocument, (document) => {
        const bytes = encodeDocument(document, 'utf-8')
        const expected = scanDocument(createReference, bytes)

        const everyByte = Array.from({ length: bytes.length }, (_, index) => index)
        expect(scanDocument(createFastScanner, bytes, { splits: everyByte })).toEqual(expected)
      }),
      { numRuns: 60 },
    )
  })

  it('agrees with saxes that a document cut inside its root element is an error', () => {
    fc.assert(
      fc.property(xmlDocumentParts, fc.nat(), ([prolog, element], rawCut) => {
        const cut = 1 + (rawCut % (element.length - 1))
        const truncated = encodeDocument(prolog + element.slice(0, cut), 'utf-8')

        const fast = scanDocument(createFastScanner, truncated)

        expect(fast.error).not.toBeNull()
        expect(scanDocument(createReference, truncated).error).not.toBeNull()
      }),
      { numRuns: 200 },
    )
  })

  it('places the end of a truncated document at its exact line and column, in any chunking', () => {
    fc.assert(
      fc.property(
        xmlDocumentParts,
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 8 }),
        ([prolog, element], rawCut, rawCuts) => {
          const text = prolog + element.slice(0, 1 + (rawCut % (element.length - 1)))
          const bytes = encodeDocument(text, 'utf-8')
          const lines = text.split('\n')

          const { error } = scanDocument(createFastScanner, bytes, {
            splits: cutPoints(rawCuts, bytes.length),
          })

          expect(error).toMatchObject({ line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 })
        },
      ),
      { numRuns: 300 },
    )
  })
})
