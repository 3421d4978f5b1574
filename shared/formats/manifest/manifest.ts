import { normalizeGuid } from '../../model/connector'
import { excerpt } from '../../text/excerpt'
import { type LoadIssue, loadIssue } from '../../model/load-issue'
import { jsonErrorOffset } from './json-error'
import { checkManifestPath } from './manifest-path'

/** The manifest version this build writes and reads. */
export const MANIFEST_VERSION = 1

/** The file name the collector gives the manifest, at the snapshot root. */
export const MANIFEST_FILE_NAME = 'snapshot.json'

/** One connector space file of the snapshot and the connector it came from. */
export interface ManifestConnectorSpace {
  /** Connector GUID, lower-case, without braces; null when the manifest does not say. */
  readonly connectorId: string | null
  readonly connectorName: string
  /** Path relative to the snapshot root, `/`-separated. */
  readonly file: string
  /** The csexport `/f` filter used (e.g. `x` = pending exports only); null for the whole connector space. */
  readonly filter: string | null
}

/** `snapshot.json`, written by collector/Export-SyncLensSnapshot.ps1 (version 1). */
export interface SnapshotManifest {
  /** Manifest version; 1 for this schema. */
  readonly synclensSnapshot: number
  /** Sync server host name. */
  readonly server: string | null
  /** ISO 8601 time the collection started (UTC). */
  readonly exportedAt: string | null
  /** Azure AD Connect / Entra Connect Sync build, e.g. `2.4.27.0`. */
  readonly aadConnectVersion: string | null
  /** True when the server is a staging server (exports are held back). */
  readonly stagingMode: boolean | null
  /** Collector name and version. */
  readonly collector: string | null
  /** Folder written by Get-ADSyncServerConfiguration, relative to the snapshot root ('' = the root). */
  readonly serverConfiguration: string | null
  readonly connectorSpaces: readonly ManifestConnectorSpace[]
  /** Files holding `<mv-objects>`. */
  readonly metaverse: readonly string[]
  /** How many metaverse objects were written; null when unknown. */
  readonly metaverseObjectCount: number | null
  /** True when the collector stopped at its metaverse object limit, so the metaverse export is partial. */
  readonly metaverseTruncated: boolean | null
  /** When set, only metaverse objects of connector-space objects whose DN matched this filter were collected. */
  readonly distinguishedNameFilter: string | null
  /** Synchronization Rules Editor exports included in the snapshot. */
  readonly ruleScripts: readonly string[]
  /** Free text from the admin who collected the snapshot. */
  readonly notes: string | null
}

/** The outcome of reading a manifest: null when it cannot be used, and what was wrong. */
export interface ManifestResult {
  readonly manifest: SnapshotManifest | null
  readonly issues: readonly LoadIssue[]
}

/** Every field of SnapshotManifest; the record type makes the compiler catch a missing one. */
const MANIFEST_FIELD_RECORD: { readonly [K in keyof SnapshotManifest]: true } = {
  synclensSnapshot: true,
  server: true,
  exportedAt: true,
  aadConnectVersion: true,
  stagingMode: true,
  collector: true,
  serverConfiguration: true,
  connectorSpaces: true,
  metaverse: true,
  metaverseObjectCount: true,
  metaverseTruncated: true,
  distinguishedNameFilter: true,
  ruleScripts: true,
  notes: true,
}
const CONNECTOR_SPACE_FIELD_RECORD: { readonly [K in keyof ManifestConnectorSpace]: true } = {
  connectorId: true,
  connectorName: true,
  file: true,
  filter: true,
}

/** The top-level field names of a version 1 manifest, in schema order. */
export const MANIFEST_FIELDS: readonly (keyof SnapshotManifest)[] = Object.keys(
  MANIFEST_FIELD_RECORD,
) as (keyof SnapshotManifest)[]

