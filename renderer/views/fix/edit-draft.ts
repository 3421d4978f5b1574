/**
 * Editing a draft in the window: precedence, scoping clauses, a mapping's flow type, sources, expression, Apply
 * Once and merge type, the stand-in values of a selection. Plain data in, plain data out, while the user types;
 * the worker checks the result (shared/fix/check-draft.ts) with every preview.
 */
import type { DraftChange, FixDraft } from '../../../shared/fix/draft'
import type { AttributeFlow, ScopeGroup } from '../../../shared/model/sync-rule'

function nameKey(name: string): string {
  return name.toLowerCase()
}

/** One edit of one change of a draft (changes are numbered from 0 in draft order). */
export type DraftEdit =
  | { readonly kind: 'precedence'; readonly change: number; readonly precedence: number }
  | { readonly kind: 'scope'; readonly change: number; readonly scopeGroups: readonly ScopeGroup[] }
  /** Replaces the mapping to `target` (or adds it when the rule has none). */
  | { readonly kind: 'flow'; readonly change: number; readonly target: string; readonly flow: AttributeFlow }
  | { readonly kind: 'stand-in'; readonly change: number; readonly values: readonly string[] }

/** The draft with one edit applied; an edit that does not fit its change leaves the draft as it is. */
export function editDraft(draft: FixDraft, edit: DraftEdit): FixDraft {
  const change = draft.changes[edit.change]
  if (!change) return draft
  const edited = editChange(change, edit)
  if (edited === change) return draft
  return { ...draft, changes: draft.changes.map((item, index) => (index === edit.change ? edited : item)) }
}

function editChange(change: DraftChange, edit: DraftEdit): DraftChange {
  if (change.kind === 'select-attribute') {
    return edit.kind === 'stand-in' ? { ...change, standIn: edit.values } : change
  }
  if (change.kind === 'include-container') return change
  const rule = change.rule
  switch (edit.kind) {
    case 'precedence':
      return { ...change, rule: { ...rule, precedence: edit.precedence } }
    case 'scope':
      return { ...change, rule: { ...rule, scopeGroups: edit.scopeGroups } }
    case 'flow': {
      const key = nameKey(edit.target)
      const exists = rule.flows.some((flow) => nameKey(flow.target) === key)
      const flows = exists
        ? rule.flows.map((flow) => (nameKey(flow.target) === key ? normalizedFlow(edit.flow) : flow))
        : [...rule.flows, normalizedFlow(edit.flow)]
      return { ...change, rule: { ...rule, flows } }
    }
    case 'stand-in':
      return change
  }
}

/** A flow with only the fields its type uses, as the readers produce them. */
export function normalizedFlow(flow: AttributeFlow): AttributeFlow {
  switch (flow.flowType) {
    case 'Direct':
      return { ...flow, expression: null, constant: null }
    case 'Constant':
      return { ...flow, sources: [], expression: null, constant: flow.constant ?? '' }
    case 'Expression':
      return { ...flow, expression: flow.expression ?? '', constant: null }
  }
}
