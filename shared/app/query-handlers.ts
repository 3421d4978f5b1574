import { entryBag, mvBag } from '../engine/attribute-bag'
import { diagnoseAttribute } from '../engine/diagnose'
import { engineContext } from '../engine/engine-context'
import { flowDetail } from '../engine/flow-detail'
import { objectReport } from '../engine/object-report'
import { objectVerdicts } from '../engine/object-verdicts'
import { WhyQuestion } from '../engine/question'
import { precedenceTies } from '../engine/precedence-ties'
import { connectorAttributeGaps } from '../engine/unmapped'
import { evaluateScope } from '../engine/scoping'
import type { LoadedSnapshot } from '../load/load-snapshot'
import { summarize } from '../load/summarize'
import { normalizeGuid } from '../model/connector'
import { entryRemoved } from '../model/error-data'
import type { CsObject } from '../model/objects'
import { connectorSpaceResultPage, matchConnectorSpace } from '../search/connector-space-search'
import { BackgroundIndexer, indexableAttributes, joinAttributes } from '../search/background-index'
import { type ComputedMvValues, computedMvValues } from '../search/computed-values'
import { matchMetaverse, metaverseResultPage } from '../search/metaverse-search'
import type { MvColumns } from '../search/mv-columns'
import {
  continueFixImpactHandler,
  fixScriptHandler,
  previewFixHandler,
  proposeFixHandler,
  startFixImpactHandler,
} from './fix-handlers'
import { COMPARISON_HANDLERS } from './comparison-handlers'
import type { ComparisonSlot } from './comparison-slot'
import { DEFAULT_CS_COLUMNS } from '../search/result-rows'
import type { QueryArgs, QueryName, QueryResult } from './query-table'
import { buildReportFile } from './report-file'
import { filterRules } from './rule-filter'
import { MAX_PAGE_LIMIT, type MetaverseSearchPage, type SearchPage } from './view-queries'

/** How a host lets long work run between its messages. */
export interface BackgroundOptions {
  /** Awaited between slices of background work, so the host answers messages meanwhile. */
  readonly yieldControl: () => Promise<void>
  /** How long a slice of background work runs before it yields (milliseconds; the default suits a worker). */
  readonly sliceMs?: number
  /** Called when the background read of a reopen cache entry met damage and removed the entry (`entryRemoved`). */
  readonly onEntryRemoved?: (error: Error) => void
}

/** What the handlers answer from: one loaded snapshot and what is kept between its queries. */
export class SnapshotContext {
  private readonly searches = new Map<number, Uint32Array>()
  private readonly answers = new Map<string, unknown>()
  private readonly questions = new Map<string, WhyQuestion>()
  private readonly stop = { aborted: false }
  private checking: Promise<void> | null = null
  /** Builds search indexes between the host's messages; null where the host cannot yield. */
  public readonly indexer: BackgroundIndexer | null
  /** The snapshot compared with this one (Compare with…), loaded beside it in the same worker. */
  public comparison: ComparisonSlot | null = null

  public constructor(
    public readonly snapshot: LoadedSnapshot,
    public readonly clock: () => number = Date.now,
    private readonly background: BackgroundOptions | null = null,
  ) {
    this.indexer =
      background === null
        ? null
        : new BackgroundIndexer(snapshot.objects, {
            yieldControl: background.yieldControl,
            signal: this.stop,
          })
    // Joins look these up in every object's explanation: indexed first, so a first `why` finds them built.
    this.indexer?.request(joinAttributes(snapshot.configuration.rules))
    if (background !== null) void this.readDeferredInBackground(background)
  }

