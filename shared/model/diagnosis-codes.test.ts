import { describe, expect, it } from 'vitest'
import {
  classifyFinding,
  CODE_CATALOGUE,
  codeLabel,
  countSeverities,
  DIAGNOSIS_CODES,
  type FindingFacts,
  isActionable,
  type Severity,
} from './diagnosis-codes'

describe('the diagnosis-code catalogue', () => {
  it('gives every code a distinct label, a meaning and an action, and only OK the ok tone', () => {
    expect(Object.keys(CODE_CATALOGUE).sort()).toEqual([...DIAGNOSIS_CODES].sort())
    expect(new Set(DIAGNOSIS_CODES.map(codeLabel)).size).toBe(DIAGNOSIS_CODES.length)
    for (const code of DIAGNOSIS_CODES) {
      expect(CODE_CATALOGUE[code].meaning, code).toMatch(/\.$/)
      expect(CODE_CATALOGUE[code].action, code).toMatch(/\.$/)
    }
    expect(DIAGNOSIS_CODES.filter((code) => CODE_CATALOGUE[code].tone === 'ok')).toEqual(['OK'])
  })
})

describe('classifyFinding', () => {
  it.each<[string, FindingFacts, Severity | null]>([
    ['a path that flows', { kind: 'path', code: 'OK', valueExpected: true }, null],
    ['a break with nothing to carry', { kind: 'path', code: 'EXPRESSION_NULL', valueExpected: false }, null],
    ['a break on a value', { kind: 'path', code: 'EXPRESSION_NULL', valueExpected: true }, 'blocking'],
    ['a pending export', { kind: 'path', code: 'PENDING_EXPORT', valueExpected: true }, 'blocking'],
    [
      'a source value no rule reads',
      { kind: 'source-without-inbound-flow', code: 'NO_INBOUND_FLOW', objectInSyncScope: true },
      'unmapped',
    ],
    [
      'a source value only a disabled rule reads',
      { kind: 'source-without-inbound-flow', code: 'RULE_DISABLED', objectInSyncScope: true },
      'blocking',
    ],
    [
      'a source value whose rules are out of scope',
      { kind: 'source-without-inbound-flow', code: 'RULE_OUT_OF_SCOPE', objectInSyncScope: true },
      'blocking',
    ],
    [
      'a value of an object no rule has in scope (a container, a cloud-only account)',
      { kind: 'source-without-inbound-flow', code: 'NO_INBOUND_FLOW', objectInSyncScope: false },
      'by-design',
    ],
    [
      'a metaverse value the target could hold',
      { kind: 'mv-without-outbound-flow', feedsOtherRules: false, targetCanHold: true },
      'unmapped',
    ],
    [
      'a metaverse value that feeds other rules',
      { kind: 'mv-without-outbound-flow', feedsOtherRules: true, targetCanHold: true },
      'by-design',
    ],
    [
      'a metaverse value the target cannot hold',
      { kind: 'mv-without-outbound-flow', feedsOtherRules: false, targetCanHold: false },
      'by-design',
    ],
    [
      'an attribute rules read and the connector does not select',
      { kind: 'not-selected-on-connector' },
      'blocking',
    ],
    ['an attribute selected that no rule uses', { kind: 'selected-but-unused' }, 'unmapped'],
  ])('%s', (_label, facts, severity) => {
    expect(classifyFinding(facts)).toBe(severity)
  })

  it('counts blocking and unmapped as actionable, by design and nothing not', () => {
    expect(
      ['blocking', 'unmapped', 'by-design', null].map((severity) =>
        isActionable(severity as Severity | null),
      ),
    ).toEqual([true, true, false, false])
    expect(countSeverities(['blocking', 'by-design', null, 'by-design', 'unmapped'])).toEqual({
      blocking: 1,
      unmapped: 1,
      byDesign: 2,
    })
  })
})
