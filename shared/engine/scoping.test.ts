import { describe, expect, it } from 'vitest'
import type { Attribute } from '../model/objects'
import { SCOPE_OPERATORS, type ScopeOperator } from '../model/sync-rule'
import { attributeBag } from './attribute-bag'
import { connectorSpaceMembership, evaluateClause, evaluateScope, scopeFailureText } from './scoping'
import { attributes, clause, connector, csObject, scenario } from './testing/scenario'

const USER_DN = 'CN=Ada,OU=Users,DC=contoso,DC=com'

const object = attributeBag(
  attributes(
    {
      department: 'Sales',
      mailNickname: 'ada',
      adminDescription: 'User_123',
      userAccountControl: '514',
      groupType: '-2147483646',
      memberCount: '12',
      proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:ada@fabrikam.com'],
      isCriticalSystemObject: 'TRUE',
    },
    {
      userAccountControl: 'Integer',
      groupType: 'Integer',
      memberCount: 'Integer',
      isCriticalSystemObject: 'Boolean',
    },
  ),
  USER_DN,
)

interface OperatorCase {
  readonly operator: ScopeOperator
  readonly text: string
  readonly expected: boolean
  readonly why: string
}

const cases: readonly OperatorCase[] = [
  { operator: 'EQUAL', text: 'department EQUAL sales', expected: true, why: 'ignores case' },
  { operator: 'EQUAL', text: 'department EQUAL Marketing', expected: false, why: 'different value' },
  { operator: 'EQUAL', text: 'company EQUAL Contoso', expected: false, why: 'absent attribute' },
  {
    operator: 'EQUAL',
    text: 'isCriticalSystemObject EQUAL True',
    expected: true,
    why: 'booleans ignore case',
  },
  { operator: 'NOTEQUAL', text: 'department NOTEQUAL Marketing', expected: true, why: 'different value' },
  { operator: 'NOTEQUAL', text: 'department NOTEQUAL SALES', expected: false, why: 'equal ignoring case' },
  { operator: 'NOTEQUAL', text: 'cloudFiltered NOTEQUAL True', expected: true, why: 'absent attribute' },
  { operator: 'LESSTHAN', text: 'memberCount LESSTHAN 50000', expected: true, why: 'numeric, not textual' },
  { operator: 'LESSTHAN', text: 'memberCount LESSTHAN 12', expected: false, why: 'equal is not less' },
  { operator: 'LESSTHAN', text: 'department LESSTHAN Tools', expected: true, why: 'text order' },
  { operator: 'LESSTHAN', text: 'company LESSTHAN Z', expected: false, why: 'absent attribute' },
  { operator: 'LESSTHAN_OR_EQUAL', text: 'memberCount LESSTHAN_OR_EQUAL 12', expected: true, why: 'equal' },
  {
    operator: 'LESSTHAN_OR_EQUAL',
    text: 'memberCount LESSTHAN_OR_EQUAL 9',
    expected: false,
    why: '12 > 9 numerically',
  },
  { operator: 'GREATERTHAN', text: 'memberCount GREATERTHAN 9', expected: true, why: 'numeric, not textual' },
  {
    operator: 'GREATERTHAN',
    text: 'memberCount GREATERTHAN 12',
    expected: false,
    why: 'equal is not greater',
  },
  {
    operator: 'GREATERTHAN_OR_EQUAL',
    text: 'memberCount GREATERTHAN_OR_EQUAL 12',
    expected: true,
    why: 'equal',
  },
  {
    operator: 'GREATERTHAN_OR_EQUAL',
    text: 'memberCount GREATERTHAN_OR_EQUAL 13',
    expected: false,
    why: 'less',
  },
  {
    operator: 'CONTAINS',
    text: 'proxyAddresses CONTAINS FABRIKAM',
    expected: true,
    why: 'any value, any case',
  },
  {
    operator: 'CONTAINS',
    text: 'proxyAddresses CONTAINS northwind',
    expected: false,
    why: 'no value has it',
  },
  {
    operator: 'NOTCONTAINS',
    text: 'proxyAddresses NOTCONTAINS northwind',
    expected: true,
    why: 'no value has it',
  },
  {
    operator: 'NOTCONTAINS',
    text: 'proxyAddresses NOTCONTAINS fabrikam',
    expected: false,
    why: 'one value has it',
  },
  { operator: 'STARTSWITH', text: 'adminDescription STARTSWITH user_', expected: true, why: 'ignores case' },
  {
    operator: 'STARTSWITH',
    text: 'adminDescription STARTSWITH Group_',
    expected: false,
    why: 'other prefix',
  },
  {
    operator: 'NOTSTARTSWITH',
    text: 'adminDescription NOTSTARTSWITH User_',
    expected: false,
    why: 'prefix present',
  },
  { operator: 'NOTSTARTSWITH', text: 'info NOTSTARTSWITH User_', expected: true, why: 'absent attribute' },
  { operator: 'ENDSWITH', text: 'mailNickname ENDSWITH DA', expected: true, why: 'ignores case' },
  { operator: 'ENDSWITH', text: 'mailNickname ENDSWITH bob', expected: false, why: 'other suffix' },
  { operator: 'NOTENDSWITH', text: 'mailNickname NOTENDSWITH bob', expected: true, why: 'other suffix' },
  { operator: 'NOTENDSWITH', text: 'mailNickname NOTENDSWITH da', expected: false, why: 'suffix present' },
  { operator: 'ISNULL', text: 'company ISNULL', expected: true, why: 'absent attribute' },
  { operator: 'ISNULL', text: 'department ISNULL', expected: false, why: 'present attribute' },
  { operator: 'ISNOTNULL', text: 'mailNickname ISNOTNULL', expected: true, why: 'present attribute' },
  { operator: 'ISNOTNULL', text: 'company ISNOTNULL', expected: false, why: 'absent attribute' },
  {
    operator: 'ISIN',
    text: 'proxyAddresses ISIN smtp:ada@contoso.com',
    expected: true,
    why: 'one of the values',
  },
  {
    operator: 'ISIN',
    text: 'proxyAddresses ISIN smtp:bob@contoso.com',
    expected: false,
    why: 'none of the values',
  },
  { operator: 'ISNOTIN', text: 'proxyAddresses ISNOTIN smtp:bob@contoso.com', expected: true, why: 'none' },
  { operator: 'ISNOTIN', text: 'proxyAddresses ISNOTIN SMTP:ADA@CONTOSO.COM', expected: false, why: 'one' },
  { operator: 'ISBITSET', text: 'userAccountControl ISBITSET 2', expected: true, why: '514 has bit 2' },
  { operator: 'ISBITSET', text: 'userAccountControl ISBITSET 0x200', expected: true, why: 'hex mask 512' },
  { operator: 'ISBITSET', text: 'userAccountControl ISBITSET 16', expected: false, why: 'bit 16 clear' },
  {
    operator: 'ISBITSET',
    text: 'groupType ISBITSET 0x80000000',
    expected: true,
    why: 'security bit of a negative int',
  },
  {
    operator: 'ISBITNOTSET',
    text: 'userAccountControl ISBITNOTSET 2',
    expected: false,
    why: 'disabled account',
  },
  { operator: 'ISBITNOTSET', text: 'userAccountControl ISBITNOTSET 16', expected: true, why: 'bit 16 clear' },
]

