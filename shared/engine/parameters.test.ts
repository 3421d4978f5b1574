import { describe, expect, it } from 'vitest'
import { connectorParameters, fqdnOf, partitionOf } from './parameters'
import { connector } from './testing/scenario'

describe('connectorParameters', () => {
  it('derives Domain and Forest parameters from the partition and marks them inferred', () => {
    const ad = connector({
      name: 'contoso.com',
      partitions: ['DC=contoso,DC=com', 'DC=emea,DC=contoso,DC=com'],
    })

    const parameters = connectorParameters(ad, 'CN=Ada,OU=Users,DC=emea,DC=contoso,DC=com')

    expect(
      ['Domain.LDAP', 'Domain.FQDN', 'Domain.Netbios', 'Forest.FQDN', 'Forest.LDAP', 'Forest.Netbios'].map(
        (name) => parameters.get(name),
      ),
    ).toEqual([
      'DC=emea,DC=contoso,DC=com',
      'emea.contoso.com',
      'EMEA',
      'emea.contoso.com',
      'DC=emea,DC=contoso,DC=com',
      'EMEA',
    ])
    expect(parameters.inferred).toEqual([
      'Domain.LDAP',
      'Domain.FQDN',
      'Domain.Netbios',
      'Forest.FQDN',
      'Forest.LDAP',
      'Forest.Netbios',
    ])
    expect(parameters.get('Connector.ID')).toBe(ad.id)
  })

  it('prefers the parameters the export gives, case-insensitively', () => {
    const ad = {
      ...connector({
        name: 'contoso.com',
        parameters: { 'forest-name': 'contoso.com', 'Forest.Netbios': 'CONTOSO' },
      }),
      partitions: [
        {
          name: 'DC=contoso,DC=com',
          selected: true,
          objectClasses: [],
          inclusions: [],
          exclusions: [],
          parameters: [['Domain.Netbios', 'CONTOSO-NB'] as const],
        },
      ],
    }

    const parameters = connectorParameters(ad, 'CN=Ada,DC=contoso,DC=com')

    expect(parameters.get('domain.netbios')).toBe('CONTOSO-NB')
    expect(parameters.get('Forest.FQDN')).toBe('contoso.com')
    expect(parameters.get('Forest.Netbios')).toBe('CONTOSO')
    expect(parameters.inferred).not.toContain('Domain.Netbios')
    expect(parameters.inferred).not.toContain('Forest.Netbios')
  })

  it('leaves Domain parameters unknown for a partition that is not a DN', () => {
    const aad = connector({ name: 'aad', partitions: ['default'] })

    const parameters = connectorParameters(aad, 'CN={abc}')

    expect(parameters.get('Domain.FQDN')).toBeUndefined()
    expect(parameters.get('Connector.ID')).toBe(aad.id)
  })
})

describe('partitionOf', () => {
  it('falls back to the first selected partition when no partition holds the DN', () => {
    const ad = connector({ name: 'x', partitions: ['DC=a,DC=com', 'DC=b,DC=com'] })

    expect(partitionOf(ad, 'CN=z,DC=c,DC=com')?.name).toBe('DC=a,DC=com')
  })
})

describe('fqdnOf', () => {
  it.each([
    ['DC=contoso,DC=com', 'contoso.com'],
    ['dc=emea, dc=contoso, dc=com', 'emea.contoso.com'],
    ['OU=x', undefined],
  ])('%s -> %s', (ldap, fqdn) => {
    expect(fqdnOf(ldap)).toBe(fqdn)
  })
})
