import { describe, expect, it } from 'vitest'
import { ValueCollector } from './value-collector'

/** A collector over this text as the object's value bytes: a range reads as the characters it covers. */
function collector(bytes = 'alphabetagamma'): ValueCollector {
  return new ValueCollector((start, end) => bytes.slice(start, end))
}

describe('ValueCollector', () => {
  it('keeps bounds while every value comes as bytes', () => {
    const values = collector()
    values.addAscii(0, 5)
    values.addAscii(5, 9)

    expect(values.count).toBe(2)
    expect(values.asciiBounds).toEqual([0, 5, 5, 9])
  })

  it('turns to strings, in order, from the first value that comes as text', () => {
    const bytesFirst = collector()
    bytesFirst.addAscii(0, 5)
    bytesFirst.addText('Łódź')
    bytesFirst.addAscii(9, 14)
    const textFirst = collector()
    textFirst.addText('Łódź')
    textFirst.addAscii(0, 5)

    expect(bytesFirst.asciiBounds).toBeNull()
    expect(bytesFirst.texts()).toEqual(['alpha', 'Łódź', 'gamma'])
    expect(textFirst.texts()).toEqual(['Łódź', 'alpha'])
    expect(bytesFirst.count).toBe(3)
  })

  it('starts each attribute with fresh arrays, leaving the last one its own', () => {
    const values = collector()
    values.addAscii(0, 5)
    const first = values.asciiBounds
    values.reset()
    values.addText('one')
    const texts = values.texts()
    values.reset()

    expect(values.count).toBe(0)
    expect(values.asciiBounds).toBeNull()
    expect(values.texts()).toEqual([])
    expect(first).toEqual([0, 5])
    expect(texts).toEqual(['one'])
    expect(values.texts()).not.toBe(texts)
  })

  it('makes strings of the values kept as bytes when all of them are asked for as strings', () => {
    const values = collector()
    values.addAscii(5, 9)

    expect(values.texts()).toEqual(['beta'])
    expect(values.asciiBounds).toBeNull()
  })
})
