/** Test helper: the objects of a generated snapshot, read back with the product's csexport and metaverse readers. */
import { readCsExportBytes } from '../../formats/csexport/read-csexport-bytes'
import { readMvObjectsBytes } from '../../formats/mv-objects/read-mv-objects-bytes'
import type { LoadIssue } from '../../model/load-issue'
import type { CsObject, MvObject } from '../../model/objects'
import type { SnapshotSource } from '../../io/source'
import { AAD_CONNECTOR_GUID, AAD_CONNECTOR_NAME, AD_CONNECTOR_ID, AD_CONNECTOR_NAME } from '../environment'
import {
  AAD_CONNECTOR_SPACE_PATH,
  AD_CONNECTOR_SPACE_PATH,
  METAVERSE_OBJECTS_PATH,
} from '../training-snapshot'

/** Both connector spaces and the metaverse, with what the readers reported. */
export interface GeneratedObjects {
  readonly ad: readonly CsObject[]
  readonly aad: readonly CsObject[]
  readonly metaverse: readonly MvObject[]
  readonly issues: readonly LoadIssue[]
}

async function bytesOf(source: SnapshotSource, path: string): Promise<Uint8Array> {
  const file = source.files.find((candidate) => candidate.path === path)
  return file ? file.readAll() : new Uint8Array()
}

/** Reads the connector spaces and the metaverse of a generated snapshot. */
export async function readGeneratedObjects(source: SnapshotSource): Promise<GeneratedObjects> {
  const ad = readCsExportBytes(await bytesOf(source, AD_CONNECTOR_SPACE_PATH), {
    file: AD_CONNECTOR_SPACE_PATH,
    connectorId: AD_CONNECTOR_ID,
    connectorName: AD_CONNECTOR_NAME,
  })
  const aad = readCsExportBytes(await bytesOf(source, AAD_CONNECTOR_SPACE_PATH), {
    file: AAD_CONNECTOR_SPACE_PATH,
    connectorId: AAD_CONNECTOR_GUID,
    connectorName: AAD_CONNECTOR_NAME,
  })
  const metaverse = readMvObjectsBytes(await bytesOf(source, METAVERSE_OBJECTS_PATH), {
    file: METAVERSE_OBJECTS_PATH,
  })
  return {
    ad: ad.objects,
    aad: aad.objects,
    metaverse: metaverse.objects,
    issues: [...ad.issues, ...aad.issues, ...metaverse.issues],
  }
}
