/**
 * The connector's container filter (Configure Directory Partitions in the Synchronization Service Manager):
 * which partitions are selected, which containers (OUs) each includes and excludes, and which object classes
 * the connector imports. An object outside it is not imported; one that is already in the connector space
 * (the filter changed after the last import) leaves it at the next full import.
 */
import type { Connector, Partition } from '../model/connector'
import { dnDepth, isDnUnder } from '../text/dn'
import { lowerName } from './attribute-bag'

/** Why a DN is outside the connector's filter. */
export type ContainerVerdict =
  | { readonly kind: 'in-filter' }
  | { readonly kind: 'excluded-container'; readonly container: string; readonly partition: string }
  | { readonly kind: 'not-included'; readonly partition: string }
  | { readonly kind: 'unselected-partition'; readonly partition: string }
  | { readonly kind: 'no-partition' }
  | { readonly kind: 'object-class-not-selected'; readonly objectClass: string; readonly partition: string }

function partitionOf(connector: Connector, dn: string): Partition | undefined {
  return [...connector.partitions]
    .filter((partition) => isDnUnder(dn, partition.name))
    .sort((a, b) => dnDepth(b.name) - dnDepth(a.name))[0]
}

/**
 * Where a DN (and object class) stands against an AD connector's filter; `in-filter` for connectors that list
 * no partitions (nothing to judge by) and for every non-AD connector.
 */
export function containerVerdict(connector: Connector, dn: string, objectClass?: string): ContainerVerdict {
  if (connector.type !== 'AD' || connector.partitions.length === 0) return { kind: 'in-filter' }
  const partition = partitionOf(connector, dn)
  if (!partition) return { kind: 'no-partition' }
  if (!partition.selected) return { kind: 'unselected-partition', partition: partition.name }
  // The most specific container decides: an exclusion under an inclusion wins, an inclusion under it again too.
  const containers = [
    ...partition.inclusions.map((container) => ({ container, included: true })),
    ...partition.exclusions.map((container) => ({ container, included: false })),
  ]
    .filter((entry) => isDnUnder(dn, entry.container))
    .sort((a, b) => dnDepth(b.container) - dnDepth(a.container))
  const deepest = containers[0]
  if (deepest && !deepest.included) {
    return { kind: 'excluded-container', container: deepest.container, partition: partition.name }
  }
  if (!deepest && partition.inclusions.length > 0) return { kind: 'not-included', partition: partition.name }
  const classes = partition.objectClasses.map(lowerName)
  if (objectClass !== undefined && classes.length > 0 && !classes.includes(lowerName(objectClass))) {
    return { kind: 'object-class-not-selected', objectClass, partition: partition.name }
  }
  return { kind: 'in-filter' }
}

/** One sentence on why the DN is outside the filter of the connector; null when it is inside. */
export function containerVerdictText(connector: Connector, verdict: ContainerVerdict): string | null {
  const name = `"${connector.name}"`
  switch (verdict.kind) {
    case 'in-filter':
      return null
    case 'excluded-container':
      return `It lies under ${verdict.container}, a container ${name} excludes (Configure Directory Partitions).`
    case 'not-included':
      return `It lies in partition ${verdict.partition} but under none of the containers ${name} includes.`
    case 'unselected-partition':
      return `It lies in partition ${verdict.partition}, which is not selected on ${name}.`
    case 'no-partition':
      return `It lies in no partition of ${name}.`
    case 'object-class-not-selected':
      return `Its object class ${verdict.objectClass} is not selected on ${name}.`
  }
}

/**
 * Why a DN that is in no connector space is not there, as far as the connectors' filters tell: under an
 * excluded container, in an unselected partition, or inside every filter and simply absent from the export.
 */
export function missingDnText(connectors: readonly Connector[], dn: string): string {
  const directories = connectors.filter(
    (connector) => connector.type === 'AD' && connector.partitions.length > 0,
  )
  if (directories.length === 0)
    return 'No connector of the snapshot lists partitions to check the DN against.'
  const reasons = directories.map((connector) => {
    const verdict = containerVerdict(connector, dn)
    return { connector, verdict, text: containerVerdictText(connector, verdict) }
  })
  const relevant = reasons.filter((reason) => reason.verdict.kind !== 'no-partition')
  const filtered = relevant.filter((reason) => reason.text !== null)
  if (filtered.length > 0) {
    return `${filtered.map((reason) => reason.text).join(' ')} The connector never imports it, so it is OU_FILTERED.`
  }
  if (relevant.length > 0) {
    return `The DN lies inside the filter of ${relevant.map((reason) => `"${reason.connector.name}"`).join(', ')}: it is absent from the export (not in the directory, or added after the last import).`
  }
  return 'The DN lies in no partition of any connector: it is absent from the export.'
}
