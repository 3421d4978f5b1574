import type { ExpressionSyntaxError } from './api'
import type { EnumName } from './runtime-value'

/** A range of the expression text: `start` inclusive, `end` exclusive, 0-based. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** The operators, all of the same priority and evaluated left to right. */
export type BinaryOperator = '&' | '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '&&' | '||'

/** The literal constants that are not option constants. */
export type ConstantName = 'NULL' | 'AuthoritativeNull' | 'IgnoreThisFlow' | 'CRLF'

/** A node of a parsed expression; every node keeps its source span. */
export type ExprNode =
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'constant'; readonly name: ConstantName; readonly span: Span }
  | { readonly kind: 'enum'; readonly name: EnumName; readonly span: Span }
  | { readonly kind: 'attribute'; readonly name: string; readonly span: Span }
  | { readonly kind: 'parameter'; readonly name: string; readonly span: Span }
  | { readonly kind: 'variable'; readonly name: string; readonly span: Span }
  | CallNode
  | BinaryNode

/** A function call. */
export interface CallNode {
  readonly kind: 'call'
  readonly name: string
  readonly args: readonly ExprNode[]
  readonly span: Span
}

/** `left operator right`. */
export interface BinaryNode {
  readonly kind: 'binary'
  readonly operator: BinaryOperator
  readonly left: ExprNode
  readonly right: ExprNode
  readonly span: Span
}

/** The result of parsing: the tree, or the first syntax error. */
export type ParseResult =
  | { readonly ok: true; readonly ast: ExprNode }
  | { readonly ok: false; readonly error: ExpressionSyntaxError }
