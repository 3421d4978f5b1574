import type { Connector, Partition } from '../model/connector'

/** The parameters an expression can read (`%Domain.FQDN%`, ...), with the ones SyncLens had to infer. */
export interface ConnectorParameters {
  /** Parameter value by name, looked up case-insensitively; undefined when unknown. */
  get(name: string): string | undefined
  /** Every parameter as name/value pairs, for display. */
  readonly entries: readonly (readonly [string, string])[]
  /** Names of the parameters derived by SyncLens rather than read from the export. */
  readonly inferred: readonly string[]
}

/**
 * Derives the parameters of a connector for an object with this DN: `Domain.*` from the partition that
 * holds the DN, `Forest.*` from the connector, `Connector.ID`, plus every parameter the export lists.
 *
 * Values the export does not give are derived from partition names (`DC=contoso,DC=com` ->
 * `contoso.com`) and NetBIOS names from the first label upper-cased; those are listed as inferred.
 */
export function connectorParameters(connector: Connector, dn: string | null): ConnectorParameters {
  const partition = partitionOf(connector, dn)
  const key = partition?.name ?? ''
  let byPartition = cache.get(connector)
  if (!byPartition) {
    byPartition = new Map()
    cache.set(connector, byPartition)
  }
  const cached = byPartition.get(key)
  if (cached) return cached
  const derived = deriveParameters(connector, partition)
  byPartition.set(key, derived)
  return derived
}

// Parameters depend only on the connector and the partition, so one derivation serves every object.
const cache = new WeakMap<Connector, Map<string, ConnectorParameters>>()

function deriveParameters(connector: Connector, partition: Partition | null): ConnectorParameters {
  const values = new Map<string, readonly [string, string]>()
  const inferred: string[] = []
  const set = (name: string, value: string): void => {
    values.set(name.toLowerCase(), [name, value])
  }
  for (const [name, value] of connector.parameters) set(name, value)
  for (const [name, value] of partition?.parameters ?? []) set(name, value)
  const read = (name: string): string | undefined => {
    const value = values.get(name.toLowerCase())?.[1]
    return value === undefined || value === '' ? undefined : value
  }
  const derive = (name: string, value: string | undefined): void => {
    if (read(name) !== undefined || value === undefined || value === '') return
    set(name, value)
    inferred.push(name)
  }
  if (partition && fqdnOf(partition.name) !== undefined) derive('Domain.LDAP', partition.name)
  derive('Domain.FQDN', fqdnOf(read('Domain.LDAP') ?? ''))
  derive('Domain.Netbios', netbiosOf(read('Domain.FQDN')))
  derive('Forest.FQDN', read('forest-name') ?? read('Domain.FQDN'))
  derive('Forest.LDAP', ldapOf(read('Forest.FQDN')))
  derive('Forest.Netbios', netbiosOf(read('Forest.FQDN')))
  set('Connector.ID', connector.id)
  const entries = [...values.values()]
  return { get: read, entries, inferred }
}

/** The partition whose name is the longest DN suffix of `dn`, else the first selected partition. */
export function partitionOf(connector: Connector, dn: string | null): Partition | null {
  const lowerDn = dn?.toLowerCase() ?? ''
  let best: Partition | null = null
  for (const partition of connector.partitions) {
    const name = partition.name.toLowerCase()
    if (name === '' || !isDnSuffix(lowerDn, name)) continue
    if (!best || name.length > best.name.length) best = partition
  }
  return (
    best ?? connector.partitions.find((partition) => partition.selected) ?? connector.partitions[0] ?? null
  )
}

function isDnSuffix(dn: string, suffix: string): boolean {
  return dn === suffix || dn.endsWith(`,${suffix}`)
}

/** `DC=contoso,DC=com` -> `contoso.com`; undefined when the DN has no DC components. */
export function fqdnOf(ldap: string): string | undefined {
  const labels = ldap
    .split(',')
    .map((component) => component.trim())
    .filter((component) => /^dc=/i.test(component))
    .map((component) => component.slice(3))
  return labels.length > 0 ? labels.join('.') : undefined
}

function ldapOf(fqdn: string | undefined): string | undefined {
  return fqdn === undefined
    ? undefined
    : fqdn
        .split('.')
        .map((label) => `DC=${label}`)
        .join(',')
}

function netbiosOf(fqdn: string | undefined): string | undefined {
  const first = fqdn?.split('.')[0]
  return first ? first.toUpperCase() : undefined
}
