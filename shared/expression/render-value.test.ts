import { describe, expect, it } from 'vitest'
import type { ExprValue } from './api'
import { renderRuntimeValue, renderShort, renderValue, toJsonValue } from './render-value'
import { AUTHORITATIVE_NULL, IGNORE_THIS_FLOW, NULL } from './runtime-value'

describe('renderValue and toJsonValue', () => {
  it.each<[ExprValue, string, unknown]>([
    ['say "hi"\n', '"say \\"hi\\"\\n"', 'say "hi"\n'],
    [42, '42', 42],
    [true, 'True', true],
    [new Uint8Array([1, 2, 3]), 'bin:AQID', 'AQID'],
    [new Date('2012-01-01T23:00:00Z'), 'date:2012-01-01T23:00:00Z', '2012-01-01T23:00:00Z'],
    [new Date('2012-01-01T23:00:00.5Z'), 'date:2012-01-01T23:00:00.500Z', '2012-01-01T23:00:00.500Z'],
    [{ kind: 'reference', dn: 'CN=Joe,DC=x' }, 'ref:"CN=Joe,DC=x"', 'CN=Joe,DC=x'],
    [['a', 1, false], '["a", 1, False]', ['a', 1, false]],
    [1e21, '1000000000000000000000', 1e21],
  ])('%j renders as %s and serialises as %j', (value, text, json) => {
    expect(renderValue(value)).toBe(text)
    expect(toJsonValue(value)).toEqual(json)
  })

  it('names the literals and shortens long values for traces', () => {
    expect([NULL, AUTHORITATIVE_NULL, IGNORE_THIS_FLOW].map(renderRuntimeValue)).toEqual([
      'NULL',
      'AuthoritativeNull',
      'IgnoreThisFlow',
    ])
    expect(renderRuntimeValue({ kind: 'enum', name: 'UTF8' })).toBe('UTF8')
    expect(renderShort('x'.repeat(50), 10)).toBe('"xxxxxxxxx… (52 characters)')
  })
})
