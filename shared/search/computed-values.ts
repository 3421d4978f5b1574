/**
 * The attribute values of a metaverse computed from the connector-space links (a snapshot without a metaverse
 * export), for Metaverse Search. The load keeps no values for such a metaverse: the object views compute one
 * object's values when it is opened, from its connected objects' inbound rules. A search on values needs them for
 * every object, which costs the import flows of every connected object (0.5 to 1 ms per metaverse object),
 * so they are computed once per loaded snapshot, on the first search that needs them, in metaverse row order and in
 * slices between the host's messages, and kept in columns as an exported metaverse's are. Until every object is
 * computed, a search answers from the rows computed so far and says how far it got.
 */
import { engineContext } from '../engine/engine-context'
import { computedMvObject } from '../engine/computed-mv'
import { importFlow, ImportFlowMemo } from '../engine/import-flow'
import { memoizedIndex } from '../engine/memo-index'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { AbortSignalLike } from '../model/cancel'
import type { Attribute, MvObject } from '../model/objects'
import { AttributeTable } from '../store/attribute-table'
import type { Bitset } from '../store/bitset'
import type { ObjectStore } from '../store/object-store'
import type { ValueColumn } from '../store/value-column'
import type { MvColumns } from './mv-columns'

/** How long one background slice runs before it yields (milliseconds). */
const SLICE_MS = 50

/** Progress of computing every object's values. */
export interface ValuesProgress {
  readonly computed: number
  readonly total: number
}

/** The computed values of one snapshot's metaverse, by row: rows, ids and types from the store. */
export class ComputedMvValues implements MvColumns {
  private readonly table = new AttributeTable(false)
  private readonly store: ObjectStore
  private running: Promise<void> | null = null
  private failedRows = 0
  private firstFailedRow = -1

  public constructor(private readonly snapshot: LoadedSnapshot) {
    this.store = snapshot.objects
  }

  /** Metaverse objects in the snapshot. */
  public get mvRowCount(): number {
    return this.store.mvRowCount
  }

  /** Objects whose values are computed: rows 0 to `computed - 1`. */
  public get computed(): number {
    return this.table.rowCount
  }

  /** Objects whose values the engine failed to compute (they hold none). */
  public get failed(): number {
    return this.failedRows
  }

  /** The id of the first object whose values the engine failed to compute, or null when none failed. */
  public get firstFailedId(): string | null {
    return this.firstFailedRow < 0 ? null : this.store.mvIdAt(this.firstFailedRow)
  }

  /** True once every object's values are computed. */
  public get complete(): boolean {
    return this.table.rowCount >= this.store.mvRowCount
  }

  public mvRowsOfType(objectType: string): Bitset {
    return this.store.mvRowsOfType(objectType)
  }

  /** The computed values of an attribute, or null when no object computed so far has it. */
  public mvColumn(attribute: string): ValueColumn | null {
    return this.table.column(attribute)
  }

  public mvIdAt(row: number): string {
    return this.store.mvIdAt(row)
  }

  public mvObjectTypeAt(row: number): string {
    return this.store.mvObjectTypeAt(row)
  }

  /**
   * The metaverse object with this id and its computed values (no connections), or null when it does not exist or
   * its values are not computed yet.
   */
  public mvObjectOf(mvId: string): MvObject | null {
    const row = this.store.mvRowOf(mvId)
    if (row < 0 || row >= this.computed) return null
    return {
      id: this.store.mvIdAt(row),
      objectType: this.store.mvObjectTypeAt(row),
      attributes: this.table.attributeValuesOf(row).map((attribute) => ({ ...attribute, lineage: [] })),
      connections: [],
    }
  }

  /**
   * Computes the next objects in row order until `overdue()` returns true or all are computed (at least one when
   * any is left), and seals the columns so that searches scan them.
   */
  public computeWhile(overdue: () => boolean): void {
    if (this.complete) return
    const { ruleIndex, mvLookup } = engineContext(this.snapshot)
    do {
      const row = this.table.rowCount
      let values: readonly Attribute[] = []
      try {
        values = this.valuesAt(row, ruleIndex, mvLookup)
      } catch {
        // An object the engine cannot compute keeps no values (as its report would fail alone), and the rest go on:
        // one object must not stop every search. The count says so.
        this.failedRows += 1
        if (this.firstFailedRow < 0) this.firstFailedRow = row
      }
      this.table.addRow(values)
    } while (!this.complete && !overdue())
    this.table.seal()
  }

  /**
   * Computes every object not computed yet, in slices that yield between them so the host answers other messages
   * meanwhile; one run at a time (a second call returns the first's promise). Resolves when all are computed or the
   * signal stops it.
   */
  public computeAll(
    options: {
      readonly signal?: AbortSignalLike
      /** Awaited between slices (default: a resolved promise). */
      readonly yieldControl?: () => Promise<void>
      /** How long a slice runs before it yields, in milliseconds. */
      readonly sliceMs?: number
      readonly clock?: () => number
      readonly onProgress?: (progress: ValuesProgress) => void
    } = {},
  ): Promise<void> {
    if (this.running !== null) return this.running
    const pause = options.yieldControl ?? (() => Promise.resolve())
    const clock = options.clock ?? Date.now
    const sliceMs = options.sliceMs ?? SLICE_MS
    const run = async (): Promise<void> => {
      // The first slice too waits for the host: the caller (a search) has already spent its own time budget.
      await pause()
      while (!this.complete) {
        if (options.signal?.aborted === true) return
        const sliceEnd = clock() + sliceMs
        this.computeWhile(() => clock() >= sliceEnd)
        options.onProgress?.({ computed: this.computed, total: this.mvRowCount })
        if (!this.complete) await pause()
      }
    }
    this.running = run().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** Bytes the computed values hold. */
  public byteSize(): number {
    return this.table.byteSize()
  }

  /**
   * One object's values as its report computes them (`objectReport`): the inbound flows of its connected objects,
   * each attribute from its winning rule.
   */
  private valuesAt(
    row: number,
    ruleIndex: ReturnType<typeof engineContext>['ruleIndex'],
    mvLookup: ReturnType<typeof engineContext>['mvLookup'],
  ): readonly Attribute[] {
    // One object's flows read the same objects many times: each is built once, and each object's rules run once.
    const index = memoizedIndex(this.store)
    const mvId = this.store.mvIdAt(row)
    const flowOptions = { ruleIndex, index, mvLookup, memo: new ImportFlowMemo() }
    const imports = index.connectedCsObjects(mvId).map((csObject) => importFlow(csObject, flowOptions))
    return computedMvObject(imports, ruleIndex, index.mvObject(mvId)).attributes
  }
}

const valuesBySnapshot = new WeakMap<LoadedSnapshot, ComputedMvValues>()

/** The computed metaverse values of a snapshot, one set per loaded snapshot (empty until computed). */
export function computedMvValues(snapshot: LoadedSnapshot): ComputedMvValues {
  let values = valuesBySnapshot.get(snapshot)
  if (values === undefined) {
    values = new ComputedMvValues(snapshot)
    valuesBySnapshot.set(snapshot, values)
  }
  return values
}
