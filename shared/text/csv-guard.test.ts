import { describe, expect, it } from 'vitest'
import { csvField, guardCell, isFormulaLike, tsvRow } from './csv-guard'

describe('the CSV and TSV guard (OWASP CSV injection)', () => {
  it.each([
    ['=1+2', true],
    ['+31 20 555 0100', true],
    ['-5', true],
    ['@SUM(A1)', true],
    ['\t=1', true],
    ['\r=1', true],
    ['\nx', true],
    [' =1+2', true],
    ['\u00a0=1+2', true],
    ['\u200b=1+2', true],
    ['\ufeff@SUM(A1)', true],
    ['\u202e=1', true],
    ['\uff1d1+2', true],
    ['\uff0bx', true],
    ['\uff0d5', true],
    ['\uff20SUM(A1)', true],
    ["|cmd' /C calc'!A0", true],
    [';=1+2', true],
    ['CN=Anna,OU=Sales', false],
    ['a=b', false],
    ['', false],
    ['   ', false],
    ['Smith, Anna', false],
  ])('%j is formula-like: %s', (value, expected) => {
    expect(isFormulaLike(value)).toBe(expected)
    expect(guardCell(value)).toBe(expected ? `'${value}` : value)
  })

  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['a;b,c\r\nd', '"a;b,c\r\nd"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    [42, '"42"'],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('keeps each TSV cell one guarded cell', () => {
    expect(tsvRow(['CN=Anna', 'a\tb', 'line1\r\nline2', '\t=1+1', '-1'])).toBe(
      "CN=Anna\ta b\tline1 line2\t' =1+1\t'-1",
    )
  })
})
