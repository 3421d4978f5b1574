import type { MvAttribute, MvObject } from '../model/objects'
import type { ObjectIndex } from '../model/object-index'
import { lowerName } from './attribute-bag'
import type { ImportFlowResult } from './import-flow'
import type { RuleIndex } from './rule-index'

/**
 * The metaverse object as the import flows compute it, for snapshots whose metaverse was not exported
 * (absent, or computed from links with empty attributes): every attribute that resolves to values.
 * The id, type and connections come from `base` when the store has the object.
 */
export function computedMvObject(
  flows: readonly ImportFlowResult[],
  ruleIndex: RuleIndex,
  base: MvObject | null,
): MvObject {
  const seen = new Set<string>()
  const attributes: MvAttribute[] = []
  for (const flow of flows) {
    for (const attribute of flow.attributes) {
      const key = lowerName(attribute.mvAttribute)
      if (seen.has(key) || attribute.resolution.kind !== 'value') continue
      seen.add(key)
      const { values } = attribute.resolution
      attributes.push({
        name: attribute.mvAttribute,
        type: 'String',
        multiValued: values.length > 1,
        values,
        lineage: [],
      })
    }
  }
  const [first] = flows
  const types = flows
    .flatMap((flow) => flow.rows)
    .map((row) => ruleIndex.rule(row.rule.id)?.targetObjectType)
    .filter((type): type is string => type !== undefined && type !== '*')
  return {
    id: base?.id ?? first?.mvObjectId ?? first?.csObject.id ?? '',
    objectType: base?.objectType ?? first?.mvObjectType ?? types[0] ?? 'person',
    attributes,
    connections: base?.connections ?? [],
  }
}

/** True when the snapshot's metaverse values can be trusted (they were exported, not computed). */
export function hasExportedMetaverse(index: ObjectIndex): boolean {
  return index.metaverseSource === 'exported'
}
