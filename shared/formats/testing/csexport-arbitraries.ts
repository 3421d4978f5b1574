import fc from 'fast-check'
import { xmlAttributeValue, xmlPlainText, xmlText } from '../../xml/testing/xml-arbitraries'

/** Line ends between elements: csexport writes CRLF, files passed through git may have LF. */
const newline = fc.constantFrom('', '\n', '\r\n', '\r\n    ')

const guid = fc.uuid().map((uuid) => uuid.toUpperCase())
const bracedGuid = fc.oneof(
  guid.map((value) => `{${value}}`),
  guid,
)
const attributeName = fc.constantFrom(
  'displayName',
  'mail',
  'proxyAddresses',
  '__proto__',
  'constructor',
  'toString',
)
const typeName = fc.constantFrom('string', 'String', 'integer', 'boolean', 'binary', 'reference', 'STRING')
const flag = fc.constantFrom('true', 'false', '0', '1', 'True')
const operation = fc.constantFrom('add', 'replace', 'update', 'delete')

const value = fc
  .tuple(
    fc.option(operation, { nil: undefined }),
    fc.nat(3).map((draw) => draw === 0),
    fc.oneof(xmlText(6), xmlPlainText(6)),
  )
  .map(([op, base64, text]) =>
    base64
      ? `<value encoding="base64"${op === undefined ? '' : ` operation="${op}"`}>SGVsbG8=</value>`
      : `<value${op === undefined ? '' : ` operation="${op}"`}>${text}</value>`,
  )

const attr = fc
  .tuple(
    attributeName,
    typeName,
    flag,
    fc.option(operation, { nil: undefined }),
    fc.array(value, { maxLength: 3 }),
    newline,
  )
  .map(
    ([name, type, multi, op, values, nl]) =>
      `<attr name="${name}" type="${type}" multivalued="${multi}"${op === undefined ? '' : ` operation="${op}"`}>${values.map((v) => nl + v).join('')}${nl}</attr>`,
  )

const dnAttr = fc
  .tuple(attributeName, flag, fc.array(xmlAttributeValue(4), { maxLength: 3 }), newline)
  .map(
    ([name, multi, dns, nl]) =>
      `<dn-attr name="${name}" multivalued="${multi}">${dns.map((dn) => `${nl}<dn-value><dn>${dn}</dn><anchor encoding="base64">AQI=</anchor></dn-value>`).join('')}${nl}</dn-attr>`,
  )

const unknownElement = fc
  .tuple(fc.constantFrom('future', 'x-extra', 'constructor'), xmlText(4))
  .map(([name, text]) => `<${name} a="1">${text}<inner>${text}</inner></${name}>`)

const entryBody = fc
  .tuple(
    fc.option(xmlText(3), { nil: undefined }),
    fc.array(fc.constantFrom('top', 'person', 'user'), { maxLength: 3 }),
    fc.array(fc.oneof(attr, dnAttr, unknownElement), { maxLength: 5 }),
    newline,
  )
  .map(
    ([primary, classes, parts, nl]) =>
      (primary === undefined ? '' : `${nl}<primary-objectclass>${primary}</primary-objectclass>`) +
      (classes.length === 0
        ? ''
        : `${nl}<objectclass>${classes.map((c) => `<oc-value>${c}</oc-value>`).join('')}</objectclass>`) +
      parts.map((part) => nl + part).join('') +
      nl,
  )

const hologram = fc
  .tuple(
    // The synchronized hologram, the one the store reads, comes more often than each of the others.
    fc.constantFrom(
      'synchronized-hologram',
      'synchronized-hologram',
      'synchronized-hologram',
      'hologram',
      'pending-import-hologram',
      'unapplied-export-hologram',
      'unconfirmed-export-hologram',
      'escrowed-export-hologram',
      'export-hologram',
    ),
    xmlAttributeValue(5),
    entryBody,
  )
  .map(
    ([wrapper, dn, body]) =>
      `<${wrapper}><entry dn="${dn}"><anchor encoding="base64">AQID</anchor>${body}</entry></${wrapper}>`,
  )

