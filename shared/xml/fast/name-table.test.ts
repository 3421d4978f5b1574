import { describe, expect, it } from 'vitest'
import { NameTable, UNINTERNED_NAME, hashBytes } from './name-table'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

function lookup(table: NameTable, name: string): number {
  const bytes = encode(name)
  return table.lookup(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length))
}

describe('NameTable', () => {
  it('gives predeclared names their index as id', () => {
    const table = new NameTable(['cs-objects', 'cs-object', 'attr'])

    expect([lookup(table, 'cs-objects'), lookup(table, 'cs-object'), lookup(table, 'attr')]).toEqual([
      0, 1, 2,
    ])
    expect(table.find('attr')).toBe(2)
  })

  it('interns new names once, from bytes or from text, with the same id', () => {
    const table = new NameTable([])

    const first = lookup(table, 'displayName')
    expect(lookup(table, 'displayName')).toBe(first)
    expect(table.intern('displayName')).toBe(first)
    expect(table.text(first)).toBe('displayName')
    expect(table.bytes(first)).toEqual(encode('displayName'))
  })

  it('treats __proto__, constructor and toString as ordinary names', () => {
    const table = new NameTable(['__proto__'])

    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((name) => lookup(table, name))

    expect(ids).toEqual([0, 1, 2, 3])
    expect(ids.map((id) => table.text(id))).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    ])
  })

  it('keeps names apart when it grows past its first slots', () => {
    const table = new NameTable([])
    const names = Array.from({ length: 3000 }, (_, index) => `name-${index}-é`)

    const ids = names.map((name) => lookup(table, name))

    expect(new Set(ids).size).toBe(3000)
    expect(names.map((name) => lookup(table, name))).toEqual(ids)
    expect(ids.map((id) => table.text(id))).toEqual(names)
  })

  it('stops interning at its capacity and reports UNINTERNED_NAME', () => {
    const table = new NameTable(['a'], 2)

    expect(lookup(table, 'b')).toBe(1)
    expect(lookup(table, 'c')).toBe(UNINTERNED_NAME)
    expect(table.intern('d')).toBe(UNINTERNED_NAME)
    expect(table.find('c')).toBe(UNINTERNED_NAME)
    expect(lookup(table, 'a')).toBe(0)
  })

  it('refuses duplicate predeclared names, a programming error', () => {
    expect(() => new NameTable(['a', 'a'])).toThrow('duplicate predeclared name: a')
  })
})
