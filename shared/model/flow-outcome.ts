/** What one flow computes, as plain data: values are text as the model keeps them. */
export type FlowOutcome =
  | { readonly kind: 'value'; readonly values: readonly string[] }
  | { readonly kind: 'null' }
  | { readonly kind: 'authoritativeNull' }
  | { readonly kind: 'ignoreThisFlow' }
  | {
      readonly kind: 'error'
      readonly message: string
      readonly position: number | null
      readonly raised: boolean
    }
  /** The flow was not computed (rule disabled, out of scope, object not joined, ...). */
  | { readonly kind: 'not-evaluated' }

/**
 * Where an outcome is written: `sentence` inside a diagnosis message (values quoted, long ones cut), `cell` in a
 * grid cell (values joined, an error or no evaluation kept short), `detail` in the rule pane (everything said).
 */
export type OutcomeForm = 'sentence' | 'cell' | 'detail'

const SENTENCE_VALUE_LENGTH = 80

/** An outcome in words: `"a@b.c"`, `a; b`, `NULL`, `IgnoreThisFlow`, `Error: ...`, as `form` wants it. */
export function outcomeText(outcome: FlowOutcome, form: OutcomeForm): string {
  switch (outcome.kind) {
    case 'value':
      if (form === 'sentence') {
        return outcome.values
          .map((value) =>
            value.length > SENTENCE_VALUE_LENGTH
              ? `"${value.slice(0, SENTENCE_VALUE_LENGTH - 3)}..."`
              : `"${value}"`,
          )
          .join(', ')
      }
      if (outcome.values.length === 0) return form === 'cell' ? '(none)' : '(no values)'
      return outcome.values.join('; ')
    case 'null':
      return 'NULL'
    case 'authoritativeNull':
      return 'AuthoritativeNull'
    case 'ignoreThisFlow':
      return 'IgnoreThisFlow'
    case 'error':
      if (form === 'cell') return 'Error'
      return `${form === 'sentence' ? 'error' : 'Error'}: ${outcome.message}`
    case 'not-evaluated':
      if (form === 'cell') return '—'
      return form === 'sentence' ? 'not evaluated' : 'Not evaluated'
  }
}
