/** An object of the generated Active Directory, with what happened to it on the way to Entra ID. */
import type { Attributes } from '../attributes'

/** The structural class of an AD connector-space object. */
export type AdObjectClass = 'user' | 'group' | 'contact' | 'organizationalUnit'

/** The ids one object has in each space. */
export interface ObjectIds {
  /** objectGUID in base64 (also the AD anchor and, for these objects, the sourceAnchor). */
  readonly objectGuid: string
  /** AD connector-space object id. */
  readonly adCsId: string
  readonly mvId: string
  readonly aadCsId: string
  /** The Entra ID object id, part of the cloudAnchor (`User_<id>`). */
  readonly cloudObjectId: string
}

/** An export that failed in Entra ID. */
export interface ExportFailure {
  readonly name: string
  readonly code: string
  readonly message: string
  readonly retryCount: number
  readonly firstOccurred: string
  readonly lastOccurred: string
}

/** What happened since the last change in AD. */
export interface SyncHistory {
  /** True when no synchronization ran since `before` changed to the current values: the metaverse shows `before`. */
  readonly metaverseStale: boolean
  /**
   * True when a delta import brought the current values into the connector space and no synchronization ran
   * since: the synchronized hologram still shows `before`, the current values wait as a pending import.
   */
  readonly importPending: boolean
  /** `exported`: Entra ID holds the current values; `pending`: the change waits for the next export; `failed`: it was refused. */
  readonly export: 'exported' | 'pending' | 'failed'
  readonly exportFailure: ExportFailure | null
}

/** Values Entra ID owns (set in the cloud, not by synchronization). */
export interface CloudValues {
  readonly usageLocation: string | null
}

/** An object of the AD connector space. */
export interface AdObject {
  /** Identifies the object across spaces (`user:12`, `case:ok`, `group:3`); reference values hold it. */
  readonly key: string
  readonly objectClass: AdObjectClass
  readonly dn: string
  /** The synchronized hologram: what AD holds now. */
  readonly attributes: Attributes
  /** What AD held at the previous synchronization, when a seeded case changed it since; null otherwise. */
  readonly before: Attributes | null
  readonly history: SyncHistory
  readonly ids: ObjectIds
  readonly cloud: CloudValues
}

/** The history of an object whose every change reached Entra ID. */
export const IN_SYNC: SyncHistory = {
  metaverseStale: false,
  importPending: false,
  export: 'exported',
  exportFailure: null,
}

/** The object classes AD writes for each structural class, most general first. */
export const OBJECT_CLASSES: Readonly<Record<AdObjectClass, readonly string[]>> = {
  user: ['top', 'person', 'organizationalPerson', 'user'],
  group: ['top', 'group'],
  contact: ['top', 'person', 'organizationalPerson', 'contact'],
  organizationalUnit: ['top', 'organizationalUnit'],
}
