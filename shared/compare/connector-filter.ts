import { containerVerdict } from '../engine/container-filter'
import type { Connector } from '../model/connector'

/**
 * Why a connector-space object lies outside the connector's filters (partition selection, container
 * inclusions and exclusions, object types) under this configuration, as the next full import would find it;
 * null when it lies inside. The engine's container filter decides, so the impact and the object views agree
 * (the most specific container decides, as in the Synchronization Service's container picker).
 */
export function outsideConnectorFilter(connector: Connector, dn: string, objectType: string): string | null {
  const verdict = containerVerdict(connector, dn, objectType)
  const name = `"${connector.name}"`
  switch (verdict.kind) {
    case 'in-filter':
      return null
    case 'excluded-container':
      return `container ${verdict.container} is excluded on ${name}`
    case 'not-included':
      return `it is under no container included on ${name}`
    case 'unselected-partition':
      return `its partition ${verdict.partition} is not selected on ${name}`
    case 'no-partition':
      return `it lies in no partition of ${name}`
    case 'object-class-not-selected':
      return `object type ${verdict.objectClass} is not selected on ${name}`
  }
}
