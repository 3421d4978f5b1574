/** The figures a benchmark run writes to bench-results/<timestamp>.json. */
import type { CompareResult } from './compare-bench'
import type { ProcessFigures } from './processes'
import type { DemoResult, FirstScreenResult } from './first-screen'
import type { ComputedValuesFigures, SizeFigures } from './size-measures'
import type { AppFirstScreenResult } from './app-first-screen'

/** One object file measured through each pass. */
export interface FileResult {
  readonly path: string
  readonly kind: 'csexport' | 'mv-objects'
  readonly bytes: number
  readonly objects: number
  readonly raw: ProcessFigures
  readonly saxes: ProcessFigures
  /** The product's byte scanner alone, making no string (absent from results written before 2026-12-08). */
  readonly tags?: ProcessFigures
  /** The product's byte scanner alone, decoding every attribute and text value. */
  readonly scan: ProcessFigures
  /** The product's format reader building every object, without the store. */
  readonly read: ProcessFigures
  /** The product's reader into the product's store. */
  readonly store: ProcessFigures
  /** Null when xmllint is not installed. */
  readonly xmllint: ProcessFigures | null
}

/** Everything measured at one size. */
export interface SizeResult {
  readonly size: number
  readonly label: string
  readonly users: number
  /** Bytes of every XML file of the snapshot (the memory budget's base). */
  readonly xmlBytes: number
  readonly files: readonly FileResult[]
  /** The whole-folder load and the queries, measured in one child process. */
  readonly snapshot: SizeFigures & { readonly process: ProcessFigures }
  /** The built CLI from process start to the summary, interleaved with xmllint; null when xmllint is missing. */
  readonly firstScreen: FirstScreenResult | null
  /** The same without the metaverse export (SyncLens computes the metaverse); null when not measured. */
  readonly firstScreenComputed: FirstScreenResult | null
  /** Metaverse Search on values without the metaverse export, in its own child process. */
  readonly computedValues: (ComputedValuesFigures & { readonly process: ProcessFigures }) | null
}

/** Time to first rows and frame times while scrolling the 300k-row grid in Chromium. */
export interface BrowserResult {
  /** What was scrolled: the Metaverse Search view, or a page of the Sync Rules grid components. */
  readonly subject: string
  readonly rows: number
  readonly firstRowsMs: number
  readonly frames: number
  readonly medianFrameMs: number
  readonly p95FrameMs: number
  readonly maxFrameMs: number
  /**
   * The renderer main thread's time in each frame, from a trace of the same frames (`frame-threads.ts`): the work
   * of a frame without the time it waited for a core; null when the trace gave none.
   */
  readonly frameThread: { readonly medianMs: number; readonly p95Ms: number; readonly maxMs: number } | null
}

/** The machine a run measured on. */
export interface MachineInfo {
  readonly cpus: number
  readonly cpuModel: string
  readonly node: string
  readonly platform: string
  readonly totalMemoryBytes: number
  readonly loadAverageStart: readonly number[]
  readonly loadAverageEnd: readonly number[]
}

/** One budget of issue 7, checked. */
export interface BudgetCheck {
  readonly budget: string
  /** The size or file it was checked on. */
  readonly subject: string
  readonly actual: number
  readonly limit: number
  readonly unit: string
  readonly ok: boolean
}

/** A whole run. */
export interface BenchResults {
  readonly date: string
  readonly mode: 'full' | 'ci'
  readonly machine: MachineInfo
  readonly sizes: readonly SizeResult[]
  /** The grids scrolled in Chromium (the Metaverse Search results, then the Sync Rules grid); empty when skipped. */
  readonly grids: readonly BrowserResult[]
  /** `summary demo` from process start; null when not measured. */
  readonly demo: DemoResult | null
  /** The app (browser build) from navigation to Metaverse Search rows, beside the CLI; null when not measured. */
  readonly app?: AppFirstScreenResult | null
  /** Each size compared with a copy whose configuration differs by two rule changes. */
  readonly compare: readonly CompareResult[]
  /** Measurements skipped, and why. */
  readonly notes: readonly string[]
  readonly budgets: readonly BudgetCheck[]
}

const MIB = 1024 * 1024

/** Mebibytes per second of a pass over `bytes`, by CPU time (the machine is shared) or wall time. */
export function throughput(bytes: number, figures: ProcessFigures, clock: 'cpu' | 'wall' = 'cpu'): number {
  const seconds = clock === 'cpu' ? figures.cpuSeconds : figures.seconds
  return seconds > 0 ? bytes / MIB / seconds : Number.NaN
}
