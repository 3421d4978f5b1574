import type { SnapshotSummary } from '../model/snapshot-summary'
import type { LoadedSnapshot } from './load-snapshot'

/** Summarizes a loaded snapshot for the UI header and `synclens summary`. */
export function summarize(snapshot: LoadedSnapshot): SnapshotSummary {
  const { rules, connectors, metaverse } = snapshot.configuration
  const store = snapshot.objects
  const csTypes = new Map<string, Map<string, number>>()
  let assigned = 0
  for (const connector of connectors) {
    const counts = new Map<string, number>()
    const rows = store.csRowsOfConnector(connector.id)
    for (const row of rows) increment(counts, store.csRows.objectType(row))
    assigned += rows.length
    csTypes.set(connector.id, counts)
  }
  const mvTypes = new Map<string, number>()
  for (let row = 0; row < store.mvRowCount; row += 1) increment(mvTypes, store.mvObjectTypeAt(row))
  return {
    name: snapshot.name,
    connectors: connectors.map((connector) => ({
      id: connector.id,
      name: connector.name,
      type: connector.type,
      inferred: connector.inferred === true,
      selectedAttributes: connector.selectedAttributes.length,
      csObjects: store.csRowsOfConnector(connector.id).length,
      byObjectType: countsRecord(csTypes.get(connector.id)),
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
    metaverse: {
      objects: store.mvRowCount,
      byObjectType: countsRecord(mvTypes),
      source: store.metaverseSource,
    },
    unassignedCsObjects: store.csRowCount - assigned,
    issues: snapshot.issues,
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** A JSON-ready record from counted names; built with defineProperty semantics so any name is a plain key. */
function countsRecord(counts: ReadonlyMap<string, number> | undefined): Readonly<Record<string, number>> {
  return Object.fromEntries([...(counts ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)))
}
