import type { Connector } from '../model/connector'
import type { ConnectorMatchKind } from './compare-model'
import { dnKey, nameKey } from './names'

/** Two connectors paired across the snapshots, or one without a partner. */
export interface ConnectorPair {
  readonly a: Connector | null
  readonly b: Connector | null
  readonly matchedBy: ConnectorMatchKind | null
}

/** Every connector of both snapshots, paired, with lookups by either side's id. */
export interface ConnectorPairing {
  readonly pairs: readonly ConnectorPair[]
  /** The pair holding A's connector with this id (lower-case GUID). */
  ofA(id: string): ConnectorPair | null
  /** The pair holding B's connector with this id. */
  ofB(id: string): ConnectorPair | null
}

/**
 * Pairs the connectors of two snapshots: first by name (case-insensitively), then by id (a connector
 * renamed on the same server), then by type and partition (the same forest under another name, as on a
 * staging server built separately), then as the only connector of its type in each snapshot (DEV against
 * PROD: one forest each, different domains). The Entra ID connector pairs with the other Entra ID connector.
 */
export function matchConnectors(a: readonly Connector[], b: readonly Connector[]): ConnectorPairing {
  const pairs: ConnectorPair[] = []
  const leftA = new Set(a)
  const leftB = new Set(b)
  const pair = (left: Connector, right: Connector, matchedBy: ConnectorMatchKind): void => {
    pairs.push({ a: left, b: right, matchedBy })
    leftA.delete(left)
    leftB.delete(right)
  }
  const byName = new Map<string, Connector>()
  for (const connector of b)
    if (!byName.has(nameKey(connector.name))) byName.set(nameKey(connector.name), connector)
  for (const connector of a) {
    const partner = byName.get(nameKey(connector.name))
    if (partner && leftB.has(partner)) pair(connector, partner, 'name')
  }
  for (const connector of [...leftA]) {
    const partner = [...leftB].find((candidate) => candidate.id === connector.id)
    if (partner) pair(connector, partner, 'id')
  }
  for (const connector of [...leftA]) {
    const partner = bestByTypeAndPartition(connector, [...leftB])
    if (partner) pair(connector, partner, 'type-and-partition')
  }
  for (const connector of [...leftA]) {
    const partner = onlyOfType(connector, a, b)
    if (partner && leftB.has(partner)) pair(connector, partner, 'only-of-type')
  }
  for (const connector of leftA) pairs.push({ a: connector, b: null, matchedBy: null })
  for (const connector of leftB) pairs.push({ a: null, b: connector, matchedBy: null })
  pairs.sort((left, right) => pairName(left).localeCompare(pairName(right)))
  const ofA = new Map(pairs.flatMap((entry) => (entry.a ? [[entry.a.id, entry] as const] : [])))
  const ofB = new Map(pairs.flatMap((entry) => (entry.b ? [[entry.b.id, entry] as const] : [])))
  return { pairs, ofA: (id) => ofA.get(id) ?? null, ofB: (id) => ofB.get(id) ?? null }
}

/** The name a pair is listed under: B's (the configuration being considered), else A's. */
export function pairName(pair: ConnectorPair): string {
  return pair.b?.name ?? pair.a?.name ?? ''
}

/** Selected partition names of a connector, as DN keys. */
export function partitionKeys(connector: Connector): readonly string[] {
  return connector.partitions
    .filter((partition) => partition.selected)
    .map((partition) => dnKey(partition.name))
}

function bestByTypeAndPartition(connector: Connector, candidates: readonly Connector[]): Connector | null {
  const sameType = candidates.filter((candidate) => candidate.type === connector.type)
  // There is one Entra ID connector per server: the two are the same tenant's connector.
  if (connector.type === 'AAD') return sameType.length === 1 ? (sameType[0] ?? null) : null
  const own = new Set(partitionKeys(connector))
  let best: Connector | null = null
  let bestShared = 0
  for (const candidate of sameType) {
    const shared = partitionKeys(candidate).filter((key) => own.has(key)).length
    if (shared > bestShared) {
      best = candidate
      bestShared = shared
    }
  }
  return best
}

/**
 * B's connector of this type when each snapshot has exactly one: with several forests a connector without a
 * shared partition is a forest added or removed, never guessed to be another.
 */
function onlyOfType(
  connector: Connector,
  a: readonly Connector[],
  b: readonly Connector[],
): Connector | null {
  const sameTypeA = a.filter((candidate) => candidate.type === connector.type)
  const sameTypeB = b.filter((candidate) => candidate.type === connector.type)
  return sameTypeA.length === 1 && sameTypeB.length === 1 ? (sameTypeB[0] ?? null) : null
}

/** One sentence on how a pair was found when its names differ; null for a pair matched by name. */
export function matchNote(pair: ConnectorPair): string | null {
  const { a, b } = pair
  if (!a || !b) return null
  switch (pair.matchedBy) {
    case 'name':
    case null:
      return null
    case 'id':
      return `"${a.name}" in A and "${b.name}" in B have the same connector id, so they are one connector renamed.`
    case 'type-and-partition': {
      if (a.type === 'AAD') {
        return `"${a.name}" in A and "${b.name}" in B are each snapshot's only Entra ID connector, so they are compared as one.`
      }
      const shared = new Set(partitionKeys(b))
      const partitions = a.partitions
        .filter((partition) => partition.selected && shared.has(dnKey(partition.name)))
        .map((partition) => partition.name)
      return `"${a.name}" in A and "${b.name}" in B have different names; they are compared as one because both are ${a.type} connectors for ${partitions.join(', ')}.`
    }
    case 'only-of-type':
      return `"${a.name}" in A and "${b.name}" in B share no partition; they are compared as one because each is its snapshot's only ${a.type} connector (another forest, as DEV against PROD).`
  }
}
