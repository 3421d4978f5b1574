/** ConnectorSpaces/contoso.onmicrosoft.com - AAD.xml: the Entra ID connector space in csexport format. */
import { type Attributes, valuesOf } from '../attributes'
import { caseUser } from '../directory/case-users'
import { CASE_DEFINITIONS } from '../training-cases'
import { CLOUD_USERS } from '../directory/cloud-users'
import type { TrainingDirectory } from '../directory/training-directory'
import { INITIAL_SYNC_TIME } from '../environment'
import type { ChunkWriter } from '../file-sink'
import { utf16Base64, utf8Hex } from '../identifiers'
import { AAD_ATTRIBUTE_BY_NAME } from '../schema/aad-schema'
import { synchronize } from '../sync/object-sync'
import { csObjectXml } from './cs-object-xml'
import type { AttributeWriting } from './entry-xml'

/** Writes the Entra ID objects of every synchronized AD object, then the cloud-only accounts. */
export function writeAadConnectorSpace(directory: TrainingDirectory, out: ChunkWriter): number {
  const writing: AttributeWriting = { schema: AAD_ATTRIBUTE_BY_NAME, reference: directory.aadDn }
  const unsynced = casesWithoutAadObject(directory)
  let count = 0
  out.write('<cs-objects>\n')
  for (const object of directory.adObjects()) {
    const aad = synchronize(object).aad
    if (aad === null) continue
    const cloudAnchor = valuesOf(aad.synchronized, 'cloudAnchor')[0] ?? ''
    out.write(
      csObjectXml(
        {
          dn: aad.dn,
          id: object.ids.aadCsId,
          objectType: aad.objectType,
          objectClasses: [aad.objectType],
          anchor: utf16Base64(cloudAnchor),
          link: { mvId: object.ids.mvId, ruleId: aad.provisionedBy.id, time: INITIAL_SYNC_TIME },
          synchronized: withoutUnsynced(aad.synchronized, unsynced),
          pendingImport: null,
          staged:
            aad.pending === null
              ? null
              : {
                  changed: aad.pending.changed,
                  hologram: withoutUnsynced(aad.pending.hologram, unsynced),
                  previous: withoutUnsynced(aad.synchronized, unsynced),
                },
          failure: object.history.exportFailure,
        },
        writing,
      ),
    )
    count++
  }
  for (const user of CLOUD_USERS) {
    const cloudAnchor = valuesOf(user.attributes, 'cloudAnchor')[0] ?? ''
    out.write(
      csObjectXml(
        {
          dn: `CN={${utf8Hex(cloudAnchor)}}`,
          id: user.ids.aadCsId,
          objectType: 'user',
          objectClasses: ['user'],
          anchor: utf16Base64(cloudAnchor),
          link: null,
          synchronized: user.attributes,
          pendingImport: null,
          staged: null,
          failure: null,
        },
        writing,
      ),
    )
    count++
  }
  out.write('</cs-objects>\n')
  return count
}

/**
 * The case people that have no Entra ID object: a reference to one of them cannot be exported (the sync engine
 * exports the DN of the referenced object's connector there), so Entra ID holds no value for it.
 */
function casesWithoutAadObject(directory: TrainingDirectory): ReadonlySet<string> {
  const keys = new Set<string>()
  CASE_DEFINITIONS.forEach((_, index) => {
    const object = caseUser(directory.shape, index)
    if (object && synchronize(object).aad === null) keys.add(object.key)
  })
  return keys
}

/** The attributes without reference values that point at objects Entra ID does not have. */
function withoutUnsynced(attributes: Attributes, unsynced: ReadonlySet<string>): Attributes {
  const result = new Map<string, readonly string[]>()
  for (const [name, values] of attributes) {
    const reference = AAD_ATTRIBUTE_BY_NAME.get(name)?.syntax === 'dn'
    const kept = reference ? values.filter((value) => !unsynced.has(value)) : values
    if (kept.length > 0) result.set(name, kept)
  }
  return result
}
