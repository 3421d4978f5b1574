/**
 * Everything measured on one loaded snapshot: the whole load to a summary (the first screen),
 * memory, Metaverse Search, one object's flow with diagnosis, and the unmapped scan.
 */
import { openDiskSource } from '../node/disk-source'
import { peakResidentBytes } from '../node/peak-memory'
import {
  diagnoseAttribute,
  isAadConnector,
  objectReport,
  unmappedSourceNamesOf,
} from '../shared/engine/index'
import type { CsObject } from '../shared/model/objects'
import type { MetaverseQuery } from '../shared/search/metaverse-query'
import { searchMetaverse, searchMetaverseIncremental } from '../shared/search/metaverse-search'
import { BackgroundIndexer, joinAttributes } from '../shared/search/background-index'
import { engineContext } from '../shared/engine/engine-context'
import { WhyQuestion } from '../shared/engine/question'
import { ObjectVerdicts } from '../shared/engine/object-verdicts'
import { type LoadedSnapshot, loadSnapshot } from '../shared/load/load-snapshot'
import { summarize } from '../shared/load/summarize'
import { QUERY_HANDLERS, SnapshotContext } from '../shared/app/query-handlers'
import { computedMvValues } from '../shared/search/computed-values'
import type { ObjectStore } from '../shared/store/object-store'
import { cpuMs, elapsedMs, type Percentiles, percentiles } from './stats'

/** The four operators the budgets name. */
export type SearchCase = 'equals' | 'starts-with' | 'contains' | 'not-present'

/** Latencies of one search operator, in milliseconds. */
export interface SearchFigures extends Percentiles {
  /** The same searches by CPU time, which a busy shared machine does not inflate. */
  readonly cpu: Percentiles
  /**
   * The first timed search. Equals and Starts with find accountName's and displayName's indexes built already (by
   * the index-build measurement, as the app's worker builds them); `indexBuild` holds what building cost.
   */
  readonly coldMs: number
  /** Time until the incremental search handed over its first non-empty batch (or finished). */
  readonly firstRows: Percentiles
  readonly matchesMedian: number
}

/** A figure by both clocks, in milliseconds. */
export interface Timed {
  readonly ms: number
  readonly cpuMs: number
}

/**
 * The first search on attributes not indexed yet, as the app answers it before its background build is done
 * (scanning the values): Equals and Starts with on each of several attributes, right after the load.
 */
export interface FirstSearchFigures extends Percentiles {
  readonly cpu: Percentiles
  readonly samples: number
  /** The very first search after the load (the search code not compiled yet). */
  readonly first: Timed
}

/** The background build of the join attributes' and two searched attributes' indexes, in the worker's slices. */
export interface IndexBuildFigures {
  readonly attributes: readonly string[]
  /** Values indexed, over every attribute. */
  readonly values: number
  /** From the first slice to the last, with the pauses between slices. */
  readonly totalMs: number
  readonly cpuMs: number
  readonly slices: number
  /** The longest slice: how long a request that arrives meanwhile can wait for the worker. */
  readonly longestSliceMs: number
  readonly longestSliceCpuMs: number
}

