/** Arbitrary connector-space and metaverse objects for the store's property tests (every optional part, odd ids). */
import fc from 'fast-check'
import type {
  Attribute,
  AttributeChange,
  AttributeType,
  CsObject,
  Delta,
  Entry,
  MvAttribute,
  MvObject,
  ObjectError,
  ValueLineage,
} from '../../model/objects'

const AD = 'b891884f-051e-4a83-95af-2544101c9083'
const AAD = '3a5c6f2e-1d1c-4c47-9b7a-8f0e2b1d0c11'

function lineage(lineageId: string | null): ValueLineage {
  return {
    lineageId,
    connectorId: AD,
    connectorName: 'contoso.com',
    syncRuleName: 'In from AD - User Common',
    time: '2024-03-01T10:00:00.000Z',
  }
}

const idArbitrary = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => `{${id.toUpperCase()}}`),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.string({ maxLength: 40 }),
)
const nameArbitrary = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'displayName',
    'DisplayName',
    'mail',
    'hasOwnProperty',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
)
const textArbitrary = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }))
const nullable = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.option(arbitrary, { nil: null })
const timeArbitrary = nullable(
  fc.oneof(
    fc
      .date({ min: new Date('1960-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString().replace('T', ' ').replace('Z', '')),
    fc.constantFrom('2024-13-45T25:61:61.000Z', '2024-01-01T00:00:00.0000000+02:00', '2024-01-01T00:00:00'),
    textArbitrary,
  ),
)
const typeArbitrary = fc.constantFrom<AttributeType>('String', 'Integer', 'Boolean', 'Binary', 'Reference')
const attributeArbitrary: fc.Arbitrary<Attribute> = fc.record({
  name: nameArbitrary,
  type: typeArbitrary,
  multiValued: fc.boolean(),
  values: fc.array(textArbitrary, { maxLength: 4 }),
})
const entryArbitrary: fc.Arbitrary<Entry> = fc.record({
  dn: textArbitrary,
  primaryObjectClass: nullable(fc.constantFrom('user', 'group', 'contact')),
  objectClasses: fc.array(fc.constantFrom('top', 'person', 'user', '__proto__'), { maxLength: 3 }),
  anchor: nullable(fc.base64String({ maxLength: 24 })),
  attributes: fc.array(attributeArbitrary, { maxLength: 5 }),
})
const changeArbitrary: fc.Arbitrary<AttributeChange> = fc.record({
  name: nameArbitrary,
  type: typeArbitrary,
  multiValued: fc.boolean(),
  operation: nullable(fc.constantFrom('add', 'replace', 'update', 'delete')),
  values: fc.array(
    fc.record({
      value: textArbitrary,
      operation: nullable(fc.constantFrom('add', 'replace', 'update', 'delete')),
    }),
    { maxLength: 3 },
  ),
})
const deltaArbitrary: fc.Arbitrary<Delta> = fc.record({
  dn: textArbitrary,
  newDn: nullable(textArbitrary),
  operation: fc.constantFrom('none', 'add', 'replace', 'update', 'delete', 'delete-add', 'obsolete'),
  primaryObjectClass: nullable(textArbitrary),
  attributes: fc.array(changeArbitrary, { maxLength: 3 }),
})
const errorArbitrary: fc.Arbitrary<ObjectError> = fc.record({
  kind: fc.constantFrom('import', 'export'),
  name: textArbitrary,
  code: nullable(textArbitrary),
  message: textArbitrary,
  detail: nullable(textArbitrary),
  step: nullable(textArbitrary),
  firstOccurred: timeArbitrary,
  lastOccurred: timeArbitrary,
  retryCount: nullable(fc.integer({ min: 0, max: 1000 })),
})
const rare = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.option(arbitrary, { nil: null, freq: 4 })
/** Any connector-space object. */
export const csObjectArbitrary: fc.Arbitrary<CsObject> = fc.record({
  id: idArbitrary,
  connectorId: nullable(fc.constantFrom(AD, AAD, 'odd-connector')),
  connectorName: nullable(fc.constantFrom('contoso.com', 'AAD')),
  dn: textArbitrary,
  objectType: fc.constantFrom('user', 'group', '__proto__'),
  transient: fc.boolean(),
  anchor: nullable(fc.base64String({ maxLength: 24 })),
  isConnector: fc.boolean(),
  connectorState: nullable(fc.constantFrom('normal', 'explicit', 'stay')),
  mvLink: nullable(
    fc.record({
      mvObjectId: idArbitrary,
      lineageId: nullable(idArbitrary),
      lineageType: nullable(fc.constantFrom('Projection', 'Join', 'Provisioning')),
      lineageTime: timeArbitrary,
    }),
  ),
  lineage: fc.array(
    fc.record({
      syncRuleId: nullable(idArbitrary),
      syncRuleName: nullable(textArbitrary),
      operation: nullable(fc.constantFrom('Join', 'Provision')),
    }),
    { maxLength: 3 },
  ),
  synchronized: nullable(entryArbitrary),
  pendingImportHologram: rare(entryArbitrary),
  unappliedExportHologram: rare(entryArbitrary),
  unconfirmedExportHologram: rare(entryArbitrary),
  escrowedExportHologram: rare(entryArbitrary),
  pendingImport: rare(deltaArbitrary),
  unappliedExport: rare(deltaArbitrary),
  unconfirmedExport: rare(deltaArbitrary),
  escrowedExport: rare(deltaArbitrary),
  importError: rare(errorArbitrary),
  exportError: rare(errorArbitrary),
  unknown: fc.array(fc.record({ name: textArbitrary, text: textArbitrary }), { maxLength: 2 }),
})
const lineageArbitrary: fc.Arbitrary<ValueLineage> = fc.record({
  lineageId: nullable(fc.oneof(idArbitrary, fc.constantFrom('aaaaaaaa-0000-4000-8000-000000000001'))),
  connectorId: nullable(fc.constantFrom(AD, AAD)),
  connectorName: nullable(fc.constantFrom('contoso.com', 'AAD')),
  syncRuleName: nullable(fc.constantFrom('In from AD - User Common', 'In from AAD - User Join')),
  time: fc.oneof(timeArbitrary, fc.constant('2024-03-01T10:00:00.000Z')),
})
const mvAttributeArbitrary: fc.Arbitrary<MvAttribute> = fc
  .tuple(attributeArbitrary, fc.array(lineageArbitrary, { maxLength: 5 }), fc.boolean())
  .map(([shape, lineages, aligned]) => ({
    ...shape,
    lineage: aligned
      ? shape.values.map((_, index) => lineages[index % Math.max(1, lineages.length)] ?? lineage(null))
      : lineages,
  }))
/** Any metaverse object. */
export const mvObjectArbitrary: fc.Arbitrary<MvObject> = fc.record({
  id: idArbitrary,
  objectType: fc.constantFrom('person', 'group', 'constructor'),
  attributes: fc.array(mvAttributeArbitrary, { maxLength: 5 }),
  connections: fc.array(
    fc.record({
      csId: idArbitrary,
      csDn: textArbitrary,
      connectorId: nullable(fc.constantFrom(AD, AAD)),
      connectorName: nullable(fc.constantFrom('contoso.com', 'AAD')),
      lineageId: nullable(idArbitrary),
      lineageType: nullable(fc.constantFrom('Projection', 'Join')),
      lineageTime: timeArbitrary,
    }),
    { maxLength: 3 },
  ),
})
