import type { RuleFilter, SnapshotSummary } from '../host-api'
import type { SyncRule } from '../model/sync-rule'
import { filterRules } from '../queries/rule-filter'
import { type LoadedSnapshot, loadSnapshot } from './load-snapshot'
import type { AbortSignalLike, ProgressListener, SnapshotSessionApi } from './session-api'
import type { SnapshotSource } from './source'

/** Summarizes a loaded snapshot for the UI header and `synclens summary`. */
export function summarize(snapshot: LoadedSnapshot): SnapshotSummary {
  const { rules, connectors, metaverse } = snapshot.configuration
  return {
    name: snapshot.name,
    connectors: connectors.map((connector) => ({
      id: connector.id,
      name: connector.name,
      type: connector.type,
      selectedAttributes: connector.selectedAttributes.length,
    })),
    rules: {
      total: rules.length,
      inbound: rules.filter((rule) => rule.direction === 'Inbound').length,
      outbound: rules.filter((rule) => rule.direction === 'Outbound').length,
      disabled: rules.filter((rule) => rule.disabled).length,
    },
    serverConfigurationVersion: metaverse?.serverConfigurationVersion ?? null,
    server: metaverse?.server ?? null,
    metaverseObjectTypes: metaverse?.schema.classes.map((mvClass) => mvClass.name) ?? [],
    issues: snapshot.issues,
  }
}

/** The snapshot service: one loaded snapshot and the queries the UI and CLI ask of it. */
export class SnapshotSession implements SnapshotSessionApi {
  private current: LoadedSnapshot | null = null

  /** Loads a snapshot; the previous one stays until the new one has loaded completely. */
  public async load(
    source: SnapshotSource,
    onProgress: ProgressListener,
    signal: AbortSignalLike,
  ): Promise<SnapshotSummary> {
    const loaded = await loadSnapshot(source, onProgress, signal)
    this.current = loaded
    return summarize(loaded)
  }

  public summary(): SnapshotSummary | null {
    return this.current ? summarize(this.current) : null
  }

  public rules(filter: RuleFilter): readonly SyncRule[] {
    return this.current ? filterRules(this.current.configuration.rules, filter) : []
  }

  public rule(id: string): SyncRule | null {
    return this.current?.configuration.rules.find((rule) => rule.id === id) ?? null
  }

  /** The loaded snapshot itself, for in-process callers (the command line). */
  public snapshot(): LoadedSnapshot | null {
    return this.current
  }
}