/** What one size measured in its own process. */
export interface SizeFigures {
  readonly csObjects: number
  readonly mvObjects: number
  readonly rules: number
  /** Open the folder, load every file, and summarize: what the user waits for. */
  readonly firstScreenMs: number
  /** The same by CPU time (all threads of the process, so garbage collection counts). */
  readonly firstScreenCpuMs: number
  readonly loadMs: number
  readonly summaryMs: number
  readonly loadIssues: number
  /** Peak RSS when the summary was ready, and at the end of every measurement. */
  readonly peakRssAfterLoadBytes: number
  readonly peakRssBytes: number
  /** Heap plus array buffers held after loading (after a collection when --expose-gc is on). */
  readonly retainedBytes: number
  readonly search: Readonly<Record<SearchCase, SearchFigures>>
  readonly firstSearch: FirstSearchFigures
  readonly indexBuild: IndexBuildFigures
  /** objectReport plus diagnoseAttribute for one connector-space object. */
  readonly objectFlow: Percentiles & {
    /** The very first call after the load, before any index is built: what a user asking at once meets. */
    readonly first: Timed
    readonly cpu: Percentiles
    readonly samples: number
    /** The first call on each object, from the first after the load: what a user's first `why` meets. */
    readonly cold: Percentiles & { readonly cpu: Percentiles }
    /** The same `why` asked again in the session (the views ask an object again as a user moves about it). */
    readonly again: Percentiles & { readonly cpu: Percentiles }
  }
  readonly unmappedScan: {
    readonly objects: number
    /** Unmapped attribute names found, so the scan cannot be optimized away. */
    readonly findings: number
    readonly totalMs: number
    readonly usPerObject: number
    /** The same by CPU time. */
    readonly cpuUsPerObject: number
  }
  /**
   * The verdict behind "has unmapped attributes" (and the report's counts): every flow of a metaverse object
   * and its connected objects, classified. Checked once per object per session, then kept.
   */
  readonly verdicts: {
    /** Metaverse objects checked (spread over the snapshot). */
    readonly objects: number
    /** Objects with a blocking or unmapped finding among them. */
    readonly actionable: number
    /** Mean per object, first check (milliseconds). */
    readonly msPerObject: number
    readonly cpuMsPerObject: number
    /** Every metaverse object at the CPU rate, what the background check takes (seconds). */
    readonly wholeSnapshotCpuSeconds: number
    /** A kept verdict asked again (microseconds per object): every search after the check. */
    readonly keptUsPerObject: number
  }
}

const SEARCH_ROUNDS = 40
const FLOW_SAMPLES = 200
/** Metaverse objects whose verdicts are timed: enough for a steady mean, few enough for 2 shared cores. */
const VERDICT_SAMPLES = 1_000
/** Untimed first checks, so the JIT has compiled the engine before the timed ones. */
const VERDICT_WARM_UP = 50

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}

function peakRss(): number {
  return peakResidentBytes()
}

/** Loads the snapshot folder and takes every per-size measurement. */
export async function measureSize(folder: string): Promise<SizeFigures> {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const source = await openDiskSource(folder)
  const snapshot = await loadSnapshot(source)
  const loadMs = elapsedMs(started)
  const summaryStart = performance.now()
  const summary = summarize(snapshot)
  const summaryMs = elapsedMs(summaryStart)
  const firstScreenMs = elapsedMs(started)
  const firstScreenCpuMs = cpuMs(cpuStarted)
  const peakRssAfterLoadBytes = peakRss()
  collectGarbage()
  const usage = process.memoryUsage()
  const retainedBytes = usage.heapUsed + usage.arrayBuffers
  const store = snapshot.objects
  // Before anything builds an index: the first explanation and the first searches the app answers by scanning.
  const firstWhy = measureFirstWhy(snapshot)
  const firstSearch = measureFirstSearch(store)
  const indexBuild = await measureIndexBuild(snapshot)
  const search = measureSearch(store)
  const objectFlow = { ...measureObjectFlow(snapshot), first: firstWhy, again: measureWhyAgain(snapshot) }
  const unmappedScan = measureUnmappedScan(snapshot)
  const verdicts = measureVerdicts(snapshot)
  return {
    csObjects: store.csRowCount,
    mvObjects: store.mvRowCount,
    rules: summary.rules.total,
    firstScreenMs,
    firstScreenCpuMs,
    loadMs,
    summaryMs,
    loadIssues: snapshot.issues.length,
    peakRssAfterLoadBytes,
    peakRssBytes: peakRss(),
    retainedBytes,
    search: await search,
    firstSearch,
    indexBuild,
    objectFlow,
    unmappedScan,
    verdicts,
  }
}

