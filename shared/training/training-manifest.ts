/** snapshot.json of the training snapshot, as the collector script would write it. */
import { MANIFEST_VERSION, type SnapshotManifest } from '../formats/manifest/manifest'
import {
  AAD_CONNECTOR_GUID,
  AAD_CONNECTOR_NAME,
  AD_CONNECTOR_ID,
  AD_CONNECTOR_NAME,
  EXPORT_TIME_ISO,
  SERVER_CONFIGURATION_VERSION,
  SERVER_NAME,
} from './environment'

/** Where the manifest points: the connector-space files and the metaverse file. */
export interface ManifestFiles {
  readonly adConnectorSpace: string
  readonly aadConnectorSpace: string
  readonly metaverse: string
  readonly metaverseObjects: number
  readonly seed: number
  readonly users: number
}

/** The manifest's JSON text. */
export function trainingManifestJson(files: ManifestFiles): string {
  const manifest: SnapshotManifest = {
    synclensSnapshot: MANIFEST_VERSION,
    server: SERVER_NAME,
    exportedAt: EXPORT_TIME_ISO,
    aadConnectVersion: SERVER_CONFIGURATION_VERSION,
    stagingMode: false,
    collector: 'SyncLens training generator',
    serverConfiguration: '',
    connectorSpaces: [
      {
        connectorId: AD_CONNECTOR_ID,
        connectorName: AD_CONNECTOR_NAME,
        file: files.adConnectorSpace,
        filter: null,
      },
      {
        connectorId: AAD_CONNECTOR_GUID,
        connectorName: AAD_CONNECTOR_NAME,
        file: files.aadConnectorSpace,
        filter: null,
      },
    ],
    metaverse: [files.metaverse],
    metaverseObjectCount: files.metaverseObjects,
    metaverseTruncated: false,
    distinguishedNameFilter: null,
    ruleScripts: [],
    notes: `Generated training data (seed ${files.seed}, ${files.users} generated people plus the seeded cases); not a real directory.`,
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}