/** The field names of one `connectorSpaces` entry, in schema order. */
export const CONNECTOR_SPACE_FIELDS: readonly (keyof ManifestConnectorSpace)[] = Object.keys(
  CONNECTOR_SPACE_FIELD_RECORD,
) as (keyof ManifestConnectorSpace)[]

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** True when a text looks like a SyncLens snapshot manifest (content detection). */
export function looksLikeManifest(text: string): boolean {
  const trimmed = text.replace(/^\ufeff/, '').trimStart()
  return trimmed.startsWith('{') && /"synclensSnapshot"\s*:/.test(trimmed)
}

/** Reads and validates `snapshot.json`. Never throws: problems come back as issues naming the field. */
export function parseManifest(text: string, file: string): ManifestResult {
  const issues: LoadIssue[] = []
  const body = text.replace(/^\ufeff/, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const offset = jsonErrorOffset(body)
    issues.push(
      loadIssue(
        'error',
        file,
        `The manifest is not valid JSON (${reason}); it is ignored.`,
        offset === null ? undefined : lineAndColumn(body, offset),
      ),
    )
    return { manifest: null, issues }
  }
  if (!isRecord(parsed)) {
    issues.push(loadIssue('error', file, 'The manifest must be a JSON object { ... }; it is ignored.'))
    return { manifest: null, issues }
  }
  return new ManifestReader(file, issues).read(new Map(Object.entries(parsed)))
}

type JsonFields = ReadonlyMap<string, unknown>

class ManifestReader {
  public constructor(
    private readonly file: string,
    private readonly issues: LoadIssue[],
  ) {}

