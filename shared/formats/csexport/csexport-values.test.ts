import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { guidOrText, normalizeGuid } from './csexport-values'

/** The definition the fast check must agree with. */
function referenceGuid(text: string): string | null {
  let guid = text.trim().toLowerCase()
  if (guid.startsWith('{') && guid.endsWith('}')) guid = guid.slice(1, -1)
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid) ? guid : null
}

const hex = fc.constantFrom(...'0123456789abcdefABCDEFgG-{} '.split(''))
const guidLike = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '\u00a0', '\u2003', '{', '{ '),
    fc.uuid(),
    fc.boolean(),
    fc.constantFrom('', ' ', '\n', '}', '} ', '\u3000'),
  )
  .map(([before, uuid, upper, after]) => `${before}${upper ? uuid.toUpperCase() : uuid}${after}`)
const mutated = fc
  .tuple(fc.uuid(), fc.nat(40), hex)
  .map(([uuid, at, char]) => `{${uuid.slice(0, at)}${char}${uuid.slice(at + 1)}}`)

describe('normalizeGuid', () => {
  it.each([
    ['{DA0FA452-1638-4E2D-998E-94BE77A482B2}', 'da0fa452-1638-4e2d-998e-94be77a482b2'],
    ['da0fa452-1638-4e2d-998e-94be77a482b2', 'da0fa452-1638-4e2d-998e-94be77a482b2'],
    ['  {Da0fa452-1638-4e2d-998e-94be77a482b2}\n', 'da0fa452-1638-4e2d-998e-94be77a482b2'],
    [' da0fa452-1638-4e2d-998e-94be77a482b ', null],
    ['{da0fa452-1638-4e2d-998e-94be77a482b2', null],
    ['da0fa452x1638-4e2d-998e-94be77a482b2', null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(normalizeGuid(text)).toBe(expected)
  })

  it('answers the same text the same way twice in a row, and a different text afresh', () => {
    const guid = '{DA0FA452-1638-4E2D-998E-94BE77A482B2}'

    expect([
      normalizeGuid(guid),
      normalizeGuid(guid),
      normalizeGuid('not a guid'),
      normalizeGuid(guid),
    ]).toEqual([
      'da0fa452-1638-4e2d-998e-94be77a482b2',
      'da0fa452-1638-4e2d-998e-94be77a482b2',
      null,
      'da0fa452-1638-4e2d-998e-94be77a482b2',
    ])
  })

  it('agrees with the regular-expression definition on GUID-like, mutated and arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(guidLike, mutated, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(normalizeGuid(text)).toBe(referenceGuid(text))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('guidOrText', () => {
  it('normalizes a GUID, keeps other text trimmed and gives null for blank text', () => {
    expect([
      guidOrText(' {DA0FA452-1638-4E2D-998E-94BE77A482B2} '),
      guidOrText(' rule 7 '),
      guidOrText('  '),
    ]).toEqual(['da0fa452-1638-4e2d-998e-94be77a482b2', 'rule 7', null])
  })
})
