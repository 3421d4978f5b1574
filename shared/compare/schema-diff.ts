import type { MetaverseConfig } from '../model/metaverse-schema'
import type { SchemaAttribute } from '../model/schema'
import type { Difference } from './compare-model'
import { nameKey, setChanges } from './names'

/** Global parameters that change on every run of the scheduler, not with the configuration. */
const RUN_STATE_PARAMETERS: ReadonlySet<string> = new Set(['microsoft.synchronize.nextstarttime'])

/**
 * Metaverse schema differences: object types and attributes added or removed, an attribute's syntax,
 * multi-valuedness or indexing changed, and attributes added to or removed from an object type.
 */
export function schemaDifferences(a: MetaverseConfig, b: MetaverseConfig): readonly Difference[] {
  const differences: Difference[] = []
  const types = setChanges(
    a.schema.classes.map((objectClass) => objectClass.name),
    b.schema.classes.map((objectClass) => objectClass.name),
  )
  for (const name of types.removed) {
    differences.push({
      change: 'removed',
      path: ['objectTypes', name],
      label: 'Metaverse object type',
      before: name,
      after: null,
    })
  }
  for (const name of types.added) {
    differences.push({
      change: 'added',
      path: ['objectTypes', name],
      label: 'Metaverse object type',
      before: null,
      after: name,
    })
  }
  const bAttributes = new Map(b.schema.attributes.map((attribute) => [nameKey(attribute.name), attribute]))
  const aKeys = new Set(a.schema.attributes.map((attribute) => nameKey(attribute.name)))
  for (const attribute of a.schema.attributes) {
    const partner = bAttributes.get(nameKey(attribute.name))
    const path = ['attributes', partner?.name ?? attribute.name]
    if (!partner) {
      differences.push({
        change: 'removed',
        path,
        label: 'Metaverse attribute',
        before: attributeText(attribute),
        after: null,
      })
      continue
    }
    const property = (name: string, label: string, before: string, after: string): void => {
      if (before === after) return
      differences.push({
        change: 'changed',
        path: [...path, name],
        label: `Metaverse attribute ${partner.name}: ${label}`,
        before,
        after,
      })
    }
    property('syntax', 'syntax', attribute.syntax, partner.syntax)
    property('multiValued', 'multi-valued', yesNo(attribute.multiValued), yesNo(partner.multiValued))
    property('indexable', 'indexable', yesNo(attribute.indexable), yesNo(partner.indexable))
  }
  for (const attribute of b.schema.attributes) {
    if (aKeys.has(nameKey(attribute.name))) continue
    differences.push({
      change: 'added',
      path: ['attributes', attribute.name],
      label: 'Metaverse attribute',
      before: null,
      after: attributeText(attribute),
    })
  }
  const bClasses = new Map(b.schema.classes.map((objectClass) => [nameKey(objectClass.name), objectClass]))
  for (const objectClass of a.schema.classes) {
    const partner = bClasses.get(nameKey(objectClass.name))
    if (!partner) continue
    const members = setChanges(objectClass.attributes, partner.attributes)
    const label = `Metaverse object type ${partner.name}: attribute`
    for (const name of members.removed) {
      differences.push({
        change: 'removed',
        path: ['objectTypes', partner.name, 'attributes', name],
        label,
        before: name,
        after: null,
      })
    }
    for (const name of members.added) {
      differences.push({
        change: 'added',
        path: ['objectTypes', partner.name, 'attributes', name],
        label,
        before: null,
        after: name,
      })
    }
  }
  return differences
}

/** Global settings (`Microsoft.OptionalFeature.*`, the configuration version, staging mode) added, removed or changed. */
export function settingDifferences(a: MetaverseConfig, b: MetaverseConfig): readonly Difference[] {
  const differences: Difference[] = []
  const relevant = (parameters: MetaverseConfig['parameters']): Map<string, readonly [string, string]> =>
    new Map(
      parameters
        .filter(([name]) => !RUN_STATE_PARAMETERS.has(nameKey(name)))
        .map((entry) => [nameKey(entry[0]), entry] as const),
    )
  const before = relevant(a.parameters)
  const after = relevant(b.parameters)
  // An empty parameter and an absent one configure the same thing: builds differ in which they write.
  const valueOf = (entries: Map<string, readonly [string, string]>, key: string): string =>
    entries.get(key)?.[1].trim() ?? ''
  const keys = new Set([...before.keys(), ...after.keys()])
  for (const key of keys) {
    const left = valueOf(before, key)
    const right = valueOf(after, key)
    if (left === right) continue
    const name = after.get(key)?.[0] ?? before.get(key)?.[0] ?? key
    const change = left === '' ? 'added' : right === '' ? 'removed' : 'changed'
    differences.push({
      change,
      path: [name],
      label: `Global setting ${name}`,
      before: left === '' ? null : left,
      after: right === '' ? null : right,
    })
  }
  return differences.sort((left, right) => (left.path[0] ?? '').localeCompare(right.path[0] ?? ''))
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

function attributeText(attribute: SchemaAttribute): string {
  const parts = [attribute.syntax, attribute.multiValued ? 'multi-valued' : 'single-valued']
  if (attribute.indexable) parts.push('indexable')
  return `${attribute.name} (${parts.join(', ')})`
}
