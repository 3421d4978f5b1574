import type { LoadedSnapshot } from '../load/load-snapshot'
import type { Comparison, SnapshotFacts } from './compare-model'
import { compareConfigurations, type ConfigurationMatch } from './config-compare'
import { computeImpact, type ImpactOptions } from './impact'

/** The facts of a loaded snapshot that a comparison shows. */
export function snapshotFacts(snapshot: LoadedSnapshot): SnapshotFacts {
  const { configuration, objects } = snapshot
  return {
    name: snapshot.name,
    server: configuration.metaverse?.server ?? snapshot.manifest?.server ?? null,
    version:
      configuration.metaverse?.serverConfigurationVersion ?? snapshot.manifest?.aadConnectVersion ?? null,
    connectors: configuration.connectors.length,
    rules: configuration.rules.length,
    csObjects: objects.csRowCount,
    mvObjects: objects.metaverseSource === 'exported' ? objects.mvRowCount : 0,
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