describe('evaluateClause', () => {
  it.each(cases)('$text is $expected ($why)', ({ text, expected }) => {
    // Arrange
    const parsed = clause(text)

    // Act
    const result = evaluateClause(parsed, object)

    // Assert
    expect(result.result).toBe(expected)
  })

  it('covers every operator but the membership ones in the table', () => {
    const covered = new Set(cases.map((entry) => entry.operator))

    const missing = SCOPE_OPERATORS.filter((operator) => !covered.has(operator))

    expect(missing).toEqual(['ISMEMBEROF', 'ISNOTMEMBEROF'])
  })

  it('reports the values it looked at', () => {
    const result = evaluateClause(clause('proxyAddresses CONTAINS fabrikam'), object)

    expect(result.actualValues).toEqual(['SMTP:ada@contoso.com', 'smtp:ada@fabrikam.com'])
  })

  it('notes a bit test on a value that is not an integer', () => {
    const result = evaluateClause(clause('department ISBITSET 2'), object)

    expect(result).toMatchObject({ result: false, note: 'department holds a value that is not an integer.' })
  })

  it('finds attributes whose names are Object.prototype members', () => {
    const named = (name: string, value: string): Attribute => ({
      name,
      type: 'String',
      multiValued: false,
      values: [value],
    })
    const bag = attributeBag(
      [named('constructor', 'x'), named('__proto__', 'y'), named('toString', 'z')],
      null,
    )

    const results = ['constructor EQUAL x', '__proto__ EQUAL y', 'toString EQUAL z', 'valueOf ISNULL'].map(
      (text) => evaluateClause(clause(text), bag).result,
    )

    expect(results).toEqual([true, true, true, true])
  })
})