/** Values of an attribute from rows spread over the metaverse, to search for. */
function sampleValues(store: ObjectStore, attribute: string, count: number): string[] {
  const values: string[] = []
  const step = Math.max(1, Math.floor(store.mvRowCount / (count * 2)))
  for (let row = 0; row < store.mvRowCount && values.length < count; row += step) {
    const value = store.mvObjectAt(row).attributes.find((a) => a.name === attribute)?.values[0]
    if (value !== undefined && value.length >= 8) values.push(value)
  }
  return values
}

function searchQueries(store: ObjectStore): Record<SearchCase, readonly MetaverseQuery[]> {
  const accounts = sampleValues(store, 'accountName', SEARCH_ROUNDS)
  const names = sampleValues(store, 'displayName', SEARCH_ROUNDS)
  const clause = (attribute: string, operator: SearchCase, value?: string): MetaverseQuery => ({
    groups: [{ clauses: [{ attribute, operator, ...(value === undefined ? {} : { value }) }] }],
  })
  return {
    equals: accounts.map((value) => clause('accountName', 'equals', value.toUpperCase())),
    'starts-with': names.map((value) => clause('displayName', 'starts-with', value.slice(0, 3))),
    contains: names.map((value) => clause('displayName', 'contains', value.slice(2, 6))),
    'not-present': [clause('description', 'not-present'), clause('extensionAttribute2', 'not-present')],
  }
}

async function measureSearch(store: ObjectStore): Promise<Record<SearchCase, SearchFigures>> {
  const queries = searchQueries(store)
  return {
    equals: await measureOperator(store, 'equals', queries.equals),
    'starts-with': await measureOperator(store, 'starts-with', queries['starts-with']),
    contains: await measureOperator(store, 'contains', queries.contains),
    'not-present': await measureOperator(store, 'not-present', queries['not-present']),
  }
}

async function measureOperator(
  store: ObjectStore,
  operator: SearchCase,
  list: readonly MetaverseQuery[],
): Promise<SearchFigures> {
  const first = list[0]
  if (first === undefined) throw new Error(`No sample values to search with ${operator}.`)
  const coldStart = performance.now()
  searchMetaverse(store, first, { limit: 100, columns: ['displayName', 'accountName'] })
  const coldMs = elapsedMs(coldStart)
  const timings: number[] = []
  const cpuTimings: number[] = []
  const firstRows: number[] = []
  const matches: number[] = []
  for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
    const query = list[round % list.length] ?? first
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    matches.push(searchMetaverse(store, query, { limit: 100, columns: ['displayName', 'accountName'] }).total)
    cpuTimings.push(cpuMs(cpuStart))
    timings.push(elapsedMs(start))
    firstRows.push(await timeToFirstRows(store, query))
  }
  return {
    ...percentiles(timings),
    cpu: percentiles(cpuTimings),
    coldMs,
    firstRows: percentiles(firstRows),
    matchesMedian: percentiles(matches).p50,
  }
}

/** Time until the incremental search first hands over rows; it is cancelled right after. */
async function timeToFirstRows(store: ObjectStore, query: MetaverseQuery): Promise<number> {
  const signal = { aborted: false }
  const start = performance.now()
  let firstAt = Number.NaN
  await searchMetaverseIncremental(
    store,
    query,
    (batch) => {
      if (Number.isNaN(firstAt) && (batch.ids.length > 0 || batch.done)) {
        firstAt = elapsedMs(start)
        signal.aborted = true
      }
    },
    { signal },
  )
  return firstAt
}

/** Linked user objects of the on-premises connector, spread over its rows. */
function flowSamples(snapshot: LoadedSnapshot): CsObject[] {
  const store = snapshot.objects
  const source = snapshot.configuration.connectors.find(
    (connector) => !isAadConnector(connector.id, connector),
  )
  if (source === undefined) return []
  const rows = store.csRowsOfConnector(source.id)
  const samples: CsObject[] = []
  const step = Math.max(1, Math.floor(rows.length / (FLOW_SAMPLES * 2)))
  for (let index = 0; index < rows.length && samples.length < FLOW_SAMPLES; index += step) {
    const object = store.csObjectAt(rows[index] ?? 0)
    if (object.objectType === 'user' && object.mvLink !== null) samples.push(object)
  }
  return samples
}