  public read(fields: JsonFields): ManifestResult {
    const version = fields.get('synclensSnapshot')
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      this.error(
        `The manifest has "synclensSnapshot": ${excerpt(JSON.stringify(version) ?? 'nothing')}; expected ${MANIFEST_VERSION}. It is ignored.`,
      )
      return { manifest: null, issues: this.issues }
    }
    if (version > MANIFEST_VERSION) {
      this.warn(
        `The manifest is version ${version}, newer than this SyncLens (${MANIFEST_VERSION}); only the fields it knows are read.`,
      )
    }
    for (const key of fields.keys()) {
      if (!(MANIFEST_FIELDS as readonly string[]).includes(key) && version === MANIFEST_VERSION) {
        this.warn(`The manifest field "${excerpt(key)}" is unknown; it is ignored.`)
      }
    }
    const manifest: SnapshotManifest = {
      synclensSnapshot: version,
      server: this.string(fields, 'server'),
      exportedAt: this.dateTime(fields, 'exportedAt'),
      aadConnectVersion: this.string(fields, 'aadConnectVersion'),
      stagingMode: this.boolean(fields, 'stagingMode'),
      collector: this.string(fields, 'collector'),
      serverConfiguration: this.folder(fields, 'serverConfiguration'),
      connectorSpaces: this.connectorSpaces(fields.get('connectorSpaces')),
      metaverse: this.paths(fields, 'metaverse'),
      metaverseObjectCount: this.count(fields, 'metaverseObjectCount'),
      metaverseTruncated: this.boolean(fields, 'metaverseTruncated'),
      distinguishedNameFilter: this.string(fields, 'distinguishedNameFilter'),
      ruleScripts: this.paths(fields, 'ruleScripts'),
      notes: this.string(fields, 'notes'),
    }
    this.reportDuplicates(manifest)
    return { manifest, issues: this.issues }
  }

  private error(message: string): void {
    this.issues.push(loadIssue('error', this.file, message))
  }

  private warn(message: string): void {
    this.issues.push(loadIssue('warning', this.file, message))
  }

  private string(fields: JsonFields, name: string): string | null {
    const value = fields.get(name)
    if (value === undefined || value === null) return null
    if (typeof value === 'string') return value
    this.warn(`The manifest field "${name}" should be a string; it is ignored.`)
    return null
  }

  private boolean(fields: JsonFields, name: string): boolean | null {
    const value = fields.get(name)
    if (value === undefined || value === null) return null
    if (typeof value === 'boolean') return value
    this.warn(`The manifest field "${name}" should be true or false; it is ignored.`)
    return null
  }

  private count(fields: JsonFields, name: string): number | null {
    const value = fields.get(name)
    if (value === undefined || value === null) return null
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
    this.warn(`The manifest field "${name}" should be a whole number of 0 or more; it is ignored.`)
    return null
  }

  private dateTime(fields: JsonFields, name: string): string | null {
    const value = this.string(fields, name)
    if (value === null) return null
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value
    this.warn(
      `The manifest field "${name}" is "${excerpt(value)}", not an ISO 8601 date and time such as 2026-11-25T10:00:00Z; it is ignored.`,
    )
    return null
  }

  private path(value: unknown, where: string, allowRoot = false): string | null {
    if (typeof value !== 'string') {
      this.error(`${where} should be a relative path string; the entry is ignored.`)
      return null
    }
    const checked = checkManifestPath(value, { allowRoot })
    if (!checked.ok) {
      this.error(`${where} "${excerpt(value)}" ${checked.problem}; the entry is ignored.`)
      return null
    }
    if (checked.hadBackslashes)
      this.warn(`${where} "${excerpt(value)}" uses backslashes; read as "${excerpt(checked.path)}".`)
    return checked.path
  }

  private folder(fields: JsonFields, name: string): string | null {
    const value = fields.get(name)
    if (value === undefined || value === null) return null
    return this.path(value, `The manifest field "${name}"`, true)
  }

  private paths(fields: JsonFields, name: string): string[] {
    const value = fields.get(name)
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      this.error(`The manifest field "${name}" should be an array of relative paths; it is ignored.`)
      return []
    }
    const paths: string[] = []
    value.forEach((item: unknown, index) => {
      const path = this.path(item, `${name}[${index}]`)
      if (path !== null) paths.push(path)
    })
    return paths
  }

  private connectorSpaces(value: unknown): ManifestConnectorSpace[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      this.error('The manifest field "connectorSpaces" should be an array of objects; it is ignored.')
      return []
    }
    const entries: ManifestConnectorSpace[] = []
    value.forEach((item: unknown, index) => {
      const where = `connectorSpaces[${index}]`
      if (!isRecord(item)) {
        this.error(`${where} should be an object with connectorId, connectorName and file; it is ignored.`)
        return
      }
      const fields: JsonFields = new Map(Object.entries(item))
      for (const key of fields.keys()) {
        if (!(CONNECTOR_SPACE_FIELDS as readonly string[]).includes(key)) {
          this.warn(`The field "${excerpt(key)}" of ${where} is unknown; it is ignored.`)
        }
      }
      const file = this.path(fields.get('file'), `${where}.file`)
      if (file === null) return
      entries.push({
        connectorId: this.connectorId(fields.get('connectorId'), where),
        connectorName: this.string(fields, 'connectorName') ?? '',
        file,
        filter: this.string(fields, 'filter'),
      })
    })
    return entries
  }

  private connectorId(value: unknown, where: string): string | null {
    if (value === undefined || value === null) return null
    if (typeof value !== 'string') {
      this.warn(`${where}.connectorId should be a GUID string; it is ignored.`)
      return null
    }
    const guid = normalizeGuid(value)
    if (!GUID.test(guid))
      this.warn(`${where}.connectorId "${excerpt(value)}" is not a GUID; it may not match any connector.`)
    return guid
  }

  private reportDuplicates(manifest: SnapshotManifest): void {
    const seen = new Set<string>()
    const all = [
      ...manifest.connectorSpaces.map((entry) => entry.file),
      ...manifest.metaverse,
      ...manifest.ruleScripts,
    ]
    for (const path of all) {
      const key = path.toLowerCase()
      if (seen.has(key)) this.warn(`The manifest lists "${excerpt(path)}" more than once.`)
      seen.add(key)
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 }
}
