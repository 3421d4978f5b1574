import type { FixImpactStep } from '../../../shared/app/fix-queries'
import type { HostApi } from '../../../shared/app/host-api'
import type { FixDraft } from '../../../shared/fix/draft'
import type { DraftImpact, ImpactProgress } from '../../../shared/fix/impact'

/** A count of the impact under way: its result (null when cancelled) and how to cancel it. */
export interface ImpactRun {
  readonly result: Promise<DraftImpact | null>
  readonly cancel: () => void
}

/**
 * Counts a draft's impact in steps the worker answers one at a time (a quarter of a second each), reporting
 * progress after each; cancelling stops asking, so the worker stops counting at the end of the current step.
 */
export function runImpactCount(
  host: Pick<HostApi, 'startFixImpact' | 'continueFixImpact'>,
  draft: FixDraft,
  onProgress: (progress: ImpactProgress) => void,
): ImpactRun {
  let cancelled = false
  const result = (async (): Promise<DraftImpact | null> => {
    let step: FixImpactStep | null = await host.startFixImpact(draft)
    while (step !== null && step.impact === null) {
      if (cancelled) return null
      onProgress(step.progress)
      step = await host.continueFixImpact({ runId: step.runId })
    }
    if (step === null) throw new Error('The count stopped: the snapshot was closed or replaced.')
    if (cancelled) return null
    onProgress(step.progress)
    return step.impact
  })()
  return {
    result,
    cancel: () => {
      cancelled = true
    },
  }
}