/** `why` of one object: its report and the diagnosis of displayName, one question as the session asks them. */
function explain(snapshot: LoadedSnapshot, csObject: CsObject): void {
  const { ruleIndex, mvLookup } = engineContext(snapshot)
  const { rules, connectors } = snapshot.configuration
  const index = snapshot.objects
  const question = new WhyQuestion({ ruleIndex, index, mvLookup })
  objectReport({ ruleIndex, index, object: { csObject }, mvLookup, question })
  diagnoseAttribute({
    rules,
    connectors,
    index,
    csObject,
    attribute: 'displayName',
    ruleIndex,
    mvLookup,
    question,
  })
}

/** The first explanation after the load, of an object from the middle of the on-premises connector space. */
function measureFirstWhy(snapshot: LoadedSnapshot): Timed {
  const samples = flowSamples(snapshot)
  const object = samples[Math.floor(samples.length / 2)]
  if (object === undefined) return { ms: Number.NaN, cpuMs: Number.NaN }
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  explain(snapshot, object)
  return { cpuMs: cpuMs(cpuStart), ms: elapsedMs(start) }
}

/** Attributes a first search is timed on, where the snapshot has them. */
const FIRST_SEARCH_ATTRIBUTES = [
  'accountName',
  'displayName',
  'mail',
  'userPrincipalName',
  'givenName',
  'sn',
  'department',
  'cn',
]

function measureFirstSearch(store: ObjectStore): FirstSearchFigures {
  const timings: number[] = []
  const cpuTimings: number[] = []
  for (const attribute of FIRST_SEARCH_ATTRIBUTES) {
    const value = sampleValues(store, attribute, 1)[0]
    if (value === undefined || store.mvColumn(attribute)?.indexed !== false) continue
    for (const [operator, needle] of [
      ['equals', value.toUpperCase()],
      ['starts-with', value.slice(0, 3)],
    ] as const) {
      const query: MetaverseQuery = { groups: [{ clauses: [{ attribute, operator, value: needle }] }] }
      const start = performance.now()
      const cpuStart = process.cpuUsage()
      searchMetaverse(store, query, {
        limit: 100,
        columns: ['displayName', 'accountName'],
        buildIndexes: false,
      })
      cpuTimings.push(cpuMs(cpuStart))
      timings.push(elapsedMs(start))
    }
  }
  return {
    ...percentiles(timings),
    cpu: percentiles(cpuTimings),
    samples: timings.length,
    first: { ms: timings[0] ?? Number.NaN, cpuMs: cpuTimings[0] ?? Number.NaN },
  }
}

/** The worker's background indexer over the join attributes, then accountName and displayName. */
async function measureIndexBuild(snapshot: LoadedSnapshot): Promise<IndexBuildFigures> {
  const store = snapshot.objects
  const attributes = [...joinAttributes(snapshot.configuration.rules), 'accountName', 'displayName'].filter(
    (attribute) => store.mvColumn(attribute)?.indexed === false,
  )
  const values = attributes.reduce((sum, attribute) => sum + (store.mvColumn(attribute)?.length ?? 0), 0)
  const slices: number[] = []
  const sliceCpu: number[] = []
  let sliceStart = performance.now()
  let sliceCpuStart = process.cpuUsage()
  const indexer = new BackgroundIndexer(store, {
    signal: { aborted: false },
    yieldControl: async () => {
      slices.push(elapsedMs(sliceStart))
      sliceCpu.push(cpuMs(sliceCpuStart))
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
      sliceCpuStart = process.cpuUsage()
    },
  })
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  // Asked for in reverse, so that the join attributes come first, as after a load.
  for (const attribute of [...attributes].reverse()) indexer.request([attribute])
  await indexer.idle()
  // The first pause is the indexer letting the request that started it be answered, not a slice.
  slices.shift()
  sliceCpu.shift()
  return {
    attributes,
    values,
    totalMs: elapsedMs(start),
    cpuMs: cpuMs(cpuStart),
    slices: slices.length,
    longestSliceMs: slices.reduce((longest, ms) => Math.max(longest, ms), 0),
    longestSliceCpuMs: sliceCpu.reduce((longest, ms) => Math.max(longest, ms), 0),
  }
}

