import { describe, expect, it } from 'vitest'
import type { Token } from './lexer'
import { tokenize } from './lexer'

function tokens(text: string): readonly Token[] {
  const result = tokenize(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.tokens
}

describe('tokenize', () => {
  it('reads attributes, parameters, variables, strings, numbers and operators with their offsets', () => {
    const result = tokens('[sAMAccountName]&"@"&%Domain.FQDN% <> $item')

    expect(result).toEqual([
      { type: 'attribute', name: 'sAMAccountName', start: 0, end: 16 },
      { type: 'operator', operator: '&', start: 16, end: 17 },
      { type: 'string', value: '@', start: 17, end: 20 },
      { type: 'operator', operator: '&', start: 20, end: 21 },
      { type: 'parameter', name: 'Domain.FQDN', start: 21, end: 34 },
      { type: 'operator', operator: '<>', start: 35, end: 37 },
      { type: 'variable', name: 'item', start: 38, end: 43 },
      { type: 'end', start: 43, end: 43 },
    ])
  })

  it.each([
    ['"a\\\\b"', 'a\\b'],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"1\\n2\\r3\\t4"', '1\n2\r3\t4'],
    ['"\\\\0ACNF:"', '\\0ACNF:'],
    ['"\\d+"', '\\d+'],
    ['""', ''],
  ])('string literal %s reads as %j', (text, value) => {
    expect(tokens(text)[0]).toMatchObject({ type: 'string', value })
  })

  it.each([
    ['98052', 98052],
    ['&HFF', 255],
    ['&hff', 255],
    ['&H40000000', 0x40000000],
    ['&HFFFFFFFFFFFF', 0xffffffffffff],
  ])('number %s is %d', (text, value) => {
    expect(tokens(text)[0]).toMatchObject({ type: 'number', value })
  })

  it('keeps attribute names with hyphens and digits', () => {
    expect(tokens('[msRTCSIP-OriginatorSid] [extensionAttribute15]').slice(0, 2)).toMatchObject([
      { name: 'msRTCSIP-OriginatorSid' },
      { name: 'extensionAttribute15' },
    ])
  })

  it('reads two-character operators before one-character ones', () => {
    const operators = tokens('a&&b||c<=d>=e<>f<g>h').flatMap((token) =>
      token.type === 'operator' ? [token.operator] : [],
    )

    expect(operators).toEqual(['&&', '||', '<=', '>=', '<>', '<', '>'])
  })

  it.each([
    ['"open', 0, 'never closed'],
    ['x & [cn', 4, 'never closed with "]"'],
    ['%Domain.FQDN', 0, 'never closed with "%"'],
    ['[]', 0, 'Empty attribute name'],
    ['a == b', 2, 'use = to compare'],
    ['a != b', 2, 'use <> for "not equal"'],
    ['!a', 0, 'no Not operator'],
    ['a | b', 2, 'use || for "or"'],
    ['1.5', 0, 'decimals are not supported'],
    ['12abc', 0, 'Invalid number'],
    ['$', 0, 'variable name'],
    ['\u201ctext\u201d', 0, 'straight double quotes'],
    ['a # b', 2, 'Unexpected character "#"'],
    ['&H12345678901234567', 0, 'longer than 64 bits'],
  ])('%j fails at %d with a message containing %j', (text, position, fragment) => {
    const result = tokenize(text)

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.position).toBe(position)
    expect(result.error.message).toContain(fragment)
  })
})
