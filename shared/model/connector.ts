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
  /** True for a connector no configuration file describes, inferred from a connector-space export alone. */
  readonly inferred?: true
}

/**
 * Normalizes a GUID for comparison: lower-case, no braces, trimmed. Text that is no GUID comes back trimmed and
 * lower-cased too; `parseGuid` says whether it is one.
 */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase()
}

/** Lengths of a bare GUID and of one in braces. */
const GUID_LENGTH = 36
const BRACED_GUID_LENGTH = 38

/**
 * A GUID lower-case without braces, or null when the text is not a GUID (white space around it is ignored).
 * It reads character codes instead of running a regular expression and allocates only when the text needs
 * trimming, unbracing or lower-casing: it runs on every lineage value of a metaverse export.
 */
export function parseGuid(text: string): string | null {
  let start = 0
  let end = text.length
  if (
    (end !== GUID_LENGTH && end !== BRACED_GUID_LENGTH) ||
    mayBeSpace(text.charCodeAt(0)) ||
    mayBeSpace(text.charCodeAt(end - 1))
  ) {
    const trimmed = text.trim()
    start = text.indexOf(trimmed)
    end = start + trimmed.length
  }
  if (
    end - start === BRACED_GUID_LENGTH &&
    text.charCodeAt(start) === 0x7b &&
    text.charCodeAt(end - 1) === 0x7d
  ) {
    start++
    end--
  }
  if (end - start !== GUID_LENGTH) return null
  let upper = false
  for (let i = 0; i < GUID_LENGTH; i++) {
    const code = text.charCodeAt(start + i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 0x2d) return null
    } else if (code >= 0x41 && code <= 0x46) {
      upper = true
    } else if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) {
      return null
    }
  }
  const guid = start === 0 && end === text.length ? text : text.slice(start, end)
  return upper ? guid.toLowerCase() : guid
}

/** True for every code String.prototype.trim removes (and some it keeps): such text takes the trimming path. */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code >= 0x1680
}
