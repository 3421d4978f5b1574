import type { Connector } from '../../shared/model/connector'
import type { CsObject } from '../../shared/model/objects'
import type { LoadedSnapshot } from '../../shared/load/load-snapshot'
import { CliError, EXIT } from './cli-io'

/** Resolves `--connector NAME` (name or id, case-insensitive) to a connector of the snapshot. */
export function findConnector(snapshot: LoadedSnapshot, wanted: string, option = '--connector'): Connector {
  const { connectors } = snapshot.configuration
  const lower = wanted.toLowerCase().replace(/[{}]/g, '')
  const connector = connectors.find((c) => c.name.toLowerCase() === lower || c.id === lower)
  if (connector) return connector
  const known = connectors.map((c) => `"${c.name}"`).join(', ') || 'none'
  throw new CliError(
    `${option}: no connector "${wanted}" in this snapshot. Known connectors: ${known}.`,
    EXIT.usage,
  )
}

/** The connector-space object with this DN, in the given connector or the only connector space holding it. */
export function findCsObjectByDn(snapshot: LoadedSnapshot, dn: string, connectorName?: string): CsObject {
  const store = snapshot.objects
  if (connectorName !== undefined) {
    const connector = findConnector(snapshot, connectorName)
    const object = store.csObjectByDn(connector.id, dn)
    if (object) return object
    throw new CliError(
      `No object with DN "${dn}" in the connector space of "${connector.name}". Check the DN (it is compared ` +
        'case-insensitively) or leave out --connector to look in every connector space.',
      EXIT.failure,
    )
  }
  const matches = store.csObjectsByDn(dn)
  if (matches.length === 1 && matches[0]) return matches[0]
  if (matches.length === 0) {
    throw new CliError(
      `No object with DN "${dn}" in any connector space of this snapshot (${store.csRowCount} objects). ` +
        'Check the DN, or that the snapshot includes that connector space.',
      EXIT.failure,
    )
  }
  const names = matches
    .map((object) => `"${object.connectorName ?? object.connectorId ?? 'unknown'}"`)
    .join(', ')
  throw new CliError(
    `The DN "${dn}" is in several connector spaces (${names}); add --connector NAME.`,
    EXIT.usage,
  )
}
