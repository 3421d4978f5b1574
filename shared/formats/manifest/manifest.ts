import type { z } from 'zod/mini'
import { parseGuid } from '../../model/connector'
import { type LoadIssue, loadIssue } from '../../model/load-issue'
import { jsonErrorOffset } from './json-error'
import {
  CONNECTOR_SPACE_FIELDS,
  connectorGuid,
  connectorSpaceSchema,
  firstMessage,
  type ManifestConnectorSpace,
  manifestFile,
  manifestFiles,
  manifestFolder,
  MANIFEST_FIELDS,
  MANIFEST_VERSION,
  manifestSchema,
  manifestText,
  quoted,
  type SnapshotManifest,
} from './manifest-schema'

export {
  CONNECTOR_SPACE_FIELDS,
  MANIFEST_FIELDS,
  MANIFEST_VERSION,
  type ManifestConnectorSpace,
  type SnapshotManifest,
} from './manifest-schema'

/** The file name the collector gives the manifest, at the snapshot root. */
export const MANIFEST_FILE_NAME = 'snapshot.json'

/** The outcome of reading a manifest: null when it cannot be used, and what was wrong. */
export interface ManifestResult {
  readonly manifest: SnapshotManifest | null
  readonly issues: readonly LoadIssue[]
}

/** The longest JSON text of a refused version a message quotes. */
const QUOTED_JSON = 120

/** True when a text looks like a SyncLens snapshot manifest (content detection). */
export function looksLikeManifest(text: string): boolean {
  const trimmed = text.replace(/^\ufeff/, '').trimStart()
  return trimmed.startsWith('{') && /"synclensSnapshot"\s*:/.test(trimmed)
}

/**
 * Reads and validates `snapshot.json` against the version 1 schema. Never throws: a field that fails its schema
 * is dropped with an issue naming it, and the rest is kept, so a hand-edited manifest still helps.
 */
