import { describe, expect, it } from 'vitest'
import { escapeDnComponent, splitDn } from './distinguished-name'

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
