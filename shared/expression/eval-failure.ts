/**
 * Why an evaluation stopped: `Error("...")` (raised) or a type, argument or limit error.
 *
 * Thrown inside the evaluator only; `evaluateAst` turns it into an error outcome.
 */
export class EvalFailure extends Error {
  /** True when the expression called `Error()`. */
  public readonly raised: boolean
  /** 0-based offset in the expression text, when the failing sub-expression is known. */
  public readonly position: number | null

  public constructor(
    message: string,
    options: { readonly raised?: boolean; readonly position?: number } = {},
  ) {
    super(message)
    this.name = 'EvalFailure'
    this.raised = options.raised ?? false
    this.position = options.position ?? null
  }
}
