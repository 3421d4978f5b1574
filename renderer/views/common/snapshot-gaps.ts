import type { SnapshotSummary } from '../../../shared/app/host-api'
import { snapshotGaps, type SnapshotGap } from '../../../shared/model/snapshot-summary'

/** The first of these gaps the snapshot has, as a view's empty state says it; null when it has none of them. */
export function gapMessage(summary: SnapshotSummary, kinds: readonly SnapshotGap['kind'][]): string | null {
  const gaps = snapshotGaps(summary)
  for (const kind of kinds) {
    const gap = gaps.find((candidate) => candidate.kind === kind)
    if (gap) return gap.message
  }
  return null
}
