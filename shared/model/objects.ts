/** Value type of a connector-space or metaverse attribute. */
export type AttributeType = 'String' | 'Integer' | 'Boolean' | 'Binary' | 'Reference'

/**
 * An attribute with its values.
 *
 * Values are kept as text: integers in decimal, booleans as `true`/`false`, binary as base64,
 * references as the DN they point to.
 */
export interface Attribute {
  readonly name: string
  readonly type: AttributeType
  readonly multiValued: boolean
  readonly values: readonly string[]
}

/** An object state (a hologram): the DN and the attributes at one point of the pipeline. */
export interface Entry {
  readonly dn: string
  readonly primaryObjectClass: string | null
  readonly objectClasses: readonly string[]
  /** Anchor as base64, when the entry carries one. */
  readonly anchor: string | null
  readonly attributes: readonly Attribute[]
}

/** Operation of a delta (pending import or export). */
export type DeltaOperation = 'none' | 'add' | 'replace' | 'update' | 'delete' | 'delete-add' | 'obsolete'

/** Operation on one attribute or one value inside a delta. */
export type ValueOperation = 'add' | 'replace' | 'update' | 'delete'

/** One value of an attribute change, with its own operation when the delta gives one. */
export interface ValueChange {
  readonly value: string
  readonly operation: ValueOperation | null
}

/** One attribute of a delta. */
export interface AttributeChange {
  readonly name: string
  readonly type: AttributeType
  readonly multiValued: boolean
  readonly operation: ValueOperation | null
  readonly values: readonly ValueChange[]
}

/** A staged change: pending import from the connected system, or export waiting to go to it. */
export interface Delta {
  readonly dn: string
  /** New DN of a rename, when the delta carries one. */
  readonly newDn: string | null
  readonly operation: DeltaOperation
  readonly primaryObjectClass: string | null
  readonly attributes: readonly AttributeChange[]
}

/** An import or export error recorded on a connector-space object. */
export interface ObjectError {
  readonly kind: 'import' | 'export'
  /** Error name or type (e.g. `AttributeValueMustBeUnique`, `sync-rule-error-function-triggered`). */
  readonly name: string
  readonly code: string | null
  readonly message: string
  readonly detail: string | null
  readonly step: string | null
  readonly firstOccurred: string | null
  readonly lastOccurred: string | null
  readonly retryCount: number | null
}

/** The link of a connector-space object to its metaverse object. */
export interface MvLink {
  readonly mvObjectId: string
  readonly lineageId: string | null
  readonly lineageType: string | null
  readonly lineageTime: string | null
}

/** One sync rule that linked or flowed this connector-space object (AAD Connect lineage). */
export interface CsLineage {
  readonly syncRuleId: string | null
  readonly syncRuleName: string | null
  readonly operation: string | null
}

/** An element the parser did not know, kept as text so nothing in the file is lost. */
export interface UnknownPart {
  readonly name: string
  readonly text: string
}

/** A connector-space object as `csexport` writes it. */
export interface CsObject {
  /** CS object GUID, lower-case, without braces. */
  readonly id: string
  /** Connector GUID (lower-case) when known. */
  readonly connectorId: string | null
  readonly connectorName: string | null
  readonly dn: string
  readonly objectType: string
  readonly transient: boolean
  readonly anchor: string | null
  /** True for a joined connector, false for a disconnector. */
  readonly isConnector: boolean
  /** `normal`, `explicit` (explicit disconnector) or `stay` (filtered disconnector), when given. */
  readonly connectorState: string | null
  readonly mvLink: MvLink | null
  readonly lineage: readonly CsLineage[]
  /** What the Service Manager shows as the object: the state after the last synchronization. */
  readonly synchronized: Entry | null
  readonly pendingImportHologram: Entry | null
  readonly unappliedExportHologram: Entry | null
  readonly unconfirmedExportHologram: Entry | null
  readonly escrowedExportHologram: Entry | null
  readonly pendingImport: Delta | null
  readonly unappliedExport: Delta | null
  readonly unconfirmedExport: Delta | null
  readonly escrowedExport: Delta | null
  readonly importError: ObjectError | null
  readonly exportError: ObjectError | null
  readonly unknown: readonly UnknownPart[]
}

/** Who contributed one metaverse value. */
export interface ValueLineage {
  readonly lineageId: string | null
  readonly connectorId: string | null
  readonly connectorName: string | null
  readonly syncRuleName: string | null
  readonly time: string | null
}

/** A metaverse attribute with the lineage of each value (same index as `values`). */
export interface MvAttribute extends Attribute {
  readonly lineage: readonly ValueLineage[]
}

/**
 * What a metaverse attribute is without its values: its name, how many values it holds and the connector named by
 * each value's lineage (null where none is named). The store gives it without building the object.
 */
export interface MvAttributeOrigin {
  readonly name: string
  readonly valueCount: number
  readonly lineageConnectorIds: readonly (string | null)[]
}

/** A connector-space object linked to a metaverse object. */
export interface MvConnection {
  readonly csId: string
  readonly csDn: string
  readonly connectorId: string | null
  readonly connectorName: string | null
  readonly lineageId: string | null
  readonly lineageType: string | null
  readonly lineageTime: string | null
}

/** A metaverse object. */
export interface MvObject {
  /** MV object GUID, lower-case, without braces. */
  readonly id: string
  readonly objectType: string
  readonly attributes: readonly MvAttribute[]
  readonly connections: readonly MvConnection[]
}

/** Finds an attribute by name (attribute names compare case-insensitively, as in the directory). */
export function findAttribute<T extends Attribute>(attributes: readonly T[], name: string): T | undefined {
  const wanted = name.toLowerCase()
  return attributes.find((attribute) => attribute.name.toLowerCase() === wanted)
}
