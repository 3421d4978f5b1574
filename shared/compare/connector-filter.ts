import type { Connector, Partition } from '../model/connector'
import { dnKey, nameKey } from './names'

/** Whether `dn` is `container` or lies under it (both DN keys). */
function under(dn: string, container: string): boolean {
  return dn === container || dn.endsWith(`,${container}`)
}

/** The partition whose name is the longest suffix of the DN, null when none is. */
function partitionOf(connector: Connector, dn: string): Partition | null {
  let best: Partition | null = null
  let bestLength = -1
  for (const partition of connector.partitions) {
    const key = dnKey(partition.name)
    if (key !== '' && under(dn, key) && key.length > bestLength) {
      best = partition
      bestLength = key.length
    }
  }
  return (
    best ??
    (connector.partitions.length === 1 && connector.type !== 'AD' ? (connector.partitions[0] ?? null) : null)
  )
}

/**
 * Why a connector-space object lies outside the connector's filters (partition selection, object types,
 * container inclusions and exclusions), as the next full import would find it; null when it lies inside or
 * the connector's partitions cannot tell. The most specific container named in an inclusion or exclusion
 * decides, as in the Synchronization Service's container picker.
 */
export function outsideConnectorFilter(connector: Connector, dn: string, objectType: string): string | null {
  const key = dnKey(dn)
  const partition = partitionOf(connector, key)
  if (!partition) return null
  if (!partition.selected) return `its partition ${partition.name} is not selected on "${connector.name}"`
  if (
    partition.objectClasses.length > 0 &&
    !partition.objectClasses.some((objectClass) => nameKey(objectClass) === nameKey(objectType))
  ) {
    return `object type ${objectType} is not selected on "${connector.name}"`
  }
  const inclusions = partition.inclusions.map(dnKey)
  const exclusions = partition.exclusions.map(dnKey)
  let decidingLength = -1
  let included = inclusions.length === 0 || inclusions.includes('')
  let decidingContainer = ''
  for (const [containers, verdict] of [
    [inclusions, true],
    [exclusions, false],
  ] as const) {
    containers.forEach((container, position) => {
      if (container !== '' && under(key, container) && container.length > decidingLength) {
        decidingLength = container.length
        included = verdict
        decidingContainer = (verdict ? partition.inclusions : partition.exclusions)[position] ?? container
      }
    })
  }
  if (included) return null
  return decidingContainer === ''
    ? `it is under no container included on "${connector.name}"`
    : `container ${decidingContainer} is excluded on "${connector.name}"`
}
