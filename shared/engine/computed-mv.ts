import type { MvAttribute, MvObject } from '../model/objects'
import type { ImportFlowResult } from './import-flow'
import type { RuleIndex } from './rule-index'

/**
 * The metaverse object the import flow of a CS object computes, for snapshots whose metaverse was not
 * exported: every attribute that resolves to values, typed from the contributing rules' MV type.
 */
export function computedMvObject(flow: ImportFlowResult, ruleIndex: RuleIndex): MvObject {
  const types = flow.rows
    .map((row) => ruleIndex.rule(row.rule.id)?.targetObjectType)
    .filter((type): type is string => type !== undefined && type !== '*')
  const attributes = flow.attributes.flatMap((attribute): MvAttribute[] =>
    attribute.resolution.kind === 'value'
      ? [
          {
            name: attribute.mvAttribute,
            type: 'String',
            multiValued: attribute.resolution.values.length > 1,
            values: attribute.resolution.values,
            lineage: [],
          },
        ]
      : [],
  )
  return {
    id: flow.mvObjectId ?? flow.csObject.id,
    objectType: flow.mvObjectType ?? types[0] ?? 'person',
    attributes,
    connections: [],
  }
}
