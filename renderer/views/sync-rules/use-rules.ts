import { useEffect, useState } from 'react'
import type { HostApi, RuleFilter } from '../../../shared/app/host-api'
import type { SyncRule } from '../../../shared/model/sync-rule'

/** Rules for a filter as the host answered them; the previous answer stays visible while a new one loads. */
export interface RulesResult {
  /** Null until the first answer. */
  readonly rules: readonly SyncRule[] | null
  /** True while the shown rules belong to an earlier filter. */
  readonly stale: boolean
  readonly error: string | null
}

/** Asks the host for the rules matching a filter (keep the filter object stable between renders). */
export function useRules(host: HostApi, filter: RuleFilter): RulesResult {
  const [answer, setAnswer] = useState<{
    readonly filter: RuleFilter
    readonly rules: readonly SyncRule[]
    readonly error: string | null
  } | null>(null)

  useEffect(() => {
    let live = true
    host.rules(filter).then(
      (rules) => {
        if (live) setAnswer({ filter, rules, error: null })
      },
      (error: unknown) => {
        if (live)
          setAnswer({ filter, rules: [], error: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => {
      live = false
    }
  }, [host, filter])

  return { rules: answer?.rules ?? null, stale: answer?.filter !== filter, error: answer?.error ?? null }
}
