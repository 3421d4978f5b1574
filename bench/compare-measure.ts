/**
 * The child side of the comparison benchmark. The child stands in for the snapshot worker: it loads both
 * snapshots, compares their configurations, and computes the impact on every object with progress reports
 * and a pause for messages between slices, as the worker does.
 */
import { setImmediate as pauseForMessages } from 'node:timers/promises'
import { openDiskSource } from '../node/disk-source'
import { peakResidentBytes } from '../node/peak-memory'
import { compareConfigurations, computeImpact } from '../shared/compare/index'
import { loadSnapshot } from '../shared/load/load-snapshot'

/** Wall and CPU milliseconds of one step. */
export interface Timed {
  readonly ms: number
  readonly cpuMs: number
}

/** What the comparison child measured. */
export interface CompareFigures {
  readonly loadA: Timed
  readonly loadB: Timed
  readonly configuration: Timed & { readonly differences: number }
  readonly impact: Timed & {
    readonly objects: number
    readonly changed: number
    readonly attributeChanges: number
    readonly progressReports: number
  }
  readonly peakRssBytes: number
}

function timed<T>(run: () => Promise<T>): Promise<{ readonly value: T; readonly time: Timed }> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  return run().then((value) => {
    const used = process.cpuUsage(cpu)
    return { value, time: { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 } }
  })
}

/** The child side: loads both folders, compares them and computes the impact, timing each step. */
export async function measureCompare(folderA: string, folderB: string): Promise<CompareFigures> {
  const a = await timed(async () => loadSnapshot(await openDiskSource(folderA)))
  const b = await timed(async () => loadSnapshot(await openDiskSource(folderB)))
  const match = await timed(async () => compareConfigurations(a.value.configuration, b.value.configuration))
  let progressReports = 0
  const impact = await timed(() =>
    computeImpact(a.value, b.value, match.value, {
      onProgress: () => {
        progressReports += 1
      },
      signal: { aborted: false },
      pause: () => pauseForMessages(),
    }),
  )
  return {
    loadA: a.time,
    loadB: b.time,
    configuration: { ...match.time, differences: match.value.comparison.differenceCount },
    impact: {
      ...impact.time,
      objects: impact.value.counts.objectsCompared,
      changed: impact.value.counts.changed,
      attributeChanges: impact.value.counts.attributeChanges,
      progressReports,
    },
    peakRssBytes: peakResidentBytes(),
  }
}
