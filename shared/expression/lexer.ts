import type { ExpressionSyntaxError } from './api'
import type { BinaryOperator } from './ast'

/** One token of an expression; `start`/`end` are 0-based offsets (end exclusive). */
export type Token =
  | { readonly type: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly type: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly type: 'attribute'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly type: 'parameter'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly type: 'variable'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly type: 'identifier'; readonly name: string; readonly start: number; readonly end: number }
  | {
      readonly type: 'operator'
      readonly operator: BinaryOperator
      readonly start: number
      readonly end: number
    }
  | { readonly type: '(' | ')' | ',' | 'end'; readonly start: number; readonly end: number }

/** The tokens of an expression, or the first lexical error. */
export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly error: ExpressionSyntaxError }

const TWO_CHAR_OPERATORS: ReadonlyMap<string, BinaryOperator> = new Map([
  ['&&', '&&'],
  ['||', '||'],
  ['<>', '<>'],
  ['<=', '<='],
  ['>=', '>='],
])

const ONE_CHAR_OPERATORS: ReadonlyMap<string, BinaryOperator> = new Map([
  ['&', '&'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
])

/** Characters people type from other languages, with the operator this language uses instead. */
const FOREIGN_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['==', 'use = to compare'],
  ['!=', 'use <> for "not equal"'],
  ['!', 'there is no Not operator: compare with = False'],
  ['|', 'use || for "or"'],
  ['\\', 'integer division is written /'],
  ['^', 'there is no power operator'],
])

const STRING_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ['"', '"'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
])

function isIdentifierStart(char: string): boolean {
  return (char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z') || char === '_'
}

function isIdentifierPart(char: string): boolean {
  return isIdentifierStart(char) || isDigit(char)
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9'
}

function isHexDigit(char: string): boolean {
  return isDigit(char) || (char >= 'A' && char <= 'F') || (char >= 'a' && char <= 'f')
}

function isWhitespace(char: string): boolean {
  return char.trim() === ''
}

function fail(message: string, position: number): TokenizeResult {
  return { ok: false, error: { message, position } }
}

/** Splits an expression into tokens; never throws. */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const char = text.charAt(i)
    if (isWhitespace(char)) {
      i++
      continue
    }
    const start = i
    if (char === '"') {
      const scanned = scanString(text, start)
      if ('message' in scanned) return fail(scanned.message, scanned.position)
      tokens.push({ type: 'string', value: scanned.value, start, end: scanned.end })
      i = scanned.end
      continue
    }
    if (char === '\u201c' || char === '\u201d') {
      return fail('Strings need straight double quotes ("), not typographic quotes (\u201c \u201d).', start)
    }
    if (char === '[') {
      const close = scanUntil(text, start + 1, ']')
      if (close < 0) return fail('Attribute reference "[" is never closed with "]".', start)
      const name = text.slice(start + 1, close)
      if (name.trim() === '') return fail('Empty attribute name "[]".', start)
      tokens.push({ type: 'attribute', name, start, end: close + 1 })
      i = close + 1
      continue
    }
    if (char === '%') {
      const close = scanUntil(text, start + 1, '%')
      if (close < 0) return fail('Parameter "%" is never closed with "%" (write %Domain.FQDN%).', start)
      const name = text.slice(start + 1, close)
      if (name.trim() === '') return fail('Empty parameter name "%%".', start)
      tokens.push({ type: 'parameter', name, start, end: close + 1 })
      i = close + 1
      continue
    }
    if (char === '$') {
      let end = start + 1
      while (end < text.length && isIdentifierPart(text.charAt(end))) end++
      if (end === start + 1) return fail('"$" must be followed by a variable name such as $item.', start)
      tokens.push({ type: 'variable', name: text.slice(start + 1, end), start, end })
      i = end
      continue
    }
    if (isDigit(char)) {
      const scanned = scanDecimal(text, start)
      if ('message' in scanned) return fail(scanned.message, scanned.position)
      tokens.push({ type: 'number', value: scanned.value, start, end: scanned.end })
      i = scanned.end
      continue
    }
    if (
      char === '&' &&
      (text.charAt(i + 1) === 'H' || text.charAt(i + 1) === 'h') &&
      isHexDigit(text.charAt(i + 2))
    ) {
      const scanned = scanHex(text, start)
      if ('message' in scanned) return fail(scanned.message, scanned.position)
      tokens.push({ type: 'number', value: scanned.value, start, end: scanned.end })
      i = scanned.end
      continue
    }
    if (isIdentifierStart(char)) {
      let end = start + 1
      while (end < text.length && isIdentifierPart(text.charAt(end))) end++
      tokens.push({ type: 'identifier', name: text.slice(start, end), start, end })
      i = end
      continue
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char, start, end: start + 1 })
      i++
      continue
    }
    const pair = text.slice(i, i + 2)
    const two = TWO_CHAR_OPERATORS.get(pair)
    if (two !== undefined) {
      tokens.push({ type: 'operator', operator: two, start, end: start + 2 })
      i += 2
      continue
    }
    const foreign = FOREIGN_OPERATORS.get(pair) ?? FOREIGN_OPERATORS.get(char)
    if (foreign !== undefined) {
      const shown = FOREIGN_OPERATORS.has(pair) ? pair : char
      return fail(`Operator "${shown}" does not exist in this language: ${foreign}.`, start)
    }
    const one = ONE_CHAR_OPERATORS.get(char)
    if (one !== undefined) {
      tokens.push({ type: 'operator', operator: one, start, end: start + 1 })
      i++
      continue
    }
    return fail(`Unexpected character "${describeChar(text, i)}".`, start)
  }
  tokens.push({ type: 'end', start: text.length, end: text.length })
  return { ok: true, tokens }
}

