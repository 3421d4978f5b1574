import { describe, expect, it } from 'vitest'
import type { XmlTag } from '../../xml/fast/xml-sink'
import { guidOrText } from './csexport-values'
import { TagValues } from './tag-values'

/** A start tag whose attributes are `values`, with ids as a scanner would give them (or -1 for none). */
function tagOf(values: readonly string[], ids: readonly number[]): XmlTag & { reads: number } {
  const tag = {
    reads: 0,
    attributeCount: values.length,
    elementName: () => 'value',
    attributeNameId: () => -1,
    attributeName: () => 'lineage-id',
    attributeValue: (index: number): string => {
      tag.reads += 1
      return values[index] ?? ''
    },
    attributeValueId: (index: number): number => ids[index] ?? -1,
    position: () => ({ line: 1, column: 1 }),
  }
  return tag
}

const VALUES = [
  '{4D809DFC-EEF5-49CD-A811-780E868B1B58}',
  ' 4d809dfc-eef5-49cd-a811-780e868b1b58 ',
  'not a guid',
  '',
  '   ',
]

describe('TagValues', () => {
  it('answers as guidOrText and trim do, with ids and without', () => {
    for (const ids of [VALUES.map((_, index) => index), VALUES.map(() => -1), [3, -1, 0, 2, 1]]) {
      const values = new TagValues()
      for (let round = 0; round < 2; round++) {
        const tag = tagOf(VALUES, ids)
        VALUES.forEach((value, index) => {
          expect(values.guidOrText(tag, index)).toBe(guidOrText(value))
          const trimmed = value.trim()
          expect(values.trimmedOrNull(tag, index)).toBe(trimmed === '' ? null : trimmed)
        })
      }
    }
  })

  it('reads an interned value once, a value without an id every time', () => {
    const values = new TagValues()
    const interned = tagOf(VALUES, [0, 1, 2, 3, 4])
    for (let round = 0; round < 3; round++) VALUES.forEach((_, index) => values.guidOrText(interned, index))
    expect(interned.reads).toBe(VALUES.length)

    const plain = tagOf(VALUES, [])
    for (let round = 0; round < 3; round++) VALUES.forEach((_, index) => values.guidOrText(plain, index))
    expect(plain.reads).toBe(3 * VALUES.length)
  })
})
