import { describe, expect, it } from 'vitest'
import { firstRdn, isEscaped, rdnKey, rdnMatches, unescapeDnValue } from './dn'

describe('firstRdn', () => {
  it.each([
    ['CN=Smith\\, John,OU=Users,DC=contoso,DC=com', 'CN=Smith\\, John'],
    ['CN=a\\\\,OU=b', 'CN=a\\\\'],
    ['CN=single', 'CN=single'],
    ['', ''],
  ])('takes %j up to the first unescaped comma', (dn, rdn) => {
    expect(firstRdn(dn)).toBe(rdn)
  })
})

describe('unescapeDnValue', () => {
  it.each([
    ['Smith\\, John', 'Smith, John'],
    ['\\23hash', '#hash'],
    ['Ren\\C3\\A9e', 'Renée'],
    ['  spaced\\ ', 'spaced '],
    ['back\\\\slash', 'back\\slash'],
    ['trailing\\', 'trailing\\'],
  ])('reads %j as %j', (escaped, plain) => {
    expect(unescapeDnValue(escaped)).toBe(plain)
  })
})

describe('isEscaped', () => {
  it.each([
    ['a\\,b', 2, true],
    ['a\\\\,b', 3, false],
    [',b', 0, false],
  ] as const)('tells whether %j is escaped at %i', (text, index, escaped) => {
    expect(isEscaped(text, index)).toBe(escaped)
  })
})

describe('rdnKey and rdnMatches', () => {
  it.each([
    ['CN=Smith\\, John', 'smith, john', true],
    ['CN=Smith\\, John', 'cn=SMITH\\, JOHN', true],
    ['CN=Smith\\, John', 'OU=Smith\\, John', false],
    ['CN=Smith\\, John', 'Smith', false],
    ['OU=Sales', 'sales', true],
  ] as const)('matches the RDN %j with %j: %s', (rdn, typed, matches) => {
    expect(rdnMatches(rdnKey(rdn), rdnKey(typed))).toBe(matches)
  })
})
