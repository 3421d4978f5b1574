import type { LoadedSnapshot } from '../load-snapshot'
import { summarize } from '../summarize'

/**
 * What the views read from a loaded snapshot, as one value tests compare: two loads that give the same value show
 * the same thing (a snapshot opened from a kept entry against a generated one, read in segments against one thread).
 */
export function snapshotAnswers(loaded: LoadedSnapshot): unknown {
  const store = loaded.objects
  return {
    summary: summarize(loaded),
    rules: loaded.configuration.rules,
    fileKinds: [...loaded.fileKinds],
    manifest: loaded.manifest,
    counts: store.counts(),
    cs: Array.from({ length: store.csRowCount }, (_, row) => store.csObjectAt(row)),
    mv: Array.from({ length: store.mvRowCount }, (_, row) => store.mvObjectAt(row)),
  }
}
