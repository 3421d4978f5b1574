import type { DirectorySchema } from './schema'

/** The kind of connected system, as far as SyncLens distinguishes them. */
export type ConnectorType = 'AD' | 'AAD' | 'Other'

/** The fixed GUID of the Entra ID (Azure AD) connector in every AAD Connect installation. */
export const AAD_CONNECTOR_ID = 'b891884f-051e-4a83-95af-2544101c9083'

/** One directory partition of a connector with its OU (container) filter. */
export interface Partition {
  readonly name: string
  readonly selected: boolean
  readonly objectClasses: readonly string[]
  readonly inclusions: readonly string[]
  readonly exclusions: readonly string[]
  /** Partition parameters (`Domain.FQDN`, `Domain.Netbios`, `Domain.LDAP`, ...) as name/value pairs. */
  readonly parameters: readonly (readonly [string, string])[]
}

/** A connector (management agent). */
export interface Connector {
  /** GUID, lower-case, without braces. */
  readonly id: string
  readonly name: string
  readonly type: ConnectorType
  /** The raw `<category>` (AD, Extensible2, ...). */
  readonly category: string
  readonly subtype: string
  readonly description: string
  /** Attribute inclusion list: the attributes imported and exported by this connector. */
  readonly selectedAttributes: readonly string[]
  readonly partitions: readonly Partition[]
  readonly schema: DirectorySchema
  /** Connector parameters (forest name, domain, ...) by name; passwords never appear. */
  readonly parameters: readonly (readonly [string, string])[]
  /** Where the connector was read from (file path relative to the snapshot root). */
  readonly origin: string
}

/** Normalizes a GUID for comparison: lower-case, no braces, trimmed. */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase()
}
