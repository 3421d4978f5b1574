import { describe, expect, it } from 'vitest'
import { parseGuid } from '../../model/connector'
import {
  derivedRuleId,
  parseBooleanText,
  parseDirection,
  parseFlowType,
  parseLinkType,
  parseMergeType,
  parseScopeOperator,
} from './rule-fields'

describe('rule field parsers', () => {
  it.each([
    [parseDirection, 'outbound', 'Outbound'],
    [parseDirection, 'Sideways', null],
    [parseLinkType, 'provision', 'Provision'],
    [parseLinkType, '2', 'Join'],
    [parseLinkType, '9', null],
    [parseFlowType, 'EXPRESSION', 'Expression'],
    [parseFlowType, '1', 'Constant'],
    [parseMergeType, 'mergecaseinsensitive', 'MergeCaseInsensitive'],
    [parseMergeType, '3', 'Merge'],
    [parseScopeOperator, 'isnotbitset', 'ISBITNOTSET'],
    [parseScopeOperator, 'ISBITNOTSET', 'ISBITNOTSET'],
    [parseScopeOperator, '17', 'ISBITNOTSET'],
    [parseScopeOperator, 'LIKE', null],
    [parseGuid, '{3F2B8C1D-6A4E-4B7F-9C2D-1E5A7B9C0D3E}', '3f2b8c1d-6a4e-4b7f-9c2d-1e5a7b9c0d3e'],
    [parseGuid, ' 3f2b8c1d-6a4e-4b7f-9c2d-1e5a7b9c0d3e ', '3f2b8c1d-6a4e-4b7f-9c2d-1e5a7b9c0d3e'],
    [parseGuid, 'not-a-guid', null],
    [parseBooleanText, 'TRUE', true],
    [parseBooleanText, '0', false],
    [parseBooleanText, 'maybe', null],
  ] as const)('%o reads %j as %j', (parse, text, expected) => {
    expect((parse as (value: string) => unknown)(text)).toBe(expected)
  })
})

describe('derivedRuleId', () => {
  it('gives a GUID-shaped id that depends only on the name', () => {
    const first = derivedRuleId('In from AD - Contractor Join')

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(derivedRuleId('In from AD - Contractor Join')).toBe(first)
  })

  it('gives different names different ids', () => {
    const names = ['', 'a', 'b', 'ab', 'ba', 'In from AD - User Join', 'In from AD - User Join ', '__proto__']

    expect(new Set(names.map(derivedRuleId)).size).toBe(names.length)
  })
})
