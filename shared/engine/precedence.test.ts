import { describe, expect, it } from 'vitest'
import type { FlowOutcome } from './flow-value'
import { type Candidate, type FlowGate, resolvePrecedence } from './precedence'
import { connector, flow, rule } from './testing/scenario'

const ad = connector({ name: 'contoso.com' })
const OPEN: FlowGate = { kind: 'open' }

function candidate(precedence: number, outcome: FlowOutcome, gate: FlowGate = OPEN): Candidate {
  return {
    rule: rule({ name: `Rule ${precedence}`, connector: ad, precedence }),
    flow: flow.expression('department', 'expression'),
    gate,
    outcome,
  }
}

const value = (...values: string[]): FlowOutcome => ({ kind: 'value', values })
const NULL: FlowOutcome = { kind: 'null' }

describe('resolvePrecedence', () => {
  it('gives the value of the lowest precedence number and overrides the rest', () => {
    const result = resolvePrecedence([candidate(20, value('b')), candidate(10, value('a'))])

    expect(result.rows.map((row) => [row.rule.precedence, row.status, row.winner])).toEqual([
      [10, 'contributes', true],
      [20, 'overridden', false],
    ])
    expect(result.resolution).toMatchObject({ kind: 'value', values: ['a'] })
  })

  it('lets NULL fall through to the next rule', () => {
    const result = resolvePrecedence([candidate(10, NULL), candidate(20, value('b'))])

    expect(result.rows.map((row) => row.status)).toEqual(['null', 'contributes'])
    expect(result.rows[0]?.reason).toBe(
      'The expression returned NULL, so a lower-precedence rule may contribute.',
    )
  })

  it('removes the value when every rule returns NULL', () => {
    expect(resolvePrecedence([candidate(10, NULL), candidate(20, NULL)]).resolution).toEqual({ kind: 'none' })
  })

  it('blanks the value with AuthoritativeNull and stops lower rules', () => {
    const result = resolvePrecedence([
      candidate(10, NULL),
      candidate(20, { kind: 'authoritativeNull' }),
      candidate(30, value('c')),
    ])

    expect(result.rows.map((row) => [row.status, row.winner])).toEqual([
      ['null', false],
      ['authoritative-null', true],
      ['overridden', false],
    ])
    expect(result.rows[2]?.reason).toBe(
      'Overridden: Rule "Rule 20" (precedence 20) blanks the value with AuthoritativeNull.',
    )
    expect(result.resolution).toMatchObject({ kind: 'authoritative-null', from: { precedence: 20 } })
  })

  it('keeps the existing value when only IgnoreThisFlow answers', () => {
    const result = resolvePrecedence([candidate(10, { kind: 'ignoreThisFlow' }), candidate(20, NULL)])

    expect(result.rows.map((row) => row.status)).toEqual(['ignore-this-flow', 'null'])
    expect(result.resolution).toEqual({ kind: 'keep-existing' })
  })

  it('lets a lower rule contribute after IgnoreThisFlow', () => {
    const result = resolvePrecedence([candidate(10, { kind: 'ignoreThisFlow' }), candidate(20, value('b'))])

    expect(result.resolution).toMatchObject({ kind: 'value', values: ['b'] })
  })

  it('stops at an error: the object gets a sync error', () => {
    const error: FlowOutcome = { kind: 'error', message: 'no sales', position: 4, raised: true }

    const result = resolvePrecedence([candidate(10, error), candidate(20, value('b'))])

    expect(result.rows.map((row) => row.status)).toEqual(['error', 'overridden'])
    expect(result.resolution).toEqual({
      kind: 'error',
      from: expect.objectContaining({ precedence: 10 }),
      message: 'no sales',
    })
  })

  it('shows gated rows with their own status and ignores them for the result', () => {
    const result = resolvePrecedence([
      candidate(5, { kind: 'not-evaluated' }, { kind: 'disabled' }),
      candidate(
        6,
        { kind: 'not-evaluated' },
        { kind: 'out-of-scope', clause: null, text: 'x ISNOTNULL is false' },
      ),
      candidate(7, value('old'), { kind: 'apply-once' }),
      candidate(8, value('b')),
    ])

    expect(result.rows.map((row) => row.status)).toEqual([
      'disabled',
      'out-of-scope',
      'apply-once',
      'contributes',
    ])
    expect(result.rows[1]?.reason).toBe('The rule is out of scope: x ISNOTNULL is false.')
    expect(result.resolution).toMatchObject({ kind: 'value', values: ['b'] })
  })

  it('resolves a value with more values than a call could spread (200,000)', () => {
    const values = Array.from({ length: 200_000 }, (_, index) => `member ${index}`)

    const result = resolvePrecedence([
      candidate(10, value(...values.slice(0, 3))),
      candidate(5, { kind: 'value', values }),
    ])

    expect(result.resolution).toMatchObject({ kind: 'value' })
    expect(result.resolution.kind === 'value' ? result.resolution.values.length : 0).toBe(200_000)
  })

  it('orders equal precedence by rule name', () => {
    const first = {
      ...candidate(10, value('z')),
      rule: rule({ name: 'B rule', connector: ad, precedence: 10 }),
    }
    const second = {
      ...candidate(10, value('y')),
      rule: rule({ name: 'A rule', connector: ad, precedence: 10 }),
    }

    const result = resolvePrecedence([first, second])

    expect(result.rows.map((row) => row.rule.name)).toEqual(['A rule', 'B rule'])
  })
})