function measureObjectFlow(snapshot: LoadedSnapshot): Omit<SizeFigures['objectFlow'], 'first' | 'again'> {
  const samples = flowSamples(snapshot)
  const once = (csObject: CsObject): void => explain(snapshot, csObject)
  // One untimed pass over every sample first: the engine's functions are compiled by then, so the timed pass
  // measures the steady state a user meets after the first object, not the JIT's warm-up. A collection
  // afterwards keeps the load's leftover garbage out of the samples, as the app's idle time would.
  const coldTimings: number[] = []
  const coldCpu: number[] = []
  for (const object of samples) {
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    once(object)
    coldCpu.push(cpuMs(cpuStart))
    coldTimings.push(elapsedMs(start))
  }
  collectGarbage()
  const timings: number[] = []
  const cpuTimings: number[] = []
  for (const object of samples) {
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    once(object)
    cpuTimings.push(cpuMs(cpuStart))
    timings.push(elapsedMs(start))
  }
  return {
    ...percentiles(timings),
    cpu: percentiles(cpuTimings),
    samples: timings.length,
    cold: { ...percentiles(coldTimings), cpu: percentiles(coldCpu) },
  }
}

/** Each sample's `why` through the session's queries, asked once untimed and then timed when asked again. */
function measureWhyAgain(snapshot: LoadedSnapshot): Percentiles & { readonly cpu: Percentiles } {
  const context = new SnapshotContext(snapshot)
  const ask = (csId: string): void => {
    QUERY_HANDLERS.objectReport(context, { csId })
    QUERY_HANDLERS.diagnose(context, { csId, attribute: 'displayName' })
  }
  const timings: number[] = []
  const cpuTimings: number[] = []
  for (const object of flowSamples(snapshot)) {
    ask(object.id)
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    ask(object.id)
    cpuTimings.push(cpuMs(cpuStart))
    timings.push(elapsedMs(start))
  }
  return { ...percentiles(timings), cpu: percentiles(cpuTimings) }
}

function measureUnmappedScan(snapshot: LoadedSnapshot): SizeFigures['unmappedScan'] {
  const { ruleIndex } = engineContext(snapshot)
  const store = snapshot.objects
  let found = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  for (let row = 0; row < store.csRowCount; row += 1) {
    const connectorId = store.csConnectorIdAt(row)
    if (connectorId === null) continue
    found += unmappedSourceNamesOf(
      ruleIndex,
      connectorId,
      store.csRows.objectType(row),
      store.csAttributeNamesWithValues(row),
    ).length
  }
  const cpuTotalMs = cpuMs(cpuStart)
  const totalMs = elapsedMs(start)
  const objects = store.csRowCount
  const perObject = (ms: number): number => (objects === 0 ? 0 : (ms * 1000) / objects)
  return {
    objects,
    findings: found,
    totalMs,
    usPerObject: perObject(totalMs),
    cpuUsPerObject: perObject(cpuTotalMs),
  }
}

