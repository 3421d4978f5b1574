import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

const attributes = {
  proxyAddresses: ['smtp:alias@contoso.com', 'SMTP:joe@contoso.com', 'SIP:joe@contoso.com'],
  dupes: ['a', 'b', 'a', 'A'],
  member: [
    { kind: 'reference' as const, dn: 'CN=A,DC=c' },
    { kind: 'reference' as const, dn: 'CN=B,DC=c' },
  ],
  single: 'one',
  otherPhone: ['555-1234', '555-9876'],
}

describe('multi-valued functions', () => {
  it.each([
    ['Contains([proxyAddresses],"SMTP:")', 2],
    ['Contains([proxyAddresses],"smtp:")', 1],
    ['Contains([proxyAddresses],"sip:",CaseInsensitive)', 3],
    ['Contains([proxyAddresses],"sip:",CaseSensitive)', 0],
    ['Contains([member],"cn=b,dc=c")', 2],
    ['Contains([member],"CN=B")', 0],
    ['Contains([missing],"x")', 0],
    ['Count([proxyAddresses])', 3],
    ['Count([single])', 1],
    ['Count([missing])', 0],
    ['Item([proxyAddresses],2)', 'SMTP:joe@contoso.com'],
    ['Item([single],1)', 'one'],
    ['Item([missing],1)', 'null'],
    ['ItemOrNull([proxyAddresses],4)', 'null'],
    ['ItemOrNull([proxyAddresses],1)', 'smtp:alias@contoso.com'],
    ['Mid(Item([proxyAddresses],Contains([proxyAddresses], "SMTP:")),6)', 'joe@contoso.com'],
    ['Join([otherPhone],",")', '555-1234,555-9876'],
    ['Join([otherPhone])', '555-1234 555-9876'],
    ['Join([otherPhone],"")', '555-1234555-9876'],
    ['Join([otherPhone],NULL)', '555-1234555-9876'],
    ['Join([missing],",")', 'null'],
    ['RemoveDuplicates([dupes])', ['a', 'b', 'A']],
    ['RemoveDuplicates([single])', 'one'],
    [
      'Split("SMTP:john.doe@contoso.com,smtp:jd@contoso.com",",")',
      ['SMTP:john.doe@contoso.com', 'smtp:jd@contoso.com'],
    ],
    ['Split("a,b,c,d",",",2)', ['a', 'b,c,d']],
    ['Split("abc",",")', ['abc']],
    ['Count(Split("a;b;c",";"))', 3],
    ['Concat([otherPhone],[single])', ['555-1234', '555-9876', 'one']],
    ['Concat([missing],[missing])', 'null'],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression, { attributes })).toEqual(expected)
  })

  it('Item out of bounds is an error naming the index', () => {
    expect(valueOf('Item([proxyAddresses],4)', { attributes })).toBe(
      'error: Item index 4 is out of bounds: the value has 3 value(s).',
    )
  })

  it('Split into more parts than a call could spread (200,000)', () => {
    const many = 'a,'.repeat(199_999) + 'a'

    expect(valueOf('Count(Split([many],","))', { attributes: { many } })).toBe(200_000)
    expect(valueOf('Count(Split([many],",",3))', { attributes: { many } })).toBe(3)
  })

  it('Split rejects a limit below 1', () => {
    expect(valueOf('Split("a,b",",",0)')).toContain('Split limit must be 1 or more')
  })
})
