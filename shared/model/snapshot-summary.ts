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
  /** True when no configuration file describes the connector (named from its connector-space export). */
  readonly inferred: boolean
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

/** What SyncLens says when a folder (or a drop) holds no file at all. */
export function emptySnapshotMessage(name: string): string {
  return (
    `${name} is empty: it holds no file. Open the folder written by Get-ADSyncServerConfiguration (and the ` +
    'connector-space and metaverse exports beside it), a .zip of it, or a single export file.'
  )
}

/** Something a snapshot does not hold, or holds only in part, and what follows from it. */
export interface SnapshotGap {
  readonly kind: 'no-configuration' | 'no-rules' | 'no-objects' | 'computed-metaverse'
  /** A few words for a chip. */
  readonly label: string
  /** What it means and what to add, in a sentence or two. */
  readonly message: string
}

/**
 * What the snapshot lacks, for the header and the views' empty states: no configuration (rules and connector names
 * unknown), no rules, no objects (searches find nothing), a metaverse computed rather than exported.
 */
export function snapshotGaps(summary: SnapshotSummary): readonly SnapshotGap[] {
  const gaps: SnapshotGap[] = []
  const configured = summary.connectors.some((connector) => !connector.inferred)
  const csObjects = summary.connectors.reduce((sum, connector) => sum + connector.csObjects, 0)
  const hasConfiguration =
    configured ||
    summary.rules.total > 0 ||
    summary.server !== null ||
    summary.metaverseObjectTypes.length > 0
  if (!hasConfiguration) {
    gaps.push({
      kind: 'no-configuration',
      label: 'No configuration',
      message:
        'The snapshot holds no server configuration: sync rules and connector names are unknown, so no flow can be ' +
        'computed. Add the folder written by Get-ADSyncServerConfiguration.',
    })
  } else if (summary.rules.total === 0) {
    gaps.push({
      kind: 'no-rules',
      label: 'No sync rules',
      message:
        'The configuration holds no sync rule, so nothing flows. Add the SynchronizationRules folder of ' +
        'Get-ADSyncServerConfiguration, or the Synchronization Rules Editor exports.',
    })
  }
  if (csObjects + summary.unassignedCsObjects === 0 && summary.metaverse.objects === 0) {
    gaps.push({
      kind: 'no-objects',
      label: 'No objects',
      message:
        'The snapshot holds no connector-space or metaverse object: the rules can be read, but searches have ' +
        'nothing to find. Add the csexport files and the metaverse export (the collector script writes both).',
    })
  }
  if (summary.metaverse.source === 'computed') {
    gaps.push({
      kind: 'computed-metaverse',
      label: 'Metaverse computed',
      message:
        'The snapshot has no metaverse export: SyncLens built the metaverse from the connector-space links and ' +
        'the rules. Values, contributing rules and last-modified times are what the rules compute now.',
    })
  }
  return gaps
}
