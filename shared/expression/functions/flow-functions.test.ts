import { describe, expect, it } from 'vitest'
import { outcomeOf, run, valueOf } from '../testing/eval-helpers'

describe('flow and engine functions', () => {
  it('Error raises a custom error at the position of the call', () => {
    const outcome = outcomeOf('IIF(IsPresent([accountName]),[accountName],Error("AccountName is required"))')

    expect(outcome).toEqual({ kind: 'error', message: 'AccountName is required', position: 43, raised: true })
  })

  it('ImportedValue reads the imported value, falling back to the attribute when the context has none', () => {
    const withImported = {
      attributes: { proxyAddresses: ['smtp:new@x'] },
      imported: { proxyAddresses: ['smtp:old@x'] },
    }

    expect(valueOf('ImportedValue("proxyAddresses")', withImported)).toEqual(['smtp:old@x'])
    expect(valueOf('ImportedValue("proxyAddresses")', { attributes: { proxyAddresses: ['a'] } })).toEqual([
      'a',
    ])
    expect(run('ImportedValue("proxyAddresses")', withImported).attributesRead).toEqual(['proxyAddresses'])
  })

  it('ValueCount counts the values of the named attribute', () => {
    const member = ['CN=a', 'CN=b', 'CN=c']

    expect(valueOf('ValueCount("member")', { attributes: { member } })).toBe(3)
    expect(valueOf('ValueCount("member")')).toBe(0)
  })

  it.each([
    ['RegexIsMatch("abc123","^[a-z]+\\d+$")', true],
    ['RegexIsMatch("ABC","^[a-z]+$")', false],
    ['RegexIsMatch("ABC","^[a-z]+$","IgnoreCase")', true],
    ['RegexIsMatch([missing],"x")', false],
    ['RegexIsMatch(["a","1"],"\\d")', [false, true]],
  ])('%s = %j', (expression, expected) => {
    const value = valueOf(expression.replace('["a","1"]', '[values]'), { attributes: { values: ['a', '1'] } })

    expect(value).toEqual(expected)
  })

  it.each([
    ['RegexIsMatch("aa","(a)\\1")', 'Backreference'],
    ['RegexIsMatch("aa","a(?=a)")', 'Lookahead'],
    ['RegexIsMatch("aa","a","Fast")', 'Unknown regular expression option'],
    ['RegexIsMatch("aa","(a")', 'not closed'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression)).toContain(fragment)
  })
})
