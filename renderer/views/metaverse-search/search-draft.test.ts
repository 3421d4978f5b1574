import { describe, expect, it } from 'vitest'
import {
  addClause,
  addGroup,
  INITIAL_DRAFT,
  OPERATOR_LABELS,
  operatorTakesValue,
  removeClause,
  initialDraft,
  toMetaverseQuery,
  updateClause,
} from './search-draft'

describe('search draft', () => {
  it('offers the seven operators with the Service Manager labels', () => {
    expect([...OPERATOR_LABELS.values()]).toEqual([
      'Equals',
      'Contains',
      'Does not contain',
      'Is present',
      'Is not present',
      'Starts with',
      'Ends with',
    ])
    expect([...OPERATOR_LABELS.keys()].filter((operator) => !operatorTakesValue(operator))).toEqual([
      'present',
      'not-present',
    ])
  })

  it('builds OR groups of AND-ed clauses scoped to an object type', () => {
    const first = INITIAL_DRAFT.groups[0]
    expect(first).toBeDefined()
    let draft = addClause({ ...INITIAL_DRAFT, objectType: 'person' }, first?.id ?? 0)
    draft = addGroup(draft)
    const [a, b] = draft.groups[0]?.clauses ?? []
    const c = draft.groups[1]?.clauses[0]
    draft = updateClause(draft, a?.id ?? 0, { attribute: 'sn', operator: 'equals', value: 'Smith' })
    draft = updateClause(draft, b?.id ?? 0, { attribute: 'mail', operator: 'present', value: 'ignored' })
    draft = updateClause(draft, c?.id ?? 0, {
      attribute: 'department',
      operator: 'starts-with',
      value: 'Sal',
    })

    expect(toMetaverseQuery(draft)).toEqual({
      objectType: 'person',
      groups: [
        {
          clauses: [
            { attribute: 'sn', operator: 'equals', value: 'Smith' },
            { attribute: 'mail', operator: 'present' },
          ],
        },
        { clauses: [{ attribute: 'department', operator: 'starts-with', value: 'Sal' }] },
      ],
    })
  })

  it('gives every new clause and group a fresh id', () => {
    const draft = addGroup(addClause(addClause(INITIAL_DRAFT, 1), 1))
    const ids = draft.groups.flatMap((group) => [group.id, ...group.clauses.map((clause) => clause.id)])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('drops empty groups and clauses without an attribute, and keeps one group in the form', () => {
    const blank = updateClause(INITIAL_DRAFT, 2, { attribute: '  ' })
    expect(toMetaverseQuery(blank)).toEqual({ groups: [] })

    const removed = removeClause(INITIAL_DRAFT, 2)
    expect(removed.groups).toHaveLength(1)
    expect(removed.groups[0]?.clauses).toEqual([])
    expect(toMetaverseQuery(removed)).toEqual({ groups: [] })
  })

  it('keeps attribute names that are Object.prototype members as plain data', () => {
    const draft = updateClause(INITIAL_DRAFT, 2, { attribute: '__proto__', operator: 'equals', value: 'x' })
    expect(toMetaverseQuery(draft).groups[0]?.clauses[0]).toEqual({
      attribute: '__proto__',
      operator: 'equals',
      value: 'x',
    })
  })
})

describe('initialDraft', () => {
  it('opens with no clause where the metaverse was computed, so Search lists the objects', () => {
    expect(toMetaverseQuery(initialDraft('computed'))).toEqual({ groups: [] })
    expect(initialDraft('exported')).toBe(INITIAL_DRAFT)
    expect(initialDraft('none')).toBe(INITIAL_DRAFT)
  })
})
