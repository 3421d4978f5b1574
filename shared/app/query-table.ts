import * as z from 'zod/mini'
import type { Diagnosis } from '../engine/diagnose'
import type { FlowDetail } from '../engine/flow-detail'
import type { ObjectReport } from '../engine/object-report'
import type { PrecedenceTie } from '../engine/precedence-ties'
import type { UnmappedAttribute } from '../engine/unmapped'
import type { CsObject } from '../model/objects'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { FixDraft } from '../fix/draft'
import type { SyncRule } from '../model/sync-rule'
import {
  type FixImpactStep,
  type FixPreviewAnswer,
  fixDraftSchema,
  fixImpactStepRequest,
  previewFixRequest,
} from './fix-queries'
import {
  type CompareObjectAnswer,
  compareObjectRequest,
  type ComparisonOverview,
  comparisonReportRequest,
  type ImpactPage,
  impactPageRequest,
  type RulePair,
  rulePairRequest,
} from './comparison-queries'
import {
  type ConnectorSpaceSearchPage,
  connectorSpaceSearchRequest,
  diagnoseRequest,
  flowDetailRequest,
  type MetaverseSearchPage,
  metaverseSearchRequest,
  nameSchema,
  objectTarget,
  type ReportAnswer,
  reportRequest,
  ruleFilter,
  type SearchPage,
} from './view-queries'

// The one declared surface of questions a loaded snapshot answers. The worker's dispatch, the IPC
// channels and their payload checks, the preload's methods, the Electron host's forwarding and the
// browser host are all generated from this table: a new query is an entry here and its handler in
// query-handlers.ts.

/** One query: the schema of its arguments (a tuple) and the answer it gives when no snapshot is open. */
export interface QuerySpec<Args extends z.ZodMiniTuple, Result> {
  readonly args: Args
  readonly empty: Result
}

/** Declares a query answering `Result`; the argument types come from the schema. */
function query<Result>(): <Args extends z.ZodMiniTuple>(
  args: Args,
  empty: Result,
) => QuerySpec<Args, Result> {
  return (args, empty) => Object.freeze({ args, empty: deepFreeze(empty) })
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

const NO_SNAPSHOT_REPORT = 'No snapshot is open; open one before exporting a report.'
const NO_SNAPSHOT_SCRIPT = 'No snapshot is open; open one before saving a script.'
const NO_COMPARISON = 'No snapshot is being compared with this one; use Compare with… first.'

const EMPTY_PAGE: SearchPage<never> = { searchId: 0, total: 0, offset: 0, rows: [], elapsedMs: 0 }

/** Every query a loaded snapshot answers, by name. */
export const QUERY_TABLE = {
  /** What the snapshot holds, in counts. */
  summary: query<SnapshotSummary | null>()(z.tuple([]), null),
  /** Rules matching the filter, ordered by direction then precedence. */
  rules: query<readonly SyncRule[]>()(z.tuple([ruleFilter]), []),
  /** One rule by id. */
  rule: query<SyncRule | null>()(z.tuple([nameSchema]), null),
  /** Metaverse Search, one page. */
  searchMetaverse: query<MetaverseSearchPage>()(z.tuple([metaverseSearchRequest]), EMPTY_PAGE),
  /** Search Connector Space, one page. */
  searchConnectorSpace: query<ConnectorSpaceSearchPage>()(z.tuple([connectorSpaceSearchRequest]), EMPTY_PAGE),
  /** The metaverse object, Connectors tab, import and export flow and unmapped attributes. */
  objectReport: query<ObjectReport | null>()(z.tuple([objectTarget]), null),
  /** A connector-space object with every part the export holds (pending import/export, errors). */
  csObject: query<CsObject | null>()(z.tuple([nameSchema]), null),
  /** Why one attribute of one connector-space object does or does not reach its target. */
  diagnose: query<Diagnosis | null>()(z.tuple([diagnoseRequest]), null),
  /** One rule evaluated for one object: scope results and the expression trace. */
  flowDetail: query<FlowDetail | null>()(z.tuple([flowDetailRequest]), null),
  /** Metaverse attribute names for the attribute picker (schema and rules), sorted. */
  metaverseAttributes: query<readonly string[]>()(z.tuple([]), []),
  /**
   * Findings about connectors' attribute lists, once per connector: attributes rules use that the connector
   * does not select, and attributes it selects that no rule of it uses.
   */
  connectorFindings: query<readonly UnmappedAttribute[]>()(z.tuple([]), []),
  /** Enabled rules of equal precedence that write the same attribute: precedence cannot decide between them. */
  ruleWarnings: query<readonly PrecedenceTie[]>()(z.tuple([]), []),
  /** Attribute names of one connector space for its Column Settings (selected, then schema and rules), sorted. */
  connectorSpaceAttributes: query<readonly string[]>()(z.tuple([nameSchema]), []),
  /** The unmapped-attribute report rendered as a file (as `synclens report` writes it). */
  report: query<ReportAnswer>()(z.tuple([reportRequest]), { error: NO_SNAPSHOT_REPORT }),
  /** "Draft a fix": the rule and connector changes that make one attribute of one object flow. */
  proposeFix: query<FixDraft | null>()(z.tuple([diagnoseRequest]), null),
  /** A draft's object before and after the next synchronization, and what is wrong with the draft. */
  previewFix: query<FixPreviewAnswer | null>()(z.tuple([previewFixRequest]), null),
  /** Starts counting a draft's impact on the whole snapshot: the run and its total, nothing counted yet. */
  startFixImpact: query<FixImpactStep | null>()(z.tuple([fixDraftSchema]), null),
  /** Counts the next step of an impact count; null when the run is gone. */
  continueFixImpact: query<FixImpactStep | null>()(z.tuple([fixImpactStepRequest]), null),
  /** A draft as a Synchronization Rules Editor script file. */
  fixScript: query<ReportAnswer>()(z.tuple([fixDraftSchema]), { error: NO_SNAPSHOT_SCRIPT }),
  /** The comparison with the compared snapshot: facts, every difference, the impact's counts. */
  comparison: query<ComparisonOverview | null>()(z.tuple([]), null),
  /** A page of the objects whose Entra ID state would change, filtered. */
  comparisonImpact: query<ImpactPage>()(z.tuple([impactPageRequest]), { total: 0, offset: 0, rows: [] }),
  /** A rule of each snapshot by id, for the side-by-side rule pages. */
  comparisonRulePair: query<RulePair>()(z.tuple([rulePairRequest]), { a: null, b: null }),
  /** One object's Entra ID attributes under both configurations. */
  comparisonObject: query<CompareObjectAnswer | null>()(z.tuple([compareObjectRequest]), null),
  /** The comparison rendered as a file (as `synclens compare --format` writes it). */
  comparisonReport: query<ReportAnswer>()(z.tuple([comparisonReportRequest]), { error: NO_COMPARISON }),
} as const

/** The table's type. */
export type QueryTable = typeof QUERY_TABLE

/** The name of a query. */
export type QueryName = keyof QueryTable

/** The arguments a query takes. */
export type QueryArgs<N extends QueryName> = z.infer<QueryTable[N]['args']>

/** What a query answers. */
export type QueryResult<N extends QueryName> = QueryTable[N]['empty']

/** Every query name, sorted. */
export const QUERY_NAMES: readonly QueryName[] = (Object.keys(QUERY_TABLE) as QueryName[]).sort()

/** True for the name of a query of the table (own names only: `toString` is not a query). */
export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(QUERY_TABLE, name)
}

