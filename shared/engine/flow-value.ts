import type { EvalContext, EvalOutcome, ExprValue, ScalarValue, TraceStep } from '../expression/api'
import type { FlowOutcome } from '../model/flow-outcome'
import type { Attribute } from '../model/objects'
import type { AttributeFlow } from '../model/sync-rule'
import type { AttributeBag } from './attribute-bag'
import { base64ToBytes, bytesToBase64 } from '../text/base64'
import { evaluateFlowExpression } from './expression-bridge'

/** What one flow computes (the type lives in shared/model so the views can name it). */
export type { FlowOutcome } from '../model/flow-outcome'

/** The values a flow reads: one entry per source attribute. */
export interface SourceValues {
  readonly attribute: string
  readonly values: readonly string[]
}

/** What an evaluation can read, built once per object and reused for all its flows. */
export interface FlowInputs {
  readonly source: AttributeBag
  /** Parameter by name (`Domain.FQDN`, `Connector.ID`, ...). */
  readonly parameter: (name: string) => string | undefined
  /** `ImportedValue`: the value confirmed by import (outbound: the target CS hologram); defaults to the source. */
  readonly imported?: AttributeBag
  /** Fixed clock for `Now()` (tests, reproducible reports). */
  readonly now?: () => Date
}

/** A flow's computed outcome with its evaluation trace (empty unless asked for). */
export interface FlowEvaluation {
  readonly outcome: FlowOutcome
  readonly trace: readonly TraceStep[]
}

const NOT_EVALUATED: FlowOutcome = { kind: 'not-evaluated' }

/** The outcome of a flow that was not computed. */
export function notEvaluated(): FlowOutcome {
  return NOT_EVALUATED
}

/** The source values a flow reads, for display (Direct and Expression sources; none for Constant). */
export function flowSourceValues(flow: AttributeFlow, source: AttributeBag): readonly SourceValues[] {
  return flow.sources.map((attribute) => ({ attribute, values: source.values(attribute) }))
}

/** Computes one flow: Direct copies the source, Constant yields its value, Expression is evaluated. */
export function evaluateFlow(
  flow: AttributeFlow,
  inputs: FlowInputs,
  context: EvalContext = evalContext(inputs),
  trace = false,
): FlowEvaluation {
  switch (flow.flowType) {
    case 'Direct': {
      const values = flow.sources.flatMap((attribute) => inputs.source.values(attribute))
      return { outcome: values.length > 0 ? { kind: 'value', values } : { kind: 'null' }, trace: [] }
    }
    case 'Constant':
      return { outcome: { kind: 'value', values: [flow.constant ?? ''] }, trace: [] }
    case 'Expression': {
      const evaluation = evaluateFlowExpression(flow.expression ?? '', context, trace)
      return { outcome: fromEvalOutcome(evaluation.outcome), trace: evaluation.trace }
    }
  }
}

/** An evaluation context over an object's attributes; values are converted once per attribute. */
export function evalContext(inputs: FlowInputs): EvalContext {
  const read = cachedReader(inputs.source)
  const imported = inputs.imported ? cachedReader(inputs.imported) : read
  const context: EvalContext = {
    attribute: read,
    parameter: inputs.parameter,
    importedValue: imported,
  }
  return inputs.now ? { ...context, now: inputs.now } : context
}

function cachedReader(bag: AttributeBag): (name: string) => ExprValue | undefined {
  const cache = new Map<string, ExprValue | undefined>()
  return (name) => {
    if (cache.has(name)) return cache.get(name)
    const value = readAttribute(bag, name)
    cache.set(name, value)
    return value
  }
}

function readAttribute(bag: AttributeBag, name: string): ExprValue | undefined {
  const attribute = bag.get(name)
  if (!attribute) {
    return name.toLowerCase() === 'dn' && bag.dn !== null ? { kind: 'reference', dn: bag.dn } : undefined
  }
  return toExprValue(attribute)
}

/** Converts a model attribute (values as text) to an expression value; undefined when it has no value. */
export function toExprValue(attribute: Attribute): ExprValue | undefined {
  if (attribute.values.length === 0) return undefined
  const scalars = attribute.values.map((value) => toScalar(attribute, value))
  return attribute.multiValued || scalars.length > 1 ? scalars : scalars[0]
}

function toScalar(attribute: Attribute, value: string): ScalarValue {
  switch (attribute.type) {
    case 'String':
      return value
    case 'Integer': {
      const number = Number(value)
      return Number.isFinite(number) ? number : value
    }
    case 'Boolean':
      return value.trim().toLowerCase() === 'true'
    case 'Binary':
      return base64ToBytes(value) ?? value
    case 'Reference':
      return { kind: 'reference', dn: value }
  }
}

/** Converts an evaluator outcome to plain data. */
export function fromEvalOutcome(outcome: EvalOutcome): FlowOutcome {
  switch (outcome.kind) {
    case 'value': {
      // The directory stores no empty strings: `Left(Trim(NULL),448)` yields "" and flows as no value.
      const values = toTexts(outcome.value).filter((value) => value !== '')
      return values.length > 0 ? { kind: 'value', values } : { kind: 'null' }
    }
    case 'null':
    case 'authoritativeNull':
    case 'ignoreThisFlow':
      return { kind: outcome.kind }
    case 'error':
      return { kind: 'error', message: outcome.message, position: outcome.position, raised: outcome.raised }
  }
}

/** Expression values as the model's text: decimal numbers, `true`/`false`, base64 bytes, DNs, ISO dates. */
export function toTexts(value: ExprValue): readonly string[] {
  return isScalar(value) ? [scalarText(value)] : value.map(scalarText)
}

function isScalar(value: ExprValue): value is ScalarValue {
  return !Array.isArray(value)
}

function scalarText(value: ScalarValue): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Uint8Array) return bytesToBase64(value)
  if (value instanceof Date) return value.toISOString()
  return value.dn
}
