import type { FileKind } from '../io/detect'
import type { LoadedSnapshot } from '../load/load-snapshot'
import { formatLoadIssue } from '../model/load-issue'
import type { Comparison, SnapshotFacts } from './compare-model'
import { compareConfigurations, type ConfigurationMatch } from './config-compare'
import { computeImpact, type ImpactOptions } from './impact'

/** Configuration warnings a comparison lists; the rest are counted. */
const LISTED_WARNINGS = 20

/** Files that hold objects: their warnings concern data, not the configuration being compared. */
const OBJECT_FILE_KINDS: ReadonlySet<FileKind> = new Set(['csexport', 'mv-objects'])

/** The facts of a loaded snapshot that a comparison shows. */
export function snapshotFacts(snapshot: LoadedSnapshot): SnapshotFacts {
  const { configuration, objects } = snapshot
  const configurationIssues = snapshot.issues.filter((issue) => {
    const kind = snapshot.fileKinds.get(issue.file)
    return kind === undefined || !OBJECT_FILE_KINDS.has(kind)
  })
  return {
    name: snapshot.name,
    server: configuration.metaverse?.server ?? snapshot.manifest?.server ?? null,
    version:
      configuration.metaverse?.serverConfigurationVersion ?? snapshot.manifest?.aadConnectVersion ?? null,
    connectors: configuration.connectors.length,
    rules: configuration.rules.length,
    csObjects: objects.csRowCount,
    mvObjects: objects.metaverseSource === 'exported' ? objects.mvRowCount : 0,
    warnings: snapshot.issues.length,
    configurationWarnings: configurationIssues.slice(0, LISTED_WARNINGS).map(formatLoadIssue),
    configurationWarningCount: configurationIssues.length,
  }
}

/** Options of `compareSnapshots`. */
export interface CompareOptions extends ImpactOptions {
  /** Also compute the effect on objects (the configuration comparison alone takes milliseconds). */
  readonly impact: boolean
}

/**
 * Compares snapshot B with snapshot A: configuration differences and, when asked, what would change in
 * Entra ID for every object if B's configuration replaced A's.
 */
export async function compareSnapshots(
  a: LoadedSnapshot,
  b: LoadedSnapshot,
  options: CompareOptions,
): Promise<{ readonly comparison: Comparison; readonly match: ConfigurationMatch }> {
  const match = compareConfigurations(a.configuration, b.configuration)
  const impact = options.impact ? await computeImpact(a, b, match, options) : null
  return {
    comparison: {
      a: snapshotFacts(a),
      b: snapshotFacts(b),
      configuration: match.comparison,
      impact,
      generatedAt: new Date().toISOString(),
    },
    match,
  }
}
