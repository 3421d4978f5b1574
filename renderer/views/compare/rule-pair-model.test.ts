import { describe, expect, it } from 'vitest'
import { compareConfigurations } from '../../../shared/compare/index'
import { RULES, withRule, world } from '../../../shared/compare/testing/world'
import { clause, flow } from '../../../shared/engine/testing/scenario'
import type { SyncRule } from '../../../shared/model/sync-rule'
import { descriptionPairs, flowPairs, scopeLines } from './rule-pair-model'

function differencesOf(a: SyncRule, b: SyncRule) {
  const match = compareConfigurations(
    world({ objects: false, rules: withRule(a) }).configuration,
    world({ objects: false, rules: withRule(b) }).configuration,
  )
  return match.comparison.rules[0]?.differences ?? []
}

describe('the side-by-side rule pages', () => {
  const before = RULES.outIdentity
  const after: SyncRule = {
    ...before,
    name: before.name.toUpperCase(),
    precedence: 140,
    scopeGroups: [{ clauses: [...(before.scopeGroups[0]?.clauses ?? []), clause('department ISNOTNULL')] }],
    flows: [...before.flows.filter((f) => f.target !== 'title'), flow.direct('mobile', 'mobile')],
  }
  const differences = differencesOf(before, after)

  it('marks the Description fields the comparison reports, not a name that differs in case only', () => {
    const marks = Object.fromEntries(
      descriptionPairs(before, after, differences).map((field) => [field.label, field.mark]),
    )
    expect(marks.Name).toBe('same')
    expect(marks.Precedence).toBe('changed')
    expect(marks.Disabled).toBe('same')
  })

  it('marks the clause only B has as added', () => {
    expect(scopeLines(after, before, 'added').map((line) => [line.text, line.mark])).toEqual([
      ['sourceObjectType EQUAL User', 'same'],
      ['department ISNOTNULL', 'added'],
    ])
  })

  it('aligns transformations by target: added, removed, changed and unchanged', () => {
    const changedFlows = {
      ...after,
      flows: after.flows.map((f) =>
        f.target === 'displayName' ? flow.expression('displayName', 'UCase([displayName])') : f,
      ),
    }
    const marks = flowPairs(before, changedFlows, differencesOf(before, changedFlows)).map((pair) => [
      pair.target,
      pair.mark,
    ])
    expect(marks).toEqual([
      ['displayName', 'changed'],
      ['department', 'same'],
      ['mobile', 'added'],
      ['title', 'removed'],
    ])
  })
})
