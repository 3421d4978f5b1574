/**
 * How the queries of "Draft a fix" are answered (their table entries are in query-table.ts): a proposal, a
 * preview of the edited draft, the impact count in steps, and the Rules Editor script.
 */
import { normalizeGuid } from '../model/connector'
import { checkDraft } from '../fix/check-draft'
import { type FixDraft, reconcileDraft } from '../fix/draft'
import { draftScriptFile, draftScriptFileName } from '../fix/draft-script'
import { ImpactCounter } from '../fix/impact'
import { draftQuestion, fixSnapshot, previewDraft } from '../fix/preview'
import { proposeFix } from '../fix/propose'
import type { FixImpactStep, FixImpactStepRequest, FixPreviewAnswer, PreviewFixRequest } from './fix-queries'
import type { LoadedSnapshot } from '../load/load-snapshot'
import type { DiagnoseRequest, ReportAnswer } from './view-queries'

/** What the fix handlers answer from: the loaded snapshot and the session's clock (the query handlers' context). */
export interface FixContext {
  readonly snapshot: LoadedSnapshot
  readonly clock: () => number
}

/** Objects counted per step when the window does not say: about a quarter of a second of work. */
const DEFAULT_STEP = 500

/** Impact counts kept per snapshot; starting another drops the oldest. */
const KEPT_RUNS = 4

/** Run ids are unique for the life of the worker, so a run of an earlier snapshot is never continued. */
let nextRunId = 1

const runs = new WeakMap<FixContext, Map<number, ImpactCounter>>()

function runsOf(context: FixContext): Map<number, ImpactCounter> {
  let kept = runs.get(context)
  if (!kept) {
    kept = new Map()
    runs.set(context, kept)
  }
  return kept
}

function stepOf(runId: number, counter: ImpactCounter, budget: number | undefined): FixImpactStep {
  const done = counter.step(budget ?? DEFAULT_STEP)
  return { runId, progress: counter.progress(), impact: done ? counter.result() : null }
}

/** "Draft a fix" for one attribute of one connector-space object. */
export function proposeFixHandler({ snapshot }: FixContext, request: DiagnoseRequest): FixDraft | null {
  const csObject = snapshot.objects.csObject(normalizeGuid(request.csId))
  if (!csObject) return null
  return proposeFix(fixSnapshot(snapshot), {
    csObject,
    attribute: request.attribute,
    ...(request.targetConnectorId === undefined ? {} : { targetConnectorId: request.targetConnectorId }),
  })
}

/** The draft's object (or the asked one) before and after, and what is wrong with the draft. */
export function previewFixHandler(
  { snapshot }: FixContext,
  request: PreviewFixRequest,
): FixPreviewAnswer | null {
  const draft = reconcileDraft(snapshot.configuration, request.draft)
  const csObject = snapshot.objects.csObject(normalizeGuid(request.csId ?? draft.target.csObjectId))
  if (!csObject) return null
  const question =
    request.attribute === undefined
      ? draftQuestion(draft)
      : { attribute: request.attribute, targetConnectorId: draft.target.targetConnectorId }
  return {
    preview: previewDraft(fixSnapshot(snapshot), draft, csObject, question),
    problems: checkDraft(snapshot.configuration, draft),
  }
}

/** Starts counting the draft's impact on the whole snapshot: the run to continue, with its total; nothing counted yet. */
export function startFixImpactHandler(context: FixContext, draft: FixDraft): FixImpactStep {
  const { snapshot } = context
  const { mvLookup } = fixSnapshot(snapshot)
  const counter = new ImpactCounter(
    {
      configuration: snapshot.configuration,
      store: snapshot.objects,
      ...(mvLookup ? { mvLookup } : {}),
      clock: context.clock,
    },
    reconcileDraft(snapshot.configuration, draft),
  )
  const kept = runsOf(context)
  const runId = nextRunId++
  if (counter.total > 0) kept.set(runId, counter)
  for (const old of kept.keys()) {
    if (kept.size <= KEPT_RUNS) break
    kept.delete(old)
  }
  return {
    runId,
    progress: counter.progress(),
    impact: counter.total === 0 ? counter.result() : null,
  }
}

/** Counts the next step of an impact count; null when the run is unknown (finished, dropped, another snapshot). */
export function continueFixImpactHandler(
  context: FixContext,
  request: FixImpactStepRequest,
): FixImpactStep | null {
  const kept = runsOf(context)
  const counter = kept.get(request.runId)
  if (!counter) return null
  const step = stepOf(request.runId, counter, request.budget)
  if (step.impact !== null) kept.delete(request.runId)
  return step
}

/** The draft as a Rules Editor script file; an error when the draft has errors or changes nothing. */
export function fixScriptHandler(context: FixContext, request: FixDraft): ReportAnswer {
  const { snapshot } = context
  const draft = reconcileDraft(snapshot.configuration, request)
  if (draft.changes.length === 0)
    return { error: 'The draft changes nothing, so there is no script to save.' }
  const errors = checkDraft(snapshot.configuration, draft).filter((problem) => problem.severity === 'error')
  if (errors.length > 0) {
    return { error: `Fix the draft first: ${errors.map((problem) => problem.message).join(' ')}` }
  }
  return {
    fileName: draftScriptFileName(draft),
    mimeType: 'text/plain',
    content: draftScriptFile(draft, {
      snapshotName: snapshot.name,
      writtenAt: new Date(context.clock()).toISOString(),
    }),
  }
}
