/**
 * Metaverse/mv-objects.xml: the metaverse objects in the `Get-ADSyncMVObject` serialization, each
 * value with its lineage (the rule and connector that contributed it) and each object with its
 * links to the connector spaces.
 */
import {
  AAD_CONNECTOR_GUID,
  AAD_CONNECTOR_NAME,
  AD_CONNECTOR_ID,
  AD_CONNECTOR_NAME,
  INITIAL_SYNC_TIME,
  LAST_SYNC_TIME,
} from '../environment'
import type { TrainingDirectory } from '../directory/training-directory'
import type { ChunkWriter } from '../file-sink'
import { bracedUpper } from '../identifiers'
import type { RuleSpec } from '../rules/rule-spec'
import { MV_ATTRIBUTE_BY_NAME } from '../schema/mv-schema'
import { synchronize } from '../sync/object-sync'
import { valuesOnly } from '../sync/resolve'
import { xmlAttribute, xmlText } from '../xml-text'
import { type AttributeWriting, entryXml } from './entry-xml'

function connectorOf(rule: RuleSpec): { readonly id: string; readonly name: string } {
  return rule.connector === 'ad'
    ? { id: AD_CONNECTOR_ID, name: AD_CONNECTOR_NAME }
    : { id: AAD_CONNECTOR_GUID, name: AAD_CONNECTOR_NAME }
}

function linkXml(rule: RuleSpec, csDn: string, csId: string): string {
  const connector = connectorOf(rule)
  return [
    `    <cs-mv-value lineage-id="${bracedUpper(rule.id)}" lineage-type="sync-rule" lineage-time="${INITIAL_SYNC_TIME}">`,
    `      <cs-dn>${xmlText(csDn)}</cs-dn>`,
    `      <cs-guid>${bracedUpper(csId)}</cs-guid>`,
    `      <ma-name>${xmlText(connector.name)}</ma-name>`,
    `      <ma-guid>${bracedUpper(connector.id)}</ma-guid>`,
    '    </cs-mv-value>',
  ].join('\n')
}

/** The id a metaverse reference shows for the object with this key. */
function mvReference(directory: TrainingDirectory): (key: string) => string {
  return (key) => bracedUpper(directory.ids(key).mvId)
}

/** Writes every metaverse object; returns how many were written. */
export function writeMetaverseObjects(directory: TrainingDirectory, out: ChunkWriter): number {
  let count = 0
  out.write('<mv-objects>\n')
  for (const object of directory.adObjects()) {
    const synced = synchronize(object)
    if (synced.metaverse === null || synced.metaverseType === null || synced.projectedBy === null) continue
    const contributions = synced.metaverse
    const writing: AttributeWriting = {
      schema: MV_ATTRIBUTE_BY_NAME,
      reference: mvReference(directory),
      valueAttributes: (name) => {
        const rule = contributions.get(name)?.rule
        if (rule === undefined) return ''
        return ` lineage-id="${bracedUpper(rule.id)}" lineage-ma-id="${bracedUpper(connectorOf(rule).id)}" lineage-time="${LAST_SYNC_TIME}"`
      },
    }
    const links = [linkXml(synced.projectedBy, object.dn, object.ids.adCsId)]
    if (synced.aad !== null) links.push(linkXml(synced.aad.provisionedBy, synced.aad.dn, object.ids.aadCsId))
    out.write(
      [
        `<mv-object id="${bracedUpper(object.ids.mvId)}" object-type="${xmlAttribute(synced.metaverseType)}">`,
        '  <cs-mv-links>',
        ...links,
        '  </cs-mv-links>',
        entryXml(
          {
            dn: null,
            anchor: null,
            objectClasses: [synced.metaverseType],
            attributes: valuesOnly(contributions),
          },
          writing,
          '  ',
        ),
        '</mv-object>',
        '',
      ].join('\n'),
    )
    count++
  }
  out.write('</mv-objects>\n')
  return count
}
