/**
 * Public contract of the expression language (declarative provisioning expressions).
 *
 * The engine (shared/engine) and the command line use only what this file declares and
 * `shared/expression/index.ts` exports.
 */

/** A reference value (a DN pointing to another object). */
export interface ReferenceValue {
  readonly kind: 'reference'
  readonly dn: string
}

/** One single value the language computes with. Binary values are raw bytes; dates are UTC. */
export type ScalarValue = string | number | boolean | Uint8Array | Date | ReferenceValue

/** A value: a scalar, or the values of a multi-valued attribute (never nested). */
export type ExprValue = ScalarValue | readonly ScalarValue[]

/** The outcome of evaluating an expression for one flow. */
export type EvalOutcome =
  | { readonly kind: 'value'; readonly value: ExprValue }
  | { readonly kind: 'null' }
  | { readonly kind: 'authoritativeNull' }
  | { readonly kind: 'ignoreThisFlow' }
  /** `Error("...")` was called, or a type/argument error occurred. `position` is a 0-based offset in the text. */
  | {
      readonly kind: 'error'
      readonly message: string
      readonly position: number | null
      readonly raised: boolean
    }

/** One step of an evaluation trace: a call, an operator, an attribute or parameter read. */
export interface TraceStep {
  /** Source text of the sub-expression. */
  readonly text: string
  /** 0-based offset of the sub-expression in the expression text. */
  readonly position: number
  /** Nesting depth (0 = the whole expression). */
  readonly depth: number
  /** The inputs, rendered for display. */
  readonly inputs: readonly string[]
  /** The result, rendered for display (`NULL`, `IgnoreThisFlow`, ...). */
  readonly result: string
}

/** What an evaluation can read: the source object's attributes and the connector's parameters. */
export interface EvalContext {
  /** Attribute value of the source object, undefined when absent (NULL). */
  attribute(name: string): ExprValue | undefined
  /** Parameter such as `Domain.FQDN`, `Forest.Netbios`, `Connector.ID` (without `%`), undefined when unknown. */
  parameter(name: string): string | undefined
  /** `ImportedValue("name")`: the value confirmed by import; defaults to `attribute(name)` when not given. */
  importedValue?(name: string): ExprValue | undefined
  /** The current time for `Now()`; fixed in tests. */
  now?(): Date
  /** Random source for Guid/RandomNum/RandomStr; fixed in tests. */
  random?(): number
}

/** A syntax error with the 0-based offset where it was found. */
export interface ExpressionSyntaxError {
  readonly message: string
  readonly position: number
}

/** Options of one evaluation. */
export interface EvalOptions {
  /** Record a trace of every call. */
  readonly trace?: boolean
  /** Upper bound of evaluation steps; exceeding it yields an error outcome (protects against hostile input). */
  readonly maxSteps?: number
}

/** An evaluation outcome with its trace (empty when tracing was off). */
export interface Evaluation {
  readonly outcome: EvalOutcome
  readonly trace: readonly TraceStep[]
  /** Attribute names the expression read, in order of first use. */
  readonly attributesRead: readonly string[]
}
