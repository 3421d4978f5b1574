import type { ExpressionSyntaxError } from './api'
import type { BinaryOperator, CallNode, ConstantName, ExprNode, ParseResult, Span } from './ast'
import { FUNCTION_SPECS, arityText, unknownFunctionMessage } from './function-registry'
import type { Token } from './lexer'
import { tokenize } from './lexer'
import { MAX_EXPRESSION_LENGTH, MAX_NESTING } from './limits'
import type { EnumName } from './runtime-value'

const CONSTANTS: ReadonlyMap<string, ConstantName> = new Map(
  (['NULL', 'AuthoritativeNull', 'IgnoreThisFlow', 'CRLF'] as const).map((name) => [
    name.toLowerCase(),
    name,
  ]),
)

const ENUMS: ReadonlyMap<string, EnumName> = new Map(
  (
    [
      'ASCII',
      'UTF8',
      'Unicode',
      'CaseSensitive',
      'CaseInsensitive',
      'vbTextCompare',
      'vbBinaryCompare',
    ] as const
  ).map((name) => [name.toLowerCase(), name]),
)

/*
 * Three operator levels, each evaluated left to right with one priority inside the level. The reference
 * says all operators share one priority, but the default rules In from AD - User Join, Group Join and
 * InetOrgPerson Join write `IsPresent([a]) || [sAMAccountName] = "x" || ...`, which only works when
 * comparisons bind tighter than && and ||; arithmetic and & keep the documented single priority.
 */
const END_OF_EMPTY_INPUT: Token = { type: 'end', start: 0, end: 0 }

const LOGICAL: ReadonlySet<BinaryOperator> = new Set(['&&', '||'])
const COMPARISON: ReadonlySet<BinaryOperator> = new Set(['=', '<>', '<', '<=', '>', '>='])
const ARITHMETIC: ReadonlySet<BinaryOperator> = new Set(['&', '+', '-', '*', '/'])

/** Thrown inside the parser only; `parseExpression` returns it as a structured error. */
class SyntaxFailure extends Error {
  public constructor(
    message: string,
    public readonly position: number,
  ) {
    super(message)
  }
}

/**
 * Parses an expression of the Connect Sync language.
 *
 * `&&`/`||` bind loosest, then comparisons, then `& + - * /`; inside a level there is no precedence:
 * `a || b && c` is `(a || b) && c` and `2*5+3` is 13. Function names are case-sensitive and argument
 * counts are checked here. Never throws: errors carry a 0-based position.
 */
export function parseExpression(text: string): ParseResult {
  if (text.length > MAX_EXPRESSION_LENGTH) return { ok: false, error: expressionTooLong(text.length) }
  const lexed = tokenize(text)
  if (!lexed.ok) return lexed
  try {
    const parser = new Parser(lexed.tokens)
    return { ok: true, ast: parser.parseAll() }
  } catch (error) {
    if (error instanceof SyntaxFailure) {
      const syntaxError: ExpressionSyntaxError = { message: error.message, position: error.position }
      return { ok: false, error: syntaxError }
    }
    throw error
  }
}

class Parser {
  private index = 0
  private readonly scopes: string[] = []

  public constructor(private readonly tokens: readonly Token[]) {}

