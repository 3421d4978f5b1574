import * as z from 'zod/mini'
import type {
  ConfigurationComparison,
  Impact,
  ImpactEvent,
  ObjectImpact,
  SnapshotFacts,
} from '../compare/compare-model'
import type { ObjectComparison, ObjectComparisonError } from '../compare/object-comparison'
import type { LoadProgress } from '../model/snapshot-summary'
import type { SnapshotSummary } from '../model/snapshot-summary'
import type { SyncRule } from '../model/sync-rule'
import { MAX_PAGE_LIMIT, MAX_ROW_OFFSET, nameSchema } from './view-queries'

// What the Compare view asks of the worker about the snapshot compared with the open one, as schemas the hosts
// check every request against, and the answers' types.

/** Longest DN (or search text) accepted from the page. */
const MAX_DN_LENGTH = 8_192

const IMPACT_EVENTS = [
  'changed',
  'provisioned',
  'deleted',
  'disconnected',
] as const satisfies readonly ImpactEvent[]

/** A page of the objects whose Entra ID state would change, filtered. */
export const impactPageRequest = z.object({
  offset: z.int().check(z.minimum(0), z.maximum(MAX_ROW_OFFSET)),
  limit: z.int().check(z.minimum(0), z.maximum(MAX_PAGE_LIMIT)),
  /** Only objects with this event. */
  event: z.optional(z.enum(IMPACT_EVENTS)),
  /** Only objects where this Entra ID attribute changes (case-insensitive). */
  attribute: z.optional(z.string().check(z.maxLength(MAX_DN_LENGTH))),
  /** Only objects whose DN contains this text (case-insensitive). */
  text: z.optional(z.string().check(z.maxLength(MAX_DN_LENGTH))),
})

/** A page of the impact, filtered. */
export type ImpactPageRequest = z.infer<typeof impactPageRequest>

/** One rule of each snapshot, by id, for the side-by-side rule pages. */
export const rulePairRequest = z.object({ aId: z.optional(nameSchema), bId: z.optional(nameSchema) })

/** One rule of each snapshot, by id. */
export type RulePairRequest = z.infer<typeof rulePairRequest>

/** One object, by the DN of a connector-space object, evaluated in full under both configurations. */
export const compareObjectRequest = z.object({
  dn: z.string().check(z.minLength(1), z.maxLength(MAX_DN_LENGTH)),
  connector: z.optional(nameSchema),
})

/** One object to evaluate under both configurations. */
export type CompareObjectRequest = z.infer<typeof compareObjectRequest>

/** The file formats of the comparison report (as `synclens compare --format`). */
export const COMPARISON_REPORT_FORMATS = ['html', 'json'] as const

/** One of COMPARISON_REPORT_FORMATS. */
export type ComparisonReportFormat = (typeof COMPARISON_REPORT_FORMATS)[number]

/** A comparison report format. */
export const comparisonReportFormat = z.enum(COMPARISON_REPORT_FORMATS)

/** The comparison as a file; with `object`, that object's attributes under both configurations too. */
export const comparisonReportRequest = z.object({
  format: comparisonReportFormat,
  object: z.optional(compareObjectRequest),
})

/** The comparison as a file. */
export type ComparisonReportRequest = z.infer<typeof comparisonReportRequest>

/** An impact without its objects (which the Impact tab pages through). */
export type ImpactSummary = Omit<Impact, 'objects'>

/** The comparison of the open snapshot (A) with the compared one (B): the facts, every difference, the impact. */
export interface ComparisonOverview {
  readonly a: SnapshotFacts
  readonly b: SnapshotFacts
  readonly configuration: ConfigurationComparison
  /** Null until the impact has been computed. */
  readonly impact: ImpactSummary | null
}

/** One page of the impact's objects. */
export interface ImpactPage {
  /** Objects matching the filter. */
  readonly total: number
  readonly offset: number
  readonly rows: readonly ObjectImpact[]
}

/** A rule of each snapshot (either may be absent). */
export interface RulePair {
  readonly a: SyncRule | null
  readonly b: SyncRule | null
}

/** One object under both configurations, or why it cannot be shown. */
export type CompareObjectAnswer =
  | { readonly ok: true; readonly object: ObjectComparison }
  | { readonly ok: false; readonly problem: ObjectComparisonError['problem']; readonly message: string }

/** How computing the impact stands. */
export type ImpactState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly done: number; readonly total: number; readonly elapsedMs: number }
  | { readonly phase: 'done'; readonly summary: ImpactSummary }
  | { readonly phase: 'failed'; readonly message: string }

/** The snapshot compared with the open one. */
export type ComparisonState =
  | { readonly phase: 'none' }
  | { readonly phase: 'loading'; readonly name: string; readonly progress: LoadProgress }
  | { readonly phase: 'ready'; readonly summary: SnapshotSummary; readonly impact: ImpactState }
  | { readonly phase: 'failed'; readonly name: string; readonly message: string }