function measureVerdicts(snapshot: LoadedSnapshot): SizeFigures['verdicts'] {
  const store = snapshot.objects
  const rows: number[] = []
  const step = Math.max(1, Math.floor(store.mvRowCount / VERDICT_SAMPLES))
  for (let row = 0; row < store.mvRowCount && rows.length < VERDICT_SAMPLES; row += step) rows.push(row)
  // A fresh set, as after a load: the warm-up checks other rows than the timed ones.
  const verdicts = new ObjectVerdicts(snapshot)
  for (let row = 1; row < store.mvRowCount && row <= VERDICT_WARM_UP * step; row += step) verdicts.at(row)
  collectGarbage()
  let actionable = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  for (const row of rows) if (verdicts.actionableAt(row)) actionable++
  const cpuTotalMs = cpuMs(cpuStart)
  const totalMs = elapsedMs(start)
  const keptStart = performance.now()
  let kept = 0
  for (let round = 0; round < 100; round++) for (const row of rows) if (verdicts.actionableAt(row)) kept++
  const keptMs = elapsedMs(keptStart)
  const objects = rows.length
  const cpuMsPerObject = objects === 0 ? 0 : cpuTotalMs / objects
  return {
    objects,
    actionable: kept === actionable * 100 ? actionable : -1,
    msPerObject: objects === 0 ? 0 : totalMs / objects,
    cpuMsPerObject,
    wholeSnapshotCpuSeconds: (cpuMsPerObject * store.mvRowCount) / 1000,
    keptUsPerObject: objects === 0 ? 0 : (keptMs * 1000) / (objects * 100),
  }
}

/** Metaverse objects whose computed values are timed: enough for a steady mean on 2 shared cores. */
const COMPUTED_VALUE_SAMPLES = 2_000

/**
 * Metaverse Search on a snapshot without its metaverse export, whose values the first search on a value computes
 * from the rules (`ComputedMvValues`): that search's first answer, then the cost of computing each object's values.
 */
export interface ComputedValuesFigures {
  readonly mvObjects: number
  /** The first search on a value, through the worker's query, until its first (partial) answer. */
  readonly firstAnswer: Timed
  /** Objects whose values that first answer had computed. */
  readonly firstAnswerComputed: number
  /** Objects timed below (after the first answer's, in row order). */
  readonly objects: number
  readonly msPerObject: number
  readonly cpuMsPerObject: number
  /** Every metaverse object at the CPU rate: how long until a value search is complete (seconds). */
  readonly wholeSnapshotCpuSeconds: number
  /** Bytes the computed values hold per object. */
  readonly bytesPerObject: number
}

/** Loads a snapshot folder without a metaverse export and times its computed values. */
export async function measureComputedValues(folder: string): Promise<ComputedValuesFigures> {
  const snapshot = await loadSnapshot(await openDiskSource(folder))
  if (snapshot.objects.metaverseSource !== 'computed')
    throw new Error(`${folder}: the metaverse is not computed`)
  const context = new SnapshotContext(snapshot, Date.now, {
    yieldControl: () => new Promise((resolve) => setImmediate(resolve)),
  })
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  QUERY_HANDLERS.searchMetaverse(context, {
    query: { groups: [{ clauses: [{ attribute: 'displayName', operator: 'starts-with', value: 'Ma' }] }] },
    columns: ['department'],
    offset: 0,
    limit: 200,
  })
  const firstAnswer = { cpuMs: cpuMs(cpuStart), ms: elapsedMs(start) }
  // The background work stops at its next slice; the timed objects are computed here, in one run.
  context.dispose()
  const values = computedMvValues(snapshot)
  const firstAnswerComputed = values.computed
  const until = Math.min(snapshot.objects.mvRowCount, firstAnswerComputed + COMPUTED_VALUE_SAMPLES)
  collectGarbage()
  const timedStart = performance.now()
  const timedCpu = process.cpuUsage()
  values.computeWhile(() => values.computed >= until)
  const cpuTotalMs = cpuMs(timedCpu)
  const totalMs = elapsedMs(timedStart)
  const objects = values.computed - firstAnswerComputed
  const cpuMsPerObject = objects === 0 ? 0 : cpuTotalMs / objects
  return {
    mvObjects: snapshot.objects.mvRowCount,
    firstAnswer,
    firstAnswerComputed,
    objects,
    msPerObject: objects === 0 ? 0 : totalMs / objects,
    cpuMsPerObject,
    wholeSnapshotCpuSeconds: (cpuMsPerObject * snapshot.objects.mvRowCount) / 1000,
    bytesPerObject: values.computed === 0 ? 0 : values.byteSize() / values.computed,
  }
}
