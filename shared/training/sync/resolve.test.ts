import { describe, expect, it } from 'vitest'
import {
  direct,
  directOnce,
  expression,
  IGNORE_RESULT,
  NULL_RESULT,
  valueResult,
} from '../rules/flow-helpers'
import { clause, defineRule, type FlowResult, type RuleSpec } from '../rules/rule-spec'
import { type Contributions, resolve } from './resolve'

function rule(name: string, precedence: number, result: FlowResult, extra: Partial<RuleSpec> = {}): RuleSpec {
  return {
    ...defineRule({
      name,
      description: '',
      direction: 'Inbound',
      connector: 'ad',
      sourceObjectType: 'user',
      targetObjectType: 'person',
      linkType: 'Join',
      precedence,
      scope: [],
      flows: [expression('title', [], name, () => result)],
    }),
    ...extra,
  }
}

const source = new Map<string, readonly string[]>([['title', ['Engineer']]])
const existing: Contributions = new Map([
  ['title', { values: ['Old title'], rule: rule('old', 1, NULL_RESULT) }],
])

function titleOf(rules: readonly RuleSpec[], creating = false): readonly string[] | string {
  const result = resolve([{ rules, source }], { creating, existing })
  return result.ok ? (result.attributes.get('title')?.values ?? []) : `error: ${result.error.message}`
}

describe('resolve', () => {
  it.each<[string, readonly RuleSpec[], readonly string[] | string]>([
    [
      'the lowest precedence number with a value wins',
      [rule('b', 20, valueResult(['B'])), rule('a', 10, valueResult(['A']))],
      ['A'],
    ],
    [
      'NULL falls through to the next rule',
      [rule('a', 10, NULL_RESULT), rule('b', 20, valueResult(['B']))],
      ['B'],
    ],
    ['NULL everywhere removes the value', [rule('a', 10, NULL_RESULT)], []],
    [
      'IgnoreThisFlow lets a later rule contribute',
      [rule('a', 10, IGNORE_RESULT), rule('b', 20, valueResult(['B']))],
      ['B'],
    ],
    ['IgnoreThisFlow alone keeps the existing value', [rule('a', 10, IGNORE_RESULT)], ['Old title']],
    [
      'AuthoritativeNull blanks the value and stops later rules',
      [rule('a', 10, { kind: 'authoritative-null' }), rule('b', 20, valueResult(['B']))],
      [],
    ],
    ['an error stops the whole object', [rule('a', 10, { kind: 'error', message: 'bad' })], 'error: bad'],
    [
      'disabled rules take no part',
      [rule('a', 10, valueResult(['A']), { disabled: true }), rule('b', 20, valueResult(['B']))],
      ['B'],
    ],
    [
      'out-of-scope rules take no part',
      [
        rule('a', 10, valueResult(['A']), { scope: [[clause('title', 'ISNULL')]] }),
        rule('b', 20, valueResult(['B'])),
      ],
      ['B'],
    ],
  ])('%s', (_, rules, expected) => {
    expect(titleOf(rules)).toEqual(expected)
  })

  it('applies Apply Once mappings only while the target is created', () => {
    const once = defineRule({
      name: 'once',
      description: '',
      direction: 'Inbound',
      connector: 'ad',
      sourceObjectType: 'user',
      targetObjectType: 'person',
      linkType: 'Join',
      precedence: 10,
      scope: [],
      flows: [directOnce('title')],
    })

    expect(titleOf([once], true)).toEqual(['Engineer'])
    expect(titleOf([once], false)).toEqual(['Old title'])
  })

  it('walks the rules of several connectors together by precedence', () => {
    const ad = defineRule({
      name: 'ad',
      description: '',
      direction: 'Inbound',
      connector: 'ad',
      sourceObjectType: 'user',
      targetObjectType: 'person',
      linkType: 'Join',
      precedence: 30,
      scope: [],
      flows: [direct('title')],
    })
    const cloud = { ...ad, id: 'cloud', name: 'cloud', connector: 'aad' as const, precedence: 20 }

    const result = resolve(
      [
        { rules: [ad], source },
        { rules: [cloud], source: new Map([['title', ['From the cloud']]]) },
      ],
      { creating: false, existing: null },
    )

    expect(result.ok && result.attributes.get('title')).toEqual({ values: ['From the cloud'], rule: cloud })
  })
})
