import { describe, expect, it } from 'vitest'
import { AAD_CONNECTOR_XML, AD_CONNECTOR_XML, MV_XML } from '../../../test-support/serverconfig-fixtures'
import { parseXmlTree } from '../../xml/element-tree'
import { connectorTypeOf, readConnectorXml } from './connector-xml'
import { readMvXml } from './mv-xml'

function tree(xml: string) {
  const parsed = parseXmlTree(xml)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.root
}

describe('readConnectorXml', () => {
  it('reads an AD connector with an opaque-id schema, partitions and parameters', () => {
    const { connector, issues } = readConnectorXml(tree(AD_CONNECTOR_XML), 'Connectors/ad.xml')

    expect(issues).toEqual([])
    expect(connector).toMatchObject({
      id: 'aaaa0000-1111-4222-8333-444455556666',
      name: 'corp.example.com',
      type: 'AD',
      category: 'AD',
      selectedAttributes: ['department', 'proxyAddresses', 'userAccountControl'],
      parameters: [
        ['forest-login-user', 'MSOL_0001'],
        ['Forest.Netbios', 'CORP'],
      ],
      partitions: [
        {
          name: 'DC=corp,DC=example,DC=com',
          selected: true,
          objectClasses: ['user', 'group'],
          inclusions: ['OU=Staff,DC=corp,DC=example,DC=com'],
          exclusions: ['OU=Disabled,DC=corp,DC=example,DC=com'],
          parameters: [['Domain.FQDN', 'corp.example.com']],
        },
      ],
    })
    expect(connector?.schema.classes).toEqual([
      { name: 'user', attributes: ['department', 'manager', 'userAccountControl'] },
    ])
    expect(connector?.schema.attributes.map((a) => [a.name, a.syntax, a.multiValued])).toEqual([
      ['department', 'String', false],
      ['manager', 'Reference', false],
      ['proxyAddresses', 'String', true],
      ['userAccountControl', 'Integer', false],
    ])
  })

  it('reads an Entra ID connector with a prefixed schema and recognises it by its fixed id', () => {
    const { connector } = readConnectorXml(tree(AAD_CONNECTOR_XML), 'Connectors/aad.xml')

    expect(connector?.id).toBe('b891884f-051e-4a83-95af-2544101c9083')
    expect(connector?.type).toBe('AAD')
    expect(connector?.schema.classes).toEqual([{ name: 'user', attributes: ['department'] }])
    expect(connector?.partitions).toEqual([])
  })

  it('refuses a connector without id', () => {
    const { connector, issues } = readConnectorXml(tree('<ma-data><name>x</name></ma-data>'), 'c.xml')

    expect(connector).toBeNull()
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'c.xml', line: 1 })
  })

  it.each([
    ['b891884f-051e-4a83-95af-2544101c9083', 'Extensible2', '', 'AAD'],
    ['x', 'Extensible2', 'Microsoft Entra ID (Microsoft)', 'AAD'],
    ['x', 'AD', '', 'AD'],
    ['x', 'Extensible2', 'Generic LDAP', 'Other'],
  ] as const)('connectorTypeOf(%s, %s, %s) = %s', (id, category, subtype, expected) => {
    expect(connectorTypeOf(id, category, subtype)).toBe(expected)
  })
})

describe('readMvXml', () => {
  it('reads the metaverse schema, parameters and header', () => {
    const metaverse = readMvXml(tree(MV_XML))

    expect(metaverse.server).toBe('SYNC01')
    expect(metaverse.exportDate).toBe('2026-11-20 10:00:00.000')
    expect(metaverse.serverConfigurationVersion).toBe('2.4.27.0')
    expect(metaverse.schema.classes.map((c) => c.name)).toEqual(['person', 'group'])
    expect(metaverse.schema.attributes.find((a) => a.name === 'accountName')).toMatchObject({
      indexable: true,
      multiValued: false,
    })
  })
})
