/**
 * What the hosts need of a running comparison, in a module with no imports: the window's entry bundle holds the
 * host (session-rpc, comparison-core), and importing these from impact.ts pulled the engine's module-level
 * catalogues into it (42 kB).
 */

/** How far the impact got. */
export interface ImpactProgress {
  readonly done: number
  readonly total: number
  readonly elapsedMs: number
}

/** Thrown when the impact is cancelled between two slices. */
export class ComparisonCancelled extends Error {
  public constructor() {
    super('The comparison was cancelled.')
    this.name = 'ComparisonCancelled'
  }
}
