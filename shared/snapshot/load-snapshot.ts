import { parseManifest, type SnapshotManifest } from '../formats/manifest/manifest'
import { parseRuleScript } from '../formats/ps1/rule-script'
import { readConnectorXml } from '../formats/serverconfig/connector-xml'
import { readMvXml } from '../formats/serverconfig/mv-xml'
import { assembleConfiguration, type ServerConfiguration } from '../formats/serverconfig/server-configuration'
import { readSyncRuleXml } from '../formats/serverconfig/sync-rule-xml'
import type { Connector } from '../model/connector'
import { type LoadIssue, loadIssue } from '../model/load-issue'
import type { MetaverseConfig } from '../model/metaverse-schema'
import type { SyncRule } from '../model/sync-rule'
import { decodeText } from '../text/decode'
import { parseXmlTree, type XmlElement } from '../xml/element-tree'
import { DETECTION_HEAD_BYTES, detectFileKind, FILE_KIND_LABELS, type FileKind } from './detect'
import { ProgressTracker } from './progress'
import { type AbortSignalLike, LoadCancelled, type ProgressListener } from './session-api'
import type { SnapshotSource, SourceFile } from './source'

/** A loaded snapshot: everything read from its files, plus what went wrong. */
export interface LoadedSnapshot {
  readonly name: string
  readonly configuration: ServerConfiguration
  readonly issues: readonly LoadIssue[]
  /** What each file was recognised as, by path. */
  readonly fileKinds: ReadonlyMap<string, FileKind>
  /** The collector's manifest, when the snapshot has one. */
  readonly manifest: SnapshotManifest | null
}

/** Thrown when a source holds nothing SyncLens can read; carries the per-file problems. */
export class NotASnapshotError extends Error {
  public constructor(
    message: string,
    public readonly issues: readonly LoadIssue[],
  ) {
    super(message)
    this.name = 'NotASnapshotError'
  }
}

/** Collects what each file contributes while a snapshot loads. */
interface Collected {
  readonly rules: SyncRule[]
  readonly connectors: Connector[]
  metaverse: MetaverseConfig | null
  manifest: SnapshotManifest | null
  readonly issues: LoadIssue[]
}

/**
 * Reads every file of a snapshot, recognising each by content.
 *
 * A broken file yields issues and is skipped; the rest still loads. The signal is checked between
 * files so Cancel stops promptly; nothing is kept from a cancelled load.
 */
export async function loadSnapshot(
  source: SnapshotSource,
  onProgress: ProgressListener = () => undefined,
  signal: AbortSignalLike = { aborted: false },
): Promise<LoadedSnapshot> {
  const tracker = new ProgressTracker(source.files)
  const collected: Collected = { rules: [], connectors: [], metaverse: null, manifest: null, issues: [] }
  const fileKinds = new Map<string, FileKind>()
  const order = source.files.map((_, index) => index)
  order.sort((a, b) => (source.files[a]?.path ?? '').localeCompare(source.files[b]?.path ?? ''))
  for (const index of order) {
    const file = source.files[index]
    if (!file) continue
    if (signal.aborted) throw new LoadCancelled()
    const kind = detectFileKind(await file.head(DETECTION_HEAD_BYTES))
    fileKinds.set(file.path, kind)
    tracker.update(index, { kind: FILE_KIND_LABELS[kind] })
    onProgress(tracker.snapshot())
    await readFile(file, kind, collected)
    tracker.finish(index)
    onProgress(tracker.snapshot())
  }
  if (signal.aborted) throw new LoadCancelled()
  const recognised = [...fileKinds.values()].filter((kind) => kind !== 'unknown').length
  if (recognised === 0) {
    throw new NotASnapshotError(
      `${source.name} holds no snapshot file (${source.files.length} file(s) looked at). Open the folder written by ` +
        'Get-ADSyncServerConfiguration, a csexport file, a metaverse export or a rule script.',
      collected.issues,
    )
  }
  const assembled = assembleConfiguration(collected.rules, collected.connectors, collected.metaverse)
  return {
    name: source.name,
    configuration: assembled.configuration,
    issues: [...collected.issues, ...assembled.issues],
    fileKinds,
    manifest: collected.manifest,
  }
}

async function readFile(file: SourceFile, kind: FileKind, collected: Collected): Promise<void> {
  switch (kind) {
    case 'sync-rule': {
      const root = await readTree(file, collected.issues)
      if (!root) return
      const result = readSyncRuleXml(root, file.path)
      collected.issues.push(...result.issues)
      if (result.rule) collected.rules.push(result.rule)
      return
    }
    case 'connector': {
      const root = await readTree(file, collected.issues)
      if (!root) return
      const result = readConnectorXml(root, file.path)
      collected.issues.push(...result.issues)
      if (result.connector) collected.connectors.push(result.connector)
      return
    }
    case 'mv-config': {
      const root = await readTree(file, collected.issues)
      if (!root) return
      if (collected.metaverse) {
        collected.issues.push(
          loadIssue('warning', file.path, 'A second metaverse configuration was ignored.'),
        )
        return
      }
      collected.metaverse = readMvXml(root)
      return
    }
    case 'rule-script': {
      const result = parseRuleScript(decodeText(await file.readAll()), file.path)
      collected.issues.push(...result.issues)
      collected.rules.push(...result.rules)
      return
    }
    case 'manifest': {
      const result = parseManifest(decodeText(await file.readAll()), file.path)
      collected.issues.push(...result.issues)
      if (result.manifest && collected.manifest) {
        collected.issues.push(loadIssue('warning', file.path, 'A second snapshot.json was ignored.'))
      } else if (result.manifest) {
        collected.manifest = result.manifest
      }
      return
    }
    case 'csexport':
    case 'mv-objects':
      collected.issues.push(
        loadIssue(
          'warning',
          file.path,
          `This ${FILE_KIND_LABELS[kind]} file is recognised but not read yet by this version.`,
        ),
      )
      return
    case 'zip':
      collected.issues.push(
        loadIssue(
          'warning',
          file.path,
          'A zip archive inside a snapshot is not opened; open the archive itself instead.',
        ),
      )
      return
    case 'unknown':
      return
  }
}

async function readTree(file: SourceFile, issues: LoadIssue[]): Promise<XmlElement | null> {
  const parsed = parseXmlTree(decodeText(await file.readAll()))
  if (parsed.ok) return parsed.root
  issues.push(
    loadIssue(
      'error',
      file.path,
      `${parsed.error.message} The file was skipped; re-export it from the sync server.`,
      {
        line: parsed.error.line,
        column: parsed.error.column,
      },
    ),
  )
  return null
}
