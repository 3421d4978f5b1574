import { describe, expect, it } from 'vitest'
import { parseXmlTree } from '../xml/element-tree'
import { textElement, xmlAttribute, xmlText } from './xml-text'

describe('xml escaping', () => {
  it.each(['plain', 'a & b', '<tag>', 'x > y', 'Leopoldstraße', 'IIF([a]&&[b],"x",NULL)'])(
    'keeps text %j intact through a parser',
    (text) => {
      const parsed = parseXmlTree(`<root>${xmlText(text)}</root>`)

      expect(parsed.ok && parsed.root.text).toBe(text)
    },
  )

  it.each(['plain', 'say "hi"', "it's", 'a&b<c>', 'tab\there', 'line\nbreak'])(
    'keeps attribute value %j intact through a parser, whitespace included',
    (text) => {
      const parsed = parseXmlTree(`<root value="${xmlAttribute(text)}" />`)

      expect(parsed.ok && parsed.root.attributes.get('value')).toBe(text)
    },
  )

  it('writes an empty element for empty text', () => {
    expect(textElement('description', '')).toBe('<description />')
    expect(textElement('name', 'R&D')).toBe('<name>R&amp;D</name>')
  })
})
