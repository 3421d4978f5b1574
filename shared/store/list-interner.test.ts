import { describe, expect, it } from 'vitest'
import { ListInterner } from './list-interner'

interface Lineage {
  readonly syncRuleId: string | null
  readonly syncRuleName: string | null
  readonly operation: string | null
}

const inbound: Lineage = {
  syncRuleId: '{A}',
  syncRuleName: 'In from AD - User Join',
  operation: 'projection',
}
const outbound: Lineage = { syncRuleId: '{B}', syncRuleName: 'Out to AAD - User Join', operation: null }

describe('ListInterner', () => {
  it('gives equal lists one id and different lists different ids, in any order of arrival', () => {
    const lists = new ListInterner<Lineage>()
    const sequence: Lineage[][] = [
      [inbound],
      [{ ...inbound }],
      [inbound, outbound],
      [{ ...inbound }, { ...outbound }],
      [outbound, inbound],
      [inbound],
      [{ ...inbound, operation: 'join' }],
      [],
      [{ ...inbound, operation: 'join' }],
    ]
    const ids = sequence.map((list) => lists.intern(list))

    expect(ids).toEqual([1, 1, 2, 2, 3, 1, 4, 0, 4])
    expect(lists.list(4)).toEqual([{ ...inbound, operation: 'join' }])
    expect(Object.isFrozen(lists.list(1)[0])).toBe(true)
  })

  it('tells lists apart by what their JSON keeps, also right after an equal-looking list', () => {
    const lists = new ListInterner<unknown>()
    const ids = [
      lists.intern([{ a: 'x', b: null }]),
      lists.intern([{ b: null, a: 'x' }]), // other key order: other JSON
      lists.intern([{ a: 'x', b: null, c: undefined }]), // undefined is dropped by JSON: same as the first
      lists.intern([{ a: 'x', b: null }]),
      lists.intern([{ a: 'x', b: { deep: 1 } }]),
      lists.intern([{ a: 'x', b: { deep: 2 } }]), // nested values are compared through their JSON
      lists.intern([1, 2]),
      lists.intern([1, 2]),
      lists.intern(['1', '2']),
    ]

    expect(ids).toEqual([1, 2, 1, 1, 3, 4, 5, 5, 6])
  })

  it('does not keep the caller’s list: changing it afterwards changes nothing stored', () => {
    const lists = new ListInterner<string>()
    const classes = ['top', 'person']
    const id = lists.intern(classes)
    classes.push('user')

    expect(lists.list(id)).toEqual(['top', 'person'])
    expect(lists.intern(classes)).not.toBe(id)
    expect(lists.intern(['top', 'person'])).toBe(id)
  })
})
