/**
 * `synclens eval '<expression>' [--attr NAME=VALUE]... [--param NAME=VALUE]... --json`: the command's
 * logic without I/O, so the CLI only parses its arguments and prints `json`.
 */
import type { EvalContext, ExprValue, ScalarValue } from './api'
import { evaluateExpression } from './evaluate'
import type { JsonValue } from './render-value'
import { toJsonValue } from './render-value'

/** What the command prints (as JSON) and its exit code: 0 for a result, 2 for a bad NAME=VALUE, 3 for an error. */
export interface EvalCommandResult {
  readonly exitCode: 0 | 2 | 3
  readonly json:
    | { readonly value: JsonValue; readonly kind: 'value' | 'null' | 'authoritativeNull' | 'ignoreThisFlow' }
    | { readonly error: string; readonly position: number | null }
}

interface Assignment {
  readonly name: string
  readonly value: string
}

function splitAssignment(text: string): Assignment | null {
  const equals = text.indexOf('=')
  if (equals <= 0) return null
  return { name: text.slice(0, equals), value: text.slice(equals + 1) }
}

/** `--attr` values: an integer when the text is one, a boolean for True/False (any case), else the text. */
function attributeValue(text: string): ScalarValue {
  if (/^[+-]?\d+$/.test(text)) return Number(text)
  const lower = text.toLowerCase()
  if (lower === 'true') return true
  if (lower === 'false') return false
  return text
}

function usageError(message: string): EvalCommandResult {
  return { exitCode: 2, json: { error: message, position: null } }
}

/** Evaluates an expression against attributes and parameters given as `NAME=VALUE` texts. */
export function runEvalCommand(
  expression: string,
  attrs: readonly string[],
  params: readonly string[],
): EvalCommandResult {
  const attributes = new Map<string, ScalarValue[]>()
  for (const text of attrs) {
    const assignment = splitAssignment(text)
    if (assignment === null) return usageError(`--attr "${text}" must be written NAME=VALUE.`)
    const values = attributes.get(assignment.name) ?? []
    values.push(attributeValue(assignment.value))
    attributes.set(assignment.name, values)
  }
  const parameters = new Map<string, string>()
  for (const text of params) {
    const assignment = splitAssignment(text)
    if (assignment === null) return usageError(`--param "${text}" must be written NAME=VALUE.`)
    parameters.set(assignment.name, assignment.value)
  }
  const byLowerName = new Map([...attributes].map(([name, values]) => [name.toLowerCase(), values]))
  const context: EvalContext = {
    // Attribute names resolve case-insensitively, as the engine resolves them in snapshots (docs/DIAGNOSIS.md).
    attribute: (name): ExprValue | undefined => {
      const values = attributes.get(name) ?? byLowerName.get(name.toLowerCase())
      if (values === undefined) return undefined
      return values.length === 1 ? values[0] : values
    },
    parameter: (name) => parameters.get(name),
  }
  const { outcome } = evaluateExpression(expression, context)
  switch (outcome.kind) {
    case 'value':
      return { exitCode: 0, json: { value: toJsonValue(outcome.value), kind: 'value' } }
    case 'null':
    case 'authoritativeNull':
    case 'ignoreThisFlow':
      return { exitCode: 0, json: { value: null, kind: outcome.kind } }
    case 'error':
      return { exitCode: 3, json: { error: outcome.message, position: outcome.position } }
  }
}
