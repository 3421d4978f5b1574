import { AAD_CONNECTOR_ID, type Connector, type ConnectorType } from '../model/connector'
import { EMPTY_SCHEMA } from '../model/schema'
import type { SnapshotManifest } from '../formats/manifest/manifest'
import { baseName } from '../io/source'

/** How the connector of a csexport file was found, for the message the user sees. */
export type OwnerEvidence = 'manifest' | 'file content' | 'distinguished names' | 'file name'

/** The connector a csexport file belongs to, and why SyncLens thinks so. */
export interface ConnectorSpaceOwner {
  readonly connector: Connector
  readonly evidence: OwnerEvidence
}

const AAD_DN = /^CN=\{[0-9A-Fa-f]+\}$/

/**
 * Finds the connector of a csexport file.
 *
 * csexport writes no connector name into the file, so the evidence is tried from strongest to
 * weakest: the collector's manifest, `ma-id`/`ma-name` elements (Get-ADSyncCSObject output), the
 * first object's DN (an AD partition suffix, or the `CN={hex}` form of Entra ID objects), and last
 * the file name.
 */
export function findConnectorSpaceOwner(
  path: string,
  headText: string,
  connectors: readonly Connector[],
  manifest: SnapshotManifest | null,
): ConnectorSpaceOwner | null {
  const byId = (id: string | null | undefined): Connector | undefined =>
    id ? connectors.find((connector) => connector.id === id.toLowerCase().replace(/[{}]/g, '')) : undefined
  const byName = (name: string | null | undefined): Connector | undefined =>
    name ? connectors.find((connector) => connector.name.toLowerCase() === name.toLowerCase()) : undefined

  const listed = manifest?.connectorSpaces.find((space) => space.file === path)
  const fromManifest = listed ? (byId(listed.connectorId) ?? byName(listed.connectorName)) : undefined
  if (fromManifest) return { connector: fromManifest, evidence: 'manifest' }

  const fromContent =
    byId(/<ma-id>\s*([^<\s]+)\s*<\/ma-id>/.exec(headText)?.[1]) ??
    byName(decodeXmlText(/<ma-name>([^<]*)<\/ma-name>/.exec(headText)?.[1]))
  if (fromContent) return { connector: fromContent, evidence: 'file content' }

  const firstDn = decodeXmlText(
    /\scs-dn\s*=\s*"([^"]*)"/.exec(headText)?.[1] ?? /\scs-dn\s*=\s*'([^']*)'/.exec(headText)?.[1],
  )
  if (firstDn) {
    const fromDn = connectorOfDn(firstDn, connectors)
    if (fromDn) return { connector: fromDn, evidence: 'distinguished names' }
  }

  const fileName = baseName(path).toLowerCase()
  const fromFileName = [...connectors]
    .sort((a, b) => b.name.length - a.name.length)
    .find((connector) => fileName.includes(connector.name.toLowerCase()))
  return fromFileName ? { connector: fromFileName, evidence: 'file name' } : null
}

/**
 * The connector of a connector space whose snapshot has no configuration (a lone csexport): named by the file's
 * `ma-name` when it has one, else by the file name, typed from its first DN, and with an id derived from that
 * name (the same file always gets the same id). It has no rules, partitions, schema or selected attributes:
 * the snapshot does not say them.
 */
export function inferredConnector(path: string, headText: string): Connector {
  const maName = decodeXmlText(/<ma-name>([^<]*)<\/ma-name>/.exec(headText)?.[1])?.trim()
  const fileName = baseName(path).replace(/\.(xml|csexport|txt)$/i, '')
  const name = maName !== undefined && maName !== '' ? maName : fileName === '' ? 'connector space' : fileName
  const firstDn = decodeXmlText(/\scs-dn\s*=\s*"([^"]*)"/.exec(headText)?.[1])?.trim() ?? ''
  const type: ConnectorType = AAD_DN.test(firstDn) ? 'AAD' : /(^|,)\s*DC=/i.test(firstDn) ? 'AD' : 'Other'
  return {
    id: type === 'AAD' ? AAD_CONNECTOR_ID : nameGuid(name),
    name,
    type,
    category: '',
    subtype: '',
    description: `Not in the snapshot's configuration: named from ${maName ? 'the ma-name in' : 'the name of'} ${path}.`,
    selectedAttributes: [],
    partitions: [],
    schema: EMPTY_SCHEMA,
    parameters: [],
    origin: path,
    inferred: true,
  }
}

/** A GUID-shaped id from a name (FNV-1a over its lower-cased text, four rounds), stable across loads. */
function nameGuid(name: string): string {
  const text = name.toLowerCase()
  let hex = ''
  for (let round = 0; round < 4; round += 1) {
    let hash = 0x811c9dc5 ^ round
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    hex += hash.toString(16).padStart(8, '0')
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function connectorOfDn(dn: string, connectors: readonly Connector[]): Connector | undefined {
  if (AAD_DN.test(dn.trim())) {
    return (
      connectors.find((connector) => connector.id === AAD_CONNECTOR_ID) ??
      connectors.find((c) => c.type === 'AAD')
    )
  }
  const lower = dn.toLowerCase()
  return connectors.find((connector) =>
    connector.partitions.some((partition) => {
      const suffix = partition.name.toLowerCase()
      return suffix.includes('=') && (lower === suffix || lower.endsWith(`,${suffix}`))
    }),
  )
}

function decodeXmlText(text: string | undefined): string | undefined {
  return text
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
