import { describe, expect, it } from 'vitest'
import {
  formatGuid,
  LOWER,
  LOWER_BRACED,
  packGuid,
  packGuidInto,
  packGuidLoosely,
  UPPER,
  UPPER_BRACED,
} from './guid'

describe('packGuid and formatGuid', () => {
  it.each([
    ['6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', LOWER],
    ['6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', UPPER],
    ['{6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}', LOWER_BRACED],
    ['{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}', UPPER_BRACED],
    ['00000000-0000-0000-0000-000000000000', LOWER],
    ['ffffffff-ffff-ffff-ffff-ffffffffffff', LOWER],
  ])('packs %s and writes it back in the same spelling', (text, spelling) => {
    const packed = packGuid(text)

    expect(packed?.spelling).toBe(spelling)
    expect(packed && formatGuid(...packed.words, packed.spelling)).toBe(text)
  })

  it.each([
    '6a1b2c3d-4e5f-4a6b-8c7d-9E0F1A2B3C4D',
    '6a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d',
    '{6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4g',
    '6a1b2c3d_4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    '',
  ])('leaves %j, which is not a GUID in a usual spelling, to be kept as text', (text) => {
    expect(packGuid(text)).toBeNull()
  })

  it('reads any spelling for lookups, mixed case included', () => {
    expect(packGuidLoosely('{6A1B2C3D-4e5f-4A6B-8c7d-9E0F1A2B3C4D}')?.words).toEqual(
      packGuid('6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')?.words,
    )
  })

  it('packs into given words what the hex digits say, in 2,000 generated GUIDs and their broken forms', () => {
    let seed = 7
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed
    }
    const words = new Uint32Array(4)
    for (let round = 0; round < 2000; round += 1) {
      const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('')
      const dashed = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
      const expected = [0, 8, 16, 24].map((at) => Number.parseInt(hex.slice(at, at + 8), 16))
      const hasLetters = /[a-f]/.test(hex)
      for (const [text, spelling] of [
        [dashed, LOWER],
        [dashed.toUpperCase(), hasLetters ? UPPER : LOWER],
        [`{${dashed}}`, LOWER_BRACED],
        [`{${dashed.toUpperCase()}}`, hasLetters ? UPPER_BRACED : LOWER_BRACED],
      ] as const) {
        words.fill(0)
        expect(packGuidInto(text, words)).toBe(spelling)
        expect([...words]).toEqual(expected)
        expect(packGuid(text)?.words).toEqual(expected)
      }
      // One character broken at a random place: a non-hex digit, a dash out of place, or one letter's case.
      const at = next() % 36
      const broken = `${dashed.slice(0, at)}${dashed[at] === '-' ? '0' : 'g'}${dashed.slice(at + 1)}`
      expect(packGuidInto(broken, words)).toBe(0)
      expect(packGuid(broken)).toBeNull()
      const letter = dashed.search(/[a-f]/)
      if (letter >= 0 && /[a-f].*[a-f]/.test(dashed)) {
        const mixed = `${dashed.slice(0, letter)}${dashed[letter]?.toUpperCase() ?? ''}${dashed.slice(letter + 1)}`
        expect(packGuidInto(mixed, words)).toBe(0)
      }
    }
  })
})
