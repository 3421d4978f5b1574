import { describe, expect, it } from 'vitest'
import type { Connector, Partition } from '../model/connector'
import { EMPTY_SCHEMA } from '../model/schema'
import { containerVerdict, containerVerdictText, missingDnText } from './container-filter'

function partition(fields: Partial<Partition> = {}): Partition {
  return {
    name: 'DC=contoso,DC=com',
    selected: true,
    objectClasses: ['user', 'group', 'contact'],
    inclusions: ['OU=Corp,DC=contoso,DC=com'],
    exclusions: ['OU=Disabled,OU=Corp,DC=contoso,DC=com'],
    parameters: [],
    ...fields,
  }
}

function connector(partitions: readonly Partition[]): Connector {
  return {
    id: 'ad',
    name: 'contoso.com',
    type: 'AD',
    category: 'AD',
    subtype: '',
    description: '',
    selectedAttributes: [],
    partitions,
    schema: EMPTY_SCHEMA,
    parameters: [],
    origin: 'Connectors/ad.xml',
  }
}

describe('containerVerdict', () => {
  const ad = connector([partition(), partition({ name: 'DC=emea,DC=contoso,DC=com', selected: false })])

  it('lets an object under an included container in', () => {
    expect(containerVerdict(ad, 'CN=Ana,OU=Sales,OU=Corp,DC=contoso,DC=com', 'user')).toEqual({
      kind: 'in-filter',
    })
  })

  it('names the excluded container an object lies under, the most specific container deciding', () => {
    const verdict = containerVerdict(ad, 'CN=Bo,OU=Disabled,OU=Corp,DC=contoso,DC=com', 'user')

    expect(verdict).toEqual({
      kind: 'excluded-container',
      container: 'OU=Disabled,OU=Corp,DC=contoso,DC=com',
      partition: 'DC=contoso,DC=com',
    })
    expect(containerVerdictText(ad, verdict)).toBe(
      'It lies under OU=Disabled,OU=Corp,DC=contoso,DC=com, a container "contoso.com" excludes (Configure Directory Partitions).',
    )
  })

  it('tells an unselected partition, a DN outside every inclusion and one in no partition apart', () => {
    expect(containerVerdict(ad, 'CN=Eve,DC=emea,DC=contoso,DC=com').kind).toBe('unselected-partition')
    expect(containerVerdict(ad, 'CN=Max,CN=Users,DC=contoso,DC=com').kind).toBe('not-included')
    expect(containerVerdict(ad, 'CN=Zed,DC=fabrikam,DC=com').kind).toBe('no-partition')
  })

  it('filters an object class the partition does not select', () => {
    expect(containerVerdict(ad, 'CN=PC1,OU=Corp,DC=contoso,DC=com', 'computer')).toEqual({
      kind: 'object-class-not-selected',
      objectClass: 'computer',
      partition: 'DC=contoso,DC=com',
    })
  })

  it('judges nothing for a connector without partitions', () => {
    expect(containerVerdict(connector([]), 'CN=Any,DC=x', 'user')).toEqual({ kind: 'in-filter' })
  })
})

describe('missingDnText', () => {
  const ad = connector([partition(), partition({ name: 'DC=emea,DC=contoso,DC=com', selected: false })])

  it.each([
    ['CN=Bo,OU=Disabled,OU=Corp,DC=contoso,DC=com', /excludes.*OU_FILTERED/],
    ['CN=Eve,DC=emea,DC=contoso,DC=com', /not selected on "contoso.com".*OU_FILTERED/],
    ['CN=Ana,OU=Sales,OU=Corp,DC=contoso,DC=com', /inside the filter of "contoso.com": it is absent/],
    ['CN=Zed,DC=fabrikam,DC=com', /in no partition of any connector/],
  ])('explains %s', (dn, text) => {
    expect(missingDnText([ad], dn)).toMatch(text)
  })
})
