import type { CharTest } from './char-class'

/** Zero-width assertions the engine supports. */
export type AssertionKind =
  | 'lineStart'
  | 'lineEnd'
  | 'textStart'
  | 'textEnd'
  | 'textEndBeforeNewline'
  | 'endBeforeFinalNewline'
  | 'wordBoundary'
  | 'notWordBoundary'

/** A parsed regular expression. */
export type RegexNode =
  | { readonly type: 'empty' }
  | { readonly type: 'char'; readonly test: CharTest }
  | { readonly type: 'assert'; readonly kind: AssertionKind; readonly multiline: boolean }
  | { readonly type: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alt'; readonly options: readonly RegexNode[] }
  | { readonly type: 'repeat'; readonly item: RegexNode; readonly min: number; readonly max: number }

/** Options of a pattern (RegexOptions and inline `(?imnsx)` flags). */
export interface RegexFlags {
  readonly ignoreCase: boolean
  readonly multiline: boolean
  readonly singleline: boolean
  readonly ignoreWhitespace: boolean
  readonly ecmaScript: boolean
}