  public parseAll(): ExprNode {
    const first = this.peek()
    if (first.type === 'end') throw new SyntaxFailure('The expression is empty.', 0)
    const node = this.parseChain(0)
    const next = this.peek()
    if (next.type !== 'end') {
      const hint =
        next.type === ')' ? 'a ")" without its "("' : `${describe(next)}; an operator is missing before it`
      throw new SyntaxFailure(`Unexpected ${hint}.`, next.start)
    }
    return node
  }

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] ?? END_OF_EMPTY_INPUT
  }

  private next(): Token {
    const token = this.peek()
    if (this.index < this.tokens.length - 1) this.index++
    return token
  }

  /** The lowest level: `&&` and `||`, same priority, left to right. */
  private parseChain(depth: number): ExprNode {
    return this.parseLevel(depth, LOGICAL, () =>
      this.parseLevel(depth, COMPARISON, () =>
        this.parseLevel(depth, ARITHMETIC, () => this.parseOperand(depth)),
      ),
    )
  }

  /** operand (operator operand)* for the operators of one level, folded from the left. */
  private parseLevel(
    depth: number,
    operators: ReadonlySet<BinaryOperator>,
    operand: () => ExprNode,
  ): ExprNode {
    let left = operand()
    for (;;) {
      const token = this.peek()
      if (token.type !== 'operator' || !operators.has(token.operator)) return left
      this.next()
      const right = operand()
      left = {
        kind: 'binary',
        operator: token.operator,
        left,
        right,
        span: spanOf(left.span.start, right.span.end),
      }
    }
  }

  private parseOperand(depth: number): ExprNode {
    const token = this.next()
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.value, span: spanOf(token.start, token.end) }
      case 'number':
        return { kind: 'number', value: token.value, span: spanOf(token.start, token.end) }
      case 'attribute':
        return { kind: 'attribute', name: token.name, span: spanOf(token.start, token.end) }
      case 'parameter':
        return { kind: 'parameter', name: token.name, span: spanOf(token.start, token.end) }
      case 'variable':
        if (!this.scopes.includes(token.name)) {
          throw new SyntaxFailure(
            `Unknown variable $${token.name}: variables exist only inside Where, Select or With that declare them.`,
            token.start,
          )
        }
        return { kind: 'variable', name: token.name, span: spanOf(token.start, token.end) }
      case 'operator':
        return this.parseNegative(token)
      case 'identifier':
        return this.parseIdentifier(token, depth)
      case '(':
        return this.parseGroup(token, depth)
      case ')':
      case ',':
      case 'end':
        throw new SyntaxFailure(`Expected a value but found ${describe(token)}.`, token.start)
    }
  }

  private parseNegative(token: Token & { readonly type: 'operator' }): ExprNode {
    const number = this.peek()
    if (token.operator === '-' && number.type === 'number') {
      this.next()
      return { kind: 'number', value: -number.value, span: spanOf(token.start, number.end) }
    }
    if (token.operator === '-') {
      throw new SyntaxFailure(
        'A minus sign before a value only works on a number; write 0 - value instead.',
        token.start,
      )
    }
    throw new SyntaxFailure(`Expected a value but found the operator "${token.operator}".`, token.start)
  }

  private parseGroup(open: Token, depth: number): ExprNode {
    if (depth + 1 > MAX_NESTING) throw tooDeep(open.start)
    const inner = this.parseChain(depth + 1)
    const close = this.next()
    if (close.type !== ')') {
      throw new SyntaxFailure(
        `Expected ")" to close the "(" at offset ${open.start} but found ${describe(close)}.`,
        close.start,
      )
    }
    // The group keeps its parentheses in its span, so a trace shows "(a & b)" as written.
    return { ...inner, span: spanOf(open.start, close.end) }
  }

  private parseIdentifier(token: Token & { readonly type: 'identifier' }, depth: number): ExprNode {
    const span = spanOf(token.start, token.end)
    if (this.peek().type === '(') return this.parseCall(token, depth)
    if (token.name === 'True' || token.name === 'False')
      return { kind: 'boolean', value: token.name === 'True', span }
    const lower = token.name.toLowerCase()
    // UNSURE: the reference is silent on the case of constants; accepting any case keeps real rules readable.
    if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true', span }
    const constant = CONSTANTS.get(lower)
    if (constant !== undefined) return { kind: 'constant', name: constant, span }
    const option = ENUMS.get(lower)
    if (option !== undefined) return { kind: 'enum', name: option, span }
    if (FUNCTION_SPECS.has(token.name)) {
      throw new SyntaxFailure(
        `${token.name} is a function: call it with parentheses, ${token.name}(...).`,
        token.start,
      )
    }
    throw new SyntaxFailure(
      `Unknown name "${token.name}": attributes are written [${token.name}], parameters %${token.name}%, strings "${token.name}".`,
      token.start,
    )
  }

  private parseCall(name: Token & { readonly type: 'identifier' }, depth: number): CallNode {
    const spec = FUNCTION_SPECS.get(name.name)
    if (spec === undefined) throw new SyntaxFailure(unknownFunctionMessage(name.name), name.start)
    if (depth + 1 > MAX_NESTING) throw tooDeep(name.start)
    this.next()
    const args: ExprNode[] = []
    const argStarts: number[] = []
    let bound: string | null = null
    let close = this.peek()
    if (close.type === ')') this.next()
    else {
      for (;;) {
        argStarts.push(this.peek().start)
        args.push(this.parseArgument(spec.name, args.length, bound, depth))
        const first = args[0]
        if (spec.bindsVariable && first?.kind === 'variable') bound = first.name
        close = this.next()
        if (close.type === ')') break
        if (close.type !== ',') {
          throw new SyntaxFailure(
            `Expected "," or ")" in the arguments of ${spec.name} but found ${describe(close)}.`,
            close.start,
          )
        }
      }
    }
    checkArity(spec.name, args.length, argStarts, close.start)
    return { kind: 'call', name: spec.name, args, span: spanOf(name.start, close.end) }
  }

  /** One argument; the first argument of Where/Select/With declares a variable visible in the third. */
  private parseArgument(functionName: string, index: number, bound: string | null, depth: number): ExprNode {
    const spec = FUNCTION_SPECS.get(functionName)
    if (spec?.bindsVariable === true && index === 0) {
      const variable = this.next()
      if (variable.type !== 'variable') {
        throw new SyntaxFailure(
          `The first argument of ${functionName} must be a variable such as $item.`,
          variable.start,
        )
      }
      return { kind: 'variable', name: variable.name, span: spanOf(variable.start, variable.end) }
    }
    if (bound === null || index !== 2) return this.parseChain(depth + 1)
    this.scopes.push(bound)
    const body = this.parseChain(depth + 1)
    this.scopes.pop()
    return body
  }
}

