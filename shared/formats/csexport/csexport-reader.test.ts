import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLES_DIR, SAMPLES_SKIP_REASON, samplesAvailable } from '../../../test-support/samples'
import type { CsObject } from '../../model/objects'
import { readCsExportBytes } from './read-csexport-bytes'

const FIXTURES = path.join(__dirname, 'fixtures')
const DOC_EXAMPLE = path.join(SAMPLES_DIR, 'csexport', 'DOC-EXAMPLE_hologram-entry_ILM2007-ms697762.xml')
const docExampleAvailable = samplesAvailable && fs.existsSync(DOC_EXAMPLE)
const DOC_TITLE = 'reads the ILM 2007 documentation example of an entry'

function fixture(name: string): Uint8Array {
  return fs.readFileSync(path.join(FIXTURES, name))
}

function readFixture(name: string) {
  return readCsExportBytes(fixture(name), { file: name })
}

function only(objects: readonly CsObject[]): CsObject {
  expect(objects).toHaveLength(1)
  return objects[0]
}

describe('CsExportReader on the AAD Connect shapes', () => {
  it('maps every part of a full cs-object', () => {
    const { objects, issues, summary } = readFixture('aad-full-object.xml')

    expect(issues).toEqual([])
    expect(summary).toEqual({
      objects: 1,
      partial: false,
      bytes: fixture('aad-full-object.xml').length,
      invalidTextValues: 0,
    })
    const object = only(objects)
    expect(object).toEqual<CsObject>({
      id: '6a3e2c1b-1111-4222-8333-944445555666',
      connectorId: 'ae4db4cc-0000-4000-8000-000000000001',
      connectorName: 'contoso.com',
      dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
      objectType: 'user',
      transient: false,
      anchor: 'AQIDBA==',
      isConnector: true,
      connectorState: 'normal',
      mvLink: {
        mvObjectId: '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b',
        lineageId: '0d0d0d0d-0000-4000-8000-000000000003',
        lineageType: 'sync-rule',
        lineageTime: '2024-05-01 10:00:00.000',
      },
      lineage: [
        {
          syncRuleId: 'a72c40f1-8c05-43bc-91f2-ecbfeb57c05a',
          syncRuleName: 'In from AD - User Join',
          operation: 'Join',
        },
        {
          syncRuleId: 'b1b1b1b1-0000-4000-8000-000000000004',
          syncRuleName: 'In from AD - User Common',
          operation: 'Flow',
        },
      ],
      synchronized: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        primaryObjectClass: 'user',
        objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
        anchor: 'AQIDBA==',
        attributes: [
          {
            name: 'displayName',
            type: 'String',
            multiValued: false,
            values: ['Jane Doe & Co <HQ> \u2014 Zürich'],
          },
          { name: 'employeeID', type: 'Integer', multiValued: false, values: ['4711'] },
          { name: 'accountEnabled', type: 'Boolean', multiValued: false, values: ['true'] },
          { name: 'objectGUID', type: 'Binary', multiValued: false, values: ['AQIDBA=='] },
          { name: 'info', type: 'String', multiValued: false, values: ['Hello, Wörld'] },
          {
            name: 'otherTelephone',
            type: 'String',
            multiValued: true,
            values: ['+1 555 0100', '+1 555 0101'],
          },
          {
            name: 'memberOf',
            type: 'Reference',
            multiValued: true,
            values: ['CN=Group One,OU=Groups,DC=contoso,DC=com', 'CN=Group Two,OU=Groups,DC=contoso,DC=com'],
          },
        ],
      },
      pendingImportHologram: {
        dn: 'CN=Jane Smith,OU=Users,DC=contoso,DC=com',
        primaryObjectClass: 'user',
        objectClasses: [],
        anchor: null,
        attributes: [{ name: 'sn', type: 'String', multiValued: false, values: ['Smith'] }],
      },
      unappliedExportHologram: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        primaryObjectClass: null,
        objectClasses: [],
        anchor: null,
        attributes: [{ name: 'department', type: 'String', multiValued: false, values: ['Sales'] }],
      },
      unconfirmedExportHologram: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        primaryObjectClass: null,
        objectClasses: [],
        anchor: null,
        attributes: [],
      },
      escrowedExportHologram: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        primaryObjectClass: null,
        objectClasses: [],
        anchor: null,
        attributes: [{ name: 'title', type: 'String', multiValued: false, values: ['Lead'] }],
      },
      pendingImport: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        newDn: 'CN=Jane Smith,OU=Users,DC=contoso,DC=com',
        operation: 'update',
        primaryObjectClass: 'user',
        attributes: [
          {
            name: 'sn',
            type: 'String',
            multiValued: false,
            operation: 'replace',
            values: [{ value: 'Smith', operation: null }],
          },
          {
            name: 'proxyAddresses',
            type: 'String',
            multiValued: true,
            operation: 'update',
            values: [
              { value: 'smtp:jane.smith@contoso.com', operation: 'add' },
              { value: 'smtp:jane.doe@contoso.com', operation: 'delete' },
            ],
          },
          {
            name: 'manager',
            type: 'Reference',
            multiValued: false,
            operation: 'replace',
            values: [{ value: 'CN=Boss,OU=Users,DC=contoso,DC=com', operation: 'add' }],
          },
        ],
      },
      unappliedExport: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        newDn: null,
        operation: 'add',
        primaryObjectClass: 'user',
        attributes: [
          {
            name: 'department',
            type: 'String',
            multiValued: false,
            operation: null,
            values: [{ value: 'Sales', operation: null }],
          },
        ],
      },
      unconfirmedExport: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        newDn: null,
        operation: 'delete-add',
        primaryObjectClass: null,
        attributes: [],
      },
      escrowedExport: {
        dn: 'CN=Jane Doe,OU=Users,DC=contoso,DC=com',
        newDn: null,
        operation: 'replace',
        primaryObjectClass: null,
        attributes: [
          {
            name: 'title',
            type: 'String',
            multiValued: false,
            operation: null,
            values: [{ value: 'Lead', operation: null }],
          },
        ],
      },
      importError: {
        kind: 'import',
        name: 'sync-rule-error-function-triggered',
        code: null,
        message: 'sync-rule-error-function-triggered',
        detail: 'Error("Missing mail") in In from AD - User Common',
        step: 'Inbound attribute flow',
        firstOccurred: '2024-05-01 08:00:00.000',
        lastOccurred: '2024-05-02 08:00:00.000',
        retryCount: 3,
      },
      exportError: {
        kind: 'export',
        name: 'AttributeValueMustBeUnique',
        code: null,
        message: 'The value of proxyAddresses is already used by another object.',
        detail: null,
        step: null,
        firstOccurred: null,
        lastOccurred: null,
        retryCount: null,
      },
      unknown: [
        { name: '@status', text: 'active' },
        { name: 'partition-id', text: '{F0F0F0F0-0000-4000-8000-000000000002}' },
        { name: 'partition-name', text: 'DC=contoso,DC=com' },
        { name: 'pending-import/delta/anchor', text: 'AQIDBA==' },
        { name: 'synchronized-hologram/entry/parent-anchor', text: 'CQoLDA==' },
        { name: 'unapplied-export/delta/objectclass', text: 'user' },
        { name: 'import-errordetail/import-status/rules-error-info/context/@ma-name', text: 'contoso.com' },
        { name: 'last-import-delta-time', text: '2024-05-02 08:00:00.000' },
      ],
    })
  })

  it('fills connector id and name from the options when the objects do not carry them', () => {
    const xml =
      '<cs-objects><cs-object cs-dn="CN=A" id="{00000000-0000-4000-8000-000000000001}" object-type="user"/></cs-objects>'

    const { objects } = readCsExportBytes(new TextEncoder().encode(xml), {
      file: 'a.xml',
      connectorId: '{B891884F-051E-4A83-95AF-2544101C9083}',
      connectorName: 'contoso.onmicrosoft.com - AAD',
    })

    expect(only(objects)).toMatchObject({
      connectorId: 'b891884f-051e-4a83-95af-2544101c9083',
      connectorName: 'contoso.onmicrosoft.com - AAD',
      isConnector: false,
      mvLink: null,
      synchronized: null,
      lineage: [],
      unknown: [],
    })
  })

  it('reads a single cs-object without the cs-objects wrapper', () => {
    const xml = '<cs-object cs-dn="CN=A" id="{00000000-0000-4000-8000-000000000001}" object-type="user"/>'

    const { objects, summary } = readCsExportBytes(new TextEncoder().encode(xml), { file: 'a.xml' })

    expect(only(objects).dn).toBe('CN=A')
    expect(summary.partial).toBe(false)
  })
})

