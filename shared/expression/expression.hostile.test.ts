import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../test-support/fuzz'
import type { EvalOutcome } from './api'
import { evaluateExpression } from './evaluate'
import { FUNCTION_NAMES } from './function-registry'
import { MAX_NESTING, MAX_VALUE_LENGTH } from './limits'
import { parseExpression } from './parse-expression'
import { testContext } from './testing/eval-helpers'

const context = testContext({
  attributes: {
    cn: 'Ada',
    big: 'x'.repeat(MAX_VALUE_LENGTH),
    half: 'x'.repeat(MAX_VALUE_LENGTH / 2),
    many: Array.from({ length: 10_000 }, (_, index) => `v${index}`),
    aaa: `${'a'.repeat(5000)}!`,
  },
})

function outcome(text: string): EvalOutcome {
  return evaluateExpression(text, context, { trace: true }).outcome
}

const TOKENS = [
  ...FUNCTION_NAMES,
  '(',
  ')',
  ',',
  '"a"',
  '"(a+)+$"',
  '[cn]',
  '[big]',
  '[many]',
  '[aaa]',
  '1',
  '2147483647',
  '-1',
  '&',
  '+',
  '*',
  '=',
  '$item',
  '%Domain.FQDN%',
  'NULL',
]

describe('expressions from hostile rules', () => {
  it('parse and evaluate to an outcome for any token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => {
        const text = tokens.join('')

        const result = outcome(text)

        expect(['value', 'null', 'authoritativeNull', 'ignoreThisFlow', 'error']).toContain(result.kind)
        if (result.kind === 'error') expect(result.message).not.toMatch(/^Internal error/)
      }),
      fuzzParameters(3000),
    )
  })

  it.each([
    ['parentheses', `${'('.repeat(100_000)}1${')'.repeat(100_000)}`],
    ['calls', `${'Trim('.repeat(100_000)}"a"${')'.repeat(100_000)}`],
    ['unclosed calls', 'LCase('.repeat(100_000)],
    ['operators', Array.from({ length: 100_000 }, () => '"a"').join('&')],
  ])('refuses or evaluates %s nested 100,000 deep without overflowing the stack', (_label, text) => {
    const parsed = parseExpression(text)
    const result = outcome(text)

    expect(parsed.ok ? 'parsed' : parsed.error.message).toBeTruthy()
    expect(['value', 'error']).toContain(result.kind)
  })

  it('refuses nesting beyond the documented bound with a message', () => {
    const text = `${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`

    const parsed = parseExpression(text)

    expect(parsed.ok).toBe(false)
  })

  it.each([
    ['nested quantifiers', '[aaa]', '"(a+)+$"'],
    ['alternation blow-up', '[aaa]', '"(a|a)*$"'],
    ['nested stars', '[aaa]', '"(a*)*b"'],
    ['quantified groups', '[aaa]', '"((a{1,30}){1,30}){1,30}$"'],
    ['back-to-back stars', '[aaa]', '"a*a*a*a*a*a*a*a*a*a*b"'],
  ])('bounds a catastrophic regular expression (%s) in RegexIsMatch', (_label, input, pattern) => {
    const result = outcome(`RegexIsMatch(${input}, ${pattern})`)

    expect(['value', 'error']).toContain(result.kind)
  })

  it('bounds a catastrophic pattern applied to each of many values', () => {
    const result = outcome('Where($item, [many], RegexIsMatch($item, "(v+)+$"))')

    expect(['value', 'null', 'error']).toContain(result.kind)
  })

  it.each([
    ['PadLeft', 'PadLeft("a", 2147483647, "b")'],
    ['Replace', 'Replace([big], "x", [big])'],
    ['concatenation', '[big] & [big] & [big]'],
    ['Join', 'Join([many], [big])'],
    ['RandomStr', 'RandomStr(2147483647, 2147483647)'],
  ])('refuses a value beyond the size bound built by %s', (_label, text) => {
    const result = outcome(text)

    if (result.kind === 'value' && typeof result.value === 'string') {
      expect(result.value.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH)
    } else {
      expect(result.kind).not.toBe('value')
    }
  })

  it('reads attributes named like Object.prototype members as attributes', () => {
    const values = new Map([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
    ])
    const named = { attribute: (name: string) => values.get(name), parameter: () => undefined }

    const result = evaluateExpression('[__proto__] & [constructor] & [toString] & [valueOf]', named).outcome

    expect(result).toEqual({ kind: 'value', value: 'pct' })
  })

  it('traces a thousand concatenations of a half-megabyte value without keeping each rendering', () => {
    const text = `[half]${' & "a"'.repeat(1000)}`

    const evaluation = evaluateExpression(text, context, { trace: true })

    expect(evaluation.outcome.kind).toBe('value')
    expect(evaluation.trace.length).toBeGreaterThan(1000)
    expect(evaluation.trace.at(-1)?.result).toMatch(/… \(525290 characters\)$/)
  })
})
