import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testCsObject } from '../../test-support/cs-object'
import type {
  Attribute,
  AttributeType,
  CsObject,
  Delta,
  Entry,
  MvAttribute,
  MvObject,
  ObjectError,
  ValueLineage,
} from '../model/objects'
import { ObjectStore } from './object-store'
import { csObjectArbitrary, mvObjectArbitrary } from './testing/store-arbitraries'

const AD = 'b891884f-051e-4a83-95af-2544101c9083'
const AAD = '3a5c6f2e-1d1c-4c47-9b7a-8f0e2b1d0c11'

function attribute(name: string, values: readonly string[], type: AttributeType = 'String'): Attribute {
  return { name, type, multiValued: values.length > 1, values }
}

function entry(dn: string, attributes: readonly Attribute[], anchor: string | null = 'AAECAw=='): Entry {
  return { dn, primaryObjectClass: 'user', objectClasses: ['top', 'person', 'user'], anchor, attributes }
}

function csObject(overrides: Partial<CsObject> & Pick<CsObject, 'id' | 'dn'>): CsObject {
  return testCsObject({
    connectorId: AD,
    connectorName: 'contoso.com',
    anchor: 'AAECAw==',
    isConnector: true,
    connectorState: 'normal',
    synchronized: entry(overrides.dn, [attribute('displayName', ['Someone'])]),
    ...overrides,
  })
}

function lineage(lineageId: string | null, time: string | null = '2024-03-01T10:00:00.000Z'): ValueLineage {
  return {
    lineageId,
    connectorId: AD,
    connectorName: 'contoso.com',
    syncRuleName: 'In from AD - User Common',
    time,
  }
}

function mvAttribute(
  name: string,
  values: readonly string[],
  lineageId = 'aaaaaaaa-0000-4000-8000-000000000001',
): MvAttribute {
  return { ...attribute(name, values), lineage: values.map(() => lineage(lineageId)) }
}

function mvObject(id: string, attributes: readonly MvAttribute[], objectType = 'person'): MvObject {
  return { id, objectType, attributes, connections: [] }
}

function storeOf(cs: readonly CsObject[], mv: readonly MvObject[] = []): ObjectStore {
  const store = new ObjectStore()
  for (const object of cs) store.addCsObject(object)
  for (const object of mv) store.addMvObject(object)
  store.finish()
  return store
}

const delta: Delta = {
  dn: 'CN=Jeff Smith,OU=Users,DC=contoso,DC=com',
  newDn: 'CN=Jeff Smith2,OU=Users,DC=contoso,DC=com',
  operation: 'update',
  primaryObjectClass: 'user',
  attributes: [
    {
      name: 'proxyAddresses',
      type: 'String',
      multiValued: true,
      operation: 'update',
      values: [
        { value: 'smtp:a@contoso.com', operation: 'add' },
        { value: 'smtp:b@contoso.com', operation: 'delete' },
      ],
    },
  ],
}

const exportError: ObjectError = {
  kind: 'export',
  name: 'AttributeValueMustBeUnique',
  code: '0x8023134a',
  message: 'Unable to update this object because the following attributes must be unique.',
  detail: 'ProxyAddresses SMTP:a@contoso.com',
  step: 'export',
  firstOccurred: '2024-01-01T00:00:00.000Z',
  lastOccurred: '2024-01-02T00:00:00.000Z',
  retryCount: 3,
}

