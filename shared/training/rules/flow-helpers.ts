/** Building blocks for mappings: results, and the Direct, Constant and common expression mappings. */
import { type Attributes, firstOf, valuesOf } from '../attributes'
import type { FlowCompute, FlowResult, FlowSpec } from './rule-spec'

/** The NULL result: no contribution. */
export const NULL_RESULT: FlowResult = { kind: 'null' }

/** The IgnoreThisFlow result. */
export const IGNORE_RESULT: FlowResult = { kind: 'ignore-this-flow' }

/** A value result; no values at all is NULL, as the engine treats an empty result. */
export function valueResult(values: readonly string[]): FlowResult {
  return values.length > 0 ? { kind: 'value', values } : NULL_RESULT
}

/** A boolean result as the model writes booleans. */
export function booleanResult(value: boolean): FlowResult {
  return valueResult([value ? 'true' : 'false'])
}

/** .NET `String.Trim()`: removes leading and trailing white space. */
export function trim(text: string): string {
  return text.trim()
}

/** `Trim([name])`: every value trimmed; NULL when absent. */
export function trimmedValues(source: Attributes, name: string): FlowResult {
  return valueResult(valuesOf(source, name).map(trim))
}

/** `IsNullOrEmpty([name])`. */
export function isNullOrEmpty(source: Attributes, name: string): boolean {
  const value = firstOf(source, name)
  return value === undefined || value === ''
}

/** A Direct mapping: the source attribute as it is. */
export function direct(target: string, source: string = target): FlowSpec {
  return {
    target,
    sources: [source],
    expression: null,
    constant: null,
    applyOnce: false,
    compute: (attributes) => valueResult(valuesOf(attributes, source)),
  }
}

/** A Direct mapping that applies only when the target object is created (Apply Once). */
export function directOnce(target: string, source: string = target): FlowSpec {
  return { ...direct(target, source), applyOnce: true }
}

/** A Constant mapping. */
export function constant(target: string, value: string): FlowSpec {
  return {
    target,
    sources: [],
    expression: null,
    constant: value,
    applyOnce: false,
    compute: () => valueResult([value]),
  }
}

/** An Expression mapping with the text the rule file shows and what it computes. */
export function expression(
  target: string,
  sources: readonly string[],
  text: string,
  compute: FlowCompute,
): FlowSpec {
  return { target, sources, expression: text, constant: null, applyOnce: false, compute }
}

/** `Trim([source])`, the most common default mapping. */
export function trimmed(target: string, source: string = target): FlowSpec {
  return expression(target, [source], `Trim([${source}])`, (attributes) => trimmedValues(attributes, source))
}

/** A mapping from a connector parameter such as `%Domain.FQDN%`. */
export function parameter(target: string, name: string, value: string): FlowSpec {
  return expression(target, [], `%${name}%`, () => valueResult([value]))
}
