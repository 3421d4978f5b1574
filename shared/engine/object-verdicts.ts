/**
 * The verdict of every metaverse object (does it have a blocking finding, an unmapped one), kept per loaded
 * snapshot. A verdict needs the object's flows: its connected objects' rules and expressions and its export
 * to every target, a few milliseconds per object. The Metaverse Search filter "has unmapped attributes" and
 * the whole-snapshot report both need it for many objects, so each object is checked at most once per
 * session, by whichever asks first, and the rest can be checked in the background with progress.
 */
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { AbortSignalLike } from '../model/cancel'
import type { UnmappedAttribute } from './unmapped'
import { engineContext } from './engine-context'
import { allFindings, mvObjectFindingParts } from './object-findings'

/** One metaverse object's verdict: whether it has blocking and whether it has unmapped findings. */
export interface ObjectVerdict {
  readonly blocking: boolean
  readonly unmapped: boolean
}

/** Progress of checking every object. */
export interface VerdictProgress {
  readonly checked: number
  readonly total: number
}

const CHECKED = 1
const BLOCKING = 2
const UNMAPPED = 4

/** How long one background slice runs before it yields (milliseconds). */
const SLICE_MS = 50

/** Verdicts of one snapshot's metaverse objects, by row, computed on demand and kept. */
export class ObjectVerdicts {
  private readonly flags: Uint8Array
  private checkedCount = 0

  public constructor(private readonly snapshot: LoadedSnapshot) {
    this.flags = new Uint8Array(snapshot.objects.mvRowCount)
  }

  /** Metaverse objects in the snapshot. */
  public get total(): number {
    return this.flags.length
  }

  /** Objects checked so far. */
  public get checked(): number {
    return this.checkedCount
  }

  /** True once every object has been checked. */
  public get complete(): boolean {
    return this.checkedCount === this.flags.length
  }

  /** True when the object at this row has been checked. */
  public isChecked(row: number): boolean {
    return ((this.flags[row] ?? 0) & CHECKED) !== 0
  }

  /** The verdict of the object at this metaverse row, checking it now when it was not yet. */
  public at(row: number): ObjectVerdict {
    let flags = this.flags[row] ?? 0
    if ((flags & CHECKED) === 0) {
      const { ruleIndex, mvLookup } = engineContext(this.snapshot)
      const store = this.snapshot.objects
      const parts = mvObjectFindingParts(store.mvIdAt(row), { ruleIndex, index: store, mvLookup })
      flags = this.record(row, allFindings(parts))
    }
    return { blocking: (flags & BLOCKING) !== 0, unmapped: (flags & UNMAPPED) !== 0 }
  }

  /** True when the object at this row has a blocking or an unmapped finding. */
  public actionableAt(row: number): boolean {
    const verdict = this.at(row)
    return verdict.blocking || verdict.unmapped
  }

  /** Keeps the verdict of findings computed elsewhere (the report walks every object's findings anyway). */
  public record(row: number, findings: readonly UnmappedAttribute[]): number {
    let flags = CHECKED
    for (const finding of findings) {
      if (finding.severity === 'blocking') flags |= BLOCKING
      else if (finding.severity === 'unmapped') flags |= UNMAPPED
    }
    if (((this.flags[row] ?? 0) & CHECKED) === 0) this.checkedCount++
    this.flags[row] = flags
    return flags
  }

  /**
   * Checks every object not checked yet, in slices that yield between them so the host answers other
   * messages meanwhile. Resolves when all are checked or the signal stops it.
   */
  public async checkAll(
    options: {
      readonly signal?: AbortSignalLike
      /** Awaited between slices so the host can answer other messages (default: a resolved promise). */
      readonly yieldControl?: () => Promise<void>
      /** How long a slice runs before it yields, in milliseconds; at least one object is checked per slice. */
      readonly sliceMs?: number
      readonly onProgress?: (progress: VerdictProgress) => void
    } = {},
  ): Promise<void> {
    const pause = options.yieldControl ?? (() => Promise.resolve())
    let row = 0
    while (row < this.flags.length) {
      if (options.signal?.aborted === true) return
      const sliceEnd = Date.now() + (options.sliceMs ?? SLICE_MS)
      do {
        if (!this.isChecked(row)) this.at(row)
        row++
      } while (row < this.flags.length && Date.now() < sliceEnd)
      options.onProgress?.({ checked: this.checkedCount, total: this.flags.length })
      if (row < this.flags.length) await pause()
    }
  }
}

const verdictsBySnapshot = new WeakMap<LoadedSnapshot, ObjectVerdicts>()

/** The verdicts of a snapshot's metaverse objects, one set per loaded snapshot (the default clock). */
export function objectVerdicts(snapshot: LoadedSnapshot): ObjectVerdicts {
  let verdicts = verdictsBySnapshot.get(snapshot)
  if (!verdicts) {
    verdicts = new ObjectVerdicts(snapshot)
    verdictsBySnapshot.set(snapshot, verdicts)
  }
  return verdicts
}
