/** Limits that keep hostile or broken expressions from hanging or exhausting the app. */

/** Deepest nesting of calls and parentheses the parser accepts. */
export const MAX_NESTING = 200

/** Deepest recursion the evaluator accepts (an AST built by hand may be deeper than a parsed one). */
export const MAX_EVAL_DEPTH = 500

/** Default upper bound of evaluation steps. */
export const DEFAULT_MAX_STEPS = 100_000

/** Longest string (UTF-16 code units) or binary (bytes) an evaluation may produce: 1 MiB. */
export const MAX_VALUE_LENGTH = 1024 * 1024

/** Longest rendering of one value inside a trace step. */
export const MAX_TRACE_TEXT = 1000

/** Largest compiled regular expression program (instructions). */
export const MAX_REGEX_PROGRAM = 20_000

/** Work budget of one regular-expression match (threads stepped). */
export const MAX_REGEX_WORK = 20_000_000

/** Steps a trace records; a person reads a few hundred, and rendering each huge value costs time. */
export const MAX_TRACE_STEPS = 2000

/**
 * Longest expression text (UTF-16 code units) SyncLens reads: 256 K characters. The engine documents none, but
 * no rule written by a person comes near; a longer one is refused where it is read, so it is never parsed,
 * traced or printed.
 */
export const MAX_EXPRESSION_LENGTH = 256 * 1024
