/**
 * The Contoso training snapshot: a complete snapshot (server configuration, both connector spaces,
 * the metaverse and the manifest) in the real export formats, generated in memory so it goes through
 * the same loaders as a customer's files. The same seed always gives byte-identical files.
 */
import { memoryFile, type SnapshotSource } from '../io/source'
import { aadConnectorXml, adConnectorXml, connectorFilePath } from './config/connector-xml'
import { MV_CONFIG_PATH, mvConfigXml } from './config/mv-config-xml'
import { ruleFilePath, ruleXml } from './config/rule-xml'
import { trainingDirectory } from './directory/training-directory'
import { AAD_CONNECTOR_GUID, AD_CONNECTOR_ID, TRAINING_SNAPSHOT_NAME } from './environment'
import { ChunkWriter, type FileSink } from './file-sink'
import { TRAINING_RULES } from './rules/training-rules'
import { writeAadConnectorSpace } from './spaces/aad-connector-space'
import { writeAdConnectorSpace } from './spaces/ad-connector-space'
import { writeMetaverseObjects } from './spaces/metaverse-objects'
import { trainingManifestJson } from './training-manifest'

/** Generated people when no size is given: a few thousand objects in all. */
export const DEFAULT_TRAINING_USERS = 2000
/** The seed when none is given. */
export const DEFAULT_TRAINING_SEED = 20261124

/** The AD connector space file. */
export const AD_CONNECTOR_SPACE_PATH = 'ConnectorSpaces/contoso.com.xml'
/** The Entra ID connector space file. */
export const AAD_CONNECTOR_SPACE_PATH = 'ConnectorSpaces/contoso.onmicrosoft.com - AAD.xml'
/** The metaverse objects file. */
export const METAVERSE_OBJECTS_PATH = 'Metaverse/mv-objects.xml'
/** The manifest file. */
export const TRAINING_MANIFEST_PATH = 'snapshot.json'

/** Size and seed of a training snapshot. */
export interface TrainingSnapshotOptions {
  /** Generated people besides the seeded cases (default 2,000; hundreds of thousands for benchmarks). */
  readonly users?: number
  /** Seed of the generated data (the cases, rules and connectors are the same for every seed). */
  readonly seed?: number
}

/** What a generation wrote. */
export interface TrainingFilesSummary {
  /** Paths in the order they were written. */
  readonly files: readonly string[]
  readonly rules: number
  readonly adObjects: number
  readonly aadObjects: number
  readonly metaverseObjects: number
}

function normalizedUsers(users: number | undefined): number {
  if (users === undefined || !Number.isFinite(users)) return DEFAULT_TRAINING_USERS
  return Math.max(0, Math.floor(users))
}

/**
 * Generates every file of the snapshot into `sink`, file after file, each in chunks of about 64K
 * characters. Nothing bigger than one object and one chunk is held, so a disk writer can produce
 * snapshots of any size.
 */
export function generateTrainingFiles(
  options: TrainingSnapshotOptions,
  sink: FileSink,
): TrainingFilesSummary {
  const users = normalizedUsers(options.users)
  const seed = (options.seed ?? DEFAULT_TRAINING_SEED) >>> 0
  const directory = trainingDirectory(seed, users)
  const files: string[] = []
  const whole = (path: string, text: string): void => {
    files.push(path)
    sink(path, text)
  }
  const streamed = (path: string, write: (out: ChunkWriter) => number): number => {
    files.push(path)
    const out = new ChunkWriter(path, sink)
    const count = write(out)
    out.flush()
    return count
  }
  whole(MV_CONFIG_PATH, mvConfigXml())
  whole(connectorFilePath(AD_CONNECTOR_ID), adConnectorXml())
  whole(connectorFilePath(AAD_CONNECTOR_GUID), aadConnectorXml())
  for (const rule of TRAINING_RULES) {
    whole(ruleFilePath(rule), ruleXml(rule, rule.connector === 'ad' ? AD_CONNECTOR_ID : AAD_CONNECTOR_GUID))
  }
  const adObjects = streamed(AD_CONNECTOR_SPACE_PATH, (out) => writeAdConnectorSpace(directory, out))
  const aadObjects = streamed(AAD_CONNECTOR_SPACE_PATH, (out) => writeAadConnectorSpace(directory, out))
  const metaverseObjects = streamed(METAVERSE_OBJECTS_PATH, (out) => writeMetaverseObjects(directory, out))
  whole(
    TRAINING_MANIFEST_PATH,
    trainingManifestJson({
      adConnectorSpace: AD_CONNECTOR_SPACE_PATH,
      aadConnectorSpace: AAD_CONNECTOR_SPACE_PATH,
      metaverse: METAVERSE_OBJECTS_PATH,
      metaverseObjects,
      seed,
      users,
    }),
  )
  return { files, rules: TRAINING_RULES.length, adObjects, aadObjects, metaverseObjects }
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** The training snapshot as an in-memory source (UTF-8 files), the one SyncLens opens without a snapshot. */
export function generateTrainingSnapshot(options: TrainingSnapshotOptions = {}): SnapshotSource {
  const encoder = new TextEncoder()
  const chunks = new Map<string, Uint8Array[]>()
  generateTrainingFiles(options, (path, chunk) => {
    const list = chunks.get(path)
    const bytes = encoder.encode(chunk)
    if (list) list.push(bytes)
    else chunks.set(path, [bytes])
  })
  return {
    name: TRAINING_SNAPSHOT_NAME,
    files: [...chunks].map(([path, parts]) => memoryFile(path, concatenate(parts))),
  }
}