const delta = fc
  .tuple(
    fc.constantFrom('pending-import', 'unapplied-export', 'unconfirmed-export', 'escrowed-export'),
    fc.constantFrom('none', 'add', 'replace', 'update', 'delete', 'delete-add', 'modify'),
    xmlAttributeValue(5),
    fc.option(xmlAttributeValue(3), { nil: undefined }),
    entryBody,
  )
  .map(
    ([wrapper, op, dn, newDn, body]) =>
      `<${wrapper}><delta operation="${op}" dn="${dn}"${newDn === undefined ? '' : ` newdn="${newDn}"`}>${body}</delta></${wrapper}>`,
  )

const mvLink = fc
  .tuple(bracedGuid, bracedGuid, xmlAttributeValue(2))
  .map(([mv, lineage, type]) => `<mv-link lineage-id="${lineage}" lineage-type="${type}">${mv}</mv-link>`)

const lineage = fc.oneof(
  fc
    .tuple(bracedGuid, xmlAttributeValue(3))
    .map(
      ([id, name]) =>
        `<csmv-links><csmv-link sync-rule-id="${id}" sync-rule-name="${name}" operation="Join"/></csmv-links>`,
    ),
  fc
    .tuple(bracedGuid, xmlText(3))
    .map(
      ([id, name]) =>
        `<csmv-links><csmv-link><sync-rule-internal-id>${id}</sync-rule-internal-id><sync-rule-name>${name}</sync-rule-name></csmv-link></csmv-links>`,
    ),
)

const errors = fc.oneof(
  xmlText(4).map(
    (literal) =>
      `<export-errordetail><export-status><cd-error><error-name>AttributeValueMustBeUnique</error-name><error-literal>${literal}</error-literal></cd-error></export-status></export-errordetail>`,
  ),
  xmlText(4).map(
    (stack) =>
      `<import-errordetail><import-status><date-occurred>2024-01-01</date-occurred><retry-count>2</retry-count><error-type>sync-rule-error</error-type><algorithm-step>Join</algorithm-step><call-stack>${stack}</call-stack></import-status></import-errordetail>`,
  ),
  fc.constant(
    '<export-errordetail><export-error date-occurred="d" first-occurred="f" retry-count="1" error-type="t"><cd-error><error-code>0x5</error-code><error-literal>denied</error-literal><server-error-detail>detail</server-error-detail></cd-error></export-error></export-errordetail>',
  ),
)

const objectChild = fc.oneof(
  { arbitrary: hologram, weight: 3 },
  bracedGuid.map((id) => `<ma-id>${id}</ma-id>`),
  xmlText(3).map((name) => `<ma-name>${name}</ma-name>`),
  fc.constantFrom(
    '<connector>1</connector>',
    '<connector>0</connector>',
    '<connector-state>stay</connector-state>',
  ),
  fc.constant('<anchor encoding="base64">AQIDBA==</anchor>'),
  mvLink,
  lineage,
  delta,
  errors,
  unknownElement,
)

/** A cs-object: sometimes broken (no id) so that warnings are compared too. */
const csObject = fc
  .tuple(
    fc.option(bracedGuid, { freq: 8, nil: undefined }),
    xmlAttributeValue(6),
    fc.constantFrom('user', 'group', 'contact'),
    flag,
    fc.array(objectChild, { maxLength: 6 }),
    newline,
  )
  .map(
    ([id, dn, type, transient, children, nl]) =>
      `<cs-object cs-dn="${dn}"${id === undefined ? '' : ` id="${id}"`} object-type="${type}" transient="${transient}">${children.map((child) => nl + child).join('')}${nl}</cs-object>`,
  )

/** A csexport document with random objects, values, entities, non-ASCII text and line ends. */
export const csExportDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '<?xml version="1.0" encoding="utf-8"?>\r\n'),
    fc.array(csObject, { maxLength: 4 }),
    newline,
  )
  .map(
    ([declaration, objects, nl]) =>
      `${declaration}<cs-objects>${objects.map((o) => nl + o).join('')}${nl}</cs-objects>${nl}`,
  )
