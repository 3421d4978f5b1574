/**
 * One `<cs-object>` as csexport writes it: identity, connector state, the link to the metaverse, a pending
 * import and a staged export (delta and hologram each), the synchronized hologram and an export error.
 */
import { type Attributes, valuesOf } from '../attributes'
import type { ExportFailure } from '../directory/ad-object'
import { bracedUpper } from '../identifiers'
import { xmlAttribute, xmlText } from '../xml-text'
import { type AttributeWriting, attributeXml, entryXml } from './entry-xml'

/** The link of a connector-space object to its metaverse object. */
export interface MetaverseLink {
  readonly mvId: string
  readonly ruleId: string
  readonly time: string
}

/** An export waiting in the connector space. */
export interface StagedExport {
  readonly changed: readonly string[]
  readonly hologram: Attributes
  readonly previous: Attributes
}

/** Everything a `<cs-object>` shows. */
export interface CsObjectParts {
  readonly dn: string
  readonly id: string
  readonly objectType: string
  readonly objectClasses: readonly string[]
  readonly anchor: string
  readonly link: MetaverseLink | null
  readonly synchronized: Attributes
  /** An imported change not yet synchronized (same shape as a staged export: changed names, new and old values). */
  readonly pendingImport: StagedExport | null
  readonly staged: StagedExport | null
  readonly failure: ExportFailure | null
}

function deltaXml(parts: CsObjectParts, staged: StagedExport, writing: AttributeWriting): string {
  const lines = [`    <delta operation="update" dn="${xmlAttribute(parts.dn)}">`]
  for (const name of staged.changed) {
    const next = valuesOf(staged.hologram, name)
    const previous = valuesOf(staged.previous, name)
    const multi = writing.schema.get(name)?.multiValued ?? false
    if (!multi) {
      lines.push(attributeXml(name, next, writing, '      ', next.length === 0 ? 'delete' : 'replace'))
      continue
    }
    const added = next.filter((value) => !previous.includes(value))
    const removed = previous.filter((value) => !next.includes(value))
    lines.push(
      attributeXml(name, [...added, ...removed], writing, '      ', 'update', (value) =>
        added.includes(value) ? 'add' : 'delete',
      ),
    )
  }
  lines.push('    </delta>')
  return lines.join('\n')
}

function failureXml(failure: ExportFailure): string {
  return [
    '  <export-errordetail>',
    `    <export-status first-occurred="${failure.firstOccurred}" date-occurred="${failure.lastOccurred}" retry-count="${failure.retryCount}" error-type="${xmlAttribute(failure.name)}">`,
    '      <cd-error>',
    `        <error-code>${xmlText(failure.code)}</error-code>`,
    `        <error-name>${xmlText(failure.name)}</error-name>`,
    `        <error-literal>${xmlText(failure.message)}</error-literal>`,
    '      </cd-error>',
    '    </export-status>',
    '  </export-errordetail>',
  ].join('\n')
}

/** The XML of one connector-space object, ending with a newline. */
export function csObjectXml(parts: CsObjectParts, writing: AttributeWriting): string {
  const lines = [
    `<cs-object cs-dn="${xmlAttribute(parts.dn)}" id="${bracedUpper(parts.id)}" object-type="${xmlAttribute(parts.objectType)}">`,
    `  <anchor encoding="base64">${parts.anchor}</anchor>`,
    `  <connector>${parts.link === null ? '0' : '1'}</connector>`,
    '  <connector-state>normal</connector-state>',
  ]
  if (parts.link !== null) {
    lines.push(
      `  <mv-link lineage-id="${bracedUpper(parts.link.ruleId)}" lineage-type="sync-rule" lineage-time="${parts.link.time}">${bracedUpper(parts.link.mvId)}</mv-link>`,
    )
  }
  const entry = { dn: parts.dn, anchor: parts.anchor, objectClasses: parts.objectClasses }
  if (parts.pendingImport !== null) {
    lines.push(
      '  <pending-import>',
      deltaXml(parts, parts.pendingImport, writing),
      '  </pending-import>',
      '  <pending-import-hologram>',
      entryXml({ ...entry, attributes: parts.pendingImport.hologram }, writing, '    '),
      '  </pending-import-hologram>',
    )
  }
  if (parts.staged !== null) {
    lines.push(
      '  <export-delta-operation>update</export-delta-operation>',
      '  <unapplied-export>',
      deltaXml(parts, parts.staged, writing),
      '  </unapplied-export>',
      '  <unapplied-export-hologram>',
      entryXml({ ...entry, attributes: parts.staged.hologram }, writing, '    '),
      '  </unapplied-export-hologram>',
    )
  }
  lines.push(
    '  <synchronized-hologram>',
    entryXml({ ...entry, attributes: parts.synchronized }, writing, '    '),
    '  </synchronized-hologram>',
  )
  if (parts.failure !== null) lines.push(failureXml(parts.failure))
  lines.push('</cs-object>', '')
  return lines.join('\n')
}
