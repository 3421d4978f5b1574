import { describe, expect, it } from 'vitest'
import { codeLabel, DIAGNOSIS_CODES } from '../../../shared/model/diagnosis-codes'
import { flowStatusChip } from './diagnosis-codes'

const rule = { id: 'r1', name: 'In from HR - Department', precedence: 10 }

describe('flow status chips', () => {
  it('gives every code its own readable label', () => {
    const labels = DIAGNOSIS_CODES.map(codeLabel)

    expect(new Set(labels).size).toBe(DIAGNOSIS_CODES.length)
    expect(codeLabel('NOT_SELECTED_ON_CONNECTOR')).toBe('Not selected on connector')
  })

  it('keeps the chip of an overridden row short and names the overriding rule in its detail', () => {
    expect(flowStatusChip({ status: 'overridden', overriddenBy: rule })).toEqual({
      code: 'OVERRIDDEN_BY_PRECEDENCE',
      label: 'Overridden',
      detail: 'by In from HR - Department',
    })
  })

  it.each([
    ['contributes', 'OK', 'Contributes'],
    ['in-sync', 'OK', 'In sync'],
    ['removes', 'OK', 'Removes'],
    ['out-of-scope', 'RULE_OUT_OF_SCOPE', 'Out of scope'],
    ['disabled', 'RULE_DISABLED', 'Rule disabled'],
    ['null', 'EXPRESSION_NULL', 'NULL'],
    ['ignore-this-flow', 'EXPRESSION_IGNORED', 'IgnoreThisFlow'],
    ['authoritative-null', 'AUTHORITATIVE_NULL', 'AuthoritativeNull'],
    ['error', 'EXPRESSION_ERROR', 'Error'],
    ['apply-once', 'APPLY_ONCE', 'Apply Once'],
    ['not-selected-on-connector', 'NOT_SELECTED_ON_CONNECTOR', 'Not selected on connector'],
    ['reference-unresolved', 'REFERENCE_UNRESOLVED', 'Reference unresolved'],
    ['differs', 'MV_STALE', 'Target differs'],
  ] as const)('status %s -> %s "%s"', (status, code, label) => {
    expect(flowStatusChip({ status, overriddenBy: null })).toEqual({ code, label, detail: null })
  })
})
