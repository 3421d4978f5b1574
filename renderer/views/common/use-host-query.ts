import { useEffect, useState } from 'react'

/** An asynchronous answer: loading, the value, or the error message. */
export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly message: string }

/**
 * Runs `ask` whenever `key` changes and keeps the latest answer; an answer to an older key is dropped.
 * `ask` must only depend on what `key` names.
 */
export function useHostQuery<T>(key: string, ask: () => Promise<T>): QueryState<T> {
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: QueryState<T> } | null>(null)
  useEffect(() => {
    let live = true
    ask().then(
      (value) => {
        if (live) setAnswer({ key, state: { status: 'done', value } })
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            key,
            state: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
          })
      },
    )
    return () => {
      live = false
    }
    // `ask` is recreated every render; the key names everything it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return answer?.key === key ? answer.state : { status: 'loading' }
}