describe('CsExportReader on the FIM-era shapes', () => {
  it('maps hologram, export-hologram, cs-mv-links and export-error attributes', () => {
    const crlf = new TextDecoder().decode(fixture('fim-shapes.xml')).replace(/\n/g, '\r\n')

    const { objects, issues } = readCsExportBytes(new TextEncoder().encode(crlf), { file: 'fim-shapes.xml' })

    expect(issues).toEqual([])
    const object = only(objects)
    expect(object).toMatchObject({
      id: '68c3525f-1235-41ee-bd97-431be85a0aca',
      dn: 'UK0057339',
      objectType: 'person',
      transient: true,
      isConnector: false,
      connectorState: 'stay',
      lineage: [
        {
          syncRuleId: '11111111-2222-4333-8444-555555555555',
          syncRuleName: null,
          operation: 'projection-rules',
        },
      ],
      exportError: {
        kind: 'export',
        name: 'permission-issue',
        code: '0x80070005',
        message: 'Access is denied.',
        detail: '00000005: SecErr: DSID-031521D2, problem 4003',
        step: null,
        firstOccurred: '2009-02-01 10:00:00.000',
        lastOccurred: '2009-02-02 10:00:00.000',
        retryCount: 2,
      },
      importError: null,
    })
    expect(object.synchronized).toEqual({
      dn: 'cn=Smith\\, Jon,cn=Recipients,ou=fabrikam',
      primaryObjectClass: 'person',
      objectClasses: [],
      anchor: null,
      attributes: [
        {
          name: 'telephone',
          type: 'String',
          multiValued: true,
          values: ['(425)-882-8080', '(425)-706-7789'],
        },
        { name: 'salaried', type: 'Boolean', multiValued: false, values: ['true'] },
        { name: 'untyped', type: 'String', multiValued: false, values: ['one'] },
      ],
    })
    expect(object.unappliedExportHologram?.attributes).toEqual([
      { name: 'building', type: 'Integer', multiValued: false, values: ['40'] },
    ])
    expect(object.unknown).toEqual([
      { name: 'cs-mv-links/cs-mv-value/cs-dn', text: 'UK0057339' },
      { name: 'cs-mv-links/cs-mv-value/cs-guid', text: '{68C3525F-1235-41EE-BD97-431BE85A0ACA}' },
      { name: 'cs-mv-links/cs-mv-value/ma-name', text: 'HR' },
      { name: 'cs-mv-links/cs-mv-value/ma-guid', text: '{22222222-3333-4444-8555-666666666666}' },
    ])
  })

  it.skipIf(!docExampleAvailable)(
    docExampleAvailable ? DOC_TITLE : `${DOC_TITLE} (${SAMPLES_SKIP_REASON})`,
    () => {
      const entry = fs.readFileSync(DOC_EXAMPLE, 'utf8')
      const xml = `<cs-objects><cs-object cs-dn="cn=Jeff, cn=A" id="{68C3525F-1235-41EE-BD97-431BE85A0ACA}" object-type="user"><synchronized-hologram>${entry.replace(/<!--[\s\S]*?-->/, '')}</synchronized-hologram></cs-object></cs-objects>`

      const { objects, issues } = readCsExportBytes(new TextEncoder().encode(xml), {
        file: 'doc-example.xml',
      })

      expect(issues).toEqual([])
      const object = only(objects)
      expect(object.synchronized).toEqual({
        dn: 'cn=Jeff, cn=A',
        primaryObjectClass: 'user',
        objectClasses: ['top', 'organizationalPerson', 'user'],
        anchor: 'ZqXeAQI=',
        attributes: [
          { name: 'manager', type: 'Reference', multiValued: false, values: ['cn=Mary, cn=A'] },
          { name: 'salaried', type: 'Boolean', multiValued: false, values: ['true'] },
          { name: 'building', type: 'Integer', multiValued: false, values: ['40'] },
          { name: 'certificate', type: 'Binary', multiValued: false, values: ['EsCCxQI='] },
          {
            name: 'telephone',
            type: 'String',
            multiValued: true,
            values: ['(425)-882-8080', '(425)-706-7789'],
          },
        ],
      })
      expect(object.unknown).toEqual([{ name: 'synchronized-hologram/entry/attr/value/entity', text: '' }])
    },
  )
})

