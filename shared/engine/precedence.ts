/**
 * Precedence resolution for one target attribute (docs/ENGINE.md, Precedence).
 *
 * Rules are walked lowest precedence number first. NULL falls through to the next rule,
 * IgnoreThisFlow contributes nothing and keeps the existing value, AuthoritativeNull wins with a
 * blank, an error stops the flow with a sync error, the first value wins (Update, Replace), and
 * Merge / MergeCaseInsensitive union the values of every in-scope rule. In-scope rules that disagree
 * on the merge type are an error, as the engine reports.
 */
import type { AttributeFlow, MergeType, ScopeClause, SyncRule } from '../model/sync-rule'
import type { FlowOutcome } from './flow-value'
import { type RuleRef, ruleLabel, ruleRef } from './rule-text'

/** Why a flow was or was not computed, decided before precedence. */
export type FlowGate =
  | { readonly kind: 'open' }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'out-of-scope'; readonly clause: ScopeClause | null; readonly text: string }
  | { readonly kind: 'not-joined'; readonly reason: string }
  /** Apply Once and the target object already exists: the flow does not apply again. */
  | { readonly kind: 'apply-once' }

/** The status of one mapping after precedence, as the Preview's attribute flow pages show it. */
export type FlowStatus =
  | 'contributes'
  | 'overridden'
  | 'out-of-scope'
  | 'disabled'
  | 'null'
  | 'ignore-this-flow'
  | 'authoritative-null'
  | 'error'
  | 'apply-once'
  | 'not-joined'

/** One mapping competing for a target attribute. */
export interface Candidate {
  readonly rule: SyncRule
  readonly flow: AttributeFlow
  readonly gate: FlowGate
  readonly outcome: FlowOutcome
}

/** What precedence decides for one candidate. */
export interface Decision {
  readonly status: FlowStatus
  /** One plain sentence saying why. */
  readonly reason: string
  /** True for the mapping(s) whose result the target gets (values, or the AuthoritativeNull blank). */
  readonly winner: boolean
  /** The rule that takes precedence over this one, for `overridden` rows. */
  readonly overriddenBy: RuleRef | null
}

/** A candidate after precedence (keeping whatever the caller attached to it). */
export type ResolvedCandidate<C extends Candidate = Candidate> = C & Decision

/** What the target attribute ends with. */
export type Resolution =
  | { readonly kind: 'value'; readonly values: readonly string[]; readonly from: readonly RuleRef[] }
  | { readonly kind: 'authoritative-null'; readonly from: RuleRef }
  | { readonly kind: 'error'; readonly from: RuleRef | null; readonly message: string }
  /** Nothing contributes but IgnoreThisFlow or Apply Once keep the existing value. */
  | { readonly kind: 'keep-existing' }
  /** Nothing contributes: the value is removed (or stays absent). */
  | { readonly kind: 'none' }

/**
 * Builds a candidate's row from its decision. The default copies the candidate with a spread; a caller that
 * knows its candidates' fields builds the row with its final shape in one literal, which is cheaper in the loop
 * over every mapping of every object.
 */
export type RowBuilder<C extends Candidate> = (
  candidate: C,
  status: FlowStatus,
  reason: string,
  winner: boolean,
  overriddenBy: RuleRef | null,
) => ResolvedCandidate<C>

function spreadRow<C extends Candidate>(
  candidate: C,
  status: FlowStatus,
  reason: string,
  winner: boolean,
  overriddenBy: RuleRef | null,
): ResolvedCandidate<C> {
  return { ...candidate, status, reason, winner, overriddenBy }
}

/** Candidates and their resolution. */
export interface PrecedenceResult<C extends Candidate = Candidate> {
  readonly rows: readonly ResolvedCandidate<C>[]
  readonly resolution: Resolution
}

/** Orders candidates by precedence, then rule name; mappings of one rule keep their order. */
export function byPrecedence(a: Candidate, b: Candidate): number {
  if (a.rule.precedence !== b.rule.precedence) return a.rule.precedence - b.rule.precedence
  return a.rule.name.localeCompare(b.rule.name)
}

function mergeFamily(mergeType: MergeType): 'Update' | 'Merge' | 'MergeCaseInsensitive' {
  return mergeType === 'Replace' ? 'Update' : mergeType
}

