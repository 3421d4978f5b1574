import { describe, expect, it } from 'vitest'
import {
  dnDepth,
  escapeDnComponent,
  firstRdn,
  isDnUnder,
  isEscaped,
  rdnKey,
  rdnMatches,
  splitDn,
  unescapeDnValue,
} from './dn'

describe('splitDn', () => {
  it.each([
    [
      'CN=Joe,OU=Users,DC=contoso,DC=com',
      [
        ['CN', 'Joe'],
        ['OU', 'Users'],
        ['DC', 'contoso'],
        ['DC', 'com'],
      ],
    ],
    [
      'CN=Smith\\, John , OU=Users',
      [
        ['CN', 'Smith\\, John'],
        ['OU', 'Users'],
      ],
    ],
    [
      'CN=trailing\\ ,DC=x',
      [
        ['CN', 'trailing\\ '],
        ['DC', 'x'],
      ],
    ],
    [
      'CN="Doe, Jane";O=Org',
      [
        ['CN', '"Doe, Jane"'],
        ['O', 'Org'],
      ],
    ],
    [
      'CN=Joe\\0ACNF:guid,DC=x',
      [
        ['CN', 'Joe\\0ACNF:guid'],
        ['DC', 'x'],
      ],
    ],
    ['', []],
  ])('%j', (dn, expected) => {
    expect(splitDn(dn).map((rdn) => [rdn.type, rdn.value])).toEqual(expected)
  })
})

describe('escapeDnComponent', () => {
  it.each([
    ['CN=Doe, John', 'CN=Doe\\, John'],
    ['cn=a+b', 'cn=a\\+b'],
    ['#hash', '\\#hash'],
    ['line\nbreak', 'line\\0Abreak'],
    ['1.2.3=value;', '1.2.3=value\\;'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeDnComponent(input)).toBe(expected)
  })
})

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

describe('isDnUnder', () => {
  it.each([
    ['CN=Ana,OU=Corp,DC=contoso,DC=com', 'OU=Corp,DC=contoso,DC=com', true],
    ['CN=Ana,ou=corp, dc=contoso,dc=com', 'OU=Corp,DC=contoso,DC=com', true],
    ['CN=Ana,OU=NotCorp,DC=contoso,DC=com', 'OU=Corp,DC=contoso,DC=com', false],
    ['OU=Corp,DC=contoso,DC=com', 'OU=Corp,DC=contoso,DC=com', true],
    ['CN=Smith\\, Jo,OU=Corp,DC=contoso,DC=com', 'OU=Corp,DC=contoso,DC=com', true],
    ['CN=Ana,OU=Sales\\2C EMEA,DC=contoso,DC=com', 'OU=Sales\\, EMEA,DC=contoso,DC=com', true],
    ['CN=Ana,OU=a\\\\,DC=contoso,DC=com', 'DC=contoso,DC=com', true],
    ['CN=Ana;OU=Corp;DC=contoso;DC=com', 'OU=Corp,DC=contoso,DC=com', true],
    ['CN=Ana,OU="Corp, West",DC=contoso,DC=com', 'OU=Corp\\, West,DC=contoso,DC=com', true],
    ['DC=contoso,DC=com', 'OU=Corp,DC=contoso,DC=com', false],
    ['CN=Ana,DC=contoso,DC=com', '', false],
  ])('%s under %s: %s', (dn, container, expected) => {
    expect(isDnUnder(dn, container)).toBe(expected)
  })
})

describe('dnDepth', () => {
  it.each([
    ['', 0],
    ['DC=com', 1],
    ['OU=Sales\\,EMEA,DC=contoso,DC=com', 3],
  ])('%j has %i RDNs', (dn, depth) => {
    expect(dnDepth(dn)).toBe(depth)
  })
})
