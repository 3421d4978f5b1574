import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MvObject } from '../../model/objects'
import { DOCTYPE_REFUSED } from '../../xml/testing/reference-xml-scanner'
import { encodeDocument, type DocumentEncoding } from '../../xml/testing/xml-arbitraries'
import { readMvObjectsBytes } from './read-mv-objects-bytes'

const FIXTURES = path.join(__dirname, 'fixtures')
const MV_OBJECTS = fs.readFileSync(path.join(FIXTURES, 'mv-objects.xml'), 'utf8')
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const NO_LINEAGE = { lineageId: null, connectorId: null, connectorName: null, syncRuleName: null, time: null }

describe('MvObjectsReader', () => {
  it('maps attributes with the lineage of every value and the connected CS objects', () => {
    const { objects, issues, summary } = readMvObjectsBytes(encode(MV_OBJECTS), { file: 'mv-objects.xml' })

    expect(issues).toEqual([])
    expect(summary).toEqual({
      objects: 2,
      partial: false,
      bytes: encode(MV_OBJECTS).length,
      invalidTextValues: 0,
    })
    expect(objects[0]).toEqual<MvObject>({
      id: '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b',
      objectType: 'person',
      attributes: [
        {
          name: 'displayName',
          type: 'String',
          multiValued: false,
          values: ['Jane Doe & Co'],
          lineage: [
            {
              lineageId: 'a72c40f1-8c05-43bc-91f2-ecbfeb57c05a',
              connectorId: 'ae4db4cc-0000-4000-8000-000000000001',
              connectorName: 'contoso.com',
              syncRuleName: 'In from AD - User Common',
              time: '2024-05-01 10:00:00.000',
            },
          ],
        },
        {
          name: 'proxyAddresses',
          type: 'String',
          multiValued: true,
          values: ['SMTP:jane@contoso.com', 'smtp:jd@contoso.com'],
          lineage: [
            {
              lineageId: 'b1b1b1b1-0000-4000-8000-000000000004',
              connectorId: null,
              connectorName: 'contoso.com',
              syncRuleName: 'In from AD - User Exchange',
              time: null,
            },
            {
              lineageId: null,
              connectorId: 'ae4db4cc-0000-4000-8000-000000000001',
              connectorName: 'contoso.com',
              syncRuleName: 'In from AD - User Exchange',
              time: '2024-05-03',
            },
          ],
        },
        {
          name: 'accountEnabled',
          type: 'Boolean',
          multiValued: false,
          values: ['true'],
          lineage: [NO_LINEAGE],
        },
        {
          name: 'sourceAnchorBinary',
          type: 'Binary',
          multiValued: false,
          values: ['AQIDBA=='],
          lineage: [NO_LINEAGE],
        },
        {
          name: '__proto__',
          type: 'String',
          multiValued: false,
          values: ['constructor'],
          lineage: [NO_LINEAGE],
        },
        {
          name: 'manager',
          type: 'Reference',
          multiValued: false,
          values: ['{11111111-2222-4333-8444-555555555555}'],
          lineage: [
            {
              ...NO_LINEAGE,
              lineageId: 'c2c2c2c2-0000-4000-8000-000000000005',
              connectorName: 'contoso.com',
            },
          ],
        },
      ],
      connections: [
        {
          csId: '6a3e2c1b-1111-4222-8333-944445555666',
          csDn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
          connectorId: 'ae4db4cc-0000-4000-8000-000000000001',
          connectorName: 'contoso.com',
          lineageId: '0d0d0d0d-0000-4000-8000-000000000003',
          lineageType: 'Join',
          lineageTime: '2024-05-01 10:00:00.000',
        },
        {
          csId: '7b7b7b7b-0000-4000-8000-000000000006',
          csDn: 'CN={41414141-4242-4343-8444-454545454545}',
          connectorId: 'b891884f-051e-4a83-95af-2544101c9083',
          connectorName: 'contoso.onmicrosoft.com - AAD',
          lineageId: null,
          lineageType: 'Provision',
          lineageTime: null,
        },
      ],
    })
  })

  it('takes the object type from the primary object class when object-type is missing', () => {
    const { objects } = readMvObjectsBytes(encode(MV_OBJECTS), { file: 'mv-objects.xml' })

    expect(objects[1]).toMatchObject({ id: '00000000-0000-4000-8000-0000000000b2', objectType: 'group' })
    expect(objects[1].attributes[0]).toMatchObject({ name: 'member', type: 'Reference', multiValued: true })
  })

  it('skips broken objects and warns once about what has no place in the model', () => {
    const { objects, issues } = readMvObjectsBytes(fs.readFileSync(path.join(FIXTURES, 'mv-odd.xml')), {
      file: 'mv-odd.xml',
    })

    expect(objects).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000002',
        objectType: 'person',
        attributes: [
          { name: 'weird', type: 'String', multiValued: false, values: ['12'], lineage: [NO_LINEAGE] },
        ],
        connections: [],
      },
    ])
    expect(issues.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'an mv-object has no id attribute; it was skipped'],
      [4, 'an mv-object has an id that is not a GUID ("not-a-guid"); it was skipped'],
      [
        5,
        'mv-object 00000000-0000-4000-8000-000000000001 has no object-type and no primary object class; it was skipped',
      ],
      [null, 'ignored attribute "colour" on <mv-object>: the metaverse model has no place for it'],
      [8, 'unknown attribute type "money" (attribute weird); its values are read as strings'],
      [null, 'ignored attribute "lineage-mood" on <value>: the metaverse model has no place for it'],
      [9, 'ignored <mv-objects/mv-object/entry/extra-entry-part>: the metaverse model has no place for it'],
      [
        6,
        'mv-object 00000000-0000-4000-8000-000000000002: a <cs-mv-value> without a valid cs-guid (cs-dn "CN=Orphan") was skipped',
      ],
      [14, 'ignored <mv-objects/mv-object/extra-object-part>: the metaverse model has no place for it'],
    ])
  })

  it.each<DocumentEncoding>(['utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'])(
    'reads the fixture the same in %s with CRLF',
    (encoding) => {
      const plain = readMvObjectsBytes(encode(MV_OBJECTS), { file: 'mv-objects.xml' })

      const result = readMvObjectsBytes(encodeDocument(MV_OBJECTS.replace(/\n/g, '\r\n'), encoding), {
        file: 'mv-objects.xml',
        chunkBytes: 5,
      })

      expect(result.objects).toEqual(plain.objects)
      expect(result.issues).toEqual([])
    },
  )

  it('delivers the objects before a truncation and reports it', () => {
    const cut = MV_OBJECTS.indexOf('<primary-objectclass>group')

    const { objects, issues, summary } = readMvObjectsBytes(encode(MV_OBJECTS.slice(0, cut)), {
      file: 'cut.xml',
    })

    expect(objects).toHaveLength(1)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'cut.xml', line: 37 })
    expect(issues[0].message).toContain('the file ends inside <entry>')
    expect(summary.partial).toBe(true)
  })

  it('refuses a DOCTYPE', () => {
    const xml = '<!DOCTYPE mv-objects [<!ENTITY x SYSTEM "file:///etc/passwd">]><mv-objects>&x;</mv-objects>'

    const { objects, issues, summary } = readMvObjectsBytes(encode(xml), { file: 'evil.xml' })

    expect(objects).toEqual([])
    expect(issues[0].message).toContain(DOCTYPE_REFUSED)
    expect(summary.partial).toBe(true)
  })

  it('reports a file that is not a metaverse export', () => {
    const { objects, issues, summary } = readMvObjectsBytes(encode('<cs-objects/>'), { file: 'cs.xml' })

    expect(objects).toEqual([])
    expect(issues.map((issue) => issue.message)).toEqual([
      'this is not a metaverse object export: the root element is <cs-objects>, expected <mv-objects> (Get-ADSyncMVObject .SerializedXml)',
    ])
    expect(summary.partial).toBe(true)
  })
})
