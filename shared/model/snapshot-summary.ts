import type { ConnectorType } from './connector'
import type { LoadIssue } from './load-issue'

/** Progress of one file while a snapshot loads. */
export interface FileProgress {
  readonly path: string
  /** What the file was recognised as (`sync rule`, `connector`, `csexport`, ...). */
  readonly kind: string
  readonly size: number
  readonly bytesRead: number
  readonly objects: number
  readonly done: boolean
}

/** Progress of a whole load, as the loading screen shows it. */
export interface LoadProgress {
  readonly files: readonly FileProgress[]
  readonly bytesRead: number
  readonly bytesTotal: number
  readonly objectsRead: number
  readonly elapsedMs: number
  /** Bytes per second so far. */
  readonly rate: number
  /** Estimated seconds left, null until it can be estimated. */
  readonly secondsLeft: number | null
}

/** One connector, as the summary lists it. */
export interface ConnectorSummary {
  readonly id: string
  readonly name: string
  readonly type: ConnectorType
  readonly selectedAttributes: number
  /** Connector-space objects loaded for this connector. */
  readonly csObjects: number
  /** Connector-space objects per object type. */
  readonly byObjectType: Readonly<Record<string, number>>
}

/** The metaverse objects of a snapshot, in counts. */
export interface MetaverseSummary {
  readonly objects: number
  readonly byObjectType: Readonly<Record<string, number>>
  /** `exported`: read from a metaverse export; `computed`: built from connector-space links; `none`: neither. */
  readonly source: 'exported' | 'computed' | 'none'
}

/** What a loaded snapshot holds, in counts. */
export interface SnapshotSummary {
  /** Display name (folder, zip or file name). */
  readonly name: string
  readonly connectors: readonly ConnectorSummary[]
  readonly rules: {
    readonly total: number
    readonly inbound: number
    readonly outbound: number
    readonly disabled: number
  }
  /** The AAD Connect build that wrote the configuration, when MV.xml says. */
  readonly serverConfigurationVersion: string | null
  /** The sync server's name, when MV.xml says. */
  readonly server: string | null
  /** Metaverse object types from the metaverse schema. */
  readonly metaverseObjectTypes: readonly string[]
  readonly metaverse: MetaverseSummary
  /** Connector-space objects that belong to no known connector. */
  readonly unassignedCsObjects: number
  readonly issues: readonly LoadIssue[]
}
