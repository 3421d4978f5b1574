import type { Connector, Partition } from '../model/connector'
import type { Difference } from './compare-model'
import type { ConnectorPair } from './connector-match'
import { dnKey, nameKey, sameName, setChanges } from './names'

/**
 * What differs between two paired connectors: the name (when paired otherwise), the type, each selected
 * attribute added or removed, each partition added or removed or (de)selected, and each object type and
 * container inclusion or exclusion of a partition's filter.
 */
export function connectorDifferences(pair: ConnectorPair): readonly Difference[] {
  const { a, b } = pair
  if (!a && b) return [wholeConnector('added', b)]
  if (a && !b) return [wholeConnector('removed', a)]
  if (!a || !b) return []
  const differences: Difference[] = []
  if (!sameName(a.name, b.name)) {
    differences.push({ change: 'changed', path: ['name'], label: 'Name', before: a.name, after: b.name })
  }
  if (a.type !== b.type) {
    differences.push({ change: 'changed', path: ['type'], label: 'Type', before: a.type, after: b.type })
  }
  return [
    ...differences,
    ...listChanges(['selectedAttributes'], 'Selected attribute', a.selectedAttributes, b.selectedAttributes),
    ...partitionDifferences(a.partitions, b.partitions),
  ]
}

function wholeConnector(change: 'added' | 'removed', connector: Connector): Difference {
  const partitions = connector.partitions
    .filter((partition) => partition.selected)
    .map((partition) => partition.name)
  const text = `${connector.type} connector, ${connector.selectedAttributes.length} selected attributes${
    partitions.length > 0 ? `, partitions ${partitions.join(', ')}` : ''
  }`
  return {
    change,
    path: ['connector'],
    label: 'Connector',
    before: change === 'removed' ? text : null,
    after: change === 'added' ? text : null,
  }
}

function listChanges(
  path: readonly string[],
  label: string,
  before: readonly string[],
  after: readonly string[],
  key: (name: string) => string = nameKey,
): Difference[] {
  const { added, removed } = setChanges(before, after, key)
  return [
    ...removed.map((name): Difference => ({
      change: 'removed',
      path: [...path, name],
      label,
      before: name,
      after: null,
    })),
    ...added.map((name): Difference => ({
      change: 'added',
      path: [...path, name],
      label,
      before: null,
      after: name,
    })),
  ]
}

function partitionDifferences(before: readonly Partition[], after: readonly Partition[]): Difference[] {
  const differences: Difference[] = []
  const afterByKey = new Map(after.map((partition) => [dnKey(partition.name), partition]))
  const beforeKeys = new Set(before.map((partition) => dnKey(partition.name)))
  for (const partition of before) {
    const partner = afterByKey.get(dnKey(partition.name))
    if (!partner) {
      differences.push({
        change: 'removed',
        path: ['partitions', partition.name],
        label: 'Partition',
        before: partitionText(partition),
        after: null,
      })
      continue
    }
    for (const item of samePartition(partition, partner)) differences.push(item)
  }
  for (const partition of after) {
    if (beforeKeys.has(dnKey(partition.name))) continue
    differences.push({
      change: 'added',
      path: ['partitions', partition.name],
      label: 'Partition',
      before: null,
      after: partitionText(partition),
    })
  }
  return differences
}

function samePartition(a: Partition, b: Partition): Difference[] {
  const path = ['partitions', b.name]
  const differences: Difference[] = []
  if (a.selected !== b.selected) {
    differences.push({
      change: 'changed',
      path: [...path, 'selected'],
      label: `Partition ${b.name}: selected`,
      before: a.selected ? 'yes' : 'no',
      after: b.selected ? 'yes' : 'no',
    })
  }
  return [
    ...differences,
    ...listChanges(
      [...path, 'objectClasses'],
      `Partition ${b.name}: object type`,
      a.objectClasses,
      b.objectClasses,
    ),
    ...listChanges(
      [...path, 'inclusions'],
      `Partition ${b.name}: included container`,
      a.inclusions,
      b.inclusions,
      dnKey,
    ),
    ...listChanges(
      [...path, 'exclusions'],
      `Partition ${b.name}: excluded container`,
      a.exclusions,
      b.exclusions,
      dnKey,
    ),
  ]
}

function partitionText(partition: Partition): string {
  const parts = [partition.selected ? 'selected' : 'not selected']
  if (partition.objectClasses.length > 0) parts.push(`object types ${partition.objectClasses.join(', ')}`)
  if (partition.inclusions.some((dn) => dn !== '')) parts.push(`includes ${partition.inclusions.join('; ')}`)
  if (partition.exclusions.length > 0) parts.push(`excludes ${partition.exclusions.join('; ')}`)
  return `${partition.name} (${parts.join(', ')})`
}
