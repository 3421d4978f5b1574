import { describe, expect, it } from 'vitest'
import { attributeColumnWidth } from './flow-tab'

const lines = (...names: string[]) => names.map((attribute) => ({ attribute }))

describe('attributeColumnWidth', () => {
  it.each([
    ['short names get the floor', lines('c', 'cn'), 0, 140],
    ['extensionAttribute11 fits whole', lines('department', 'extensionAttribute11'), 0, 186],
    ['a very long name is capped', lines('msDS-ExternalDirectoryObjectIdentifier'), 0, 260],
    ['a narrow table keeps 22% for the names', lines('extensionAttribute11'), 700, 154],
    ['a wide table does not widen past the longest name', lines('extensionAttribute11'), 2000, 186],
  ])('%s', (_label, given, tableWidth, expected) => {
    expect(attributeColumnWidth(given, tableWidth)).toBe(expected)
  })
})
