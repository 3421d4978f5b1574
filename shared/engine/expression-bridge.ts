/**
 * The one place the engine calls the expression language (shared/expression), so that the wiring to
 * its implementation lives in a single module.
 */
import { type EvalContext, type Evaluation, evaluateExpression } from '../expression'

/**
 * Evaluates one flow expression. The expression module compiles each text once and caches it, and
 * bounds the steps of hostile expressions with its default limit.
 */
export function evaluateFlowExpression(text: string, context: EvalContext, trace = false): Evaluation {
  return evaluateExpression(text, context, { trace })
}
