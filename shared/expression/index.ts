/** The expression language of Connect Sync: parse, evaluate, render. The only entry point for other modules. */
export type {
  EvalContext,
  EvalOptions,
  EvalOutcome,
  Evaluation,
  ExprValue,
  ExpressionSyntaxError,
  ReferenceValue,
  ScalarValue,
  TraceStep,
} from './api'
export type { BinaryNode, BinaryOperator, CallNode, ConstantName, ExprNode, ParseResult, Span } from './ast'
export { compileExpression } from './compile-expression'
export { evaluateAst, evaluateExpression } from './evaluate'
export type { EvaluationMode, FunctionCategory, FunctionSpec } from './function-registry'
export { FUNCTION_NAMES, FUNCTION_SPECS } from './function-registry'
export { parseExpression } from './parse-expression'
export type { JsonValue } from './render-value'
export { renderValue, toJsonValue } from './render-value'
export type { EnumName } from './runtime-value'
export { runEvalCommand } from './cli-eval'
export type { EvalCommandResult } from './cli-eval'
