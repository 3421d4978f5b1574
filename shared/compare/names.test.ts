import { describe, expect, it } from 'vitest'
import { dnKey, sameName, setChanges } from './names'

describe('dnKey', () => {
  it.each([
    ['OU=Users, DC=contoso, DC=com', 'ou=users,dc=contoso,dc=com'],
    ['OU=Sales\\2C EMEA,DC=contoso,DC=com', 'ou=sales\\, emea,dc=contoso,dc=com'],
    ['OU = Sales ,DC=contoso;DC=com', 'OU=Sales,DC=contoso,DC=com'],
  ])('gives %s and %s one key', (left, right) => {
    expect(dnKey(left)).toBe(dnKey(right))
  })

  it.each([
    ['OU=a\\,b=c,DC=x', 'OU=a,b=c,DC=x'],
    ['OU=Sales,DC=contoso,DC=com', 'OU=Sales,DC=dev,DC=contoso,DC=com'],
  ])('keeps %s and %s apart', (left, right) => {
    expect(dnKey(left)).not.toBe(dnKey(right))
  })
})

describe('names', () => {
  it('compares names without case or surrounding spaces', () => {
    expect(sameName(' contoso.com', 'CONTOSO.COM')).toBe(true)
    expect(sameName('contoso.com', 'contoso.co')).toBe(false)
  })

  it('lists set changes once each, in their own spelling, ignoring case', () => {
    expect(setChanges(['mail', 'Department', 'title'], ['MAIL', 'department', 'mobile', 'Mobile'])).toEqual({
      added: ['mobile'],
      removed: ['title'],
    })
  })
})