  /**
   * Reads what a store reopened from its cache left in the cache entry (`ObjectStore.readDeferred`), in slices
   * between the host's messages, so that the entry is closed within seconds and no later query waits on it.
   */
  private async readDeferredInBackground(background: BackgroundOptions): Promise<void> {
    const store = this.snapshot.objects
    if (store.deferredBytes === 0) return
    const sliceMs = background.sliceMs ?? DEFERRED_SLICE_MS
    try {
      for (;;) {
        await background.yieldControl()
        if (this.stop.aborted) return
        const deadline = this.clock() + sliceMs
        if (store.readDeferred(() => this.clock() >= deadline)) return
      }
    } catch (error) {
      // The entry could not be read: a query that needs what was left in it reports that itself. Where the entry
      // was removed, the host hears of it now, to open the snapshot again before a view needs what was damaged.
      if (!this.stop.aborted && entryRemoved(error)) background.onEntryRemoved?.(error as Error)
    }
  }

  /**
   * Starts checking every metaverse object's verdict in the background, once, where the host can yield;
   * without a host that can, objects are checked when a query needs them.
   */
  public checkVerdictsInBackground(): void {
    if (this.checking !== null || this.background === null) return
    this.checking = objectVerdicts(this.snapshot)
      .checkAll({
        signal: this.stop,
        yieldControl: this.background.yieldControl,
        ...(this.background.sliceMs === undefined ? {} : { sliceMs: this.background.sliceMs }),
      })
      // A failure stops the background check (a search then checks, and reports, the object itself); an unhandled
      // rejection would end the worker.
      .catch(() => undefined)
  }

  /**
   * Starts computing every metaverse object's values in the background, once, where the host can yield (a snapshot
   * without a metaverse export; `ComputedMvValues`). Without a host that can, a search computes them all at once.
   */
  public computeValuesInBackground(): void {
    if (this.background === null) return
    computedMvValues(this.snapshot)
      .computeAll({
        signal: this.stop,
        yieldControl: this.background.yieldControl,
        clock: this.clock,
        ...(this.background.sliceMs === undefined ? {} : { sliceMs: this.background.sliceMs }),
      })
      // Each object's failure is caught where it is computed; anything else must not end the worker either.
      .catch(() => undefined)
  }

  /** Whether background work may run (a host that yields between messages). */
  public get canYield(): boolean {
    return this.background !== null
  }

  /** Stops background work: the session has moved on to another snapshot, and this one's files are let go. */
  public dispose(): void {
    this.stop.aborted = true
    this.snapshot.objects.closeDeferred()
  }

  /**
   * The answer kept for a question asked before (one object's report, one attribute's diagnosis), or `compute`'s
   * answer, kept: the loaded snapshot never changes, and the views ask the same object again as a user moves
   * between its tabs and attributes. The most recent answers are kept; the oldest go first.
   */
  public remember<T>(key: string, compute: () => T): T {
    return keptOrMade(this.answers, key, KEPT_ANSWERS, compute) as T
  }

  /**
   * The question about one metaverse object and its connected objects (or one unlinked connector-space object),
   * shared by its report and the diagnoses of its attributes: a user opens an object, then asks why about its
   * attributes, and each answer would otherwise compute the same flows again. The most recent few are kept.
   */
  public question(key: string): WhyQuestion {
    return keptOrMade(this.questions, key, KEPT_QUESTIONS, () => {
      const { ruleIndex, mvLookup } = engineContext(this.snapshot)
      return new WhyQuestion({ ruleIndex, index: this.snapshot.objects, mvLookup })
    })
  }

  /** Matches of an earlier search, when still kept. */
  public keptSearch(id: number | undefined): Uint32Array | undefined {
    return id === undefined ? undefined : this.searches.get(id)
  }

  /** Keeps a search's matches for paging; the oldest go first. Returns the id to page with. */
  public keepSearch(matches: Uint32Array): number {
    const id = nextSearchId++
    this.searches.set(id, matches)
    for (const old of this.searches.keys()) {
      if (this.searches.size <= KEPT_SEARCHES) break
      this.searches.delete(old)
    }
    return id
  }
}

/** Results kept for paging; older searches are searched again when asked for. */
const KEPT_SEARCHES = 8
/** How long one slice of reading what a reopened store left in its entry lasts before the host's messages (ms). */
const DEFERRED_SLICE_MS = 8