/** An object that has every optional part, with values that exercise the compact forms. */
const everything = csObject({
  id: '{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}',
  dn: 'CN=Jeff Smith,OU=Users,DC=contoso,DC=com',
  transient: true,
  anchor: 'ZqXeAQI=',
  isConnector: false,
  connectorState: 'explicit',
  mvLink: {
    mvObjectId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
    lineageId: 'AbCdEf01-not-a-guid',
    lineageType: 'Projection',
    lineageTime: '2024-03-01 10:00:00.377',
  },
  lineage: [
    {
      syncRuleId: '11111111-2222-4333-8444-555555555555',
      syncRuleName: 'In from AD - User Join',
      operation: 'Join',
    },
    { syncRuleId: null, syncRuleName: null, operation: null },
  ],
  synchronized: {
    dn: 'cn=jeff smith,ou=users,dc=contoso,dc=com',
    primaryObjectClass: null,
    objectClasses: [],
    anchor: null,
    attributes: [
      attribute('__proto__', ['polluted?']),
      attribute('constructor', ['not a function']),
      attribute('toString', []),
      attribute('proxyAddresses', ['SMTP:a@contoso.com', 'smtp:b@contoso.com', '']),
      attribute('thumbnailPhoto', ['/9j/4AAQSkZJRgABAQ=='], 'Binary'),
      attribute('manager', ['CN=Mary,OU=Users,DC=contoso,DC=com'], 'Reference'),
      attribute('PROXYADDRESSES', ['smtp:c@contoso.com']),
      attribute('userAccountControl', ['512'], 'Integer'),
    ],
  },
  pendingImportHologram: entry('CN=Jeff Smith,OU=Users,DC=contoso,DC=com', [attribute('title', ['Boss'])]),
  unappliedExportHologram: entry('CN=Jeff,OU=Users,DC=contoso,DC=com', []),
  unconfirmedExportHologram: entry('CN=Jeff,OU=Users,DC=contoso,DC=com', [], null),
  escrowedExportHologram: entry('CN=Jeff,OU=Users,DC=contoso,DC=com', [attribute('x', ['y'])]),
  pendingImport: delta,
  unappliedExport: { ...delta, operation: 'add', newDn: null },
  unconfirmedExport: { ...delta, operation: 'delete-add' },
  escrowedExport: { ...delta, operation: 'obsolete' },
  importError: { ...exportError, kind: 'import', retryCount: null, code: null, detail: null },
  exportError,
  unknown: [{ name: 'placeholder-parent', text: '<placeholder-parent>1</placeholder-parent>' }],
})

