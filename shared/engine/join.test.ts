import { describe, expect, it } from 'vitest'
import { evaluateJoin, type MvAttributeLookup } from './join'
import { connector, csObject, mvObject, rule, scenario } from './testing/scenario'

const ad = connector({ name: 'contoso.com' })
const joinRule = rule({
  name: 'In from AD - User Join',
  connector: ad,
  precedence: 100,
  link: 'Provision',
  join: [
    [['objectSid', 'objectSid']],
    [['msExchMasterAccountSid', 'objectSid']],
    [
      ['mail', 'mail'],
      ['sn', 'sn'],
    ],
  ],
})
const person = (id: string, attrs: Readonly<Record<string, string>>) => mvObject({ id, attrs })
const mvs = [
  person('mv-1', { objectSid: 'S-1', mail: 'ada@contoso.com', sn: 'Lovelace' }),
  person('mv-2', { objectSid: 'S-2', mail: 'ada@contoso.com', sn: 'Byron' }),
  person('mv-3', { objectSid: 'S-3' }),
  mvObject({ id: 'mv-g', type: 'group', attrs: { objectSid: 'S-9' } }),
]
const { index } = scenario({ connectors: [ad], rules: [joinRule], mv: mvs })
const lookup: MvAttributeLookup = (attribute, value) =>
  mvs
    .filter((object) =>
      object.attributes.some(
        (candidate) =>
          candidate.name.toLowerCase() === attribute.toLowerCase() &&
          candidate.values.some((held) => held.toLowerCase() === value.toLowerCase()),
      ),
    )
    .map((object) => object.id)

function user(attrs: Readonly<Record<string, string>>) {
  return csObject({ connector: ad, dn: 'CN=Ada,DC=contoso,DC=com', attrs })
}

describe('evaluateJoin', () => {
  it('takes the first group that finds exactly one MV object', () => {
    const result = evaluateJoin(joinRule, user({ objectSid: 'S-1', msExchMasterAccountSid: 'S-3' }), {
      lookup,
      index,
    })

    expect(result).toMatchObject({ evaluated: true, matchedGroup: 0, wouldJoin: 'mv-1', wouldProject: false })
    expect(result.groups.map((group) => group.outcome)).toEqual(['match', 'match', 'no-value'])
  })

  it('moves on when a group finds several objects and ANDs the conditions of a group', () => {
    const result = evaluateJoin(
      joinRule,
      user({ objectSid: 'S-404', mail: 'ADA@contoso.com', sn: 'Byron' }),
      {
        lookup,
        index,
      },
    )

    expect(result.groups.map((group) => group.outcome)).toEqual(['no-match', 'no-value', 'match'])
    expect(result.groups[2]?.conditions.map((condition) => condition.matches)).toEqual([
      ['mv-1', 'mv-2'],
      ['mv-2'],
    ])
    expect(result.wouldJoin).toBe('mv-2')
  })

  it('reports an ambiguous group', () => {
    const result = evaluateJoin(joinRule, user({ mail: 'ada@contoso.com' }), { lookup, index })

    expect(result.groups[2]?.outcome).toBe('no-value')
    const ambiguous = evaluateJoin(
      rule({ name: 'mail only', connector: ad, precedence: 1, join: [[['mail', 'mail']]] }),
      user({ mail: 'ada@contoso.com' }),
      { lookup, index },
    )
    expect(ambiguous.groups[0]).toMatchObject({ outcome: 'ambiguous', candidates: ['mv-1', 'mv-2'] })
  })

  it('ignores MV objects of another type than the rule targets', () => {
    const result = evaluateJoin(joinRule, user({ objectSid: 'S-9' }), { lookup, index })

    expect(result.groups[0]?.outcome).toBe('no-match')
    expect(result.wouldProject).toBe(true)
  })

  it('does not project when no join attribute has a value', () => {
    const result = evaluateJoin(joinRule, user({ displayName: 'Ada' }), { lookup, index })

    expect(result.wouldProject).toBe(false)
    expect(result.notes).toContain('No join attribute has a value, so the rule cannot project the object.')
  })

  it('re-checks case-sensitive conditions against the MV values', () => {
    const strict = {
      ...joinRule,
      joinGroups: [{ conditions: [{ csAttribute: 'mail', mvAttribute: 'mail', caseSensitive: true }] }],
    }

    const result = evaluateJoin(strict, user({ mail: 'ADA@contoso.com' }), { lookup, index })

    expect(result.groups[0]).toMatchObject({ outcome: 'no-match', candidates: [] })
  })

  it('lists CS values without a lookup and says the join was not evaluated', () => {
    const result = evaluateJoin(joinRule, user({ objectSid: 'S-1' }))

    expect(result.evaluated).toBe(false)
    expect(result.groups[0]).toMatchObject({ outcome: 'not-evaluated', candidates: null })
    expect(result.groups[0]?.conditions[0]?.csValues).toEqual(['S-1'])
  })

  it('keeps the snapshot link as the truth and notes a disagreement', () => {
    const linked = csObject({
      connector: ad,
      dn: 'CN=Ada,DC=contoso,DC=com',
      attrs: { objectSid: 'S-1' },
      mv: 'mv-3',
    })

    const result = evaluateJoin(joinRule, linked, { lookup, index })

    expect(result.currentLink).toMatchObject({ mvObjectId: 'mv-3' })
    expect(result.notes[0]).toContain('stays linked to mv-3')
  })
})
