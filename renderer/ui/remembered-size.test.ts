import { describe, expect, it } from 'vitest'
import { readRememberedSize, writeRememberedSize } from './remembered-size'

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { readonly items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('remembered sizes', () => {
  it('stores a rounded size under its own key and reads it back', () => {
    const storage = memoryStorage()

    writeRememberedSize('rail', 231.6, storage)

    expect(storage.items.get('synclens.size.rail')).toBe('232')
    expect(readRememberedSize('rail', storage)).toBe(232)
  })

  it.each([['abc'], ['-5'], ['0'], ['1e9'], ['']])('ignores an unreadable stored value %j', (raw) => {
    const storage = memoryStorage()
    storage.items.set('synclens.size.rail', raw)

    expect(readRememberedSize('rail', storage)).toBeNull()
  })

  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }

    expect(readRememberedSize('rail', throwing)).toBeNull()
    expect(() => writeRememberedSize('rail', 10, throwing)).not.toThrow()
  })
})