describe('evaluateClause with ISMEMBEROF / ISNOTMEMBEROF', () => {
  const ad = connector({ name: 'contoso.com', partitions: ['DC=contoso,DC=com'] })
  const otherForest = connector({ name: 'fabrikam.com' })
  const group = csObject({
    connector: ad,
    dn: 'CN=Sync Users,OU=Groups,DC=contoso,DC=com',
    type: 'group',
    attrs: { member: [USER_DN.toUpperCase(), 'CN=Bob,OU=Users,DC=contoso,DC=com'] },
    types: { member: 'Reference' },
  })
  const sameNameElsewhere = csObject({
    connector: otherForest,
    dn: 'CN=Other,DC=fabrikam,DC=com',
    type: 'group',
    attrs: { member: [USER_DN] },
  })
  const { index } = scenario({ connectors: [ad, otherForest], rules: [], cs: [group, sameNameElsewhere] })
  const member = attributeBag([], USER_DN)
  const membership = connectorSpaceMembership(index, ad.id, USER_DN)

  it.each([
    ['ISMEMBEROF', 'CN=Sync Users,OU=Groups,DC=contoso,DC=com', true],
    ['ISNOTMEMBEROF', 'CN=Sync Users,OU=Groups,DC=contoso,DC=com', false],
    ['ISMEMBEROF', 'cn=sync users,ou=groups,dc=contoso,dc=com', true],
    ['ISMEMBEROF', 'CN=Other,DC=fabrikam,DC=com', false],
    ['ISNOTMEMBEROF', 'CN=Other,DC=fabrikam,DC=com', true],
  ] as const)('%s %s is %s', (operator, groupDn, expected) => {
    const result = evaluateClause({ attribute: '', operator, value: groupDn }, member, membership)

    expect(result.result).toBe(expected)
  })

  it('treats a group missing from the connector space as not a member and says so', () => {
    const result = evaluateClause(clause('x ISMEMBEROF CN=Ghosts,DC=contoso,DC=com'), member, membership)

    expect(result.result).toBe(false)
    expect(result.note).toContain('not in this connector space')
  })

  it('does not evaluate membership without a connector space', () => {
    const result = evaluateClause(clause('x ISNOTMEMBEROF CN=Sync Users,OU=Groups,DC=contoso,DC=com'), member)

    expect(result).toMatchObject({ result: true, note: expect.stringContaining('not evaluated') })
  })
})

describe('evaluateScope', () => {
  it('is in scope when there are no groups', () => {
    expect(evaluateScope([], object)).toEqual({ inScope: true, groups: [] })
  })

  it('ANDs clauses inside a group and names the first false clause', () => {
    const groups = [
      { clauses: [clause('department EQUAL Sales'), clause('company ISNOTNULL'), clause('c ISNOTNULL')] },
    ]

    const result = evaluateScope(groups, object)

    expect(result.inScope).toBe(false)
    expect(result.groups[0]?.failingClause).toEqual(clause('company ISNOTNULL'))
    expect(result.groups[0]?.clauses.map((entry) => entry.result)).toEqual([true, false, false])
    expect(scopeFailureText(result)).toBe('company ISNOTNULL is false (no value)')
  })

  it('ORs groups', () => {
    const groups = [
      { clauses: [clause('company ISNOTNULL')] },
      { clauses: [clause('mailNickname ISNOTNULL'), clause('department EQUAL sales')] },
    ]

    const result = evaluateScope(groups, object)

    expect(result.inScope).toBe(true)
    expect(result.groups.map((group) => group.matched)).toEqual([false, true])
  })

  it('explains every group when none matches', () => {
    const groups = [
      { clauses: [clause('company ISNOTNULL')] },
      { clauses: [clause('department EQUAL Marketing')] },
    ]

    const result = evaluateScope(groups, object)

    expect(scopeFailureText(result)).toBe(
      'group 1: company ISNOTNULL is false (no value); group 2: department EQUAL Marketing is false ("Sales")',
    )
  })
})
