import type { CsObject, MvAttributeOrigin, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import type { ByteInput, ByteOutput } from '../io/source'
import {
  BinaryReader,
  type BinaryReaderOptions,
  BinaryWriter,
  type DeferredData,
  StoreFormatError,
} from './binary'
import { Bitset } from './bitset'
import { computeMetaverse, type LinkedCsSource, type MvObjectTypeResolver } from './computed-metaverse'
import { CsTable } from './cs-table'
import { foldCase } from '../text/fold'
import { hashText } from './hash'
import { RowHashIndex } from './hash-index'
import { idKey } from './id-column'
import { Interner, textNullable } from './interner'
import { MvTable } from './mv-table'
import type { ValueColumn } from './value-column'

/** Options of `ObjectStore.finish`. */
export interface FinishOptions {
  /** Metaverse object type per connector and CS object type, for the computed metaverse. */
  readonly mvObjectType?: MvObjectTypeResolver
}

/** How many objects and values a store holds. */
export interface StoreCounts {
  readonly csObjects: number
  readonly mvObjects: number
  /** Connector-space objects per connector id (objects without one are not listed). */
  readonly csObjectsByConnector: ReadonlyMap<string, number>
  readonly csAttributeValues: number
  readonly mvAttributeValues: number
  /** Distinct attribute names (case-insensitive) in connector spaces and in the metaverse. */
  readonly csAttributes: number
  readonly mvAttributes: number
  /** Connector-space objects with pending changes, errors, other holograms or unknown parts. */
  readonly csObjectsWithRareParts: number
  /** Metaverse attributes whose sorted search index is built. */
  readonly indexedMvAttributes: number
}

/** Objects that share what should be unique: an id in a connector space or the metaverse, a DN in one connector. */
export interface DuplicateGroup {
  readonly kind: 'cs-id' | 'cs-dn' | 'mv-id'
  /** The rows (connector-space or metaverse), ascending: lookups by id or DN answer with the first. */
  readonly rows: readonly number[]
}

/** Version of the binary form (`toBinary`); bumped whenever the layout of any column changes. */
export const STORE_FORMAT_VERSION = 5

const SOURCE_CODES: readonly ObjectIndex['metaverseSource'][] = ['none', 'exported', 'computed']

interface Indexes {
  readonly csById: RowHashIndex
  readonly csByDn: RowHashIndex
  readonly csByMvId: RowHashIndex
  readonly mvById: RowHashIndex
  /** Rows per connector id, folded. */
  readonly csByConnector: ReadonlyMap<string, Uint32Array>
}

/** The indexes of a finished store read back from its binary form, and the rows they were read with. */
interface ReadIndexes {
  readonly indexes: Indexes
  readonly duplicates: readonly DuplicateGroup[]
  readonly cs: number
  readonly mv: number
}

/**
 * The objects of a loaded snapshot in compact form, with the indexes the engine and search need.
 *
 * Add every object (`addCsObject`, `addMvObject`), then call `finish()` once: it seals the storage,
 * computes the metaverse from links when none was exported, and builds the lookup indexes; the store
 * is read-only afterwards. Objects read back (`csObject`, `mvObject`, ...) deep-equal what was added.
 * Search-only indexes (sorted values, presence, object types) are built on first use.
 */
export class ObjectStore implements ObjectIndex {
  private readonly strings = new Interner()
  private readonly cs = new CsTable(this.strings)
  private readonly mv = new MvTable(this.strings)
  private indexes: Indexes | null = null
  private source: ObjectIndex['metaverseSource'] = 'none'
  private readonly typeSets = new Map<string, Bitset>()
  private duplicates: readonly DuplicateGroup[] = []
  /** The metaverse source of a finished store read back from its binary form (finish then keeps it). */
  private readSource: ObjectIndex['metaverseSource'] | null = null
  /** The indexes of a finished store read back from its binary form, which finish then takes as they are. */
  private readBuilt: ReadIndexes | null = null
  /**
   * Text runs, value columns and attribute entries left in the file this store was read from
   * (`BinaryReaderOptions.deferLarge`), read when needed.
   */
  private readonly deferred: DeferredData[] = []

  /**
   * A store read back from `toBinary` (in memory, or read section by section from an input such as a file). A
   * finished store comes back ready to read, with the indexes it was written with; a segment comes back open, to be
   * added to or appended to another. Throws StoreFormatError (or RangeError) on damaged data.
   */
  public static fromBinary(data: Uint8Array | ByteInput, options: BinaryReaderOptions = {}): ObjectStore {
    const store = new ObjectStore()
    const finished = store.appendBinary(data, options)
    if (finished !== null) {
      store.readSource = finished
      store.finish()
    }
    return store
  }

  /** Bytes still in the file this store was read from (0 when all are in memory). */
  public get deferredBytes(): number {
    return this.deferred.reduce((sum, data) => sum + data.pendingBytes, 0)
  }

  /**
   * Reads what is still in the file this store was read from, until `stop` says to pause (asked before each text
   * run of up to 8 MB, each column, whose own long runs are left for later steps, and each block of 16,384 rows'
   * attribute entries). True when none is left: the file is closed then, and the store needs it no more.
   */
  public readDeferred(stop: () => boolean): boolean {
    return this.deferred.every((data) => data.readAhead(stop))
  }

  /** Closes the file of what was not read yet: for a store no longer used (it cannot be read after). */
  public closeDeferred(): void {
    for (const data of this.deferred) data.close()
  }

  /** Whether metaverse objects came from an export, were computed from links, or are absent. */
  public get metaverseSource(): ObjectIndex['metaverseSource'] {
    return this.source
  }

  /** Adds a connector-space object (before `finish`). */
  public addCsObject(object: CsObject): void {
    this.assertOpen()
    this.cs.add(object)
  }

  /** Adds a metaverse object from a metaverse export (before `finish`). */
  public addMvObject(object: MvObject): void {
    this.assertOpen()
    this.mv.add(object)
  }

  /**
   * The store in binary form: a segment (before `finish`) to append to another store, or a finished store for the
   * reopen cache. Search indexes built on demand are not included.
   */
  public toBinary(): Uint8Array {
    return this.binaryWriter().finish()
  }

  /**
   * The binary form made piece by piece as it is written (`toBinary()` joined): for a file, with no copy of the whole
   * in memory. The store must not change until every piece has been made (a finished store does not).
   */
  public toBinaryOutput(): ByteOutput {
    return this.binaryWriter()
  }

  private binaryWriter(): BinaryWriter {
    const out = new BinaryWriter(STORE_FORMAT_VERSION)
    out.json(this.strings.all())
    out.uint(this.indexes === null ? 0 : SOURCE_CODES.indexOf(this.source) + 1)
    this.cs.writeTo(out)
    this.mv.writeTo(out)
    if (this.indexes !== null) this.writeIndexes(out, this.indexes)
    return out
  }

  /**
   * The lookup indexes and duplicate groups of a finished store: reading them back costs a copy, rebuilding them
   * hashing every id and folded DN (a sixth of a reopen's time at 100k objects).
   */
  private writeIndexes(out: BinaryWriter, indexes: Indexes): void {
    for (const index of [indexes.csById, indexes.csByDn, indexes.csByMvId, indexes.mvById])
      out.array(index.slotArray)
    out.json([...indexes.csByConnector.keys()])
    for (const rows of indexes.csByConnector.values()) out.array(rows)
    out.json(this.duplicates)
  }

  private readIndexes(input: BinaryReader): void {
    const cs = this.cs.rowCount
    const mv = this.mv.rowCount
    const own = (array: Uint32Array): Uint32Array =>
      array.byteLength === array.buffer.byteLength ? array : array.slice()
    const [csById, csByDn, csByMvId, mvById] = [cs, cs, cs, mv].map(
      (rows) => new RowHashIndex(rows, own(input.uint32Array())),
    )
    const connectors = input.json<string[]>()
    if (!Array.isArray(connectors)) throw new StoreFormatError('object store: damaged indexes')
    const csByConnector = new Map<string, Uint32Array>()
    for (const connector of connectors) {
      const rows = own(input.uint32Array())
      if (rows.some((row) => row >= cs)) throw new StoreFormatError('object store: damaged indexes')
      csByConnector.set(String(connector), rows)
    }
    const duplicates = input.json<DuplicateGroup[]>()
    if (
      !Array.isArray(duplicates) ||
      duplicates.some(
        (group) =>
          !Array.isArray(group.rows) || group.rows.some((row) => row >= (group.kind === 'mv-id' ? mv : cs)),
      )
    )
      throw new StoreFormatError('object store: damaged indexes')
    if (csById === undefined || csByDn === undefined || csByMvId === undefined || mvById === undefined) return
    this.readBuilt = { indexes: { csById, csByDn, csByMvId, mvById, csByConnector }, duplicates, cs, mv }
  }

  /**
   * Appends the objects of a segment written by `toBinary` (before `finish`), after the objects already added:
   * the segments of a parallel load joined in file order. Returns the metaverse source when the data was a
   * finished store, else null.
   */
  public appendBinary(
    data: Uint8Array | ByteInput,
    options: BinaryReaderOptions = {},
  ): ObjectIndex['metaverseSource'] | null {
    this.assertOpen()
    const input = new BinaryReader(data, STORE_FORMAT_VERSION, options)
    const stringIds = this.strings.remap(input.json<string[]>())
    const source = input.uint()
    const empty = this.cs.rowCount === 0 && this.mv.rowCount === 0
    const csRowBase = this.cs.rowCount
    this.cs.readFrom(input, stringIds)
    this.mv.readFrom(input, stringIds, this.cs, csRowBase)
    // A finished store's indexes hold for its rows alone: appended after other rows, they are rebuilt.
    if (source !== 0) {
      this.readIndexes(input)
      if (!empty) this.readBuilt = null
    }
    if (!input.atEnd) throw new StoreFormatError('object store: data after the last table')
    const deferred = input.deferred
    if (deferred !== null) {
      deferred.dataRead()
      this.deferred.push(deferred)
    }
    return source === 0 ? null : (SOURCE_CODES[source - 1] ?? 'none')
  }

  /** Seals the store and builds its indexes; computes the metaverse from links when none was added. */
  public finish(options: FinishOptions = {}): void {
    if (this.indexes !== null) return
    const built = this.readBuilt
    // Taken only for the rows they were read with (nothing added or appended since).
    if (built?.cs === this.cs.rowCount && built.mv === this.mv.rowCount && this.readSource !== null) {
      this.cs.seal()
      this.mv.seal()
      this.source = this.readSource
      this.indexes = built.indexes
      this.duplicates = built.duplicates
      this.readBuilt = null
      return
    }
    this.cs.seal()
    const csIdHashes = hashesOf(this.cs.rowCount, (row) => this.cs.ids.hash(row))
    const csById = new RowHashIndex(this.cs.rowCount, (row) => csIdHashes[row] ?? 0)
    const csByMvId = new RowHashIndex(this.cs.rowCount, (row) =>
      this.cs.linkedMvIds.isNull(row) ? null : this.cs.linkedMvIds.hash(row),
    )
    if (this.readSource !== null) this.source = this.readSource
    else if (this.mv.rowCount > 0) this.source = 'exported'
    else {
      const resolve = options.mvObjectType ?? ((): null => null)
      const added = computeMetaverse(this.linkedSource(csByMvId, resolve), (rows, type) =>
        this.mv.addComputed(this.cs, rows, this.strings.intern(type)),
      )
      this.source = added > 0 ? 'computed' : 'none'
    }
    this.mv.seal()
    const dnHashes = this.dnHashes()
    const mvIdHashes = hashesOf(this.mv.rowCount, (row) => this.mv.ids.hash(row))
    this.indexes = {
      csById,
      csByMvId,
      csByDn: new RowHashIndex(dnHashes.length, (row) => dnHashes[row] ?? 0),
      mvById: new RowHashIndex(this.mv.rowCount, (row) => mvIdHashes[row] ?? 0),
      csByConnector: this.connectorRows(),
    }
    this.duplicates = this.findDuplicates(this.indexes, { csId: csIdHashes, dn: dnHashes, mvId: mvIdHashes })
  }

  /** Whether `finish` has run. */
  public get finished(): boolean {
    return this.indexes !== null
  }

  /** The connector-space object with this id (any GUID spelling), or null. */
  public csObject(id: string): CsObject | null {
    const row = this.csRowOf(id)
    return row < 0 ? null : this.cs.object(row)
  }

  /** The object with this DN (case-insensitive) in one connector's space, or null. */
  public csObjectByDn(connectorId: string, dn: string): CsObject | null {
    const wanted = foldCase(connectorId)
    const row = this.csRowsByDn(dn).find(
      (candidate) => foldCase(this.cs.connectorId(candidate) ?? '') === wanted,
    )
    return row === undefined ? null : this.cs.object(row)
  }

  /** Objects with this DN (case-insensitive) in any connector space. */
  public csObjectsByDn(dn: string): readonly CsObject[] {
    return this.csRowsByDn(dn).map((row) => this.cs.object(row))
  }

  /** The metaverse object with this id (any GUID spelling), or null. */
  public mvObject(id: string): MvObject | null {
    const row = this.mvRowOf(id)
    return row < 0 ? null : this.mv.object(row)
  }

  /** Connector-space objects linked to a metaverse object, in load order. */
  public connectedCsObjects(mvObjectId: string): readonly CsObject[] {
    return this.csRowsLinkedTo(mvObjectId).map((row) => this.cs.object(row))
  }

  /** Connector ids and DNs of the objects linked to a metaverse object, in load order, read from the columns. */
  public connectedDns(
    mvObjectId: string,
  ): readonly { readonly connectorId: string | null; readonly dn: string }[] {
    return this.csRowsLinkedTo(mvObjectId).map((row) => ({
      connectorId: this.cs.connectorId(row),
      dn: this.cs.dns.get(row) ?? '',
    }))
  }

  /** Number of objects in one connector's space. */
  public csObjectCount(connectorId: string): number {
    return this.csRowsOfConnector(connectorId).length
  }

  /** Number of metaverse objects (exported or computed). */
  public mvObjectCount(): number {
    return this.mv.rowCount
  }

  /** Counts of objects and values. */
  public counts(): StoreCounts {
    const byConnector = new Map<string, number>()
    for (let row = 0; row < this.cs.rowCount; row += 1) {
      const connector = this.cs.connectorId(row)
      if (connector !== null) byConnector.set(connector, (byConnector.get(connector) ?? 0) + 1)
    }
    return {
      csObjects: this.cs.rowCount,
      mvObjects: this.mv.rowCount,
      csObjectsByConnector: byConnector,
      csAttributeValues: this.cs.attributes.valueCount,
      mvAttributeValues: this.mv.attributes.valueCount,
      csAttributes: this.cs.attributes.columnCount,
      mvAttributes: this.mv.attributes.columnCount,
      csObjectsWithRareParts: this.cs.rareCount,
      indexedMvAttributes: this.mv.attributes.allColumns().filter((column) => column.indexed).length,
    }
  }

  /**
   * Groups of objects that share an id (connector space, metaverse) or a DN within one connector space, in row
   * order. Every object stays in the store and in scans; a lookup by the shared id or DN answers with the first.
   */
  public duplicateGroups(): readonly DuplicateGroup[] {
    this.built()
    return this.duplicates
  }

  private findDuplicates(indexes: Indexes, hashes: KeyHashes): DuplicateGroup[] {
    // Only rows whose key hash another row shares can be duplicates: sorting the hashes finds those few in
    // native code, so the exact probes below run for them alone (they cost 300 ms at 10k when run for every row).
    const groups: DuplicateGroup[] = []
    const cs = this.cs
    const sharedIds = sharedHashes(hashes.csId)
    for (let row = 0; row < cs.rowCount; row += 1) {
      const hash = hashes.csId[row] ?? 0
      if (!sharedIds.has(hash)) continue
      if (indexes.csById.first(hash, (other) => cs.ids.sameId(row, other)) !== row) continue
      const rows = indexes.csById.lookup(hash, (other) => cs.ids.sameId(row, other))
      if (rows.length > 1) groups.push({ kind: 'cs-id', rows })
    }
    const byDn: DuplicateGroup[] = []
    const dnHashes = hashes.dn
    const sharedDns = sharedHashes(dnHashes)
    for (let row = 0; row < cs.rowCount; row += 1) {
      const hash = dnHashes[row] ?? 0
      if (!sharedDns.has(hash)) continue
      const sameHash = indexes.csByDn.lookup(hash, (other) => dnHashes[other] === hash)
      if (sameHash.length < 2 || sameHash[0] !== row) continue
      const byKey = new Map<string, number[]>()
      for (const candidate of sameHash) {
        const key = `${cs.connectorKey(candidate)}\u0000${foldCase(cs.dns.get(candidate))}`
        const rows = byKey.get(key)
        if (rows === undefined) byKey.set(key, [candidate])
        else rows.push(candidate)
      }
      for (const rows of byKey.values()) if (rows.length > 1) byDn.push({ kind: 'cs-dn', rows })
    }
    byDn.sort((left, right) => (left.rows[0] ?? 0) - (right.rows[0] ?? 0))
    for (const group of byDn) groups.push(group)
    const mv = this.mv
    const sharedMvIds = sharedHashes(hashes.mvId)
    for (let row = 0; row < mv.rowCount; row += 1) {
      const hash = hashes.mvId[row] ?? 0
      if (!sharedMvIds.has(hash)) continue
      if (indexes.mvById.first(hash, (other) => mv.ids.sameId(row, other)) !== row) continue
      const rows = indexes.mvById.lookup(hash, (other) => mv.ids.sameId(row, other))
      if (rows.length > 1) groups.push({ kind: 'mv-id', rows })
    }
    return groups
  }

  /** Estimated bytes of heap the store holds, indexes included. */
  public memoryEstimate(): number {
    let bytes = this.cs.byteSize() + this.mv.byteSize() + this.strings.byteSize()
    const indexes = this.indexes
    if (indexes !== null) {
      bytes += indexes.csById.byteSize() + indexes.csByDn.byteSize() + indexes.csByMvId.byteSize()
      bytes += indexes.mvById.byteSize()
      for (const rows of indexes.csByConnector.values()) bytes += rows.byteLength + 64
    }
    for (const set of this.typeSets.values()) bytes += set.byteSize()
    return bytes
  }

  /** Builds the sorted search index of metaverse attributes now (otherwise the first search does). */
  public prepareSearchIndex(attributes: readonly string[]): void {
    for (const attribute of attributes) this.mvColumn(attribute)?.buildIndex()
  }

  /** The row of a connector-space object, or -1. */
  public csRowOf(id: string): number {
    const key = idKey(id)
    return this.built().csById.first(key.hash, (row) => this.cs.ids.matches(row, key))
  }

  /** The row of a metaverse object, or -1. */
  public mvRowOf(id: string): number {
    const key = idKey(id)
    return this.built().mvById.first(key.hash, (row) => this.mv.ids.matches(row, key))
  }

  /** Rows of connector-space objects with this DN (case-insensitive), in any connector space. */
  public csRowsByDn(dn: string): number[] {
    const folded = foldCase(dn)
    return this.built().csByDn.lookup(hashText(folded), (row) => foldCase(this.cs.dns.get(row)) === folded)
  }

  /** Rows of connector-space objects linked to a metaverse id. */
  public csRowsLinkedTo(mvObjectId: string): number[] {
    const key = idKey(mvObjectId)
    return this.built().csByMvId.lookup(key.hash, (row) => this.cs.linkedMvIds.matches(row, key))
  }

  /** Rows of one connector's objects (connector id compared case-insensitively), ascending. */
  public csRowsOfConnector(connectorId: string): Uint32Array {
    return this.built().csByConnector.get(foldCase(connectorId)) ?? new Uint32Array(0)
  }

  /** Number of connector-space rows. */
  public get csRowCount(): number {
    return this.cs.rowCount
  }

  /** Number of metaverse rows. */
  public get mvRowCount(): number {
    return this.mv.rowCount
  }

  /** The connector id of a connector-space row (lower-case), null when the object has none. */
  public csConnectorIdAt(row: number): string | null {
    return this.cs.connectorId(row)
  }

  /**
   * Names of the synchronized attributes of a connector-space row that hold at least one value, read from
   * the column descriptors without building the object (the unmapped-attribute scan over every object).
   */
  public csAttributeNamesWithValues(row: number): string[] {
    const names: string[] = []
    for (const stored of this.cs.attributes.attributesOf(row)) if (stored.count > 0) names.push(stored.name)
    return names
  }

  /** The connector-space object at a row. */
  public csObjectAt(row: number): CsObject {
    return this.cs.object(row)
  }

  /** The metaverse object at a row. */
  public mvObjectAt(row: number): MvObject {
    return this.mv.object(row)
  }

  /**
   * Names, value counts and lineage connectors of a metaverse row's attributes, without building the object (the
   * whole-snapshot report's check for metaverse values no outbound rule carries).
   */
  public mvAttributeOriginsAt(row: number): MvAttributeOrigin[] {
    return this.mv.attributeOrigins(row)
  }

  /** Read access to connector-space rows, for search. */
  public get csRows(): Pick<
    CsTable,
    | 'ids'
    | 'dns'
    | 'objectType'
    | 'isConnector'
    | 'connectorState'
    | 'anchor'
    | 'rareParts'
    | 'rowsWithRareParts'
  > {
    return this.cs
  }

  /** The id of a metaverse row. */
  public mvIdAt(row: number): string {
    return this.mv.ids.get(row) ?? ''
  }

  /** The object type of a metaverse row. */
  public mvObjectTypeAt(row: number): string {
    return this.mv.objectType(row)
  }

  /** The column of a metaverse attribute (case-insensitive name), or null when no object has it. */
  public mvColumn(attribute: string): ValueColumn | null {
    return this.mv.attributes.column(attribute)
  }

  /** The column of a connector-space attribute (synchronized entries), or null when no object has it. */
  public csColumn(attribute: string): ValueColumn | null {
    return this.cs.attributes.column(attribute)
  }

  /** Metaverse rows of an object type (case-insensitive), cached for the types that exist. */
  public mvRowsOfType(objectType: string): Bitset {
    const folded = foldCase(objectType)
    const cached = this.typeSets.get(folded)
    if (cached !== undefined) return cached
    const set = new Bitset(this.mv.rowCount)
    const matching = new Map<number, boolean>()
    for (let row = 0; row < this.mv.rowCount; row += 1) {
      const key = this.mv.objectTypeKey(row)
      let matches = matching.get(key)
      if (matches === undefined) {
        matches = foldCase(this.mv.objectType(row)) === folded
        matching.set(key, matches)
      }
      if (matches) set.add(row)
    }
    // Only types that exist are kept: what users type into the scope box must not pile up.
    if (matching.size > 0 && [...matching.values()].some((matches) => matches)) this.typeSets.set(folded, set)
    return set
  }

  private linkedSource(csByMvId: RowHashIndex, resolve: MvObjectTypeResolver): LinkedCsSource {
    const cs = this.cs
    // A few connectors, object types and lineage types recur across every row: each is worked out once.
    const ruleTypes = new Map<number, Map<number, string | null>>()
    const projecting = new Map<number, boolean>()
    return {
      csRowCount: cs.rowCount,
      hasLink: (row) => cs.hasLink(row),
      linkGroupOf: (row) => {
        const ids = cs.linkedMvIds
        if (ids.isNull(row)) return []
        return csByMvId.lookup(ids.hash(row), (candidate) => ids.sameId(row, candidate))
      },
      isProjecting: (row) => {
        const key = cs.linkLineageTypeKey(row)
        let known = projecting.get(key)
        if (known === undefined) {
          known = /project/i.test(textNullable(this.strings, key) ?? '')
          projecting.set(key, known)
        }
        return known
      },
      ruleType: (row) => {
        let byType = ruleTypes.get(cs.connectorKey(row))
        if (byType === undefined) {
          byType = new Map()
          ruleTypes.set(cs.connectorKey(row), byType)
        }
        let type = byType.get(cs.objectTypeKey(row))
        if (type === undefined) {
          type = resolve(cs.connectorId(row), cs.objectType(row))
          byType.set(cs.objectTypeKey(row), type)
        }
        return type
      },
      objectType: (row) => cs.objectType(row),
    }
  }

  /** Hashes every DN folded, a chunk of the pool at a time (one native lower-casing per chunk). */
  private dnHashes(): Uint32Array {
    const pool = this.cs.dns
    const hashes = new Uint32Array(pool.length)
    for (const chunk of pool.chunks()) {
      const folded = foldCase(chunk.text)
      const sameLength = folded.length === chunk.text.length
      for (let row = chunk.first; row < chunk.first + chunk.count; row += 1) {
        const start = pool.start(row)
        const end = pool.end(chunk, row)
        hashes[row] = sameLength
          ? hashText(folded, start, end)
          : hashText(foldCase(chunk.text.slice(start, end)))
      }
    }
    return hashes
  }

  private connectorRows(): Map<string, Uint32Array> {
    const byKey = new Map<number, number[]>()
    for (let row = 0; row < this.cs.rowCount; row += 1) {
      const key = this.cs.connectorKey(row)
      if (key === 0) continue
      let rows = byKey.get(key)
      if (rows === undefined) {
        rows = []
        byKey.set(key, rows)
      }
      rows.push(row)
    }
    const byConnector = new Map<string, Uint32Array>()
    for (const [key, rows] of byKey) {
      const folded = foldCase(this.strings.text(key - 1))
      const known = byConnector.get(folded)
      const merged = known === undefined ? rows : [...known, ...rows].sort((left, right) => left - right)
      byConnector.set(folded, Uint32Array.from(merged))
    }
    return byConnector
  }

  private built(): Indexes {
    if (this.indexes === null) throw new Error('ObjectStore: call finish() before reading')
    return this.indexes
  }

  private assertOpen(): void {
    if (this.indexes !== null) throw new Error('ObjectStore: the store is read-only after finish()')
  }
}

/** The key hash of every row of a table: connector-space ids, folded DNs, metaverse ids. */
interface KeyHashes {
  readonly csId: Uint32Array
  readonly dn: Uint32Array
  readonly mvId: Uint32Array
}

function hashesOf(rows: number, hashOf: (row: number) => number): Uint32Array {
  const hashes = new Uint32Array(rows)
  for (let row = 0; row < rows; row += 1) hashes[row] = hashOf(row)
  return hashes
}

/** The hash values that occur more than once. */
function sharedHashes(hashes: Uint32Array): Set<number> {
  const sorted = hashes.slice().sort()
  const shared = new Set<number>()
  for (let index = 1; index < sorted.length; index += 1) {
    const hash = sorted[index] ?? 0
    if (hash === sorted[index - 1]) shared.add(hash)
  }
  return shared
}
