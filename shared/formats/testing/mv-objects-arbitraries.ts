import fc from 'fast-check'
import { xmlAttributeValue, xmlPlainText, xmlText } from '../../xml/testing/xml-arbitraries'

const newline = fc.constantFrom('', '\n', '\r\n', '\r\n      ')
const guid = fc.uuid().map((uuid) => `{${uuid.toUpperCase()}}`)
const lineageAttribute = fc.oneof(
  guid.map((id) => ` lineage-id="${id}"`),
  guid.map((id) => ` lineage-ma-id="${id}"`),
  guid.map((id) => ` lineage-ma-guid="${id}"`),
  xmlAttributeValue(3).map((name) => ` lineage-ma-name="${name}"`),
  xmlAttributeValue(3).map((name) => ` lineage-sync-rule="${name}"`),
  xmlAttributeValue(3).map((name) => ` sync-rule-name="${name}"`),
  fc.constant(' lineage-time="2024-05-01 10:00:00.000"'),
  fc.constant(' lineage-colour="unknown"'),
)
const lineageAttributes = fc
  .uniqueArray(lineageAttribute, { maxLength: 3, selector: (text) => text.slice(0, text.indexOf('=')) })
  .map((parts) => parts.join(''))

const attr = fc
  .tuple(
    fc.constantFrom('displayName', 'proxyAddresses', '__proto__', 'constructor'),
    fc.constantFrom('string', 'integer', 'binary', 'Boolean'),
    fc.constantFrom('true', 'false', '0', '1'),
    lineageAttributes,
    fc.array(fc.tuple(lineageAttributes, fc.oneof(xmlText(5), xmlPlainText(5))), { maxLength: 3 }),
    newline,
  )
  .map(
    ([name, type, multi, lineage, values, nl]) =>
      `<attr name="${name}" type="${type}" multivalued="${multi}"${lineage}>${values.map(([l, v]) => `${nl}<value${l}>${v}</value>`).join('')}${nl}</attr>`,
  )

const dnAttr = fc
  .tuple(
    fc.constantFrom('manager', 'member'),
    fc.array(fc.tuple(lineageAttributes, guid), { maxLength: 3 }),
    newline,
  )
  .map(
    ([name, values, nl]) =>
      `<dn-attr name="${name}" multivalued="true">${values.map(([l, dn]) => `${nl}<dn-value${l}><dn>${dn}</dn></dn-value>`).join('')}${nl}</dn-attr>`,
  )

const link = fc
  .tuple(fc.option(guid, { freq: 6, nil: undefined }), xmlText(4), xmlText(2), guid, fc.boolean())
  .map(([csGuid, csDn, maName, maGuid, asAttributes]) =>
    asAttributes
      ? `<cs-mv-value lineage-type="Join"${csGuid === undefined ? '' : ` cs-guid="${csGuid}"`} ma-guid="${maGuid}"><cs-dn>${csDn}</cs-dn></cs-mv-value>`
      : `<cs-mv-value lineage-id="${maGuid}" lineage-time="t"><cs-dn>${csDn}</cs-dn>${csGuid === undefined ? '' : `<cs-guid>${csGuid}</cs-guid>`}<ma-name>${maName}</ma-name><ma-guid>${maGuid}</ma-guid></cs-mv-value>`,
  )

const mvObject = fc
  .tuple(
    fc.option(guid, { freq: 8, nil: undefined }),
    fc.option(fc.constantFrom('person', 'group'), { nil: undefined }),
    fc.constantFrom('person', 'group', ''),
    fc.array(fc.oneof(attr, dnAttr), { maxLength: 5 }),
    fc.array(link, { maxLength: 3 }),
    newline,
  )
  .map(
    ([id, type, primary, attributes, links, nl]) =>
      `<mv-object${id === undefined ? '' : ` id="${id}"`}${type === undefined ? '' : ` object-type="${type}"`}>${nl}<entry>${primary === '' ? '' : `${nl}<primary-objectclass>${primary}</primary-objectclass>`}${attributes.map((a) => nl + a).join('')}${nl}</entry>${nl}<cs-mv-links>${links.map((l) => nl + l).join('')}</cs-mv-links>${nl}</mv-object>`,
  )

/** An `<mv-objects>` document with random objects, lineage spellings, entities and line ends. */
export const mvObjectsDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(mvObject, { maxLength: 4 }), newline)
  .map(([objects, nl]) => `<mv-objects>${objects.map((o) => nl + o).join('')}${nl}</mv-objects>`)