describe('CsExportReader on broken objects', () => {
  it('skips objects without a usable id or DN with a warning naming them, and repairs what it can', () => {
    const { objects, issues, summary } = readFixture('broken-objects.xml')

    expect(objects.map((object) => [object.dn, object.objectType])).toEqual([
      ['CN=First,DC=contoso,DC=com', 'user'],
      ['CN=From Hologram,DC=contoso,DC=com', 'group'],
      ['CN=Last,DC=contoso,DC=com', 'contact'],
    ])
    expect(objects[1].pendingImport?.operation).toBe('none')
    expect(objects[1].synchronized?.attributes[0]).toEqual({
      name: 'weird',
      type: 'String',
      multiValued: false,
      values: ['12'],
    })
    expect(issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([
      ['warning', 4, 'cs-object "CN=No Id,DC=contoso,DC=com" has no id attribute; it was skipped'],
      [
        'warning',
        5,
        'cs-object "CN=Bad Id,DC=contoso,DC=com" has an id that is not a GUID ("not-a-guid"); it was skipped',
      ],
      [
        'warning',
        6,
        'cs-object 00000000-0000-4000-8000-000000000002 has no cs-dn and no hologram DN; it was skipped',
      ],
      [
        'warning',
        7,
        'cs-object "CN=No Type,DC=contoso,DC=com" has no object-type and no primary object class; it was skipped',
      ],
      ['warning', 12, 'unknown attribute type "money" (attribute weird); its values are read as strings'],
      ['warning', 8, 'unknown delta operation "explode"; read as "none"'],
    ])
    expect(issues.every((issue) => issue.file === 'broken-objects.xml')).toBe(true)
    expect(summary).toMatchObject({ objects: 3, partial: false })
  })
})

describe('CsExportReader on unknown elements', () => {
  it('keeps unknown elements as name and text, and treats __proto__ and constructor as plain names', () => {
    const { objects, issues } = readFixture('unknown-elements.xml')

    const object = only(objects)
    expect(object.dn).toBe('CN=__proto__,DC=contoso,DC=com')
    expect(object.objectType).toBe('constructor')
    expect(object.synchronized?.attributes.map((attribute) => [attribute.name, attribute.values])).toEqual([
      ['__proto__', ['toString']],
      ['constructor', ['hasOwnProperty']],
      ['toString', ['__proto__']],
    ])
    expect(object.unknown).toEqual([
      { name: '@__proto__', text: 'p' },
      { name: '@constructor', text: 'c' },
      { name: 'import-delta-operation', text: 'none' },
      { name: 'future-element', text: 'outer nested one\nnested two\n tail' },
      { name: 'synchronized-hologram/entry/attr/future-value-part', text: '' },
      { name: 'synchronized-hologram/entry/future-entry-part', text: 'kept' },
      { name: 'synchronized-hologram/future-hologram-part', text: '' },
    ])
    expect(issues.map((issue) => issue.message)).toEqual([
      'ignored <stray-element> elements directly under <cs-objects>',
    ])
  })

  it('reports a file whose root is not cs-objects as an error and delivers nothing', () => {
    const xml = '<mv-objects><mv-object id="{00000000-0000-4000-8000-000000000001}"/></mv-objects>'

    const { objects, issues, summary } = readCsExportBytes(new TextEncoder().encode(xml), { file: 'mv.xml' })

    expect(objects).toEqual([])
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'mv.xml',
        line: 1,
        column: 1,
        message:
          'this is not a csexport file: the root element is <mv-objects>, expected <cs-objects> (written by csexport.exe or Get-ADSyncCSObject .SerializedXml)',
      },
    ])
    expect(summary.partial).toBe(true)
  })
})
