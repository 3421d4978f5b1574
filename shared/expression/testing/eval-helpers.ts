/** Small helpers for expression tests: a context from literal attributes and a fixed clock and dice. */
import type { EvalContext, EvalOutcome, Evaluation, ExprValue } from '../api'
import { evaluateExpression } from '../evaluate'

/** 2024-05-06T07:08:09.123Z: the fixed `Now()` of tests. */
export const FIXED_NOW = new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123))

/** Attributes and parameters for a test context. */
export interface TestInputs {
  readonly attributes?: Readonly<Record<string, ExprValue>>
  readonly parameters?: Readonly<Record<string, string>>
  readonly imported?: Readonly<Record<string, ExprValue>>
  readonly random?: () => number
}

/** A context over literal attributes (kept in Maps, so any name works), with a fixed clock and random source. */
export function testContext(inputs: TestInputs = {}): EvalContext {
  const attributes = new Map(Object.entries(inputs.attributes ?? {}))
  const parameters = new Map(Object.entries(inputs.parameters ?? {}))
  const imported = inputs.imported === undefined ? undefined : new Map(Object.entries(inputs.imported))
  const context: EvalContext = {
    attribute: (name) => attributes.get(name),
    parameter: (name) => parameters.get(name),
    now: () => FIXED_NOW,
    random: inputs.random ?? (() => 0.5),
  }
  return imported === undefined ? context : { ...context, importedValue: (name) => imported.get(name) }
}

/** Evaluates with a test context. */
export function run(text: string, inputs: TestInputs = {}, trace = false): Evaluation {
  return evaluateExpression(text, testContext(inputs), { trace })
}

/** The outcome of an evaluation with a test context. */
export function outcomeOf(text: string, inputs: TestInputs = {}): EvalOutcome {
  return run(text, inputs).outcome
}

/** The value of an evaluation, or a readable description of a non-value outcome (for table tests). */
export function valueOf(text: string, inputs: TestInputs = {}): unknown {
  const outcome = outcomeOf(text, inputs)
  switch (outcome.kind) {
    case 'value':
      return outcome.value
    case 'error':
      return `error: ${outcome.message}`
    case 'null':
    case 'authoritativeNull':
    case 'ignoreThisFlow':
      return outcome.kind
  }
}
