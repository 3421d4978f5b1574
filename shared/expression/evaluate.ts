/**
 * Evaluates parsed expressions against an object's attributes.
 *
 * Multi-values: a per-value function or operator is applied to each value and values whose result is NULL
 * are dropped (`IIF(InStr([proxyAddresses],"SIP:")=1,NULL,[proxyAddresses])` removes SIP addresses);
 * whole-list functions (Count, Item, Join, ...) receive the list. IIF, Switch, && and || evaluate only
 * what they need. Evaluation is bounded in steps, recursion and value size, and never throws.
 *
 * The trace lists steps in evaluation order: the arguments of a call appear before the call.
 */
import type {
  EvalContext,
  EvalOptions,
  EvalOutcome,
  Evaluation,
  ExprValue,
  ScalarValue,
  TraceStep,
} from './api'
import type { BinaryNode, CallNode, ConstantName, ExprNode, Span } from './ast'
import { compileExpression } from './compile-expression'
import { asCondition, ensureLength } from './convert'
import { EvalFailure } from './eval-failure'
import type { FunctionSpec } from './function-registry'
import { FUNCTION_SPECS, arityText, unknownFunctionMessage } from './function-registry'
import type { FunctionEnv, FunctionImpl } from './functions/function-types'
import { FUNCTION_IMPLEMENTATIONS } from './functions/implementations'
import { valuesOf } from './functions/multivalue-functions'
import {
  DEFAULT_MAX_STEPS,
  MAX_EVAL_DEPTH,
  MAX_TRACE_STEPS,
  MAX_TRACE_TEXT,
  MAX_VALUE_LENGTH,
} from './limits'
import { applyOperator } from './operators'
import { renderShort } from './render-value'
import type { EnumName, EnumValue, RuntimeValue, SpecialValue } from './runtime-value'
import {
  AUTHORITATIVE_NULL,
  IGNORE_THIS_FLOW,
  NULL,
  fromContextValue,
  isEnum,
  isList,
  isSpecial,
  listOrNull,
} from './runtime-value'

interface EvalState {
  readonly context: EvalContext
  readonly text: string
  readonly trace: TraceStep[] | null
  readonly attributesRead: string[]
  readonly maxSteps: number
  readonly variables: Map<string, RuntimeValue>
  readonly env: FunctionEnv
  /** Notes an attribute name as read. */
  readonly record: (name: string) => void
  steps: number
  recursion: number
  /** Offset of the sub-expression being applied, for errors raised inside functions. */
  position: number | null
}

/** A lazily evaluated call's result with its inputs (undefined = not evaluated). */
interface LazyResult {
  readonly result: RuntimeValue
  readonly inputs: readonly (RuntimeValue | undefined)[]
}

const NO_TRACE: readonly TraceStep[] = Object.freeze([])

const ENUM_VALUES = new Map<EnumName, EnumValue>()

function enumValue(name: EnumName): EnumValue {
  let value = ENUM_VALUES.get(name)
  if (value === undefined) {
    value = Object.freeze({ kind: 'enum', name })
    ENUM_VALUES.set(name, value)
  }
  return value
}

function constantValue(name: ConstantName): RuntimeValue {
  switch (name) {
    case 'NULL':
      return NULL
    case 'AuthoritativeNull':
      return AUTHORITATIVE_NULL
    case 'IgnoreThisFlow':
      return IGNORE_THIS_FLOW
    case 'CRLF':
      return '\r\n'
  }
}

/** Parses (once, cached) and evaluates an expression; a syntax error becomes an error outcome. */
export function evaluateExpression(
  text: string,
  context: EvalContext,
  options: EvalOptions = {},
): Evaluation {
  const compiled = compileExpression(text)
  if (!compiled.ok) {
    return {
      outcome: {
        kind: 'error',
        message: compiled.error.message,
        position: compiled.error.position,
        raised: false,
      },
      trace: NO_TRACE,
      attributesRead: [],
    }
  }
  return evaluateAst(compiled.ast, context, options, text)
}