/** Explanations kept per snapshot (an object's report is tens of kilobytes at most). */
const KEPT_ANSWERS = 64

/** Questions kept per snapshot: each holds one object's flows and the objects they read, for its next answers. */
const KEPT_QUESTIONS = 4

/**
 * The value kept under `key`, or `make`'s, kept: the most recently asked stay, and the oldest go first once more
 * than `limit` are kept.
 */
function keptOrMade<T>(kept: Map<string, T>, key: string, limit: number, make: () => T): T {
  if (kept.has(key)) {
    const value = kept.get(key) as T
    // Moved to the end: the most recently asked stay longest.
    kept.delete(key)
    kept.set(key, value)
    return value
  }
  const value = make()
  kept.set(key, value)
  for (const old of kept.keys()) {
    if (kept.size <= limit) break
    kept.delete(old)
  }
  return value
}

/** Search ids are unique for the life of the worker, so an id kept from before a reload never pages new matches. */
let nextSearchId = 1

/** One handler per query of the table, each answering from a loaded snapshot. */
export type QueryHandlers = {
  readonly [N in QueryName]: (context: SnapshotContext, ...args: QueryArgs<N>) => QueryResult<N>
}

/** How every query of the table is answered. */
export const QUERY_HANDLERS: QueryHandlers = {
  summary: ({ snapshot }) => summarize(snapshot),

  rules: ({ snapshot }, filter) => filterRules(snapshot.configuration.rules, filter),

  rule: ({ snapshot }, id) => snapshot.configuration.rules.find((rule) => rule.id === id) ?? null,

  searchMetaverse(context, request) {
    const store = context.snapshot.objects
    // An outbound rule's scope reads the metaverse object's values, as the clauses do.
    const outboundScope =
      request.inScopeOfRule !== undefined &&
      engineContext(context.snapshot).ruleIndex.rule(request.inScopeOfRule)?.direction === 'Outbound'
    const readsValues = outboundScope || request.query.groups.some((group) => group.clauses.length > 0)
    const values = metaverseValues(context, readsValues)
    const source: MvColumns = values?.columns ?? store
    const filter = request.unmappedOnly === true ? unmappedFilter(context) : null
    const scope = request.inScopeOfRule === undefined ? null : inScopeOfRule(context, request.inScopeOfRule)
    // The rule's scope first: it is cheap, and the unmapped check then spends its time budget on fewer objects.
    const keep =
      filter !== null && scope !== null
        ? (mvId: string) => scope(mvId) && filter.keep(mvId)
        : (filter?.keep ?? scope)
    // An attribute without its sorted index is scanned (tens of milliseconds at 300k objects, where building the
    // index would take hundreds) and indexed afterwards between messages, for the searches that follow.
    // Computed values are not indexed: they grow while the search runs, and scanning them is fast enough.
    const buildIndexes = context.indexer === null && values === null
    const page = pagedSearch(
      context,
      request,
      () =>
        matchMetaverse(source, request.query, {
          buildIndexes,
          ...(keep ? { extraFilter: keep } : {}),
          // Rows whose values are not computed yet would match Is not present and nothing else: left out until
          // they are.
          ...(values?.pending === true ? { firstRows: values.columns.computed } : {}),
        }),
      (matches, rows) => metaverseResultPage(source, matches, rows),
    )
    if (values === null) context.indexer?.request(indexableAttributes(request.query))
    const checking = values?.pending
      ? { checked: values.columns.computed, total: values.columns.mvRowCount, of: 'values' as const }
      : filter?.checking()
    const uncomputed = values === null ? null : uncomputedValues(values.columns)
    return { ...page, ...(checking ? { checking } : {}), ...(uncomputed === null ? {} : { uncomputed }) }
  },

  searchConnectorSpace(context, request) {
    const store = context.snapshot.objects
    return pagedSearch(
      context,
      request,
      () => matchConnectorSpace(store, request.connectorId, request.query),
      (matches, page) => connectorSpaceResultPage(store, matches, page),
    )
  },

  objectReport: (context, target) =>
    context.remember(`objectReport ${JSON.stringify(target)}`, () => reportOf(context, target)),

  csObject: ({ snapshot }, id) => snapshot.objects.csObject(normalizeGuid(id)),

  diagnose: (context, request) =>
    context.remember(`diagnose ${JSON.stringify(request)}`, () => diagnosisOf(context, request)),

  flowDetail({ snapshot }, request) {
    const { ruleIndex } = engineContext(snapshot)
    const rule = ruleIndex.rule(request.ruleId)
    if (!rule) return null
    const index = snapshot.objects
    return flowDetail({
      rule,
      target: request.target,
      connectors: snapshot.configuration.connectors,
      index,
      ruleIndex,
      csObject: request.csId === undefined ? null : index.csObject(normalizeGuid(request.csId)),
      mvObject: request.mvId === undefined ? null : index.mvObject(normalizeGuid(request.mvId)),
    })
  },

  metaverseAttributes({ snapshot }) {
    const names = new Map<string, string>()
    for (const attribute of snapshot.configuration.metaverse?.schema.attributes ?? []) {
      names.set(attribute.name.toLowerCase(), attribute.name)
    }
    for (const rule of snapshot.configuration.rules) {
      if (rule.direction !== 'Inbound') continue
      for (const flow of rule.flows)
        if (!names.has(flow.target.toLowerCase())) names.set(flow.target.toLowerCase(), flow.target)
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
  },

  connectorFindings({ snapshot }) {
    const { ruleIndex } = engineContext(snapshot)
    return snapshot.configuration.connectors.flatMap((connector) =>
      connectorAttributeGaps(ruleIndex, connector.id),
    )
  },

  ruleWarnings: ({ snapshot }) => precedenceTies(engineContext(snapshot).ruleIndex),

  connectorSpaceAttributes({ snapshot }, connectorId) {
    const id = normalizeGuid(connectorId)
    const names = new Map<string, string>()
    let configured = false
    const add = (name: string): void => {
      if (name !== '' && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name)
    }
    for (const connector of snapshot.configuration.connectors) {
      if (connector.id !== id) continue
      configured = true
      connector.selectedAttributes.forEach(add)
      for (const attribute of connector.schema.attributes) add(attribute.name)
    }
    for (const rule of snapshot.configuration.rules) {
      if (rule.connectorId !== id) continue
      for (const flow of rule.flows) {
        if (rule.direction === 'Inbound') flow.sources.forEach(add)
        else add(flow.target)
      }
    }
    // Without its configuration (a lone csexport) the usual names are still worth offering.
    if (!configured) for (const name of DEFAULT_CS_COLUMNS) add(name)
    return [...names.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
  },

  report: ({ snapshot, clock }, request) => buildReportFile(snapshot, request, () => new Date(clock())),

  proposeFix: proposeFixHandler,
  previewFix: previewFixHandler,
  startFixImpact: startFixImpactHandler,
  continueFixImpact: continueFixImpactHandler,
  fixScript: fixScriptHandler,
  ...COMPARISON_HANDLERS,
}

/** A search that keeps its matches for paging: a request with a kept `searchId` pages without searching again. */
function pagedSearch<Row>(
  context: SnapshotContext,
  request: {
    readonly offset: number
    readonly limit: number
    readonly columns: readonly string[]
    readonly searchId?: number
  },
  match: () => Uint32Array,
  page: (
    matches: Uint32Array,
    options: { offset: number; limit: number; columns: readonly string[] },
  ) => {
    readonly total: number
    readonly page: readonly Row[]
  },
): SearchPage<Row> {
  const started = context.clock()
  const kept = context.keptSearch(request.searchId)
  const matches = kept ?? match()
  const searchId = kept ? (request.searchId ?? 0) : context.keepSearch(matches)
  const rows = page(matches, {
    offset: Math.max(0, Math.floor(request.offset)),
    limit: Math.min(MAX_PAGE_LIMIT, Math.max(0, Math.floor(request.limit))),
    columns: request.columns,
  })
  return {
    searchId,
    total: rows.total,
    offset: request.offset,
    rows: rows.page,
    elapsedMs: kept ? 0 : context.clock() - started,
  }
}

/** Time one search may spend checking objects' flows before it answers with what it has (milliseconds). */
const CHECK_BUDGET_MS = 250

/**
 * Time the first search on a computed metaverse's values may spend computing them before it answers with what it has
 * (milliseconds). The first objects cost the most (the engine's first calls), so with the search itself the first
 * answer comes in about 65 ms at 10k (`npm run bench`), within the 100 ms a first search is given.
 */
const VALUES_BUDGET_MS = 60

/** The objects whose values the engine failed to compute, as a search page tells them; null when none failed. */
function uncomputedValues(values: ComputedMvValues): NonNullable<MetaverseSearchPage['uncomputed']> | null {
  const firstMvId = values.firstFailedId
  return firstMvId === null ? null : { count: values.failed, firstMvId }
}

/**
 * The computed values a Metaverse Search reads on a snapshot without a metaverse export, or null on one with it.
 * The first search computes them for at most VALUES_BUDGET_MS and starts computing the rest in the background (a host
 * that cannot yield computes them all at once). `pending` is true while the search reads values (its clauses, an
 * outbound rule's scope) that are not all computed yet: it then answers from the computed rows. The grid's columns
 * and display names show what is computed so far.
 */
function metaverseValues(
  context: SnapshotContext,
  readsValues: boolean,
): { readonly columns: ComputedMvValues; readonly pending: boolean } | null {
  const { snapshot } = context
  if (snapshot.objects.metaverseSource !== 'computed') return null
  const values = computedMvValues(snapshot)
  if (!values.complete) {
    if (!context.canYield) values.computeWhile(() => false)
    else if (values.computed === 0) {
      const deadline = context.clock() + VALUES_BUDGET_MS
      values.computeWhile(() => context.clock() > deadline)
    }
    context.computeValuesInBackground()
  }
  return { columns: values, pending: readsValues && !values.complete }
}

/**
 * "In the scope of this rule": an outbound rule's scoping filter on the metaverse object; an inbound rule's on a
 * linked connector-space object of its connector and object type (the metaverse holds what the rule reads only
 * after it flowed). A rule the snapshot does not have keeps nothing.
 */
function inScopeOfRule({ snapshot }: SnapshotContext, ruleId: string): (mvId: string) => boolean {
  const { ruleIndex } = engineContext(snapshot)
  const rule = ruleIndex.rule(ruleId)
  if (!rule) return () => false
  const index = snapshot.objects
  if (rule.direction === 'Outbound') {
    // A computed metaverse's objects hold no values: the scope reads the values computed from the rules.
    const computed = index.metaverseSource === 'computed' ? computedMvValues(snapshot) : null
    return (mvId) => {
      const mvObject = computed === null ? index.mvObject(mvId) : computed.mvObjectOf(mvId)
      return mvObject !== null && evaluateScope(rule.scopeGroups, mvBag(mvObject)).inScope
    }
  }
  const objectType = rule.sourceObjectType.toLowerCase()
  return (mvId) =>
    index
      .connectedCsObjects(mvId)
      .some(
        (csObject) =>
          (ruleIndex.connectorOf(csObject)?.id ?? csObject.connectorId) === rule.connectorId &&
          (objectType === '' || objectType === '*' || csObject.objectType.toLowerCase() === objectType) &&
          evaluateScope(rule.scopeGroups, entryBag(csObject.synchronized, csObject.dn)).inScope,
      )
}

/**
 * "Has unmapped attributes": the object has a blocking or unmapped finding, by the same list and the same
 * classification as the object views and the report (by-design findings do not count). An object's verdict
 * needs its flows and is kept for the session. A search checks the objects its query matched for at most
 * CHECK_BUDGET_MS, then answers with the matches among the checked ones and says how far it got; the first
 * such search starts checking the rest in the background, and each later search finds more of them done.
 */
function unmappedFilter(context: SnapshotContext): {
  readonly keep: (mvId: string) => boolean
  readonly checking: () => { readonly checked: number; readonly total: number } | undefined
} {
  const verdicts = objectVerdicts(context.snapshot)
  const store = context.snapshot.objects
  const deadline = context.clock() + CHECK_BUDGET_MS
  let candidates = 0
  let unchecked = 0
  return {
    keep: (mvId) => {
      const row = store.mvRowOf(mvId)
      candidates++
      if (!verdicts.isChecked(row) && (unchecked > 0 || context.clock() > deadline)) {
        unchecked++
        return false
      }
      return verdicts.actionableAt(row)
    },
    checking: () => {
      if (unchecked === 0) return undefined
      context.checkVerdictsInBackground()
      return { checked: candidates - unchecked, total: candidates }
    },
  }
}

/**
 * The question a connector-space object belongs to, and the object read through it: the question of its metaverse
 * object when it is linked (so a metaverse object's report and its connected objects' diagnoses share it), its own
 * otherwise. A linked object is taken from its metaverse object's connected objects (the same row, found by
 * position): the flows of the other connected objects read that instance, so its rules are evaluated once.
 */
function csQuestion(
  context: SnapshotContext,
  csId: string,
): { readonly question: WhyQuestion; readonly csObject: CsObject } | null {
  const store = context.snapshot.objects
  const row = store.csRowOf(csId)
  if (row < 0) return null
  const stored = store.csObjectAt(row)
  const mvId = stored.mvLink?.mvObjectId
  if (mvId === undefined) {
    const question = context.question(`cs ${csId}`)
    return { question, csObject: question.index.csObject(csId) ?? stored }
  }
  const question = context.question(`mv ${mvId}`)
  // csRowsLinkedTo lists the rows connectedCsObjects builds, in the same order.
  const position = store.csRowsLinkedTo(mvId).indexOf(row)
  const linked = position < 0 ? undefined : question.index.connectedCsObjects(mvId)[position]
  return { question, csObject: linked?.id === stored.id ? linked : stored }
}

function reportOf(
  context: SnapshotContext,
  target: QueryArgs<'objectReport'>[0],
): QueryResult<'objectReport'> {
  const { ruleIndex, mvLookup } = engineContext(context.snapshot)
  const index = context.snapshot.objects
  if ('csId' in target && target.csId !== undefined) {
    const found = csQuestion(context, normalizeGuid(target.csId))
    if (!found) return null
    const { question, csObject } = found
    return objectReport({ ruleIndex, index, mvLookup, object: { csObject }, question })
  }
  if (!('mvId' in target) || target.mvId === undefined) return null
  const mvId = normalizeGuid(target.mvId)
  const question = context.question(`mv ${mvId}`)
  return question.index.mvObject(mvId)
    ? objectReport({ ruleIndex, index, mvLookup, object: { mvObjectId: mvId }, question })
    : null
}

function diagnosisOf(context: SnapshotContext, request: QueryArgs<'diagnose'>[0]): QueryResult<'diagnose'> {
  const found = csQuestion(context, normalizeGuid(request.csId))
  if (!found) return null
  const { question, csObject } = found
  const { ruleIndex, mvLookup } = engineContext(context.snapshot)
  const { rules, connectors } = context.snapshot.configuration
  return diagnoseAttribute({
    rules,
    connectors,
    index: context.snapshot.objects,
    csObject,
    attribute: request.attribute,
    targetConnectorId: request.targetConnectorId,
    ruleIndex,
    mvLookup,
    question,
  })
}
