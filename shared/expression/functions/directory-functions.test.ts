import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

const DN = 'cn=Joe,ou=Atlanta,ou=GA,ou=US, dc=contoso,dc=com'

describe('directory functions', () => {
  it.each([
    ['DNComponent(CRef("cn=Joe,ou=x,dc=contoso,dc=com"),1)', 'Joe'],
    ['DNComponent(CRef([dn]),2)', 'Atlanta'],
    ['DNComponent(CRef([dn]),9)', 'null'],
    ['DNComponent(CRef([dn]),0)', 'null'],
    ['DNComponentRev(CRef([dn]),3)', 'US'],
    ['DNComponentRev(CRef([dn]),1,"DC")', 'US'],
    ['DNComponentRev(CRef([dn]),1,"dc")', 'US'],
    ['DNComponentRev(CRef([dn]),1)', 'com'],
    ['DNComponent(CRef("CN=Smith\\\\, John,OU=Users,DC=x"),1)', 'Smith\\, John'],
    ['DNComponent(CRef("CN=Smith\\\\, John,OU=Users,DC=x"),2)', 'Users'],
    ['DNComponent(CRef("CN=\\"Doe, Jane\\",OU=Users"),2)', 'Users'],
    ['DNComponent("CN=Plain,DC=x",1)', 'Plain'],
    ['EscapeDNComponent("CN=Smith, John")', 'CN=Smith\\, John'],
    ['EscapeDNComponent("Smith, John")', 'Smith\\, John'],
    ['EscapeDNComponent("cn= lead+trail ")', 'cn=\\ lead\\+trail\\ '],
    ['EscapeDNComponent("cn=#1 <a>;b\\\\c=\\"d\\"")', 'cn=\\#1 \\<a\\>\\;b\\\\c\\=\\"d\\"'],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression, { attributes: { dn: DN } })).toEqual(expected)
  })

  it('keeps escapes in a component so the CNF check of the default rules can find "\\0ACNF:"', () => {
    const dn = {
      kind: 'reference' as const,
      dn: 'CN=Joe\\0ACNF:8c9bd6b1-a5d1-4b1a-9f0e-ae6c5a0d5e8a,OU=Users,DC=contoso,DC=com',
    }

    expect(valueOf('CBool(InStr(DNComponent(CRef([dn]),1),"\\\\0ACNF:")>0)', { attributes: { dn } })).toBe(
      true,
    )
  })

  it('applies to each value of a multi-valued reference attribute', () => {
    const member = [
      { kind: 'reference' as const, dn: 'CN=A,OU=X,DC=c' },
      { kind: 'reference' as const, dn: 'CN=B,OU=Y,DC=c' },
    ]

    expect(valueOf('DNComponent([member],2)', { attributes: { member } })).toEqual(['X', 'Y'])
  })

  it('rejects an unknown DNComponentRev option', () => {
    expect(valueOf('DNComponentRev(CRef([dn]),1,"OU")', { attributes: { dn: DN } })).toContain('must be "DC"')
  })
})