function describeChar(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return String.fromCodePoint(code)
}

/** Index of the closing character on the same line, or -1. */
function scanUntil(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i)
    if (char === close) return i
    if (char === '\n' || char === '\r') return -1
  }
  return -1
}

interface Scanned<T> {
  readonly value: T
  readonly end: number
}

interface ScanError {
  readonly message: string
  readonly position: number
}

function scanString(text: string, start: number): Scanned<string> | ScanError {
  let value = ''
  let i = start + 1
  while (i < text.length) {
    const char = text.charAt(i)
    if (char === '"') return { value, end: i + 1 }
    if (char === '\\' && i + 1 < text.length) {
      const escaped = STRING_ESCAPES.get(text.charAt(i + 1))
      // An unknown escape keeps its backslash, so regular expressions such as "\d+" read as written.
      value += escaped ?? char + text.charAt(i + 1)
      i += 2
      continue
    }
    value += char
    i++
  }
  return { message: 'String literal is never closed with a double quote (").', position: start }
}

function scanDecimal(text: string, start: number): Scanned<number> | ScanError {
  let end = start
  while (end < text.length && isDigit(text.charAt(end))) end++
  if (text.charAt(end) === '.' && isDigit(text.charAt(end + 1))) {
    return {
      message: 'Numbers are whole numbers in this language; decimals are not supported.',
      position: start,
    }
  }
  if (isIdentifierPart(text.charAt(end))) {
    return { message: `Invalid number "${text.slice(start, end + 1)}".`, position: start }
  }
  return { value: Number(text.slice(start, end)), end }
}

function scanHex(text: string, start: number): Scanned<number> | ScanError {
  let end = start + 2
  while (end < text.length && isHexDigit(text.charAt(end))) end++
  if (isIdentifierPart(text.charAt(end))) {
    return { message: `Invalid hexadecimal number "${text.slice(start, end + 1)}".`, position: start }
  }
  const digits = text.slice(start + 2, end)
  if (digits.length > 16) {
    return {
      message: `Hexadecimal number "${text.slice(start, end)}" is longer than 64 bits.`,
      position: start,
    }
  }
  return { value: Number(BigInt(`0x${digits}`)), end }
}