function checkArity(name: string, count: number, argStarts: readonly number[], closeAt: number): void {
  const spec = FUNCTION_SPECS.get(name)
  if (spec === undefined) return
  const noun = spec.maxArgs === 1 && spec.minArgs === 1 ? 'argument' : 'arguments'
  if (count > spec.maxArgs) {
    throw new SyntaxFailure(
      `${name} takes ${arityText(spec)} ${noun} but was given ${count}.`,
      argStarts[spec.maxArgs] ?? closeAt,
    )
  }
  if (count < spec.minArgs) {
    throw new SyntaxFailure(`${name} takes ${arityText(spec)} ${noun} but was given ${count}.`, closeAt)
  }
  if (spec.pairs && count % 2 !== 0) {
    throw new SyntaxFailure(
      `${name} takes condition, value pairs but was given ${count} arguments; Connect Sync has no default ` +
        'argument: end with True, value instead.',
      argStarts[count - 1] ?? closeAt,
    )
  }
}

function tooDeep(position: number): SyntaxFailure {
  return new SyntaxFailure(`The expression nests deeper than ${MAX_NESTING} levels.`, position)
}

function spanOf(start: number, end: number): Span {
  return { start, end }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'the end of the expression'
    case 'string':
      return 'a string'
    case 'number':
      return `the number ${token.value}`
    case 'attribute':
      return `the attribute [${token.name}]`
    case 'parameter':
      return `the parameter %${token.name}%`
    case 'variable':
      return `the variable $${token.name}`
    case 'identifier':
      return `"${token.name}"`
    case 'operator':
      return `the operator "${token.operator}"`
    case '(':
    case ')':
    case ',':
      return `"${token.type}"`
  }
}

/** The error for an expression over MAX_EXPRESSION_LENGTH: refused before any token is read. */
function expressionTooLong(length: number): ExpressionSyntaxError {
  return {
    message:
      `The expression is ${length.toLocaleString('en-US')} characters long; SyncLens reads expressions of up to ` +
      `${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters.`,
    position: MAX_EXPRESSION_LENGTH,
  }
}