/** The queries answered in the same thread (the session). */
export type SyncQueries = { readonly [N in QueryName]: (...args: QueryArgs<N>) => QueryResult<N> }

/** The queries answered across a thread or process boundary (the hosts). */
export type AsyncQueries = { readonly [N in QueryName]: (...args: QueryArgs<N>) => Promise<QueryResult<N>> }

/** One method per query, each handing its name and arguments to `answer` (answered in this thread). */
export function syncQueryMethods(
  answer: <N extends QueryName>(name: N, args: QueryArgs<N>) => QueryResult<N>,
): SyncQueries {
  return methodsOf(answer as (name: QueryName, args: readonly unknown[]) => unknown) as SyncQueries
}

/** One method per query, each handing its name and arguments to `answer` (answered elsewhere). */
export function asyncQueryMethods(
  answer: <N extends QueryName>(name: N, args: QueryArgs<N>) => Promise<QueryResult<N>>,
): AsyncQueries {
  return methodsOf(answer as (name: QueryName, args: readonly unknown[]) => unknown) as AsyncQueries
}

function methodsOf(
  answer: (name: QueryName, args: readonly unknown[]) => unknown,
): Record<QueryName, unknown> {
  return Object.fromEntries(
    QUERY_NAMES.map((name) => [name, (...args: readonly unknown[]) => answer(name, args)]),
  ) as Record<QueryName, unknown>
}

/**
 * The arguments of a query checked against its schema, rebuilt from known fields only; null when they do
 * not fit (wrong count, type, length, or an unknown name).
 */
export function parseQueryArgs<N extends QueryName>(name: N, raw: readonly unknown[]): QueryArgs<N> | null {
  if (!isQueryName(name)) return null
  const plain = ownData(raw, 0)
  if (plain === INVALID) return null
  const parsed = z.safeParse(QUERY_TABLE[name].args, plain)
  return parsed.success ? (parsed.data as QueryArgs<N>) : null
}

const INVALID = Symbol('invalid')
const MAX_DEPTH = 32

/**
 * A copy of a payload made of own data only: plain objects and arrays (inherited fields, accessors and other
 * prototypes refused), so what the schema reads is what the page sent and nothing a prototype lends it.
 */
function ownData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (depth > MAX_DEPTH) return INVALID
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    for (const item of value) {
      const child = ownData(item, depth + 1)
      if (child === INVALID) return INVALID
      copy.push(child)
    }
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return INVALID
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (descriptor === undefined || !('value' in descriptor)) return INVALID
    const child = ownData(descriptor.value, depth + 1)
    if (child === INVALID) return INVALID
    Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true })
  }
  return copy
}
