import type { HostApi, SnapshotSummary } from '../../../shared/app/host-api'
import type { TrainingCase } from '../../../shared/training/catalogue'
import type { Route } from '../../ui/navigation'
import { caseConnectorId, caseRoute, caseSearchRequest } from './training-model'

/** Where choosing a case leads: the object's view, or why it cannot be opened. */
export type CaseLookup =
  { readonly kind: 'found'; readonly route: Route } | { readonly kind: 'missing'; readonly message: string }

/** The one host query a case lookup needs. */
export type CaseSearchHost = Pick<HostApi, 'searchConnectorSpace'>

/**
 * Finds a case's object in the open snapshot by its DN. A snapshot other than the training one (or one
 * generated without the case) answers `missing` with what to do, never an exception.
 */
export async function lookUpCase(
  host: CaseSearchHost,
  summary: SnapshotSummary,
  trainingCase: TrainingCase,
): Promise<CaseLookup> {
  const connectorId = caseConnectorId(summary, trainingCase)
  if (connectorId === null) {
    return {
      kind: 'missing',
      message: `This snapshot has no connector named ${trainingCase.connector}. Open the training snapshot to follow the case.`,
    }
  }
  try {
    const page = await host.searchConnectorSpace(caseSearchRequest(connectorId, trainingCase))
    const [row] = page.rows
    if (!row) {
      return {
        kind: 'missing',
        message: `${trainingCase.dn} is not in the ${trainingCase.connector} connector space of this snapshot.`,
      }
    }
    return { kind: 'found', route: caseRoute(row.id, trainingCase) }
  } catch (error) {
    return {
      kind: 'missing',
      message: `The search for ${trainingCase.dn} failed: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
