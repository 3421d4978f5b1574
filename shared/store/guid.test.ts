import { describe, expect, it } from 'vitest'
import { formatGuid, LOWER, LOWER_BRACED, packGuid, packGuidLoosely, UPPER, UPPER_BRACED } from './guid'

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
})
