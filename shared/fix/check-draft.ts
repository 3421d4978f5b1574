/**
 * Checks a draft the way the Synchronization Rules Editor would before saving: a taken precedence, two mappings
 * to one attribute, an expression that does not parse, an out-of-box rule edited in place.
 */
import { compileExpression } from '../expression/index'
import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { type AttributeFlow, isStandardRule, type SyncRule } from '../model/sync-rule'
import { editsStandardRuleInPlace, type FixDraft, isRuleChange } from './draft'
import { nameKey } from './names'
import { CUSTOM_PRECEDENCE_LIMIT } from './rule-choices'

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
    if (change.kind === 'include-container') {
      const connector = configuration.connectors.find((candidate) => candidate.id === change.connectorId)
      if (!connector?.partitions.some((partition) => partition.name === change.partition)) {
        report('error', `"${change.connectorName}" has no partition ${change.partition} in this snapshot.`)
      }
      return
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
    const existing = configuration.rules.some((rule) => rule.id === change.rule.id)
    if (change.kind === 'edit-rule' && !existing) {
      report(
        'error',
        `"${change.rule.name}" is not a rule of this snapshot, so it cannot be changed in place.`,
      )
    }
    if (change.kind !== 'edit-rule' && existing) {
      report(
        'error',
        `"${change.rule.name}" has the identifier of a rule of this snapshot; a new rule needs its own.`,
      )
    }
    if (change.kind === 'clone-rule' && change.original === null) {
      report('error', `The rule "${change.rule.name}" copies is not in this snapshot.`)
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
