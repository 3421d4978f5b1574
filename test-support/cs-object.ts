import type { CsObject } from '../shared/model/objects'

/**
 * A connector-space object for tests: every optional part empty (no link, hologram, pending change, error or
 * unknown part), so that a test states only what it is about.
 */
export function testCsObject(fields: Pick<CsObject, 'id' | 'dn'> & Partial<CsObject>): CsObject {
  return {
    connectorId: null,
    connectorName: null,
    objectType: 'user',
    transient: false,
    anchor: null,
    isConnector: false,
    connectorState: null,
    mvLink: null,
    lineage: [],
    synchronized: null,
    pendingImportHologram: null,
    unappliedExportHologram: null,
    unconfirmedExportHologram: null,
    escrowedExportHologram: null,
    pendingImport: null,
    unappliedExport: null,
    unconfirmedExport: null,
    escrowedExport: null,
    importError: null,
    exportError: null,
    unknown: [],
    ...fields,
  }
}
