/** Drafting a fix: propose the change a diagnosis calls for, edit it, preview it, count its impact, export it. */
export type {
  DraftChange,
  FixDraft,
  FixTarget,
  RemainingBreak,
  RuleChange,
  RuleChangeKind,
  SelectionChange,
} from './draft'
export { applyDraft, draftRules, isRuleChange } from './draft'
export type { ScriptContext } from './draft-script'
export { draftScript, draftScriptFile, draftScriptFileName } from './draft-script'
export type { DraftProblem } from './check-draft'
export { checkDraft } from './check-draft'
export type { FixKind, FixPolicy } from './fix-policy'
export { FIX_POLICIES } from './fix-policy'
export type {
  AwaitingImport,
  CountOptions,
  DraftImpact,
  ImpactChange,
  ImpactInput,
  ImpactKind,
  ImpactObject,
  ImpactProgress,
} from './impact'
export { countImpact, ImpactCancelled, ImpactCounter, MAX_LISTED_OBJECTS } from './impact'
export type { DraftPreview, FixSnapshot, PreviewQuestion, PreviewSide } from './preview'
export { draftQuestion, fixSnapshot, previewDraft } from './preview'
export type { FixRequest } from './propose'
export { DRAFT_ORIGIN, proposeFix } from './propose'
export type { MovedValue } from './sync-simulation'
