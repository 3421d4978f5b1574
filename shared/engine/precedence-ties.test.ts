import { describe, expect, it } from 'vitest'
import { buildRuleIndex } from './rule-index'
import { importFlow } from './import-flow'
import { precedenceTies } from './precedence-ties'
import { flow, rule } from './testing/scenario'
import { AAD, AD, ADA, RULES, smallWorld } from './testing/small-world'

describe('precedenceTies', () => {
  const custom = (
    name: string,
    precedence: number,
    target: string,
    extra: Partial<Parameters<typeof rule>[0]> = {},
  ) => rule({ name, connector: AD, precedence, flows: [flow.direct(target, 'title')], ...extra })

  it('warns once about enabled rules of one direction and precedence that write the same attribute', () => {
    const index = buildRuleIndex(
      [
        custom('Custom A', 50, 'title'),
        custom('Custom B', 50, 'Title'),
        custom('Custom C', 50, 'department'),
        custom('Custom D', 51, 'title'),
        custom('Custom E', 50, 'title', { disabled: true }),
        custom('Custom F', 50, 'title', { direction: 'Outbound', connector: AAD }),
      ],
      [AD, AAD],
    )

    expect(
      precedenceTies(index).map((tie) => [
        tie.direction,
        tie.precedence,
        tie.attribute,
        tie.rules.map((r) => r.name),
      ]),
    ).toEqual([['Inbound', 50, 'title', ['Custom A', 'Custom B']]])
    expect(precedenceTies(index)[0]?.message).toBe(
      '"Custom A" and "Custom B" have the same precedence (50) and both write title: precedence cannot decide which value wins, so the result depends on the order the engine meets them. Give them different precedences.',
    )
  })

  it('ties rules of different metaverse object types only through a rule for any type (*)', () => {
    const index = buildRuleIndex(
      [
        custom('Person rule', 60, 'title'),
        custom('Contact rule', 60, 'title', { targetType: 'contact' }),
        custom('Any type', 60, 'title', { targetType: '*' }),
      ],
      [AD],
    )

    expect(precedenceTies(index).map((tie) => tie.rules.map((r) => r.name))).toEqual([
      ['Contact rule', 'Any type'],
      ['Person rule', 'Any type'],
    ])
  })

  it('finds no tie in rules with distinct precedences', () => {
    expect(precedenceTies(smallWorld().ruleIndex)).toEqual([])
  })

  it('notes on an object when two tied rules both offer the value that wins', () => {
    const twin = rule({
      name: 'In from AD - User Common (copy)',
      connector: AD,
      precedence: RULES.common.precedence,
      flows: [flow.direct('title', 'title')],
    })
    const world = smallWorld({ ad: { ...ADA, title: 'Engineer' }, extraRules: [twin] })

    const result = importFlow(world.adUser, { ruleIndex: world.ruleIndex, index: world.index })

    expect(result.notes.filter((note) => note.includes('same precedence'))).toEqual([
      expect.stringMatching(
        /"In from AD - User Common.*" and "In from AD - User Common.*" have the same precedence \(\d+\) and both offer title/,
      ),
    ])
  })
})