export function parseManifest(text: string, file: string): ManifestResult {
  const issues: LoadIssue[] = []
  const body = text.replace(/^\ufeff/, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    // JSON.parse names a position only on some engines and for some errors; the scanner always does.
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
  return new ManifestReader(file, issues).read(fieldsOf(parsed))
}

type JsonFields = ReadonlyMap<string, unknown>

/** What a field that fails its schema costs: a warning (the value is ignored) or an error (the entry is). */
type Consequence = 'it is ignored' | 'the entry is ignored'

class ManifestReader {
  public constructor(
    private readonly file: string,
    private readonly issues: LoadIssue[],
  ) {}

  public read(fields: JsonFields): ManifestResult {
    const raw = fields.get('synclensSnapshot')
    const version = manifestSchema.shape.synclensSnapshot.safeParse(raw)
    if (!version.success) {
      this.error(
        `The manifest has "synclensSnapshot": ${jsonExcerpt(raw)}; expected ${MANIFEST_VERSION}. It is ignored.`,
      )
      return { manifest: null, issues: this.issues }
    }
    if (version.data > MANIFEST_VERSION) {
      this.warn(
        `The manifest is version ${version.data}, newer than this SyncLens (${MANIFEST_VERSION}); only the fields it knows are read.`,
      )
    } else {
      this.warnUnknown(fields, MANIFEST_FIELDS, (key) => `The manifest field "${key}" is unknown`)
    }
    const { shape } = manifestSchema
    const manifest: SnapshotManifest = {
      synclensSnapshot: version.data,
      server: this.scalar(fields, 'server', shape.server),
      exportedAt: this.scalar(fields, 'exportedAt', shape.exportedAt),
      aadConnectVersion: this.scalar(fields, 'aadConnectVersion', shape.aadConnectVersion),
      stagingMode: this.scalar(fields, 'stagingMode', shape.stagingMode),
      collector: this.scalar(fields, 'collector', shape.collector),
      serverConfiguration: this.folder(fields, 'serverConfiguration'),
      connectorSpaces: this.connectorSpaces(fields.get('connectorSpaces') ?? null),
      metaverse: this.files(fields, 'metaverse'),
      metaverseObjectCount: this.scalar(fields, 'metaverseObjectCount', shape.metaverseObjectCount),
      metaverseTruncated: this.scalar(fields, 'metaverseTruncated', shape.metaverseTruncated),
      distinguishedNameFilter: this.scalar(fields, 'distinguishedNameFilter', shape.distinguishedNameFilter),
      ruleScripts: this.files(fields, 'ruleScripts'),
      notes: this.scalar(fields, 'notes', shape.notes),
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

  private warnUnknown(fields: JsonFields, known: readonly string[], name: (key: string) => string): void {
    for (const key of fields.keys()) {
      if (!known.includes(key)) this.warn(`${name(key)}; it is ignored.`)
    }
  }

  /** A value checked by its schema, or null with a warning naming the field. */
  private scalar<T>(
    fields: JsonFields,
    name: string,
    schema: z.ZodMiniType<T | null>,
    where?: string,
  ): T | null {
    const result = schema.safeParse(fields.get(name) ?? null)
    if (result.success) return result.data
    this.warn(`${where ?? `The manifest field "${name}"`} ${firstMessage(result.error)}; it is ignored.`)
    return null
  }

  /** A path checked by `schema`; null with an error when it is refused. */
  private path<T>(value: unknown, where: string, schema: z.ZodMiniType<T>): T | null {
    const result = schema.safeParse(value)
    if (!result.success) {
      this.error(`${where} ${firstMessage(result.error)}; the entry is ignored.`)
      return null
    }
    if (typeof value === 'string' && value.includes('\\')) {
      this.warn(`${where} ${quoted(value)} uses backslashes; read as "${String(result.data)}".`)
    }
    return result.data
  }

  private folder(fields: JsonFields, name: string): string | null {
    return this.path(fields.get(name) ?? null, `The manifest field "${name}"`, manifestFolder)
  }

  /** A list of files; a bad entry is skipped on its own, the others are kept. */
  private files(fields: JsonFields, name: string): readonly string[] {
    const value = fields.get(name) ?? null
    if (value === null) return []
    if (!Array.isArray(value)) {
      this.fail(name, manifestFiles.safeParse(value).error, 'it is ignored')
      return []
    }
    const paths: string[] = []
    value.forEach((item: unknown, index) => {
      const path = this.path(item, `${name}[${index}]`, manifestFile)
      if (path !== null) paths.push(path)
    })
    return paths
  }

  private connectorSpaces(value: unknown): readonly ManifestConnectorSpace[] {
    if (value === null) return []
    const shape = manifestSchema.shape.connectorSpaces
    if (!Array.isArray(value)) {
      this.fail('connectorSpaces', shape.safeParse(value).error, 'it is ignored')
      return []
    }
    const entries: ManifestConnectorSpace[] = []
    value.forEach((item: unknown, index) => {
      const entry = this.connectorSpace(item, `connectorSpaces[${index}]`)
      if (entry !== null) entries.push(entry)
    })
    return entries
  }

  private connectorSpace(item: unknown, where: string): ManifestConnectorSpace | null {
    if (!isRecord(item)) {
      const problem = connectorSpaceSchema.safeParse(item).error
      this.error(`${where} ${problem ? firstMessage(problem) : 'is not valid'}; it is ignored.`)
      return null
    }
    const fields = fieldsOf(item)
    this.warnUnknown(fields, CONNECTOR_SPACE_FIELDS, (key) => `The field "${key}" of ${where} is unknown`)
    const file = this.path(fields.get('file'), `${where}.file`, manifestFile)
    if (file === null) return null
    return {
      connectorId: this.connectorId(fields.get('connectorId') ?? null, where),
      connectorName: this.scalar(fields, 'connectorName', manifestText, `${where}.connectorName`) ?? '',
      file,
      filter: this.scalar(fields, 'filter', manifestText, `${where}.filter`),
    }
  }

  private connectorId(value: unknown, where: string): string | null {
    const result = connectorGuid.safeParse(value)
    if (!result.success) {
      this.warn(`${where}.connectorId ${firstMessage(result.error)}; it is ignored.`)
      return null
    }
    if (result.data !== null && parseGuid(result.data) === null && typeof value === 'string') {
      this.warn(`${where}.connectorId ${quoted(value)} is not a GUID; it may not match any connector.`)
    }
    return result.data
  }

  private fail(name: string, error: z.core.$ZodError | undefined, consequence: Consequence): void {
    this.error(
      `The manifest field "${name}" ${error ? firstMessage(error) : 'is not valid'}; ${consequence}.`,
    )
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
      if (seen.has(key)) this.warn(`The manifest lists ${quoted(path)} more than once.`)
      seen.add(key)
    }
  }
}

/** The object's own fields as a map, so names such as `__proto__` stay plain data. */
function fieldsOf(record: Record<string, unknown>): JsonFields {
  return new Map(Object.entries(record))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON value as the file has it, cut to a bounded excerpt; `nothing` when absent. */
function jsonExcerpt(value: unknown): string {
  const json = JSON.stringify(value)
  if (json === undefined) return 'nothing'
  return json.length <= QUOTED_JSON ? json : `${json.slice(0, QUOTED_JSON)}…`
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 }
}