/** Evaluates a parsed expression; `text` is the source the AST spans point into (for the trace). */
export function evaluateAst(
  ast: ExprNode,
  context: EvalContext,
  options: EvalOptions = {},
  text = '',
): Evaluation {
  const attributesRead: string[] = []
  const seen = new Set<string>()
  const record = (name: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    attributesRead.push(name)
  }
  const env: FunctionEnv = {
    now: () => context.now?.() ?? new Date(),
    random: () => context.random?.() ?? Math.random(),
    readAttribute: (name) => {
      record(name)
      return fromContextValue(context.attribute(name))
    },
    readImported: (name) => {
      record(name)
      return fromContextValue(context.importedValue ? context.importedValue(name) : context.attribute(name))
    },
  }
  const state: EvalState = {
    context,
    text,
    trace: options.trace === true ? [] : null,
    attributesRead,
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    variables: new Map(),
    env,
    record,
    steps: 0,
    recursion: 0,
    position: null,
  }
  let outcome: EvalOutcome
  try {
    outcome = toOutcome(evaluateNode(ast, state, 0))
  } catch (error) {
    outcome = failureOutcome(error, state)
  }
  return { outcome, trace: state.trace ?? NO_TRACE, attributesRead }
}

function failureOutcome(error: unknown, state: EvalState): EvalOutcome {
  if (error instanceof EvalFailure) {
    return {
      kind: 'error',
      message: error.message,
      position: error.position ?? state.position,
      raised: error.raised,
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return {
    kind: 'error',
    message: `Internal error while evaluating: ${message}`,
    position: state.position,
    raised: false,
  }
}

function toOutcome(value: RuntimeValue): EvalOutcome {
  if (isSpecial(value)) {
    switch (value.kind) {
      case 'null':
        return { kind: 'null' }
      case 'authoritativeNull':
        return { kind: 'authoritativeNull' }
      case 'ignoreThisFlow':
        return { kind: 'ignoreThisFlow' }
    }
  }
  if (isEnum(value)) return { kind: 'value', value: value.name }
  if (isList(value) && value.length === 0) return { kind: 'null' }
  const result: ExprValue = value
  return { kind: 'value', value: result }
}

function tick(state: EvalState, span: Span): void {
  if (++state.steps > state.maxSteps) {
    throw new EvalFailure(
      `Evaluation stopped after ${state.maxSteps} steps (a limit against runaway expressions).`,
      {
        position: span.start,
      },
    )
  }
}

function enter(state: EvalState, span: Span): void {
  if (++state.recursion > MAX_EVAL_DEPTH) {
    throw new EvalFailure(`The expression nests deeper than ${MAX_EVAL_DEPTH} levels.`, {
      position: span.start,
    })
  }
}

function checkSize(value: RuntimeValue): void {
  if (typeof value === 'string' || value instanceof Uint8Array) {
    if (value.length > MAX_VALUE_LENGTH) ensureLength(value.length, 'this step')
  } else if (isList(value)) {
    if (value.length > MAX_VALUE_LENGTH) throw new EvalFailure('A multi-value grew beyond 1,048,576 values.')
  }
}

function addStep(
  state: EvalState,
  span: Span,
  depth: number,
  inputs: readonly (RuntimeValue | undefined)[],
  result: RuntimeValue,
): void {
  if (state.trace === null) return
  if (state.trace.length >= MAX_TRACE_STEPS) {
    if (state.trace.length === MAX_TRACE_STEPS) {
      state.trace.push({
        text: '…',
        position: span.start,
        depth: 0,
        inputs: [],
        result: `(trace stops after ${MAX_TRACE_STEPS} steps; the evaluation went on)`,
      })
    }
    return
  }
  state.trace.push({
    text: state.text.slice(span.start, span.end),
    position: span.start,
    depth,
    inputs: inputs.map((input) =>
      input === undefined ? '(not evaluated)' : renderShort(input, MAX_TRACE_TEXT),
    ),
    result: renderShort(result, MAX_TRACE_TEXT),
  })
}

function evaluateNode(node: ExprNode, state: EvalState, depth: number): RuntimeValue {
  tick(state, node.span)
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value
    case 'constant':
      return constantValue(node.name)
    case 'enum':
      return enumValue(node.name)
    case 'attribute': {
      state.record(node.name)
      const value = fromContextValue(state.context.attribute(node.name))
      addStep(state, node.span, depth, [], value)
      return value
    }
    case 'parameter': {
      const value = state.context.parameter(node.name)
      if (value === undefined) {
        throw new EvalFailure(`Unknown parameter %${node.name}%: the connector does not define it.`, {
          position: node.span.start,
        })
      }
      addStep(state, node.span, depth, [], value)
      return value
    }
    case 'variable': {
      const value = state.variables.get(node.name)
      if (value === undefined) {
        throw new EvalFailure(`Unknown variable $${node.name}.`, { position: node.span.start })
      }
      return value
    }
    case 'call':
      return evaluateCall(node, state, depth)
    case 'binary':
      return evaluateBinary(node, state, depth)
  }
}

function evaluateCall(node: CallNode, state: EvalState, depth: number): RuntimeValue {
  const spec = FUNCTION_SPECS.get(node.name)
  if (spec === undefined)
    throw new EvalFailure(unknownFunctionMessage(node.name), { position: node.span.start })
  const count = node.args.length
  if (count < spec.minArgs || count > spec.maxArgs || (spec.pairs && count % 2 !== 0)) {
    throw new EvalFailure(`${node.name} takes ${arityText(spec)} arguments but was given ${count}.`, {
      position: node.span.start,
    })
  }
  enter(state, node.span)
  let result: RuntimeValue
  let inputs: readonly (RuntimeValue | undefined)[]
  if (spec.mode === 'lazy') {
    const lazy = evaluateLazy(node, state, depth)
    result = lazy.result
    inputs = lazy.inputs
  } else {
    const args: RuntimeValue[] = []
    for (const argument of node.args) args.push(evaluateNode(argument, state, depth + 1))
    const impl = FUNCTION_IMPLEMENTATIONS.get(node.name)
    if (impl === undefined)
      throw new EvalFailure(`${node.name} has no implementation.`, { position: node.span.start })
    state.position = node.span.start
    result =
      spec.mode === 'perValue' ? applyPerValue(spec, impl, args, state, node.span) : impl(args, state.env)
    inputs = args
  }
  checkSize(result)
  state.recursion--
  addStep(state, node.span, depth, inputs, result)
  return result
}

/** Collects per-value results: values are kept, NULL-like results dropped (the first non-NULL one kept aside). */
class ValueCollector {
  private readonly values: ScalarValue[] = []
  private dropped: SpecialValue | null = null

  public add(value: RuntimeValue): void {
    if (isList(value)) {
      for (const item of value) this.values.push(item)
    } else if (isSpecial(value)) {
      if (value.kind !== 'null' && this.dropped === null) this.dropped = value
    } else if (isEnum(value)) {
      this.values.push(value.name)
    } else {
      this.values.push(value)
    }
  }

  /**
   * The collected values; when every value was dropped, NULL or the AuthoritativeNull/IgnoreThisFlow
   * seen (UNSURE: the documentation only describes dropping NULL values).
   */
  public result(): RuntimeValue {
    if (this.values.length > 0) return this.values
    return this.dropped ?? NULL
  }
}

function applyPerValue(
  spec: FunctionSpec,
  impl: FunctionImpl,
  args: readonly RuntimeValue[],
  state: EvalState,
  span: Span,
): RuntimeValue {
  let length = -1
  for (const argument of args) if (isList(argument) && argument.length > length) length = argument.length
  if (length < 0) {
    if (!spec.acceptsNull) for (const argument of args) if (isSpecial(argument)) return argument
    return impl(args, state.env)
  }
  const collector = new ValueCollector()
  const scalars: RuntimeValue[] = new Array<RuntimeValue>(args.length)
  for (let i = 0; i < length; i++) {
    tick(state, span)
    let missing: RuntimeValue | null = null
    for (let j = 0; j < args.length; j++) {
      const argument = args[j] ?? NULL
      const value = isList(argument) ? (argument[i] ?? NULL) : argument
      scalars[j] = value
      if (!spec.acceptsNull && missing === null && isSpecial(value)) missing = value
    }
    const result = missing ?? impl(scalars, state.env)
    checkSize(result)
    collector.add(result)
  }
  return collector.result()
}

function evaluateLazy(node: CallNode, state: EvalState, depth: number): LazyResult {
  switch (node.name) {
    case 'IIF':
      return evaluateIif(node, state, depth)
    case 'Switch':
      return evaluateSwitch(node, state, depth)
    case 'Where':
    case 'Select':
      return evaluateWhereSelect(node, state, depth)
    case 'With':
      return evaluateWith(node, state, depth)
    default:
      throw new EvalFailure(`${node.name} has no lazy implementation.`, { position: node.span.start })
  }
}

function argument(node: CallNode, index: number): ExprNode {
  const found = node.args[index]
  if (found === undefined)
    throw new EvalFailure(`${node.name} is missing argument ${index + 1}.`, { position: node.span.start })
  return found
}

function condition(value: RuntimeValue, state: EvalState, node: ExprNode, what: string): boolean {
  state.position = node.span.start
  return asCondition(value, what)
}

function evaluateIif(node: CallNode, state: EvalState, depth: number): LazyResult {
  const test = evaluateNode(argument(node, 0), state, depth + 1)
  if (!isList(test)) {
    if (condition(test, state, node, 'IIF condition')) {
      const chosen = evaluateNode(argument(node, 1), state, depth + 1)
      return { result: chosen, inputs: [test, chosen, undefined] }
    }
    const chosen = evaluateNode(argument(node, 2), state, depth + 1)
    return { result: chosen, inputs: [test, undefined, chosen] }
  }
  // A multi-valued condition chooses per value, each value taking the matching value of the chosen branch.
  const flags = test.map((value) => condition(value, state, node, 'IIF condition'))
  const whenTrue = flags.includes(true) ? evaluateNode(argument(node, 1), state, depth + 1) : undefined
  const whenFalse = flags.includes(false) ? evaluateNode(argument(node, 2), state, depth + 1) : undefined
  const collector = new ValueCollector()
  flags.forEach((flag, index) => {
    const branch = flag ? whenTrue : whenFalse
    const value = branch === undefined ? NULL : isList(branch) ? (branch[index] ?? NULL) : branch
    collector.add(value)
  })
  return { result: collector.result(), inputs: [test, whenTrue, whenFalse] }
}

function evaluateSwitch(node: CallNode, state: EvalState, depth: number): LazyResult {
  const inputs: (RuntimeValue | undefined)[] = node.args.map(() => undefined)
  // Conditions are evaluated in order up to the first true one; only its value is evaluated (the reference's
  // own example ends with `True, Error("Unknown city")`, which must not fire when an earlier case matches).
  for (let i = 0; i + 1 < node.args.length; i += 2) {
    const test = evaluateNode(argument(node, i), state, depth + 1)
    inputs[i] = test
    if (isList(test)) {
      state.position = node.span.start
      throw new EvalFailure('Switch conditions must be single values, not multi-values.')
    }
    if (condition(test, state, node, 'Switch condition')) {
      const value = evaluateNode(argument(node, i + 1), state, depth + 1)
      inputs[i + 1] = value
      return { result: value, inputs }
    }
  }
  return { result: NULL, inputs }
}

function variableName(node: CallNode): string {
  const variable = argument(node, 0)
  if (variable.kind !== 'variable') {
    throw new EvalFailure(`The first argument of ${node.name} must be a variable such as $item.`, {
      position: variable.span.start,
    })
  }
  return variable.name
}

function withBinding<T>(state: EvalState, name: string, value: RuntimeValue, run: () => T): T {
  const previous = state.variables.get(name)
  state.variables.set(name, value)
  const result = run()
  if (previous === undefined) state.variables.delete(name)
  else state.variables.set(name, previous)
  return result
}

function evaluateWhereSelect(node: CallNode, state: EvalState, depth: number): LazyResult {
  const name = variableName(node)
  const source = evaluateNode(argument(node, 1), state, depth + 1)
  const body = argument(node, 2)
  const collector = new ValueCollector()
  for (const item of valuesOf(source)) {
    tick(state, node.span)
    const value = withBinding(state, name, item, () => evaluateNode(body, state, depth + 1))
    if (node.name === 'Select') {
      collector.add(value)
      continue
    }
    if (isList(value)) {
      state.position = body.span.start
      throw new EvalFailure('The Where condition must give one value per item, not a multi-value.')
    }
    if (condition(value, state, body, 'Where condition')) collector.add(item)
  }
  const result = collector.result()
  return {
    result: isSpecial(result) && node.name === 'Where' ? NULL : result,
    inputs: [undefined, source, undefined],
  }
}

function evaluateWith(node: CallNode, state: EvalState, depth: number): LazyResult {
  const name = variableName(node)
  const bound = evaluateNode(argument(node, 1), state, depth + 1)
  const result = withBinding(state, name, bound, () => evaluateNode(argument(node, 2), state, depth + 1))
  return { result, inputs: [undefined, bound, undefined] }
}

/** Evaluates a chain `a op b op c` iteratively along its left spine, so long chains use no stack. */
function evaluateBinary(node: BinaryNode, state: EvalState, depth: number): RuntimeValue {
  const spine: BinaryNode[] = []
  let leftmost: ExprNode = node
  while (leftmost.kind === 'binary') {
    spine.push(leftmost)
    leftmost = leftmost.left
  }
  enter(state, node.span)
  let value = evaluateNode(leftmost, state, depth + spine.length)
  for (let i = spine.length - 1; i >= 0; i--) {
    const current = spine[i]
    if (current === undefined) continue
    if (i > 0) tick(state, current.span)
    const nodeDepth = depth + i
    const left = value
    let right: RuntimeValue | undefined
    if (current.operator === '&&' || current.operator === '||') {
      const logical = evaluateLogical(current, left, state, nodeDepth)
      value = logical.result
      right = logical.right
    } else {
      right = evaluateNode(current.right, state, nodeDepth + 1)
      state.position = current.span.start
      value = applyBinaryValues(current, left, right, state)
    }
    checkSize(value)
    addStep(state, current.span, nodeDepth, [left, right], value)
  }
  state.recursion--
  return value
}

function applyBinaryValues(
  node: BinaryNode,
  left: RuntimeValue,
  right: RuntimeValue,
  state: EvalState,
): RuntimeValue {
  if (!isList(left) && !isList(right)) return applyOperator(node.operator, left, right)
  const length = Math.max(isList(left) ? left.length : 0, isList(right) ? right.length : 0)
  const collector = new ValueCollector()
  for (let i = 0; i < length; i++) {
    tick(state, node.span)
    const a = isList(left) ? (left[i] ?? NULL) : left
    const b = isList(right) ? (right[i] ?? NULL) : right
    collector.add(applyOperator(node.operator, a, b))
  }
  return collector.result()
}

function evaluateLogical(
  node: BinaryNode,
  left: RuntimeValue,
  state: EvalState,
  depth: number,
): { readonly result: RuntimeValue; readonly right: RuntimeValue | undefined } {
  const isAnd = node.operator === '&&'
  const what = `The ${node.operator} operator`
  if (!isList(left)) {
    const first = condition(left, state, node, what)
    if (isAnd !== first) return { result: first, right: undefined }
  }
  const right = evaluateNode(node.right, state, depth + 1)
  state.position = node.span.start
  if (!isList(left) && !isList(right)) return { result: asCondition(right, what), right }
  const length = Math.max(isList(left) ? left.length : 0, isList(right) ? right.length : 0)
  const results: boolean[] = []
  for (let i = 0; i < length; i++) {
    const a = asCondition(isList(left) ? (left[i] ?? NULL) : left, what)
    const b = asCondition(isList(right) ? (right[i] ?? NULL) : right, what)
    results.push(isAnd ? a && b : a || b)
  }
  return { result: listOrNull(results), right }
}
