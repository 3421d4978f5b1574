/**
 * Editing a draft (precedence, scoping clauses, a mapping's flow type, sources, expression, Apply Once and merge
 * type, the stand-in values of a selection) and checking it the way the Synchronization Rules Editor would
 * before saving: a taken precedence, two mappings to one attribute, an expression that does not parse.
 */
import { compileExpression } from '../expression/index'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { type AttributeFlow, isStandardRule, type ScopeGroup, type SyncRule } from '../model/sync-rule'
import { type DraftChange, editsStandardRuleInPlace, type FixDraft, isRuleChange } from './draft'
import { nameKey } from './names'
import { CUSTOM_PRECEDENCE_LIMIT } from './rule-choices'

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
  if (!isRuleChange(change)) {
    return edit.kind === 'stand-in' ? { ...change, standIn: edit.values } : change
  }
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

/** Something to fix in a draft before it can be saved, or to know about. */
export interface DraftProblem {
  /** The change it is about, null for the draft as a whole. */
  readonly change: number | null
  readonly severity: 'error' | 'warning'
  readonly message: string
}

const NO_VALUE_OPERATORS = new Set(['ISNULL', 'ISNOTNULL'])

/** Checks a draft against the configuration it applies to; errors stop a script from being saved. */
export function checkDraft(configuration: ServerConfiguration, draft: FixDraft): readonly DraftProblem[] {
  const problems: DraftProblem[] = []
  const replaced = new Set<string>()
  for (const change of draft.changes) {
    if (isRuleChange(change) && change.original) replaced.add(change.original.id)
    if (isRuleChange(change)) replaced.add(change.rule.id)
  }
  const drafted = draft.changes.flatMap((change, index) =>
    isRuleChange(change) ? [{ index, rule: change.rule }] : [],
  )
  draft.changes.forEach((change, index) => {
    const report = (severity: DraftProblem['severity'], message: string): void => {
      problems.push({ change: index, severity, message })
    }
    if (!isRuleChange(change)) {
      if (change.side === 'import' && change.standIn.every((value) => value.trim() === '')) {
        report(
          'warning',
          `The preview assumes no value for ${change.attribute}: enter what the directory holds.`,
        )
      }
      return
    }
    if (editsStandardRuleInPlace(change)) {
      report(
        'error',
        `"${change.rule.name}" is an out-of-box rule: copy it and disable the original instead of editing it.`,
      )
    }
    checkRule(change.rule, report)
    const taken = [
      ...configuration.rules.filter((rule) => !replaced.has(rule.id)),
      ...drafted.filter((other) => other.index !== index).map((other) => other.rule),
    ].find((rule) => rule.precedence === change.rule.precedence)
    if (taken) {
      report(
        'error',
        `Precedence ${change.rule.precedence} is already taken by "${taken.name}"; every rule needs its own.`,
      )
    }
  })
  return problems
}

function checkRule(
  rule: SyncRule,
  report: (severity: DraftProblem['severity'], message: string) => void,
): void {
  if (!Number.isInteger(rule.precedence) || rule.precedence < 0) {
    report('error', `Precedence must be a whole number of 0 or more (found ${rule.precedence}).`)
  } else if (!isStandardRule(rule) && rule.precedence >= CUSTOM_PRECEDENCE_LIMIT) {
    report(
      'warning',
      `Precedence ${rule.precedence} is in the out-of-box range: custom rules should use 0 to 99, or the wizard may renumber around them.`,
    )
  }
  const seen = new Set<string>()
  for (const flow of rule.flows) {
    const key = nameKey(flow.target)
    if (flow.target.trim() === '') report('error', 'A mapping has no target attribute.')
    if (seen.has(key))
      report(
        'error',
        `"${rule.name}" maps ${flow.target} twice; the engine refuses two mappings to one attribute.`,
      )
    seen.add(key)
    checkFlow(flow, report)
  }
  rule.scopeGroups.forEach((group, groupIndex) => {
    if (group.clauses.length === 0)
      report('warning', `Scope group ${groupIndex + 1} has no clause; it matches every object.`)
    for (const clause of group.clauses) {
      if (clause.attribute.trim() === '')
        report('error', `A clause of scope group ${groupIndex + 1} names no attribute.`)
      if (!NO_VALUE_OPERATORS.has(clause.operator) && clause.value === '') {
        report('warning', `The clause ${clause.attribute} ${clause.operator} compares with an empty value.`)
      }
      if (
        rule.direction === 'Outbound' &&
        (clause.operator === 'ISMEMBEROF' || clause.operator === 'ISNOTMEMBEROF')
      ) {
        report('error', `${clause.operator} is not allowed in the scope of an outbound rule.`)
      }
    }
  })
}

function checkFlow(
  flow: AttributeFlow,
  report: (severity: DraftProblem['severity'], message: string) => void,
): void {
  switch (flow.flowType) {
    case 'Direct':
      if (flow.sources.length !== 1 || (flow.sources[0] ?? '').trim() === '') {
        report('error', `The Direct mapping to ${flow.target} needs exactly one source attribute.`)
      }
      return
    case 'Constant':
      if (flow.constant === null) report('error', `The Constant mapping to ${flow.target} has no value.`)
      return
    case 'Expression': {
      const text = flow.expression ?? ''
      if (text.trim() === '') {
        report('error', `The Expression mapping to ${flow.target} has no expression.`)
        return
      }
      const parsed = compileExpression(text)
      if (!parsed.ok) {
        report('error', `The expression of ${flow.target} does not parse: ${parsed.error.message}`)
      }
      return
    }
  }
}
