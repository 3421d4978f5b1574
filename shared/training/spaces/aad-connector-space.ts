/** ConnectorSpaces/contoso.onmicrosoft.com - AAD.xml: the Entra ID connector space in csexport format. */
import { valuesOf } from '../attributes'
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
          synchronized: aad.synchronized,
          staged:
            aad.pending === null
              ? null
              : { changed: aad.pending.changed, hologram: aad.pending.hologram, previous: aad.synchronized },
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
