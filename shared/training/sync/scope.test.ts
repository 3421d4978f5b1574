import { describe, expect, it } from 'vitest'
import type { ScopeOperator } from '../../model/sync-rule'
import { clause } from '../rules/rule-spec'
import { clauseHolds, inScope } from './scope'

const user = new Map<string, readonly string[]>([
  ['userAccountControl', ['514']],
  ['adminDescription', ['User_1234']],
  ['mailNickname', ['ana.santos']],
  ['memberCount', ['12']],
  ['cloudFiltered', ['true']],
  ['proxyAddresses', ['SMTP:a@contoso.com', 'smtp:a@contoso.onmicrosoft.com']],
])

describe('clauseHolds', () => {
  it.each<[string, ScopeOperator, string, boolean]>([
    ['mailNickname', 'ISNOTNULL', '', true],
    ['mailNickname', 'ISNULL', '', false],
    ['extensionAttribute1', 'ISNULL', '', true],
    ['cloudFiltered', 'EQUAL', 'True', true],
    ['cloudFiltered', 'NOTEQUAL', 'True', false],
    ['absent', 'NOTEQUAL', 'True', true],
    ['absent', 'EQUAL', 'True', false],
    ['adminDescription', 'NOTSTARTSWITH', 'User_', false],
    ['absent', 'NOTSTARTSWITH', 'User_', true],
    ['userAccountControl', 'ISBITNOTSET', '2', false],
    ['userAccountControl', 'ISBITSET', '2', true],
    ['memberCount', 'LESSTHAN', '50000', true],
    ['memberCount', 'LESSTHAN', '9', false],
    ['memberCount', 'GREATERTHAN_OR_EQUAL', '12', true],
    ['proxyAddresses', 'CONTAINS', 'onmicrosoft', true],
    ['proxyAddresses', 'NOTCONTAINS', 'onmicrosoft', false],
    ['proxyAddresses', 'ENDSWITH', '@CONTOSO.COM', true],
  ])('%s %s %s is %s', (attribute, operator, value, expected) => {
    expect(clauseHolds(clause(attribute, operator, value), user)).toBe(expected)
  })
})

describe('inScope', () => {
  it('ANDs the clauses of a group, ORs the groups, and takes no groups as always in scope', () => {
    const failing = [clause('mailNickname', 'ISNOTNULL'), clause('cloudFiltered', 'NOTEQUAL', 'True')]
    const passing = [clause('memberCount', 'LESSTHAN', '50000')]

    expect(inScope([failing], user)).toBe(false)
    expect(inScope([failing, passing], user)).toBe(true)
    expect(inScope([], user)).toBe(true)
  })
})
