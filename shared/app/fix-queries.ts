import * as z from 'zod/mini'
import { DIAGNOSIS_CODES, type DiagnosisCode } from '../model/diagnosis-codes'
import type { DraftProblem } from '../fix/check-draft'
import type { FixDraft } from '../fix/draft'
import type { DraftImpact, ImpactProgress } from '../fix/impact'
import type { DraftPreview } from '../fix/preview'
import {
  type FlowType,
  type LinkType,
  type MergeType,
  type RuleDirection,
  SCOPE_OPERATORS,
  type ScopeOperator,
  type SyncRule,
} from '../model/sync-rule'
import { MAX_NAME_LENGTH, nameSchema } from './view-queries'

// The drafts "Draft a fix" sends to the worker, as schemas: a draft is plain data the window edits, checked here
// (types, counts, lengths) before the worker previews it, counts its impact or writes its script.

/** Longest free text of a draft (an expression, a description, a sentence). */
export const MAX_DRAFT_TEXT = 64 * 1024

/** Most changes in one draft. */
export const MAX_DRAFT_CHANGES = 32

/** Most groups, clauses, conditions or mappings of one rule, and values of one stand-in. */
export const MAX_RULE_PARTS = 1_024

const text = z.string().check(z.maxLength(MAX_DRAFT_TEXT))
const name = z.string().check(z.maxLength(MAX_NAME_LENGTH))
const parts = <T extends z.ZodMiniType>(item: T) =>
  z.readonly(z.array(item).check(z.maxLength(MAX_RULE_PARTS)))

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]])

const DIRECTIONS: readonly RuleDirection[] = ['Inbound', 'Outbound']
const LINK_TYPES: readonly LinkType[] = ['Provision', 'StickyJoin', 'Join', 'JoinNoFlow']
const FLOW_TYPES: readonly FlowType[] = ['Direct', 'Constant', 'Expression']
const MERGE_TYPES: readonly MergeType[] = ['Update', 'Replace', 'Merge', 'MergeCaseInsensitive']

const code = enumOf<DiagnosisCode>(DIAGNOSIS_CODES)

const syncRule = z.object({
  id: nameSchema,
  name: text,
  description: text,
  direction: enumOf(DIRECTIONS),
  precedence: z.int().check(z.minimum(0), z.maximum(0x7fff_ffff)),
  connectorId: name,
  connectorName: z.nullable(name),
  sourceObjectType: name,
  targetObjectType: name,
  linkType: enumOf(LINK_TYPES),
  disabled: z.boolean(),
  immutableTag: name,
  enablePasswordSync: z.boolean(),
  scopeGroups: parts(
    z.object({
      clauses: parts(
        z.object({ attribute: name, operator: enumOf<ScopeOperator>(SCOPE_OPERATORS), value: text }),
      ),
    }),
  ),
  joinGroups: parts(
    z.object({
      conditions: parts(z.object({ csAttribute: name, mvAttribute: name, caseSensitive: z.boolean() })),
    }),
  ),
  flows: parts(
    z.object({
      target: name,
      flowType: enumOf(FLOW_TYPES),
      sources: parts(name),
      expression: z.nullable(text),
      constant: z.nullable(text),
      mergeType: enumOf(MERGE_TYPES),
      applyOnce: z.boolean(),
    }),
  ),
  origin: text,
})

const ruleChange = z.object({
  kind: z.enum(['add-rule', 'clone-rule', 'edit-rule']),
  rule: syncRule,
  original: z.nullable(syncRule),
  fixes: code,
  summary: text,
})

const selectionChange = z.object({
  kind: z.literal('select-attribute'),
  connectorId: nameSchema,
  connectorName: name,
  attribute: nameSchema,
  side: z.enum(['import', 'export']),
  standIn: parts(text),
  fixes: code,
  summary: text,
})

const containerChange = z.object({
  kind: z.literal('include-container'),
  connectorId: nameSchema,
  connectorName: name,
  partition: text,
  edits: parts(
    z.union([
      z.object({ kind: z.enum(['remove-exclusion', 'add-inclusion']), container: text }),
      z.object({ kind: z.literal('select-partition') }),
      z.object({ kind: z.literal('select-object-class'), objectClass: nameSchema }),
    ]),
  ),
  fixes: code,
  summary: text,
})

/** A draft as the window sends it back. */
export const fixDraftSchema = z.object({
  target: z.object({
    csObjectId: nameSchema,
    dn: text,
    connectorId: name,
    connectorName: name,
    attribute: nameSchema,
    targetConnectorId: z.nullable(nameSchema),
  }),
  verdict: code,
  changes: z.readonly(
    z.array(z.union([ruleChange, selectionChange, containerChange])).check(z.maxLength(MAX_DRAFT_CHANGES)),
  ),
  remaining: parts(z.object({ code, message: text, advice: text })),
  notes: parts(text),
})

// The schema produces the fix layer's own types (checked here, at compile time).
true satisfies z.infer<typeof syncRule> extends SyncRule ? true : never
true satisfies z.infer<typeof fixDraftSchema> extends FixDraft ? true : never

/** A preview of a draft: for its own object and attribute, or for another one (what the change does to it). */
export const previewFixRequest = z.object({
  draft: fixDraftSchema,
  csId: z.optional(nameSchema),
  attribute: z.optional(nameSchema),
})

/** A preview of a draft. */
export type PreviewFixRequest = z.infer<typeof previewFixRequest>

/** The next step of an impact count. */
export const fixImpactStepRequest = z.object({
  runId: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  /** Objects to count in this step (the worker caps it). */
  budget: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
})

/** The next step of an impact count. */
export type FixImpactStepRequest = z.infer<typeof fixImpactStepRequest>

/** A preview and what is wrong with the draft. */
export interface FixPreviewAnswer {
  readonly preview: DraftPreview
  readonly problems: readonly DraftProblem[]
}

/** Where an impact count is: its id to continue it, its progress and, once done, the impact. */
export interface FixImpactStep {
  readonly runId: number
  readonly progress: ImpactProgress
  readonly impact: DraftImpact | null
}