/** Resolves the candidates of one target attribute; `build` makes each row (a spread copy by default). */
export function resolvePrecedence<C extends Candidate>(
  candidates: readonly C[],
  build: RowBuilder<C> = spreadRow,
): PrecedenceResult<C> {
  const ordered = [...candidates].sort(byPrecedence)
  const open = ordered.filter((candidate) => candidate.gate.kind === 'open')
  const families = new Set(open.map((candidate) => mergeFamily(candidate.flow.mergeType)))
  if (families.size > 1) return mergeConflict(ordered, build)
  const row = (
    candidate: C,
    status: FlowStatus,
    reason: string,
    winner = false,
    overriddenBy: RuleRef | null = null,
  ): ResolvedCandidate<C> => build(candidate, status, reason, winner, overriddenBy)
  const merging = families.has('Merge') || families.has('MergeCaseInsensitive')
  const caseInsensitive = families.has('MergeCaseInsensitive')

  let stopper: ResolvedCandidate<C> | null = null
  let keepsExisting = false
  const merged: string[] = []
  const mergedKeys = new Set<string>()
  const contributors: RuleRef[] = []
  const rows: ResolvedCandidate<C>[] = []
  const decide = (candidate: C): ResolvedCandidate<C> => {
    const gated = gatedRow(candidate, build)
    if (gated) {
      if (candidate.gate.kind === 'apply-once') keepsExisting = true
      return gated
    }
    const { outcome } = candidate
    switch (outcome.kind) {
      case 'not-evaluated':
      case 'null':
        return row(candidate, 'null', nullReason(candidate))
      case 'ignoreThisFlow':
        keepsExisting = true
        return row(
          candidate,
          'ignore-this-flow',
          'The expression returned IgnoreThisFlow: it contributes nothing and the existing value is kept.',
        )
      case 'error': {
        const errored = row(
          candidate,
          'error',
          `The flow raised an error (${outcome.message}); the object gets a synchronization error.`,
        )
        if (!stopper) stopper = errored
        return errored
      }
      case 'authoritativeNull': {
        if (stopper) return overridden(candidate, stopper, build)
        const blank = row(
          candidate,
          'authoritative-null',
          'The expression returned AuthoritativeNull: the value is blanked and lower-precedence rules cannot contribute.',
          true,
        )
        stopper = blank
        return blank
      }
      case 'value': {
        if (stopper) return overridden(candidate, stopper, build)
        contributors.push(ruleRef(candidate.rule))
        if (merging) {
          for (const value of outcome.values) {
            const valueKey = caseInsensitive ? value.toLowerCase() : value
            if (mergedKeys.has(valueKey)) continue
            mergedKeys.add(valueKey)
            merged.push(value)
          }
          return row(
            candidate,
            'contributes',
            'Contributes its values, merged with the other in-scope rules.',
            true,
          )
        }
        const winner = row(
          candidate,
          'contributes',
          'Contributes the value: the first rule in precedence order with a value.',
          true,
        )
        stopper = winner
        for (const value of outcome.values) merged.push(value)
        return winner
      }
    }
  }
  for (const candidate of ordered) rows.push(decide(candidate))
  return { rows, resolution: resolution(stopper, merged, contributors, keepsExisting) }
}

function resolution(
  stopper: (Candidate & Decision) | null,
  values: readonly string[],
  contributors: readonly RuleRef[],
  keepsExisting: boolean,
): Resolution {
  if (stopper?.status === 'error') {
    const message = stopper.outcome.kind === 'error' ? stopper.outcome.message : 'error'
    return { kind: 'error', from: ruleRef(stopper.rule), message }
  }
  if (stopper?.status === 'authoritative-null')
    return { kind: 'authoritative-null', from: ruleRef(stopper.rule) }
  if (contributors.length > 0) return { kind: 'value', values, from: contributors }
  return keepsExisting ? { kind: 'keep-existing' } : { kind: 'none' }
}

function overridden<C extends Candidate>(
  candidate: C,
  stopper: Candidate & Decision,
  build: RowBuilder<C>,
): ResolvedCandidate<C> {
  const by = ruleRef(stopper.rule)
  const how =
    stopper.status === 'authoritative-null'
      ? 'blanks the value with AuthoritativeNull'
      : stopper.status === 'error'
        ? 'raises an error first'
        : 'contributes the value'
  return build(candidate, 'overridden', `Overridden: ${ruleLabel(by)} ${how}.`, false, by)
}

function gatedRow<C extends Candidate>(candidate: C, build: RowBuilder<C>): ResolvedCandidate<C> | null {
  const { gate } = candidate
  switch (gate.kind) {
    case 'open':
      return null
    case 'disabled':
      return build(candidate, 'disabled', 'The rule is disabled.', false, null)
    case 'out-of-scope':
      return build(candidate, 'out-of-scope', `The rule is out of scope: ${gate.text}.`, false, null)
    case 'not-joined':
      return build(candidate, 'not-joined', gate.reason, false, null)
    case 'apply-once':
      return build(
        candidate,
        'apply-once',
        'Apply Once: the flow sets the value only when the target object is created, and it already exists.',
        false,
        null,
      )
  }
}

function nullReason(candidate: Candidate): string {
  if (candidate.flow.flowType === 'Direct') {
    return `The source attribute ${candidate.flow.sources.join(', ')} has no value (NULL), so a lower-precedence rule may contribute.`
  }
  return 'The expression returned NULL, so a lower-precedence rule may contribute.'
}

function mergeConflict<C extends Candidate>(
  ordered: readonly C[],
  build: RowBuilder<C>,
): PrecedenceResult<C> {
  const open = ordered.filter((candidate) => candidate.gate.kind === 'open')
  const described = open
    .map((candidate) => `${candidate.flow.mergeType} in "${candidate.rule.name}"`)
    .join(', ')
  const message = `The in-scope rules use different merge types (${described}).`
  const rows = ordered.map(
    (candidate): ResolvedCandidate<C> =>
      gatedRow(candidate, build) ??
      build(candidate, 'error', `${message} The engine reports a synchronization error.`, false, null),
  )
  return { rows, resolution: { kind: 'error', from: null, message } }
}
