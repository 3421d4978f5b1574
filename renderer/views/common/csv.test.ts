import { describe, expect, it } from 'vitest'
import { csvField, csvFileName, toCsv } from './csv'

describe('csvField', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', `"'=1+2"`],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a=b', '"a=b"'],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })
})

describe('toCsv', () => {
  it('writes the header and one CRLF-ended line per row, every cell quoted and guarded', () => {
    const rows = [
      { name: 'displayName', value: 'Smith, Anna' },
      { name: '__proto__', value: '=cmd' },
    ]

    const csv = toCsv(
      [
        { header: 'Attribute', text: (row: (typeof rows)[number]) => row.name },
        { header: 'Value', text: (row: (typeof rows)[number]) => row.value },
      ],
      rows,
    )

    expect(csv).toBe(`"Attribute","Value"\r\n"displayName","Smith, Anna"\r\n"__proto__","'=cmd"\r\n`)
  })

  it('writes only the header for no rows', () => {
    expect(toCsv([{ header: 'DN', text: (row: string) => row }], [])).toBe('"DN"\r\n')
  })
})

describe('csvFileName', () => {
  it.each([
    ['Metaverse Search results', 'metaverse-search-results.csv'],
    ['  ', 'export.csv'],
    ['Import flow: CN=Anna', 'import-flow-cn-anna.csv'],
  ])('%j -> %j', (label, expected) => {
    expect(csvFileName(label)).toBe(expected)
  })
})
