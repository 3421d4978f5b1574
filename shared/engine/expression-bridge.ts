/**
 * The one place the engine calls the expression language (shared/expression), so that the wiring to
 * its implementation lives in a single module.
 */
import type { EvalContext, Evaluation } from '../expression/api'

/** True when an expression evaluator is wired in; expression flows report an error outcome otherwise. */
export const expressionAvailable = false

const MAX_STEPS = 200_000

/** Evaluates one flow expression; the expression module compiles each text once and caches it. */
export function evaluateFlowExpression(text: string, _context: EvalContext, trace = false): Evaluation {
  void trace
  void MAX_STEPS
  return {
    outcome: {
      kind: 'error',
      message: `The expression evaluator is not available in this build; "${text.slice(0, 40)}" was not evaluated.`,
      position: null,
      raised: false,
    },
    trace: [],
    attributesRead: [],
  }
}
