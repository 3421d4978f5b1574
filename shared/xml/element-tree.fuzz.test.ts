import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters, mutatedText } from '../../test-support/fuzz'
import { BILLION_LAUGHS, deeplyNested, externalDtd, externalEntity } from '../../test-support/hostile-xml'
import { xmlDocument } from './testing/xml-arbitraries'
import { parseXmlTree, type XmlTreeResult } from './element-tree'

function expectStructured(result: XmlTreeResult): void {
  if (result.ok) {
    expect(typeof result.root.name).toBe('string')
    return
  }
  expect(result.error.message.length).toBeGreaterThan(0)
  expect(result.error.line).toBeGreaterThanOrEqual(1)
  expect(result.error.column).toBeGreaterThanOrEqual(1)
}

describe('parseXmlTree on arbitrary input', () => {
  it('returns a tree or a positioned error for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectStructured(parseXmlTree(text))
      }),
      fuzzParameters(1500),
    )
  })

  it('returns a tree or a positioned error for mutated well-formed documents', () => {
    fc.assert(
      fc.property(mutatedText(xmlDocument), (text) => {
        expectStructured(parseXmlTree(text))
      }),
      fuzzParameters(1500),
    )
  })
})

describe('parseXmlTree on hostile documents', () => {
  it.each([
    ['billion laughs', BILLION_LAUGHS],
    ['an external entity', externalEntity('synchronizationRule')],
    ['an external DTD', externalDtd('ma-data')],
  ])('refuses %s without expanding anything', (_label, text) => {
    const result = parseXmlTree(text)

    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error.message).toMatch(/DOCTYPE/)
    expect(JSON.stringify(result)).not.toMatch(/lollol|root:|never-fetched/)
  })

  it('refuses elements nested deeper than the bound instead of overflowing the stack', () => {
    const result = parseXmlTree(deeplyNested('synchronizationRule', 100_000))

    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/nested more than/) } })
  })

  it('keeps attribute names that are Object.prototype members as plain data', () => {
    const result = parseXmlTree('<a __proto__="p" constructor="c" toString="t" hasOwnProperty="h"/>')

    expect(result.ok && [...result.root.attributes]).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
    ])
  })

  it('reports a truncated document with its position', () => {
    const result = parseXmlTree('<synchronizationRule><name>cut')

    expect(result).toMatchObject({ ok: false, error: { line: 1 } })
  })
})
