/** ConnectorSpaces/contoso.com.xml: the AD connector space in csexport format. */
import { OBJECT_CLASSES } from '../directory/ad-object'
import type { TrainingDirectory } from '../directory/training-directory'
import { INITIAL_SYNC_TIME } from '../environment'
import type { ChunkWriter } from '../file-sink'
import { AD_ATTRIBUTE_BY_NAME } from '../schema/ad-schema'
import { projectingRule } from '../sync/object-sync'
import { type Attributes, sameList, valuesOf } from '../attributes'
import { csObjectXml } from './cs-object-xml'
import type { AttributeWriting } from './entry-xml'

/** Writes every AD object; returns how many were written. */
export function writeAdConnectorSpace(directory: TrainingDirectory, out: ChunkWriter): number {
  const writing: AttributeWriting = { schema: AD_ATTRIBUTE_BY_NAME, reference: directory.adDn }
  let count = 0
  out.write('<cs-objects>\n')
  for (const object of directory.adObjects()) {
    const rule = projectingRule(object)
    const pending = object.history.importPending && object.before !== null ? object.before : null
    out.write(
      csObjectXml(
        {
          dn: object.dn,
          id: object.ids.adCsId,
          objectType: object.objectClass,
          objectClasses: OBJECT_CLASSES[object.objectClass],
          anchor: object.ids.objectGuid,
          link: rule === null ? null : { mvId: object.ids.mvId, ruleId: rule.id, time: INITIAL_SYNC_TIME },
          synchronized: pending ?? object.attributes,
          pendingImport:
            pending === null
              ? null
              : {
                  changed: changedNames(pending, object.attributes),
                  hologram: object.attributes,
                  previous: pending,
                },
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

/** The attributes whose values differ between two states, sorted. */
function changedNames(previous: Attributes, next: Attributes): readonly string[] {
  const names = new Set([...previous.keys(), ...next.keys()])
  return [...names].filter((name) => !sameList(valuesOf(previous, name), valuesOf(next, name))).sort()
}
