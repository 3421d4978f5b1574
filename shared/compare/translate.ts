import type { ServerConfiguration } from '../formats/serverconfig/server-configuration'
import type { Side } from './compare-model'
import type { ConnectorPairing } from './connector-match'

/**
 * One snapshot's configuration restated in the other snapshot's connector ids, so that it can be applied
 * to that snapshot's objects: each paired connector (and its rules) takes its partner's id; connectors
 * without a partner keep theirs. Names, attribute lists and filters stay this configuration's own.
 */
export function inOtherIds(
  configuration: ServerConfiguration,
  pairing: ConnectorPairing,
  from: Side,
): ServerConfiguration {
  const partnerId = (id: string): string => {
    const pair = from === 'a' ? pairing.ofA(id) : pairing.ofB(id)
    const partner = from === 'a' ? pair?.b : pair?.a
    return partner?.id ?? id
  }
  return {
    connectors: configuration.connectors.map((connector) => ({ ...connector, id: partnerId(connector.id) })),
    rules: configuration.rules.map((rule) => ({ ...rule, connectorId: partnerId(rule.connectorId) })),
    metaverse: configuration.metaverse,
  }
}
