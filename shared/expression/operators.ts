/**
 * The non-lazy operators on single values: concatenation, arithmetic and comparison.
 *
 * NULL rules follow VBA, the language this one is a subset of: `&` treats one NULL operand as "",
 * arithmetic with NULL is NULL, and a comparison with NULL is not true (so `=` and `<>` are both False).
 */
import type { BinaryOperator } from './ast'
import { asNumber, asString, ensureLength, formatNumber, tryBoolean, tryDate, tryNumber } from './convert'
import { EvalFailure } from './eval-failure'
import type { RuntimeValue } from './runtime-value'
import { isEnum, isReference, isSpecial, typeName } from './runtime-value'

/** Applies an operator other than `&&`/`||` to two single values. */
export function applyOperator(
  operator: BinaryOperator,
  left: RuntimeValue,
  right: RuntimeValue,
): RuntimeValue {
  switch (operator) {
    case '&':
      return concatenate(left, right)
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(operator, left, right)
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(operator, left, right)
    case '&&':
    case '||':
      throw new EvalFailure(`Operator ${operator} is evaluated lazily by the evaluator.`)
  }
}

function concatenate(left: RuntimeValue, right: RuntimeValue): RuntimeValue {
  const leftMissing = isSpecial(left)
  const rightMissing = isSpecial(right)
  if (leftMissing && rightMissing) return left
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    if (leftMissing) return right
    if (rightMissing) return left
    if (!(left instanceof Uint8Array) || !(right instanceof Uint8Array)) {
      throw new EvalFailure(
        `The & operator joins binary only with binary, not ${typeName(left)} with ${typeName(right)}; convert with ConvertToBase64 or CBin first.`,
      )
    }
    ensureLength(left.length + right.length, 'the & operator')
    const joined = new Uint8Array(left.length + right.length)
    joined.set(left)
    joined.set(right, left.length)
    return joined
  }
  const text =
    (leftMissing ? '' : asString(left, 'The & operator')) +
    (rightMissing ? '' : asString(right, 'The & operator'))
  ensureLength(text.length, 'the & operator')
  return text
}

function arithmetic(operator: '+' | '-' | '*' | '/', left: RuntimeValue, right: RuntimeValue): RuntimeValue {
  if (isSpecial(left)) return left
  if (isSpecial(right)) return right
  const what = `The ${operator} operator`
  if (operator === '+' && typeof left === 'string' && typeof right === 'string' && tryNumber(left) === null) {
    throw new EvalFailure('The + operator adds numbers; use & to join strings.')
  }
  const a = asNumber(left, what)
  const b = asNumber(right, what)
  const result = calculate(operator, a, b)
  if (!Number.isFinite(result)) throw new EvalFailure(`The result of ${a} ${operator} ${b} is too large.`)
  return result
}

function calculate(operator: '+' | '-' | '*' | '/', a: number, b: number): number {
  switch (operator) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      if (b === 0) throw new EvalFailure('Division by zero.')
      // UNSURE: the engine's numbers are 64-bit integers, so division is taken to truncate.
      return Math.trunc(a / b)
  }
}

function comparison(
  operator: '=' | '<>' | '<' | '<=' | '>' | '>=',
  left: RuntimeValue,
  right: RuntimeValue,
): boolean {
  if (isSpecial(left) || isSpecial(right)) return false
  const order = compareScalars(left, right)
  switch (operator) {
    case '=':
      return order === 0
    case '<>':
      return order !== 0
    case '<':
      return order < 0
    case '<=':
      return order <= 0
    case '>':
      return order > 0
    case '>=':
      return order >= 0
  }
}

function sign(difference: number): number {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Orders two single values. Booleans compare with True/False text in any case; numbers with numeric
 * text numerically; references by DN ignoring case. UNSURE: string comparison is ordinal
 * (case-sensitive), .NET's default; the documentation does not say.
 */
export function compareScalars(left: RuntimeValue, right: RuntimeValue): number {
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    const a = tryBoolean(left)
    const b = tryBoolean(right)
    if (a === null || b === null) throw incomparable(left, right)
    return sign(Number(a) - Number(b))
  }
  if (left instanceof Date || right instanceof Date) {
    const a = tryDate(left)
    const b = tryDate(right)
    if (a === null || b === null) throw incomparable(left, right)
    return sign(a.getTime() - b.getTime())
  }
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    if (!(left instanceof Uint8Array) || !(right instanceof Uint8Array)) throw incomparable(left, right)
    return compareBytes(left, right)
  }
  if (isReference(left) || isReference(right)) {
    const a = isReference(left) ? left.dn : typeof left === 'string' ? left : null
    const b = isReference(right) ? right.dn : typeof right === 'string' ? right : null
    if (a === null || b === null) throw incomparable(left, right)
    return ordinal(a.toLowerCase(), b.toLowerCase())
  }
  if (isEnum(left) || isEnum(right)) {
    const a = isEnum(left) ? left.name : typeof left === 'string' ? left : null
    const b = isEnum(right) ? right.name : typeof right === 'string' ? right : null
    if (a === null || b === null) throw incomparable(left, right)
    return ordinal(a.toLowerCase(), b.toLowerCase())
  }
  if (typeof left === 'number' || typeof right === 'number') {
    const a = tryNumber(left)
    const b = tryNumber(right)
    if (a !== null && b !== null) return sign(a - b)
    return ordinal(textOf(left), textOf(right))
  }
  if (typeof left === 'string' && typeof right === 'string') return ordinal(left, right)
  throw incomparable(left, right)
}

function textOf(value: RuntimeValue): string {
  return typeof value === 'number' ? formatNumber(value) : typeof value === 'string' ? value : ''
}

/** Lexicographic order of bytes. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return sign(difference)
  }
  return sign(a.length - b.length)
}

function incomparable(left: RuntimeValue, right: RuntimeValue): EvalFailure {
  return new EvalFailure(`Cannot compare ${typeName(left)} with ${typeName(right)}.`)
}
