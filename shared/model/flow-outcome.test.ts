import { describe, expect, it } from 'vitest'
import { type FlowOutcome, type OutcomeForm, outcomeText } from './flow-outcome'

const ERROR: FlowOutcome = { kind: 'error', message: 'boom', position: 0, raised: true }

describe('outcomeText', () => {
  it.each([
    [{ kind: 'value', values: ['a', 'b'] }, 'sentence', '"a", "b"'],
    [{ kind: 'value', values: ['a', 'b'] }, 'cell', 'a; b'],
    [{ kind: 'value', values: [] }, 'cell', '(none)'],
    [{ kind: 'value', values: [] }, 'detail', '(no values)'],
    [{ kind: 'value', values: ['x'.repeat(100)] }, 'sentence', `"${'x'.repeat(77)}..."`],
    [{ kind: 'null' }, 'cell', 'NULL'],
    [{ kind: 'authoritativeNull' }, 'sentence', 'AuthoritativeNull'],
    [{ kind: 'ignoreThisFlow' }, 'detail', 'IgnoreThisFlow'],
    [ERROR, 'sentence', 'error: boom'],
    [ERROR, 'cell', 'Error'],
    [ERROR, 'detail', 'Error: boom'],
    [{ kind: 'not-evaluated' }, 'sentence', 'not evaluated'],
    [{ kind: 'not-evaluated' }, 'cell', '—'],
    [{ kind: 'not-evaluated' }, 'detail', 'Not evaluated'],
  ] as const satisfies readonly (readonly [FlowOutcome, OutcomeForm, string])[])(
    '%j as a %s reads %s',
    (outcome, form, text) => {
      expect(outcomeText(outcome, form)).toBe(text)
    },
  )
})