describe('ObjectStore round trip', () => {
  it('reads back a connector-space object with every optional part exactly as it was added', () => {
    const store = storeOf([everything])

    const read = store.csObject('6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')

    expect(read).toEqual(everything)
  })

  it('reads back a connector-space object that has no synchronized entry and no link', () => {
    const object = csObject({
      id: 'c0ffee00-0000-4000-8000-000000000001',
      dn: 'CN=Only,DC=x',
      synchronized: null,
    })
    const store = storeOf([object])

    expect(store.csObject(object.id)).toEqual(object)
  })

  it('reads back a metaverse object with per-value lineage and connections', () => {
    const object: MvObject = {
      id: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
      objectType: 'person',
      attributes: [
        {
          ...attribute('proxyAddresses', ['SMTP:a@contoso.com', 'smtp:b@contoso.com']),
          lineage: [
            lineage('aaaaaaaa-0000-4000-8000-000000000001'),
            lineage('BBBBBBBB-0000-4000-8000-000000000002', null),
          ],
        },
        { ...attribute('__proto__', ['x']), lineage: [lineage(null, 'yesterday')] },
        {
          ...attribute('cloudAnchor', ['User_1']),
          lineage: [{ ...lineage('x'), connectorId: AAD, syncRuleName: null }],
        },
      ],
      connections: [
        {
          csId: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          csDn: 'CN=Jeff Smith,OU=Users,DC=contoso,DC=com',
          connectorId: AD,
          connectorName: 'contoso.com',
          lineageId: 'aaaaaaaa-0000-4000-8000-000000000001',
          lineageType: 'Projection',
          lineageTime: '2024-03-01T10:00:00Z',
        },
        {
          csId: 'not-a-guid',
          csDn: 'CN={0123}',
          connectorId: null,
          connectorName: null,
          lineageId: null,
          lineageType: null,
          lineageTime: null,
        },
      ],
    }
    const store = storeOf([], [object])

    expect(store.mvObject(object.id)).toEqual(object)
  })

  it('keeps lineage that does not line up with the values as it came', () => {
    const object = mvObject('0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', [
      { ...attribute('mail', ['a@contoso.com', 'b@contoso.com']), lineage: [lineage('only-one')] },
      { ...attribute('sn', ['Smith']), lineage: [] },
    ])
    const store = storeOf([], [object])

    expect(store.mvObject(object.id)).toEqual(object)
  })

  it('reads back an object with tens of thousands of values and distinct lineage entries', () => {
    const members = Array.from(
      { length: 70_000 },
      (_, index) => `CN=User ${index},OU=Users,DC=contoso,DC=com`,
    )
    const object = mvObject('0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', [
      {
        ...attribute('member', members, 'Reference'),
        lineage: members.map((_, index) =>
          lineage(null, `2024-01-01T00:00:${String(index % 60).padStart(2, '0')}.${index}Z`),
        ),
      },
    ])
    const store = storeOf([], [object])

    expect(store.mvObject(object.id)).toEqual(object)
  })

  it('keeps values of any length and character, including separators and lone surrogates', () => {
    const values = ['', '\u0000', 'a\u0000b', 'x'.repeat(200_000), '\ud800', '😀', 'İstanbul', 'ΟΔΟΣ']
    const object = csObject({
      id: 'c0ffee00-0000-4000-8000-000000000002',
      dn: 'CN=Odd,DC=x',
      synchronized: entry('CN=Odd,DC=x', [attribute('odd', values)]),
    })
    const store = storeOf([object])

    expect(store.csObject(object.id)).toEqual(object)
  })

  it('reads back arbitrary objects exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(csObjectArbitrary, { maxLength: 6 }),
        fc.array(mvObjectArbitrary, { maxLength: 6 }),
        (cs, mv) => {
          const store = new ObjectStore()
          cs.forEach((object) => store.addCsObject(object))
          mv.forEach((object) => store.addMvObject(object))
          store.finish()

          cs.forEach((object, row) => expect(store.csObjectAt(row)).toEqual(object))
          mv.forEach((object, row) => expect(store.mvObjectAt(row)).toEqual(object))
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('ObjectStore indexes', () => {
  const jeffAd = csObject({
    id: '10000000-0000-4000-8000-000000000001',
    dn: 'CN=Jeff,OU=Users,DC=contoso,DC=com',
    mvLink: {
      mvObjectId: '90000000-0000-4000-8000-000000000001',
      lineageId: null,
      lineageType: 'Projection',
      lineageTime: null,
    },
  })
  const jeffAad = csObject({
    id: '10000000-0000-4000-8000-000000000002',
    connectorId: AAD,
    connectorName: 'contoso.onmicrosoft.com - AAD',
    dn: 'cn=jeff,ou=users,dc=contoso,dc=com',
    mvLink: {
      mvObjectId: '90000000-0000-4000-8000-000000000001',
      lineageId: null,
      lineageType: 'Join',
      lineageTime: null,
    },
  })
  const mary = csObject({
    id: '10000000-0000-4000-8000-000000000003',
    dn: 'CN=Mary,OU=Users,DC=contoso,DC=com',
  })
  const jeff = mvObject('90000000-0000-4000-8000-000000000001', [mvAttribute('displayName', ['Jeff'])])
  const store = storeOf([jeffAd, jeffAad, mary], [jeff])

  it.each([
    ['lower case', '10000000-0000-4000-8000-000000000003'],
    ['upper case', '10000000-0000-4000-8000-000000000003'.toUpperCase()],
    ['braces', '{10000000-0000-4000-8000-000000000003}'],
  ])('finds a connector-space object by id written in %s', (_, id) => {
    expect(store.csObject(id)).toEqual(mary)
  })

  it('returns null for ids it does not hold', () => {
    expect(store.csObject('20000000-0000-4000-8000-000000000003')).toBeNull()
    expect(store.csObject('nonsense')).toBeNull()
    expect(store.mvObject('10000000-0000-4000-8000-000000000003')).toBeNull()
  })

  it('finds objects by DN case-insensitively, per connector and across connectors', () => {
    expect(store.csObjectByDn(AD, 'cn=JEFF,ou=users,dc=CONTOSO,dc=com')).toEqual(jeffAd)
    expect(store.csObjectByDn(AAD.toUpperCase(), 'CN=Jeff,OU=Users,DC=contoso,DC=com')).toEqual(jeffAad)
    expect(store.csObjectsByDn('CN=Jeff,OU=Users,DC=contoso,DC=com')).toEqual([jeffAd, jeffAad])
    expect(store.csObjectByDn(AAD, 'CN=Mary,OU=Users,DC=contoso,DC=com')).toBeNull()
  })

  it('finds the metaverse object and the connector-space objects linked to it', () => {
    expect(store.mvObject('{90000000-0000-4000-8000-000000000001}')).toEqual(jeff)
    expect(store.connectedCsObjects('90000000-0000-4000-8000-000000000001')).toEqual([jeffAd, jeffAad])
    expect(store.connectedCsObjects('90000000-0000-4000-8000-000000000002')).toEqual([])
  })

  it('counts objects per connector and in the metaverse', () => {
    expect(store.csObjectCount(AD)).toBe(2)
    expect(store.csObjectCount(AAD)).toBe(1)
    expect(store.csObjectCount('00000000-0000-4000-8000-000000000000')).toBe(0)
    expect(store.mvObjectCount()).toBe(1)
    expect(store.metaverseSource).toBe('exported')
    expect(store.counts()).toMatchObject({
      csObjects: 3,
      mvObjects: 1,
      csAttributeValues: 3,
      mvAttributeValues: 1,
    })
  })

  it('finds objects whose ids are not GUIDs by their exact text', () => {
    const odd = csObject({ id: 'Not-A-Guid', dn: 'CN=Odd' })
    const mixed = csObject({ id: 'AbCdEf00-0000-4000-8000-000000000001', dn: 'CN=Mixed' })
    const oddStore = storeOf([odd, mixed])

    expect(oddStore.csObject('Not-A-Guid')).toEqual(odd)
    expect(oddStore.csObject('not-a-guid')).toBeNull()
    expect(oddStore.csObject('abcdef00-0000-4000-8000-000000000001')).toEqual(mixed)
  })

  it('keeps the first of two objects with the same id and still counts both', () => {
    const first = csObject({ id: '10000000-0000-4000-8000-000000000009', dn: 'CN=First' })
    const second = csObject({ id: '10000000-0000-4000-8000-000000000009', dn: 'CN=Second' })
    const twice = storeOf([first, second])

    expect(twice.csObject(first.id)).toEqual(first)
    expect(twice.csObjectCount(AD)).toBe(2)
  })

  it('is read-only after finish and unreadable before it', () => {
    const open = new ObjectStore()

    expect(() => open.csObject('x')).toThrow(/finish/)
    expect(() => store.addCsObject(mary)).toThrow(/read-only/)
    expect(() => store.addMvObject(jeff)).toThrow(/read-only/)
  })

  it('estimates its memory', () => {
    expect(store.memoryEstimate()).toBeGreaterThan(0)
  })
})

describe('ObjectStore row accessors for scans', () => {
  it('gives a row connector and the names of attributes that hold values, without building the object', () => {
    const object = csObject({
      id: '20000000-0000-4000-8000-000000000001',
      dn: 'CN=Scan,DC=contoso,DC=com',
      synchronized: entry('CN=Scan,DC=contoso,DC=com', [
        attribute('displayName', ['Scan']),
        attribute('pager', []),
        attribute('__proto__', ['x']),
      ]),
    })
    const store = storeOf([object])

    const row = store.csRowOf(object.id)

    expect(store.csConnectorIdAt(row)).toBe(AD)
    expect(store.csAttributeNamesWithValues(row)).toEqual(['displayName', '__proto__'])
  })

  it('gives a metaverse row the same names, value counts and lineage connectors as the built object (property)', () => {
    const originsOf = (object: MvObject) =>
      object.attributes.map((attribute) => ({
        name: attribute.name,
        valueCount: attribute.values.length,
        lineageConnectorIds: attribute.lineage.map((entry) => entry.connectorId),
      }))
    fc.assert(
      fc.property(fc.array(mvObjectArbitrary, { minLength: 1, maxLength: 6 }), (mv) => {
        const store = storeOf([], mv)

        mv.forEach((object, row) => expect(store.mvAttributeOriginsAt(row)).toEqual(originsOf(object)))
      }),
      { numRuns: 150 },
    )
  })

  it('keeps the lineage connectors of an attribute whose lineage does not line up with its values', () => {
    const object = mvObject('0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', [
      { ...attribute('mail', ['a@contoso.com', 'b@contoso.com']), lineage: [lineage('only-one')] },
      { ...attribute('sn', []), lineage: [] },
    ])
    const store = storeOf([], [object])

    expect(store.mvAttributeOriginsAt(0)).toEqual([
      { name: 'mail', valueCount: 2, lineageConnectorIds: [AD] },
      { name: 'sn', valueCount: 0, lineageConnectorIds: [] },
    ])
  })
})
